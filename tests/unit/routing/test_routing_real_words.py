"""A real word is meant as written: it is not read as the organisation's word one edit away,
while a misspelt word still is (bot/domain/routing/realwords.py)."""

from __future__ import annotations

import pytest

from bot.domain.routing import ExpertProfile, ExpertRouter
from bot.domain.routing.realwords import is_real_word


@pytest.fixture(scope="module")
def router() -> ExpertRouter:
    experts = [
        ExpertProfile(
            "it",
            "Aylin",
            department="IT",
            topics=("Postfach", "Passwort"),
            about="Störungen leite ich an den Dienstleister weiter.",
        ),
        ExpertProfile("hr", "Jana", department="Personal", topics=("Urlaubsantrag",)),
    ]
    return ExpertRouter(experts, [])


def test_a_real_word_one_edit_from_an_organisation_word_is_no_typo(router: ExpertRouter) -> None:
    # "Wetter" is one edit from "weiter", which the IT profile happens to use.
    assert router.rank("Wie wird das Wetter morgen?").abstained
    assert router.rank("Weiß jemand, wie das Wetter am Freitag wird?").abstained


def test_misspelt_words_are_still_read_as_typos(router: ExpertRouter) -> None:
    for typo, expert in (
        ("Mein Postafch ist voll, was tun?", "it"),
        ("Wie setze ich mein Paswort zurück?", "it"),
        ("Wo stelle ich einen Urlaubsantarg?", "hr"),
    ):
        assert router.rank(typo).candidates[0].expert_id == expert, typo


def test_word_lists_know_german_and_english_words_in_folded_spelling() -> None:
    assert is_real_word("wetter")
    assert is_real_word("ubungen")  # "Übungen", folded as every routed word is
    assert is_real_word("grosse")  # "Größe": five letters, six when folded
    assert is_real_word("weather")
    assert not is_real_word("postafch")
    assert not is_real_word("wetter"[:5])  # too short to be looked up as a typo at all
