"""Acronyms learnt from the organisation's profiles: initials of compound parts, brackets."""

from __future__ import annotations

from bot.domain.routing import ExpertProfile, ExpertRouter
from bot.domain.routing.acronyms import AcronymIndex, acronyms_in
from bot.domain.routing.text import CompoundSplitter, stem

SPLITTER = CompoundSplitter(
    ["qualitat", "management", "reise", "kosten", "abrechnung", "rechnung", "kontrolle"]
)


def test_acronyms_are_words_written_in_capitals() -> None:
    assert acronyms_in("Wer macht QM und die KPIs? Hallo, IT-Service") == ["qm", "kpi"]


def test_initials_of_compound_parts_spell_an_acronym_once() -> None:
    index = AcronymIndex(["Reisekostenabrechnung und Belege"], SPLITTER)
    assert index.long_form("rka") == (stem("reisekostenabrechnung"),)
    assert index.long_form("xyz") is None


def test_two_phrases_with_the_same_initials_resolve_nothing() -> None:
    index = AcronymIndex(["Reisekostenabrechnung", "Rechnungskontrolle Ausland"], SPLITTER)
    assert index.long_form("rka") is None


def test_brackets_define_an_acronym_in_either_order() -> None:
    index = AcronymIndex(
        ["Wiedereingliederung (BEM)", "ZNA (Zentrale Notaufnahme)", "UG (Tiefgarage, Büro)"],
        SPLITTER,
    )
    assert index.long_form("bem") == (stem("wiedereingliederung"),)
    assert index.long_form("zna") == (stem("zentrale"), stem("notaufnahme"))
    assert index.long_form("ug") is None  # a remark in brackets, not a long form


def _expert(expert_id: str, topics: tuple[str, ...], about: str = "") -> ExpertProfile:
    return ExpertProfile(
        expert_id, expert_id, "Stab", "Assistenz", "Köln", topics=topics, about=about
    )


def test_question_acronym_reaches_the_long_form_and_back() -> None:
    router = ExpertRouter(
        [
            _expert("a.rk", ("Reisekostenabrechnung",), about="Ich prüfe Reisekosten."),
            _expert(
                "b.bem", ("Arbeitsrecht",), about="Ich begleite das BEM (Wiedereingliederung)."
            ),
            _expert("c.it", ("Drucker", "Laptops"), about="Abrechnung der Druckkosten"),
            _expert("d.hr", ("Wiedereingliederung", "Personalakte")),
        ],
        [],
    )
    top = router.rank("Wer prüft meine RKA vom März?").candidates
    assert top and top[0].expert_id == "a.rk"
    # The profile's acronym also stands for its long form: both BEM experts are found.
    named = {c.expert_id for c in router.rank("Wer hilft bei der Wiedereingliederung?").candidates}
    assert named == {"b.bem", "d.hr"}
