"""Reading urgent call requests: names (titles, Herrn/Frau), durations, deadlines, in German
and English; bad input; and the free-text intent, which must not steal room requests or
know-how questions."""

from __future__ import annotations

import json
from datetime import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.rooms.intent import looks_like_room_request
from bot.domain.urgent.parse import clean_name, looks_like_urgent_call, names_of, parse_urgent

DATASETS = Path(__file__).resolve().parents[3] / ".." / "shared" / "datasets"


@pytest.mark.parametrize(
    ("text", "names", "minutes", "days", "until"),
    [
        ("Ich brauche heute noch 30 Minuten mit Dr. Albrecht und Herrn Meyer",
         ("Albrecht", "Meyer"), 30, 0, None),
        ("I need 45 min with Dr. Albrecht and Mr. Meyer today",
         ("Albrecht", "Meyer"), 45, 0, None),
        ("Ich brauche 1 Stunde mit Frau Krüger bis morgen 12 Uhr", ("Krüger",), 60, 1, time(12)),
        ("Bitte eine halbe Stunde mit Ralf Meyer, Dr. Katharina Albrecht und Frau Lange reden",
         ("Ralf Meyer", "Katharina Albrecht", "Lange"), 30, 0, None),
        ("I need 1.5 hours with Albrecht by 3 pm", ("Albrecht",), 90, 0, time(15)),
        ("Dringend: eine Viertelstunde mit Prof. Dr. Raman", ("Raman",), 15, 0, None),
        ("2 Std mit Herrn König morgen", ("König",), 120, 1, None),
        ("an hour with Ms. Keller by tomorrow 9:30 am", ("Keller",), 60, 1, time(9, 30)),
    ],
)  # fmt: skip
def test_requests_are_understood(
    text: str, names: tuple[str, ...], minutes: int, days: int, until: time | None
) -> None:
    parsed = parse_urgent(text)
    assert parsed.problems == ()
    assert (parsed.names, parsed.minutes, parsed.days_ahead, parsed.until) == (
        names, minutes, days, until
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Ich brauche heute noch 30 Minuten", "no_names"),
        ("Ich brauche heute noch einen Termin mit Herrn Meyer", "no_duration"),
        ("30 Minuten mit Meyer und Meyer", "duplicate"),
        ("30 Minuten mit Herrn Meyer und herrn meyer", "duplicate"),
        ("30 Minuten mit Herrn Meyer bis 27 Uhr", "bad_time"),
    ],
)
def test_bad_input_names_its_problem(text: str, problem: str) -> None:
    assert problem in parse_urgent(text).problems


def test_the_form_field_is_a_list_of_names() -> None:
    assert names_of("Dr. Albrecht, Herrn Meyer und Frau Lange") == ("Albrecht", "Meyer", "Lange")


def test_a_name_that_starts_like_a_form_of_address_keeps_its_letters() -> None:
    assert names_of("Frauke Lange, Herrmann Kraus, Mrs Smith") == (
        "Frauke Lange", "Herrmann Kraus", "Smith"
    )  # fmt: skip
    assert clean_name("Frau Dr. Schröder") == "Schröder" and clean_name("Mrozek") == "Mrozek"


@pytest.mark.parametrize(
    "text",
    [
        "Ich brauche heute noch 30 Minuten mit Dr. Albrecht und Herrn Meyer",
        "I need 45 minutes with Dr. Albrecht today",
        "Ich muss bis morgen 12 Uhr eine Stunde mit Frau Lange sprechen",
    ],
)
def test_urgent_calls_are_recognised_and_are_no_room_requests(text: str) -> None:
    assert looks_like_urgent_call(text)
    assert not looks_like_room_request(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ich brauche morgen 14-15 Uhr einen Raum für 6 Personen mit Video",
        "Ich brauche 30 Minuten einen Besprechungsraum mit Beamer",
        "Wer hat heute noch 30 Minuten Zeit für Herrn Meyer?",
        "Wie lade ich morgen um 10 Uhr 20 Leute zu einem Teams-Termin ein?",
        "Danke für die 30 Minuten mit Ihnen!",
        "hilfe",
    ],
)
def test_room_requests_and_questions_are_no_urgent_calls(text: str) -> None:
    assert not looks_like_urgent_call(text)


def test_no_routing_dev_question_is_taken_for_an_urgent_call() -> None:
    paths = sorted(DATASETS.resolve().glob("routing-dev*/*.jsonl"))
    if not paths:
        pytest.skip("routing dev sets not available")
    texts = [
        json.loads(line)["text"]
        for path in paths
        for line in path.read_text("utf-8").splitlines()
        if line
    ]
    assert [t for t in texts if looks_like_urgent_call(t)] == []


@given(st.text(max_size=200))
def test_any_text_parses_without_error(text: str) -> None:
    parsed = parse_urgent(text)
    assert parsed.minutes is None or parsed.minutes >= 0
    assert bool(parsed.names) != ("no_names" in parsed.problems)


@given(st.integers(min_value=1, max_value=600))
def test_minutes_are_read_back(minutes: int) -> None:
    assert parse_urgent(f"{minutes} Minuten mit Herrn Meyer").minutes == minutes
