"""Typed builders for the cards every feature shares (help, errors, welcome)."""

from __future__ import annotations

from functools import cache
from typing import Any

from bot.i18n import t
from cards.render import render

_HELP_SECTIONS = ("routing", "stammtisch", "buddy", "rooms", "privacy")


@cache
def help_card(language: str) -> dict[str, Any]:
    """The overview of everything the bot can do (static per language, so built once).

    Cards are values: callers never mutate a built card.
    """
    sections = [
        render(
            "section",
            title=t(f"help.{name}.title", language),
            text=t(f"help.{name}.text", language),
        )
        for name in _HELP_SECTIONS
    ]
    return render(
        "help",
        title=t("help.title", language),
        intro=t("help.intro", language),
        sections=sections,
        footer=t("help.footer", language),
    )


def error_card(language: str, message_key: str) -> dict[str, Any]:
    """A friendly error card for a card action that could not be carried out."""
    return render("error", title=t("error.card.title", language), message=t(message_key, language))


def team_welcome_card(language: str) -> dict[str, Any]:
    """The short introduction posted when the app is installed in a team."""
    return render(
        "titled_text",
        title=t("welcome.team.title", language),
        text=t("welcome.team.text", language),
    )
