"""The expert's DM card actions that unfold an input: "Beantworten" and "Weiterleiten an …"."""

from __future__ import annotations

from typing import Any

from bot.i18n import t
from cards.elements import execute as _execute
from cards.size import page_of

COLLEAGUES_DATASET = "experts.colleagues"
# "Weiterleiten an …" in a pool of hundreds: the colleague is found by typeahead (the bot
# answers the dataset's search); the card carries only the first ones within this many bytes.
FORWARD_CHOICES_BYTES = 6_000


def _show_card(
    title: str, field: dict[str, Any], submit: str, verb: str, data: dict[str, Any]
) -> dict[str, Any]:
    """A button that unfolds one required input and its submit button."""
    return {
        "type": "Action.ShowCard",
        "title": title,
        "card": {
            "type": "AdaptiveCard",
            "body": [{**field, "isRequired": True}],
            "actions": [_execute(submit, verb, data)],
        },
    }


def answer_action(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """ "Beantworten": unfolds the answer field and its send button."""
    field = {
        "type": "Input.Text",
        "id": "answer",
        "isMultiline": True,
        "maxLength": 4000,
        "label": t("routing.answer.label", lang),
        "errorMessage": t("routing.answer.required", lang),
    }
    title, submit = t("routing.button.answer", lang), t("routing.button.send_answer", lang)
    return _show_card(title, field, submit, "routing.answer", data)


def forward_action(
    data: dict[str, Any], others: list[tuple[str, str]], lang: str
) -> dict[str, Any]:
    """ "Weiterleiten an …": unfolds the colleague choice (typeahead) and its send button."""
    field = {
        "type": "Input.ChoiceSet",
        "id": "target",
        "label": t("routing.forward.label", lang),
        "errorMessage": t("routing.forward.required", lang),
        "style": "filtered",
        "choices": page_of([{"title": name, "value": key} for key, name in others], 0,
                           FORWARD_CHOICES_BYTES).rows,
        "choices.data": {"type": "Data.Query", "dataset": COLLEAGUES_DATASET},
    }  # fmt: skip
    title, submit = t("routing.button.forward", lang), t("routing.button.forward_send", lang)
    return _show_card(title, field, submit, "routing.forward", data)
