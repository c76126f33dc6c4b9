"""Room-request phrasings from the exploratory test through the endpoint (Monday 02.03.2026
09:00 Berlin): ae/oe/ue/ss spellings, "10 Uhr 30", zero or negative head counts (also in words),
past days."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.domain.rooms import lexicon, parse_room_request
from bot.domain.rooms.intent import looks_like_room_request

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=BERLIN)
_UMLAUTS = re.compile("[äöüß]")


def _local(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M")


def _fields(text: str) -> dict[str, Any]:
    result = parse_room_request(text, MONDAY)
    return {
        "start": _local(result.start),
        "end": _local(result.end),
        "day": result.day and result.day.isoformat(),
        "all_day": result.all_day,
        "attendees": result.attendees,
        "missing": result.missing,
        "problems": result.problems,
    }


# (as Germans write it, as it is typed without umlauts, what both must give)
SPELLINGS: list[tuple[str, str, dict[str, Any]]] = [
    (
        "nächsten Dienstag ganztägig für 4 Personen",
        "naechsten Dienstag ganztaegig fuer 4 Personen",
        {"all_day": True, "day": "2026-03-03", "missing": ()},
    ),
    ("morgen ganztägig", "morgen ganztaegig", {"all_day": True, "missing": ("capacity",)}),
    ("übermorgen 9-10 Uhr", "uebermorgen 9-10 Uhr", {"start": "2026-03-04 09:00"}),
    ("übernächsten Dienstag 9-10", "uebernaechsten Dienstag 9-10", {"day": "2026-03-10"}),
    ("Dienstag nächste Woche 9-10", "Dienstag naechste Woche 9-10", {"day": "2026-03-10"}),
    ("am 5. März 9-10 Uhr", "am 5. Maerz 9-10 Uhr", {"start": "2026-03-05 09:00"}),
    ("am 5. Jänner 9-10 Uhr", "am 5. Jaenner 9-10 Uhr", {"start": "2027-01-05 09:00"}),
    ("morgen 9-10 für fünf Gäste", "morgen 9-10 fuer fuenf Gaeste", {"attendees": 5}),
    ("morgen 9-10 für zwölf Leute", "morgen 9-10 fuer zwoelf Leute", {"attendees": 12}),
    ("morgen 9-10 zu fünft", "morgen 9-10 zu fuenft", {"attendees": 5}),
    ("morgen 10 Uhr für 2 Stunden", "morgen 10 Uhr fuer 2 Stunden", {"end": "2026-03-03 12:00"}),
    ("morgen 9-10 für 3", "morgen 9-10 fuer 3", {"attendees": 3}),
    ("morgen früh 7-8", "morgen frueh 7-8", {"start": "2026-03-03 07:00"}),
    ("um 7 früh morgen", "um 7 frueh morgen", {"start": "2026-03-03 07:00"}),
    (
        "morgen halb zwölf bis 13 Uhr",
        "morgen halb zwoelf bis 13 Uhr",
        {"start": "2026-03-03 11:30"},
    ),
    ("MORGEN 9-10 UHR FÜR 4 PERSONEN", "MORGEN 9-10 UHR FUER 4 PERSONEN", {"attendees": 4}),
    ("morgen 9-10 für 4", "morgen 9-10 fu\u0308r 4", {"attendees": 4}),  # decomposed ü
]


@pytest.mark.parametrize(
    ("umlauts", "digraphs", "expected"), SPELLINGS, ids=[s[1] for s in SPELLINGS]
)
def test_ae_oe_ue_spellings_read_like_umlauts(
    umlauts: str, digraphs: str, expected: dict[str, Any]
) -> None:
    with_umlauts, without = _fields(umlauts), _fields(digraphs)
    assert with_umlauts == without
    assert {name: with_umlauts[name] for name in expected} == expected
    assert with_umlauts["problems"] == ()


def test_every_lexicon_word_and_pattern_is_respelled() -> None:
    """The text is respelled, so an umlaut left in a table or pattern would never match."""
    left = {
        name: value
        for name, value in vars(lexicon).items()
        if name.isupper()
        and not name.startswith("_")
        and _UMLAUTS.search(repr(list(value) if isinstance(value, dict) else value))
    }
    assert left == {}
    assert all(not _UMLAUTS.search(p.pattern) for p, _ in lexicon._COLLOQUIAL)
    assert lexicon.normalise("Straße FÜR Gäste") == "strasse fuer gaeste"


CLOCKS: list[tuple[str, dict[str, Any]]] = [
    ("morgen 10 Uhr 30 bis 11 Uhr", {"start": "2026-03-03 10:30", "end": "2026-03-03 11:00"}),
    (
        "morgen von 9 Uhr 15 bis 10 Uhr 45",
        {"start": "2026-03-03 09:15", "end": "2026-03-03 10:45"},
    ),
    ("morgen 10 Uhr 30 - 11 Uhr 30", {"start": "2026-03-03 10:30", "end": "2026-03-03 11:30"}),
    ("morgen 9 bis 10 Uhr 30", {"start": "2026-03-03 09:00", "end": "2026-03-03 10:30"}),
    ("morgen um 10 Uhr 15", {"start": "2026-03-03 10:15", "missing": ("capacity", "duration")}),
    ("morgen ab 8 Uhr 30 für 1 Stunde", {"start": "2026-03-03 08:30", "end": "2026-03-03 09:30"}),
    # Two digits after "Uhr" that are people, a duration or a date are not minutes.
    ("morgen 10 Uhr 30 Personen", {"start": "2026-03-03 10:00", "attendees": 30}),
    ("morgen 10 Uhr 30 min", {"start": "2026-03-03 10:00"}),
    ("um 10 Uhr 20.3. für 2 Stunden", {"start": "2026-03-20 10:00"}),
]


@pytest.mark.parametrize(("text", "expected"), CLOCKS, ids=[c[0] for c in CLOCKS])
def test_minutes_after_uhr(text: str, expected: dict[str, Any]) -> None:
    got = _fields(text)
    assert {name: got[name] for name in expected} == expected
    assert got["problems"] == ()


HEADCOUNTS = [
    "morgen 10-11 Uhr für 0 Personen",
    "Raum morgen 10-11 Uhr für 0",
    "morgen 10-11 Uhr für -3 Personen",
    "morgen 10-11 Uhr fuer -2 Leute",
    "tomorrow 10-11 for 0 people",
    # Nobody in words is asked back like "0".
    "morgen 10-11 Uhr für null Personen",
    "morgen 10-11 Uhr für keine Person",
    "morgen 10-11 Uhr fuer keine Leute",
    "tomorrow 10-11 for zero people",
]


@pytest.mark.parametrize("text", HEADCOUNTS)
def test_no_one_or_fewer_is_refused_and_capacity_asked_for(text: str) -> None:
    got = _fields(text)
    assert got["problems"] == ("no_attendees",)
    assert got["attendees"] is None and got["missing"] == ("capacity",)


@pytest.mark.parametrize("text", HEADCOUNTS)
def test_a_head_count_of_nobody_is_still_a_room_request(text: str) -> None:
    assert looks_like_room_request(text)


@pytest.mark.parametrize(
    ("text", "attendees"),
    [
        ("morgen 10-11 Uhr für zwei Personen", 2),
        ("morgen 10-11 Uhr für eine Person", 1),
        ("morgen 10-11 Uhr für zwölf Leute", 12),
        ("morgen 10-11 Uhr für zwanzig Teilnehmer", 20),
        ("tomorrow 10-11 for two people", 2),
        ("tomorrow 10-11 for twelve guests", 12),
        ("morgen 10-11 Uhr für keine Gäste, 4 Personen", 4),  # a real count wins
    ],
)
def test_head_counts_in_words(text: str, attendees: int) -> None:
    got = _fields(text)
    assert got["attendees"] == attendees and got["problems"] == () and got["missing"] == ()


def test_no_one_in_a_sentence_is_not_a_head_count() -> None:
    """ "keine"/"null" are a head count only after "für"/"for"."""
    got = _fields("Raum morgen 10-11 Uhr, keine Gäste")
    assert got["problems"] == () and got["missing"] == ("capacity",)
    assert not looks_like_room_request("Morgen um 10 sind keine Kollegen im Büro")


def test_ranges_of_people_are_not_negative() -> None:
    assert _fields("morgen 10-11 Uhr, 6-8 Personen")["attendees"] == 8
    assert _fields("morgen 10-11 Uhr für 6 - 8 Leute")["attendees"] == 8


PAST: list[tuple[str, str]] = [
    ("gestern 10-11 Uhr", "2026-03-01"),
    ("Raum gestern 10-11 Uhr für 4 Personen", "2026-03-01"),
    ("vorgestern ganztägig", "2026-02-28"),
    ("gestern abend 6-7", "2026-03-01"),
    ("yesterday 10-11 for 3 people", "2026-03-01"),
    ("the day before yesterday 10-11", "2026-02-28"),
]


@pytest.mark.parametrize(("text", "day"), PAST, ids=[p[0] for p in PAST])
def test_past_days_are_in_the_past(text: str, day: str) -> None:
    got = _fields(text)
    assert got["day"] == day and got["problems"] == ("in_past",)
    assert "date" not in got["missing"]


def test_another_day_wins_over_a_mentioned_yesterday() -> None:
    got = _fields("wie gestern besprochen: morgen 9-10 für 3 Personen")
    assert got["start"] == "2026-03-03 09:00" and got["problems"] == ()


def test_next_tuesday_on_a_monday_stays_tomorrow() -> None:
    # Ambiguous on purpose; the card shows the date. Both spellings agree.
    for text in ("nächsten Dienstag 10-11 Uhr", "naechsten Dienstag 10-11 Uhr"):
        assert _fields(text)["start"] == "2026-03-03 10:00"


@pytest.mark.parametrize(
    ("text", "is_request"),
    [
        ("uebermorgen ganztaegig fuer 4 Personen", True),
        ("morgen 10 Uhr 30 bis 11 Uhr fuer 5 Gaeste", True),
        ("Gestern waren 20 Leute beim Stammtisch", False),
    ],
)
def test_respelled_requests_are_recognised(text: str, is_request: bool) -> None:
    assert looks_like_room_request(text) is is_request
