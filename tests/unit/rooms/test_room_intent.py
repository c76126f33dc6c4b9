"""Free text that is a room request goes to the broker; know-how questions about rooms do not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.domain.rooms.intent import looks_like_room_request

DEV_QUESTIONS = Path(__file__).resolve().parents[3] / ".." / "shared" / "datasets"


@pytest.mark.parametrize(
    "text",
    [
        "Ich brauche morgen 14-15 Uhr einen Raum für 6 Personen mit Video",
        "Raum Donnerstag von 9:30 bis 11",
        "I need a meeting room tomorrow 2-3 pm for 4 people",
        "einen Besprechungsraum bitte",
        "übermorgen ab 14 Uhr für 2 Std, 8 Leute",
        "next Tuesday 9 to 10 for 4 people",
        "Do 10-12 Uhr zu dritt",
        "morgen ganztägig, 12 Teilnehmer",
    ],
)
def test_room_requests_are_recognised(text: str) -> None:
    assert looks_like_room_request(text)


@pytest.mark.parametrize(
    "text",
    [
        "Wer kümmert sich um Raum und Bewirtung?",
        "Wer kennt sich mit Raumplanung aus?",
        "Who books the board room for the AGM?",
        "Wie funktioniert die Reisekostenabrechnung?",
        "Wie lade ich morgen um 10 Uhr 20 Leute zu einem Teams-Termin ein?",
        "Wer kann am Dienstag 14 Uhr für 8 Personen Kaffee bestellen",
        "Wir waren gestern 8 Leute beim Stammtisch",
        "8 Leute haben sich angemeldet",
    ],
)
def test_know_how_questions_are_not_room_requests(text: str) -> None:
    assert not looks_like_room_request(text)


def test_no_routing_dev_question_is_taken_for_a_room_request() -> None:
    path = DEV_QUESTIONS.resolve() / "routing-dev" / "questions.jsonl"
    if not path.exists():
        pytest.skip("routing dev set not available")
    texts = [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line]
    assert [t for t in texts if looks_like_room_request(t)] == []
