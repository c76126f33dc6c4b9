"""Compounds the organisation never wrote: a misspelt one is read as the word it was meant to
be, not as the known word its typo happens to end in, nor left unread; one of two known
compounds of the same expert reaches them."""

from __future__ import annotations

import pytest

from bot.domain.routing import ExpertProfile, ExpertRouter

EXPERTS = [
    ExpertProfile(
        "f.fuhrpark", "Frank Fuhrpark", "Fuhrpark", "Flottenmanager", "Hamburg",
        topics=("Dienstwagen", "Tankkarten"),
    ),
    ExpertProfile(
        "l.logistik", "Lea Logistik", "Logistik", "Disponentin", "Hamburg",
        topics=("Transporter mieten", "Wagen für Umzüge"),
    ),
    ExpertProfile(
        "p.personal", "Pia Personal", "Personal", "Personalreferentin", "Hamburg",
        topics=("Urlaub", "Elternzeit"), about="Ich prüfe jeden Antrag auf freie Tage.",
    ),
    ExpertProfile(
        "h.haus", "Hanna Haus", "Facility", "Hausverwaltung", "Hamburg",
        topics=("Tiefgarage", "Stellplätze für Fahrräder", "Teeküche"),
    ),
]  # fmt: skip


@pytest.fixture(scope="module")
def router() -> ExpertRouter:
    return ExpertRouter(EXPERTS, [])


def test_a_typo_is_not_read_as_the_known_word_it_happens_to_end_in(router: ExpertRouter) -> None:
    # "Dinstwagen" ends in "wagen" (Lea's vans); it is Frank's "Dienstwagen" misspelt.
    [first, *_] = router.rank("Wer kümmert sich um meinen Dinstwagen?").candidates
    assert first.expert_id == "f.fuhrpark"


def test_a_typo_in_a_compound_nobody_wrote_reaches_its_parts(router: ExpertRouter) -> None:
    # Nobody wrote "Urlaubsantrag"; "Urlaub" and "Antrag" are Pia's.
    [first, *_] = router.rank("Wo stelle ich einen Urlaubsantarg?").candidates
    assert first.expert_id == "p.personal"


def test_two_known_compounds_in_one_reach_the_expert_who_has_both(router: ExpertRouter) -> None:
    [first, *_] = router.rank("Wer vergibt Tiefgaragenstellplätze?").candidates
    assert first.expert_id == "h.haus"
    # One part alone is no evidence: cake is not the kitchen ("Kuchen" ~ "Teeküche").
    assert router.rank("Wer hat Lust auf Kuchen?").candidates == ()
