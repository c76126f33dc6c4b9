"""Normalisation: umlaut folding, tokenising, stemming, participles, compound splitting."""

from __future__ import annotations

from bot.domain.routing.text import (
    CompoundSplitter,
    content_words,
    fold,
    infinitive,
    sentence_words,
    stem,
    verb_base,
    words,
)


def test_umlaut_spellings_fold_to_one_key() -> None:
    assert fold("Köln") == fold("Koeln") == fold("KÖLN") == "koln"
    assert fold("überhaupt") == fold("ueberhaupt")
    assert fold("Größe") == fold("Groesse") == "grosse"
    assert fold("Café") == "cafe"


def test_vowel_pairs_that_are_not_umlauts_stay() -> None:
    assert fold("neue") == "neue"
    assert fold("Quelle") == "quelle"
    assert fold("Bauer") == "bauer"


def test_hyphenated_words_yield_whole_and_parts() -> None:
    tokens = words("Die E-Mail-Signatur im Outlook-Client")
    assert "emailsignatur" in tokens
    assert {"mail", "signatur", "outlook", "client"} <= set(tokens)


def test_content_words_drop_stopwords_and_digits() -> None:
    assert content_words("Wer kann mir bitte mit den 3 Druckern helfen?") == ["druckern"]


def test_stemming_unifies_inflections() -> None:
    assert stem(fold("Rechnungen")) == stem(fold("Rechnung"))
    assert stem(fold("Verträge")) == stem(fold("Vertrag"))
    assert stem(fold("Flüge")) == stem(fold("Flug"))


def test_weak_participles_map_to_their_infinitive() -> None:
    assert infinitive("abgesagt") == "absagen"
    assert infinitive("gebucht") == "buchen"
    assert infinitive("storniert") == "stornieren"
    assert infinitive("gestern") is None


def test_compound_split_uses_known_words_and_linking_s() -> None:
    splitter = CompoundSplitter(["arbeit", "vertrag", "reise", "kosten", "abrechnung"])
    assert splitter.split("arbeitsvertrag") == ("arbeit", "vertrag")
    parts = splitter.split("reisekostenabrechnung")
    assert {"reise", "kosten", "abrechnung"} <= set(parts)


def test_compound_split_descends_into_known_compounds() -> None:
    splitter = CompoundSplitter(["reisekosten", "reise", "kosten", "abrechnung"])
    assert splitter.split("reisekostenabrechnung") == (
        "reisekosten",
        "reise",
        "kosten",
        "abrechnung",
    )


def test_known_head_is_kept_when_modifier_is_unknown() -> None:
    splitter = CompoundSplitter(["kunden"])
    assert splitter.split("grosskunden") == ("kunden",)


def test_a_verb_prefix_is_no_modifier_of_a_known_head() -> None:
    splitter = CompoundSplitter(["essen", "trag", "kosten", "gelder"])
    # ver-g-essen, ver-trag, ent-gelder: verbs and their nouns, not kinds of Essen or Trag.
    assert splitter.split("vergessen") == ()
    assert splitter.split("vertrag") == ()
    assert splitter.split("mittagessen") == ("essen",)
    assert splitter.split("verwaltungskosten") == ("kosten",)


def test_short_or_unknown_words_are_not_split() -> None:
    splitter = CompoundSplitter(["reise", "kosten"])
    assert splitter.split("reise") == ()
    assert splitter.split("wetterbericht") == ()


def test_separable_verbs_share_their_base_verb() -> None:
    assert verb_base("anlegen") == "legen"
    assert verb_base("einreichen") == "reichen"
    assert verb_base("zurucksetzen") is not None
    # Nouns with a particle-like start are no separable verbs.
    assert verb_base("einstellungen") is None
    assert verb_base("angebote") is None


def test_a_split_separable_verb_is_joined_again() -> None:
    assert sentence_words("Wie rechne ich die Reise ab?") == ["abrechnen", "reise"]
    assert sentence_words("Wo melde ich mich für den Kurs an?")[0] == "anmelden"
    assert sentence_words("Dann trage ich den Urlaub ein, okay?")[0] == "eintragen"
    assert sentence_words("Rechnet ihr Bewirtung über Concur ab?")[0] == "abrechnen"
    # A capitalised word after the question word is a noun, not the verb; English is left.
    assert sentence_words("Wie Rechner an?") == content_words("Wie Rechner an?")
    assert sentence_words("Who can I turn to, and where do I sign in?") == content_words(
        "Who can I turn to, and where do I sign in?"
    )
