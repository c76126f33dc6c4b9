"""Typed builders for the cards every feature shares (help, errors, welcome)."""

from __future__ import annotations

from functools import cache
from typing import Any, cast

import orjson

from bot.domain.routing.asking import MAX_QUESTION_CHARS
from bot.i18n import t
from cards.elements import card, text, titled_text

_HELP_SECTIONS = (
    "routing", "stammtisch", "buddy", "rooms", "urgent", "roulette", "birthdays", "privacy",
)  # fmt: skip
# The help card's buttons: each opens what the command of the same name shows
# (dialogs/shortcuts.py); "ask" opens the question form.
SHORTCUTS = ("ask", "topics", "room", "stammtisch", "data")
# Sections with a button of their own (a card shows at most five actions at the bottom).
_SECTION_SHORTCUTS = {"roulette": "roulette"}


def shortcut_actions(language: str) -> list[dict[str, Any]]:
    """Action.Submit buttons: the answer arrives as a new message and the card stays, so the
    overview can be used again (an Action.Execute answer would replace it)."""
    return [
        {
            "type": "Action.Submit",
            "title": t(f"help.button.{target}", language),
            "data": {"verb": "help.open", "target": target},
        }
        for target in SHORTCUTS
    ]


def help_card(language: str) -> dict[str, Any]:
    """The overview of everything the bot can do: built once per language, and each caller
    gets its own copy, so a caller that adds a note cannot change the next user's card. The
    copy is parsed from cached JSON: about 9× cheaper than a deep copy ("hilfe" is the load
    benchmark's message)."""
    return cast(dict[str, Any], orjson.loads(_help_card_json(language)))


@cache
def _help_card_json(language: str) -> bytes:
    return orjson.dumps(_help_card(language))


def _help_card(language: str) -> dict[str, Any]:
    sections = [
        _section(t(f"help.{name}.title", language), t(f"help.{name}.text", language))
        for name in _HELP_SECTIONS
    ]
    for name, target in _SECTION_SHORTCUTS.items():
        button = {"type": "Action.Submit", "title": t(f"help.button.{target}", language),
                  "data": {"verb": "help.open", "target": target}}  # fmt: skip
        section = sections[_HELP_SECTIONS.index(name)]
        section["items"].append({"type": "ActionSet", "actions": [button]})
    body = [
        text(t("help.title", language), size="Large", weight="Bolder"),
        text(t("help.intro", language), spacing="Small"),
        *sections,
        text(t("help.footer", language), isSubtle=True, size="Small", spacing="Medium"),
    ]
    return card(body, shortcut_actions(language))


def _section(title: str, body: str) -> dict[str, Any]:
    """One capability of the help card: a bold title and its text, kept together in a
    Container so that the spacing separates capabilities, not title from text."""
    items = [text(title, weight="Bolder"), text(body, spacing="None")]
    return {"type": "Container", "spacing": "Medium", "items": items}


def question_form_card(language: str) -> dict[str, Any]:
    """ "Frage stellen": one text field; sent, it is routed like a typed question."""
    field = {
        "type": "Input.Text",
        "id": "question",
        "label": t("help.ask.label", language),
        "placeholder": t("help.ask.placeholder", language),
        "isMultiline": True,
        "isRequired": True,
        "errorMessage": t("help.ask.required", language),
        "maxLength": MAX_QUESTION_CHARS,
    }
    send = {
        "type": "Action.Submit",
        "title": t("help.ask.send", language),
        "data": {"verb": "help.ask"},
    }
    body = [text(t("help.ask.title", language), weight="Bolder", size="Medium"), field]
    return card(body, [send])


def error_card(language: str, message_key: str) -> dict[str, Any]:
    """A friendly error card for a card action that could not be carried out."""
    title = text(t("error.card.title", language), weight="Bolder", color="Attention")
    return card([title, text(t(message_key, language))])


def team_welcome_card(language: str) -> dict[str, Any]:
    """The short introduction posted when the app is installed in a team, with the same
    buttons as the help card."""
    welcome = titled_text(t("welcome.team.title", language), t("welcome.team.text", language))
    return {**welcome, "actions": shortcut_actions(language)}


def message_question_card(question: str, target: str, language: str) -> dict[str, Any]:
    """The dialog of "Ans Assistenz-Netzwerk fragen": the message's text, editable, and where
    the question should go (the asker's chat with the bot or the network's channel)."""
    field = {
        "type": "Input.Text",
        "id": "question",
        "label": t("message_action.question", language),
        "value": question[:MAX_QUESTION_CHARS],
        "isMultiline": True,
        "isRequired": True,
        "errorMessage": t("help.ask.required", language),
        "maxLength": MAX_QUESTION_CHARS,
    }
    choice = {
        "type": "Input.ChoiceSet",
        "id": "target",
        "label": t("message_action.target", language),
        "style": "expanded",
        "value": target,
        "isRequired": True,
        "errorMessage": t("message_action.target.required", language),
        "choices": [
            {"title": t(f"message_action.target.{name}", language), "value": name}
            for name in ("channel", "chat")
        ],
    }
    intro = text(t("message_action.intro", language), isSubtle=True, spacing="Small")
    send = {"type": "Action.Submit", "title": t("help.ask.send", language)}
    return card([intro, field, choice], [send])
