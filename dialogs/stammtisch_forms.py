"""Typed payloads of the Stammtisch cards (parsed at the edge; the domain checks the rest), and
the note added when a saved rule's date this month has passed."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, model_validator

from bot.conversation import Turn
from bot.domain.stammtisch.poll import Answer
from bot.domain.stammtisch.schedule import first_of_next_month
from bot.i18n import t
from cards.stammtisch_format import day_label, month_label
from dialogs.payload_types import PageStart, RowId

_DATE_KEY = re.compile(r"^d_(\d{4}-\d{2}-\d{2})$")
_TIME = r"^([01]\d|2[0-3]):[0-5]\d$"


class PollAction(BaseModel):
    """Organiser buttons and refresh: only the poll id counts; card inputs are ignored."""

    model_config = ConfigDict(extra="ignore")

    poll_id: RowId


class AnswerAction(BaseModel):
    """One click on a date's answer button: the poll, the date and the answer."""

    # Teams may merge card inputs into the data; only these three fields count.
    model_config = ConfigDict(extra="ignore")

    poll_id: RowId
    day: date
    answer: Answer


class PlaceForm(BaseModel):
    """ "Ort speichern": the poll and the chosen place (checked against the poll's places)."""

    model_config = ConfigDict(extra="ignore")

    poll_id: RowId
    place: str | None = Field(default=None, max_length=200)

    @model_validator(mode="after")
    def _empty_is_none(self) -> PlaceForm:
        if self.place == "":
            self.place = None
        return self


class ExportPage(PollAction):
    """ "Ergebnis exportieren" (first page) and "Weitere Stimmen" (a later one)."""

    start: PageStart = 0


class VoteForm(BaseModel):
    """ "Abstimmen": the poll id, one answer per date input ("d_2027-01-12"), a place."""

    model_config = ConfigDict(extra="allow")

    poll_id: RowId
    place: str | None = Field(default=None, max_length=200)

    @model_validator(mode="after")
    def _check_answers(self) -> VoteForm:
        self.answers()  # raises ValueError (a bad payload) for foreign keys or values
        if self.place == "":
            self.place = None
        return self

    def answers(self) -> dict[date, Answer]:
        """The answered dates; unanswered inputs arrive as "" and are left out."""
        result: dict[date, Answer] = {}
        for key, value in (self.model_extra or {}).items():
            match = _DATE_KEY.match(key)
            if match is None or not isinstance(value, str):
                raise ValueError(f"unexpected field {key!r}")
            if value:
                result[date.fromisoformat(match.group(1))] = Answer(value)
        return result


class RuleForm(BaseModel):
    """The rule form; ``weekdays`` arrives as "1,2,3" from a multi-select."""

    model_config = ConfigDict(extra="forbid")

    post_week: int = Field(ge=1, le=5)
    post_weekday: int = Field(ge=0, le=4)
    post_time: str = Field(pattern=_TIME)
    deadline_weekday: int = Field(ge=0, le=4)
    deadline_time: str = Field(pattern=_TIME)
    lunch_start: str = Field(pattern=_TIME)
    lunch_end: str = Field(pattern=_TIME)
    weekdays: str = Field(default="", max_length=20)
    count: int = Field(ge=3, le=5)
    places: str = Field(default="", max_length=400)
    active: bool = True

    def times(self) -> dict[str, time]:
        """The four times as ``datetime.time``."""
        names = ("post_time", "deadline_time", "lunch_start", "lunch_end")
        return {name: time.fromisoformat(getattr(self, name)) for name in names}

    def weekday_list(self) -> tuple[int, ...]:
        """The chosen weekdays, Monday = 0, only Monday to Friday."""
        days = {int(part) for part in self.weekdays.split(",") if part.strip().isdigit()}
        return tuple(sorted(d for d in days if 0 <= d <= 4))

    def place_list(self) -> tuple[str, ...]:
        """The places, trimmed, without duplicates, in the given order."""
        seen: dict[str, None] = {}
        for part in self.places.split(","):
            if part.strip():
                seen.setdefault(part.strip()[:200], None)
        return tuple(seen)


def rule_problems(form: RuleForm) -> list[str]:
    """Keys of contradictions in the rule form (stammtisch.rule.problem.*)."""
    problems = []
    times = form.times()
    if times["lunch_end"] <= times["lunch_start"]:
        problems.append("lunch")
    if not form.weekday_list():
        problems.append("weekdays")
    if len(form.place_list()) not in (0, 2, 3, 4):
        problems.append("places")
    return problems


def top_level_place(turn: Turn) -> dict[str, Any]:
    """The turn's conversation without the thread, so that posts start a new conversation."""
    return {"reference": dict(turn.top_level_reference)}


def passed_note(month: date, passed: datetime, zone: ZoneInfo, lang: str) -> str:
    """The rule's date (``passed``) for ``month``'s poll has passed: the rule applies from the
    next month, and "stammtisch neu" posts ``month``'s poll by hand."""
    local = passed.astimezone(zone).date()
    return t(
        "stammtisch.reply.rule_passed", lang, posted_in=month_label(local, lang),
        day=day_label(local, lang), next=month_label(first_of_next_month(local), lang),
        month=month_label(month, lang),
    )  # fmt: skip
