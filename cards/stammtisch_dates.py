"""One candidate date on the poll card: label, result bar, counts and the one-click answers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from bot.domain.stammtisch.poll import Answer, DateTally
from bot.i18n import t
from cards.elements import execute, text
from cards.stammtisch_format import day_label

NAMES_SHOWN = 8
ANSWER_VERB = "stammtisch.answer"


def date_input_id(day: date) -> str:
    """The id of a date's element ("d_2027-01-12"): the old vote form's input, now the bar."""
    return f"d_{day.isoformat()}"


def _names(names: Sequence[str], lang: str) -> str:
    shown = ", ".join(names[:NAMES_SHOWN])
    rest = len(names) - NAMES_SHOWN
    return f"{shown} {t('stammtisch.more', lang, count=rest)}" if rest > 0 else shown


def _bar(count: DateTally, voters: int) -> dict[str, Any]:
    """Yes (green) and maybe (yellow) as shares of everyone who voted, so that the bars of
    all dates compare at a glance; the rest (no or no answer for this date) stays grey."""
    rest = max(voters - count.yes - count.maybe, 0)
    parts = [("good", count.yes), ("warning", count.maybe), ("emphasis", rest)]
    columns = [
        {"type": "Column", "width": str(weight), "style": style, "minHeight": "12px", "items": []}
        for style, weight in parts
        if weight > 0
    ]
    if not columns:  # nobody voted yet: an empty grey bar
        columns = [{"type": "Column", "width": "stretch", "style": "emphasis",
                    "minHeight": "12px", "items": []}]  # fmt: skip
    return {"type": "ColumnSet", "columns": columns, "spacing": "Small"}


def _answer_buttons(poll_id: int, day: date, mine: Answer | None, lang: str) -> dict[str, Any]:
    actions = []
    for answer in Answer:
        title = t(f"stammtisch.answer.{answer.value}", lang)
        data = {"poll_id": poll_id, "day": day.isoformat(), "answer": answer.value}
        # A click sends only its own answer: the place input has its own button.
        extra: dict[str, Any] = {"associatedInputs": "none"}
        if answer is mine:
            title = t("stammtisch.answer.chosen", lang, answer=title)
            extra["style"] = "positive"
        actions.append(execute(title, ANSWER_VERB, data, **extra))
    return {"type": "ActionSet", "actions": actions, "spacing": "Small"}


def date_block(
    poll_id: int,
    count: DateTally,
    *,
    voters: int,
    names: dict[str, str],
    mark: str | None,
    mine: Answer | None,
    open_: bool,
    lang: str,
) -> dict[str, Any]:
    """The container of one date; ``mark`` names the current favourite or the winner."""
    label = f"**{day_label(count.day, lang)}**"
    if mark:
        label = f"{label} · {mark}"
    lines = [t("stammtisch.counts", lang, yes=count.yes, maybe=count.maybe, no=count.no)]
    if count.yes_voters:
        voters_named = [names[key] for key in count.yes_voters]
        lines.append(t("stammtisch.yes_names", lang, names=_names(voters_named, lang)))
    bar = {**_bar(count, voters), "id": date_input_id(count.day)}
    items: list[dict[str, Any]] = [
        text(label, color="Good" if mark else "Default"),
        bar,
        text("  \n".join(lines), isSubtle=True, spacing="Small"),
    ]
    if open_:
        items.append(_answer_buttons(poll_id, count.day, mine, lang))
    return {"type": "Container", "separator": True, "items": items}
