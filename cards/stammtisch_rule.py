"""The organiser's form for the monthly Stammtisch rule."""

from __future__ import annotations

from typing import Any

from bot.domain.stammtisch.model import Rule
from bot.i18n import t
from cards.elements import card, execute, text
from cards.stammtisch_format import clock

WORKDAYS = range(5)


def _weekday_choices(lang: str) -> list[dict[str, str]]:
    names = t("weekday.long", lang).split(",")
    return [{"title": names[day], "value": str(day)} for day in WORKDAYS]


def _choice(
    field_id: str, label: str, choices: list[dict[str, str]], value: str, **extra: Any
) -> dict[str, Any]:
    return {
        "type": "Input.ChoiceSet",
        "id": field_id,
        "label": label,
        "style": "compact",
        "choices": choices,
        "value": value,
        **extra,
    }


def _time(field_id: str, label: str, value: str) -> dict[str, Any]:
    return {"type": "Input.Time", "id": field_id, "label": label, "value": value}


def rule_card(rule: Rule | None, lang: str, note: str | None = None) -> dict[str, Any]:
    """The form, prefilled with the stored rule (or the defaults)."""
    current = rule or Rule(
        team_key="", place={}, organiser_key="", organiser_name="", tenant_id=None
    )
    weeks = t("stammtisch.rule.weeks", lang).split(",")

    def label(key: str) -> str:
        return t(f"stammtisch.rule.{key}", lang)

    body: list[dict[str, Any]] = [
        text(label("title"), weight="Bolder", size="Medium"),
        text(label("intro"), isSubtle=True),
        _choice(
            "post_week",
            label("post_week"),
            [{"title": name, "value": str(i + 1)} for i, name in enumerate(weeks)],
            str(current.post_week),
        ),
        _choice("post_weekday", label("post_weekday"), _weekday_choices(lang),
                str(current.post_weekday)),
        _time("post_time", label("post_time"), clock(current.post_time)),
        _choice("deadline_weekday", label("deadline_weekday"), _weekday_choices(lang),
                str(current.deadline_weekday)),
        _time("deadline_time", label("deadline_time"), clock(current.deadline_time)),
        _time("lunch_start", label("lunch_start"), clock(current.lunch_start)),
        _time("lunch_end", label("lunch_end"), clock(current.lunch_end)),
        _choice("weekdays", label("weekdays"), _weekday_choices(lang),
                ",".join(str(d) for d in current.candidate_weekdays), isMultiSelect=True),
        {"type": "Input.Number", "id": "count", "label": label("count"), "min": 3, "max": 5,
         "value": current.candidate_count},
        {"type": "Input.Text", "id": "places", "label": label("places"), "maxLength": 400,
         "value": ", ".join(current.places)},
        {"type": "Input.Toggle", "id": "active", "title": label("active"), "valueOn": "true",
         "valueOff": "false", "value": "true" if current.active else "false"},
    ]  # fmt: skip
    if note:
        body.insert(0, text(note, weight="Bolder", color="Attention"))
    return card(body, [execute(label("save"), "stammtisch.rule", {})])
