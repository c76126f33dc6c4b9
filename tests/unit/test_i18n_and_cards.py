"""Catalogues are complete in both languages and cards are valid Adaptive Card 1.5 JSON."""

from __future__ import annotations

import json

import pytest

from bot.i18n import de, en, language_of, t
from cards.builders import error_card, help_card, team_welcome_card
from cards.elements import titled_text


def test_catalogues_have_the_same_keys() -> None:
    assert set(de.MESSAGES) == set(en.MESSAGES)


def test_no_text_says_its_sentence_twice() -> None:
    # A key and its text on two lines without a comma between them are joined by Python into
    # the same sentence twice ("Nothing was requested.Nothing was requested."): four did.
    for catalogue in (de.MESSAGES, en.MESSAGES):
        for key, text in catalogue.items():
            half = len(text) // 2
            assert not (len(text) > 1 and text[:half] == text[half:]), key


def test_language_of_locales() -> None:
    assert language_of("de-DE") == "de"
    assert language_of("en-US") == "en"
    assert language_of("fr-FR") == "de"
    assert language_of(None) == "de"


def test_translation_falls_back_to_german_and_formats() -> None:
    assert t("error.unknown_command", "fr", text="x").startswith("Das habe ich")
    assert "„x“" in t("error.unknown_command", "de", text="x")


@pytest.mark.parametrize("language", ["de", "en"])
def test_cards_render_as_adaptive_cards(language: str) -> None:
    for card in (
        help_card(language),
        error_card(language, "error.card.bad_payload"),
        team_welcome_card(language),
    ):
        assert card["type"] == "AdaptiveCard" and card["version"] == "1.5"
        assert "${" not in json.dumps(card)


def test_help_card_lists_all_capabilities() -> None:
    card = help_card("de")
    titles = [c["items"][0]["text"] for c in card["body"] if c.get("type") == "Container"]
    assert titles == [
        "Know-how finden",
        "Stammtisch",
        "Buddy für Neue",
        "Besprechungsräume",
        "Dringender Termin",
        "Kaffee- und Mittags-Roulette",
        "Geburtstage und Jubiläen",
        "Ihre Daten",
    ]


def test_card_text_is_passed_through_verbatim() -> None:
    card = titled_text('Quote " and ${x}', "<b>")
    assert card["body"][0]["text"] == 'Quote " and ${x}'


def test_a_caller_that_changes_its_help_card_does_not_change_the_next_ones() -> None:
    mine = help_card("de")
    mine["body"].append({"type": "TextBlock", "text": "nur für mich"})
    mine["actions"].clear()
    fresh = help_card("de")
    assert fresh != mine and fresh["actions"]
    assert all(block.get("text") != "nur für mich" for block in fresh["body"])
