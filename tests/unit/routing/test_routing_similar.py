"""The earlier-answer offer: the same question in other words gets the earlier answer offered,
a different question sharing a word or two does not (pairs written for the purpose)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain.routing import AnsweredQuestion, ExpertProfile, ExpertRouter

EXPERTS = [
    ExpertProfile(
        "f.controlling",
        "Frida Controlling",
        "Controlling",
        "Controllerin",
        topics=("Kostenstellen", "Budgetplanung", "Projektcontrolling"),
        about="Ich plane Budgets und pflege die Kostenstellen.",
    ),
    ExpertProfile(
        "h.personal",
        "Hanna Personal",
        "Personal",
        "Personalreferentin",
        topics=("Urlaub", "Arbeitszeit", "Elternzeit"),
        about="Ich beantworte Fragen zu Urlaub und Arbeitszeit.",
    ),
    ExpertProfile(
        "i.it",
        "Ivo IT",
        "IT-Service",
        "Servicedesk",
        topics=("VPN", "Passwort", "Laptop"),
        about="Ich helfe, wenn Zugang oder Gerät streiken.",
    ),
    ExpertProfile(
        "o.office",
        "Olga Office",
        "Office Management",
        "Assistenz",
        topics=("Visitenkarten", "Büromaterial", "Möbel"),
        about="Ich bestelle, was das Büro braucht.",
    ),
    ExpertProfile(
        "e.einkauf",
        "Emil Einkauf",
        "Einkauf",
        "Einkäufer",
        topics=("Lieferanten", "Bestellungen", "Rahmenverträge"),
        about="Ich lege Lieferanten an und verhandle Rahmenverträge.",
    ),
]
WHEN = datetime(2025, 5, 6, 10, 0, tzinfo=UTC)
EARLIER = [
    ("k1", "Wie lege ich eine neue Kostenstelle für das Projekt an und wer gibt die frei?", 0),
    ("k2", "Wo sehe ich, wie viel Budget auf meiner Kostenstelle noch übrig ist?", 0),
    ("u1", "Kann ich meinen Resturlaub ins nächste Jahr übertragen lassen?", 1),
    ("u2", "Wie viele Urlaubstage habe ich in der Elternzeit?", 1),
    ("v1", "Mein VPN-Zugang bricht im Homeoffice ständig ab, was kann ich da tun?", 2),
    ("v2", "Ich habe mein Passwort vergessen und bin ausgesperrt.", 2),
    ("b1", "Wer bestellt Visitenkarten für neue Kolleginnen und Kollegen?", 3),
    ("b2", "Mein Bürostuhl ist kaputt, wo bekomme ich einen neuen?", 3),
    ("l1", "Wie wird ein neuer Lieferant im System angelegt?", 4),
    ("l2", "Gibt es für Laptops einen Rahmenvertrag mit einem Händler?", 4),
]
HISTORY = [AnsweredQuestion(i, t, EXPERTS[e].id, WHEN) for i, t, e in EARLIER]


@pytest.fixture(scope="module")
def router() -> ExpertRouter:
    return ExpertRouter(EXPERTS, HISTORY)


@pytest.mark.parametrize(
    ("question", "earlier"),
    [
        ("Wie lege ich eine Kostenstelle an?", "k1"),
        # The separable verb split in the question ("lege ... an") meets "angelegt".
        ("Wie lege ich einen Lieferanten an?", "l1"),
        ("Wie viel Budget ist auf meiner Kostenstelle übrig?", "k2"),
        ("Kann ich Resturlaub ins nächste Jahr übertragen?", "u1"),
        ("Resturlaub übertragen, geht das?", "u1"),
        ("VPN bricht ständig ab – was tun?", "v1"),
        ("Wie bestelle ich Visitenkarten für eine neue Kollegin?", "b1"),
        ("Passwort vergessen, was nun?", "v2"),
    ],
)
def test_the_same_question_in_other_words_gets_the_earlier_answer(
    router: ExpertRouter, question: str, earlier: str
) -> None:
    similar = router.similar_answered(question)
    assert similar is not None, question
    assert similar.question.id == earlier


@pytest.mark.parametrize(
    "question",
    [
        "Wer gibt den Urlaub für das Projektteam frei?",
        "Wie lege ich einen Abwesenheitsassistenten an?",
        "Wer bestellt neue Möbel für das Büro?",
        "Kann ich meinen Dienstwagen ins Ausland mitnehmen?",
        "Wie beantrage ich Elternzeit?",
        "Wo melde ich einen Unfall auf dem Parkplatz?",
        "Kann ich meinen Laptop mit nach Hause nehmen?",
        "Wer prüft Rechnungen von Lieferanten?",
    ],
)
def test_a_different_question_sharing_a_word_gets_no_earlier_answer(
    router: ExpertRouter, question: str
) -> None:
    assert router.similar_answered(question) is None, router.similar_answered(question)
