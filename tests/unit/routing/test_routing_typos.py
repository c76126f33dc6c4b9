"""Typos in compounds: a misspelt compound is read as the word it was meant to be, not as the
known word its typo happens to end in, nor left unread."""

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
