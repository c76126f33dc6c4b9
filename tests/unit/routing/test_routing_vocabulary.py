"""Vocabulary bridges: the general bilingual glossary and what is learnt from the organisation."""

from __future__ import annotations

from bot.domain.routing import ExpertProfile, ExpertRouter
from bot.domain.routing.cognates import german_forms
from bot.domain.routing.expansion import synonym_table
from bot.domain.routing.index import RouterSettings
from bot.domain.routing.text import content_words, is_english, stem, stem_en


def _expert(
    expert_id: str, department: str, topics: tuple[str, ...], about: str = ""
) -> ExpertProfile:
    return ExpertProfile(
        expert_id, expert_id, department, "Assistenz", "Köln", topics=topics, about=about
    )


def test_glossary_translates_general_working_life_terms() -> None:
    table = synonym_table()
    assert ("dienstplan",) in table.find((), (stem_en("roster"),))
    assert (stem("uberstunden"),) in table.find((), (stem_en("overtime"),))
    assert ("vertraulich",) in table.find((), (stem_en("anonymous"),))


def test_english_question_reaches_german_glossary_topic() -> None:
    router = ExpertRouter(
        [
            _expert("a.plan", "Pflegedirektion", ("Dienstplan", "Schichttausch")),
            _expert("b.lager", "Logistik", ("Wareneingang", "Inventur")),
        ],
        [],
    )
    top = router.rank("Who can change the duty roster for next month?").candidates
    assert top and top[0].expert_id == "a.plan"
    top = router.rank("Where do I report a delivery at goods receipt?").candidates
    assert top and top[0].expert_id == "b.lager"


def test_english_cognates_get_german_spellings() -> None:
    assert "dokumentation" in german_forms("documentation")
    assert "zertifikat" in german_forms("certificate")
    assert "qualitat" in german_forms("quality")
    assert "logistik" in german_forms("logistics")
    assert "klinik" in german_forms("clinic")
    assert "therapie" in german_forms("therapy")
    assert "warnung" in german_forms("warning")
    assert "planung" in german_forms("planning")
    assert german_forms("desk") == []


def test_english_cognate_reaches_german_topic_and_its_compounds() -> None:
    router = ExpertRouter(
        [
            _expert("a.log", "Zentrallager", ("Lagerlogistik", "Kooperationen mit Kliniken")),
            _expert("b.kom", "Kommunikation", ("Intranet", "Pressearbeit")),
        ],
        [],
    )
    for question in ("Who plans the logistics with the clinic?", "Any clinic contacts?"):
        top = router.rank(question).candidates
        assert top and top[0].expert_id == "a.log", question


def test_english_routing_verbs_say_nothing_about_the_topic() -> None:
    # Like German "organisiert", "koordiniert": every routing question uses them.
    assert content_words("Who coordinates and arranges this? Somewhere, people deal with it") == []


def test_everyday_english_reaches_german_topics() -> None:
    router = ExpertRouter(
        [
            _expert("a.lager", "Materialwirtschaft", ("Verbrauchsmaterial", "Haltbarkeit")),
            _expert("b.it", "IT", ("Passwort zurücksetzen", "Drucker")),
        ],
        [],
    )
    top = router.rank("Who checks the expiry of our consumables?").candidates
    assert top and top[0].expert_id == "a.lager"


def test_english_is_told_from_german_by_function_words() -> None:
    assert is_english("Who can help me with the roster?")
    assert not is_english("Wer kann mir mit dem Dienstplan helfen?")
    assert not is_english("Wer kennt sich mit Teams und SharePoint aus?")


def test_untranslated_english_words_weigh_less_than_unknown_german_ones() -> None:
    experts = [
        _expert("a.plan", "Pflegedirektion", ("Dienstplan", "Schichttausch")),
        _expert("b.lager", "Logistik", ("Wareneingang", "Inventur")),
    ]
    question = "Who fixes the roster when grumpy squad mates quarrel endlessly?"
    # Pinned unknown-word weight: the test is about the English share of it.
    strict = ExpertRouter(experts, [], RouterSettings(oov_weight=0.5, english_oov_share=1.0))
    assert strict.rank(question).candidates == ()
    top = ExpertRouter(experts, [], RouterSettings(oov_weight=0.5)).rank(question).candidates
    assert top and top[0].expert_id == "a.plan"


def test_everyday_german_reaches_the_formal_term() -> None:
    router = ExpertRouter(
        [
            _expert("a.ergo", "Arbeitssicherheit", ("Ergonomie", "Arbeitsunfall")),
            _expert("b.haus", "Haustechnik", ("Schädlingsbekämpfung", "Klimaanlage")),
        ],
        [],
    )
    top = router.rank("Mir tut vom Sitzen der Rücken weh, wer hilft?").candidates
    assert top and top[0].expert_id == "a.ergo"
    top = router.rank("Im Keller sind Mäuse, wen rufe ich an?").candidates
    assert top and top[0].expert_id == "b.haus"


def test_a_split_verb_means_the_joined_verb_not_a_noun_that_stems_alike() -> None:
    # "rechne" alone stems like "Rechner"; "Wie rechne ich ... ab?" asks how to claim expenses.
    router = ExpertRouter(
        [
            _expert("a.it", "IT", ("Rechner bestellen", "Laptop", "Drucker")),
            _expert("b.reise", "Reisestelle", ("Reisekostenabrechnung", "Hotelbuchung")),
            _expert("c.personal", "Personal", ("Urlaubsantrag", "Elternzeit")),
        ],
        [],
    )
    for question in (
        "Wie rechne ich die Hotelkosten für Berlin ab?",
        "Wie rechne ich die Reise zum Kunden ab?",
    ):
        assert router.rank(question).candidates[0].expert_id == "b.reise"
    top = router.rank("Wie rechne ich meine Fahrt nach Berlin ab?").candidates
    assert [c.expert_id for c in top][:1] != ["a.it"]


def test_a_forgotten_password_is_no_question_about_food() -> None:
    router = ExpertRouter(
        [
            _expert("a.it", "IT", ("Passwort zurücksetzen", "Laptop")),
            _expert("b.catering", "Empfang", ("Catering Besprechungen", "Essen für Gäste")),
        ],
        [],
    )
    top = router.rank("Ich habe mein Passwort vergessen, wer kann helfen?").candidates
    assert [c.expert_id for c in top] == ["a.it"]


def test_an_english_open_compound_reaches_the_german_closed_one() -> None:
    router = ExpertRouter(
        [
            _expert("a.empfang", "Empfang", ("Raumplanung", "Besucheranmeldung")),
            _expert("b.finanz", "Controlling", ("Budgetplanung", "Kostenstellen")),
        ],
        [],
    )
    # "room planning" stands for the compound itself, not only for its two parts.
    concepts = router._analyser.analyse("Who can help me with room planning?").concepts
    head = dict(concepts[-1].features)
    assert head.get(stem("raumplanung"), 0.0) >= 0.6
    top = router.rank("Who can help me with room planning?").candidates
    # Not every other "…planung": the budget planner has nothing to do with rooms.
    assert [c.expert_id for c in top] == ["a.empfang"]


def test_the_callers_language_hint_reads_a_bare_topic_as_english() -> None:
    router = ExpertRouter(
        [
            _expert("a.empfang", "Empfang", ("Raumplanung", "Besucheranmeldung")),
            _expert("b.finanz", "Controlling", ("Budgetplanung", "Kostenstellen")),
        ],
        [],
    )
    # A search topic has no function words to tell its language by: read as German, "room
    # planning" finds nobody; the English client's hint makes it the compound.
    assert router.rank("room planning").candidates == ()
    top = router.rank("room planning", english_client=True).candidates
    assert [c.expert_id for c in top] == ["a.empfang"]
    # A German topic in the English client ranks as in a German one.
    assert router.rank("Raumplanung", english_client=True) == router.rank("Raumplanung")


def test_a_question_without_function_words_takes_the_clients_language() -> None:
    assert is_english("VPN access?", english_client=True)
    assert not is_english("VPN access?")
    # The words decide where they can: a German question in an English client stays German.
    assert not is_english("Wer kann mir mit dem VPN helfen?", english_client=True)
    assert is_english("Who can help me with the VPN?", english_client=False)
