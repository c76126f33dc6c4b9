"""Table-driven tests for the German/English room-request parser on a fixed clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.domain.rooms import RoomRequestParse, parse_room_request

BERLIN = ZoneInfo("Europe/Berlin")
# Wednesday, one week before Easter and four days before the spring DST switch.
NOW = datetime(2026, 3, 25, 10, 0, tzinfo=BERLIN)
TUESDAY = datetime(2026, 3, 31, 9, 0, tzinfo=BERLIN)
MONDAY_30 = datetime(2026, 3, 30, 9, 0, tzinfo=BERLIN)
APRIL_10 = datetime(2026, 4, 10, 9, 0, tzinfo=BERLIN)
DEC_30 = datetime(2026, 12, 30, 9, 0, tzinfo=BERLIN)
DEC_31 = datetime(2026, 12, 31, 9, 0, tzinfo=BERLIN)

# (phrase, expected fields). "start"/"end" are local wall clock "YYYY-MM-DD HH:MM"; only the
# listed fields are checked, except "problems", which defaults to () for every case.
CASES: list[tuple[str, dict[str, Any]]] = [
    # --- the user stories ---
    (
        "Ich brauche morgen 14-15 Uhr einen Raum für 6 Personen mit Video",
        {
            "start": "2026-03-26 14:00",
            "end": "2026-03-26 15:00",
            "attendees": 6,
            "features": {"video"},
            "missing": (),
        },
    ),
    (
        "Raum Donnerstag von 9:30 bis 11",
        {"start": "2026-03-26 09:30", "end": "2026-03-26 11:00", "missing": ("capacity",)},
    ),
    (
        "nächsten Dienstag ganztägig",
        {"all_day": True, "start": "2026-03-31 00:00", "end": "2026-04-01 00:00"},
    ),
    ("übermorgen 10 Uhr für 2 Stunden", {"start": "2026-03-27 10:00", "end": "2026-03-27 12:00"}),
    # --- a daypart said apart from the clock; bare evening ranges ---
    ("heute Abend 6-7", {"start": "2026-03-25 18:00", "end": "2026-03-25 19:00"}),
    ("heute abend um 7", {"start": "2026-03-25 19:00"}),
    ("Dienstag Nachmittag 2-3", {"start": "2026-03-31 14:00", "end": "2026-03-31 15:00"}),
    ("morgen früh 7-8", {"start": "2026-03-26 07:00", "end": "2026-03-26 08:00"}),
    ("morgen 6-7", {"start": "2026-03-26 18:00", "end": "2026-03-26 19:00"}),
    ("morgen 7:30 abends bis 9", {"start": "2026-03-26 19:30", "end": "2026-03-26 21:00"}),
    ("morgen um 7 abends", {"start": "2026-03-26 19:00"}),
    (
        "Guten Abend, ich brauche morgen 9-10 einen Raum",
        {"start": "2026-03-26 09:00", "end": "2026-03-26 10:00"},
    ),
    ("morgen 10-9", {"problems": ("end_before_start",)}),
    ("morgen 15-9", {"problems": ("end_before_start",)}),
    ("morgen 18-8", {"problems": ("end_before_start",)}),
    ("morgen Vormittag 11-1", {"start": "2026-03-26 11:00", "end": "2026-03-26 13:00"}),
    # A daypart elsewhere in the text says nothing about the clock times.
    (
        "morgen 9-10 für 4, wir bleiben bis abends",
        {"start": "2026-03-26 09:00", "end": "2026-03-26 10:00"},
    ),
    (
        "Bitte so früh wie möglich: morgen 2-3 für 4 Personen",
        {"start": "2026-03-26 14:00", "end": "2026-03-26 15:00"},
    ),
    ("morgen 10-11 und abends 6-7", {"start": "2026-03-26 10:00", "end": "2026-03-26 11:00"}),
    # --- dashes and time spellings ---
    ("morgen 14–15 Uhr", {"start": "2026-03-26 14:00", "end": "2026-03-26 15:00"}),
    ("morgen 14—15 Uhr", {"start": "2026-03-26 14:00", "end": "2026-03-26 15:00"}),
    ("heute ab 13 Uhr für 90 Minuten", {"start": "2026-03-25 13:00", "end": "2026-03-25 14:30"}),
    (
        "morgen 14:00-15:30 Uhr mit Videokonferenz und Bildschirm",
        {"start": "2026-03-26 14:00", "end": "2026-03-26 15:30", "features": {"video", "screen"}},
    ),
    ("morgen 9.30 bis 10.15 Uhr", {"start": "2026-03-26 09:30", "end": "2026-03-26 10:15"}),
    (
        "morgen von 10 bis 11 Uhr für 5 Personen mit Telefon",
        {
            "start": "2026-03-26 10:00",
            "end": "2026-03-26 11:00",
            "attendees": 5,
            "features": {"phone"},
        },
    ),
    ("morgen 2-3", {"start": "2026-03-26 14:00", "end": "2026-03-26 15:00"}),
    ("morgen 10 Uhr für 1,5 Stunden", {"start": "2026-03-26 10:00", "end": "2026-03-26 11:30"}),
    (
        "morgen 10 Uhr für eine halbe Stunde",
        {"start": "2026-03-26 10:00", "end": "2026-03-26 10:30"},
    ),
    (
        "morgen 10 Uhr für anderthalb Stunden",
        {"start": "2026-03-26 10:00", "end": "2026-03-26 11:30"},
    ),
    ("morgen 7 bis 9 abends", {"start": "2026-03-26 19:00", "end": "2026-03-26 21:00"}),
    (
        "morgen 10 Uhr",
        {"start": "2026-03-26 10:00", "end": None, "missing": ("capacity", "duration")},
    ),
    (
        "morgen um 12 Uhr mittags für 1 Stunde",
        {"start": "2026-03-26 12:00", "end": "2026-03-26 13:00"},
    ),
    (
        "morgen 1 Uhr mittags für 1 Stunde",
        {"start": "2026-03-26 13:00", "end": "2026-03-26 14:00"},
    ),
    ("morgen mittags für eine Stunde", {"start": "2026-03-26 12:00", "end": "2026-03-26 13:00"}),
    (
        "morgen von 22 Uhr bis Mitternacht",
        {"start": "2026-03-26 22:00", "end": "2026-03-27 00:00"},
    ),
    ("morgen 23 bis 24 Uhr", {"start": "2026-03-26 23:00", "end": "2026-03-27 00:00"}),
    (
        "morgen um Mitternacht für 1 Stunde",
        {"start": "2026-03-27 00:00", "end": "2026-03-27 01:00"},
    ),
    ("morgen um halb drei für 1 Stunde", {"start": "2026-03-26 14:30", "end": "2026-03-26 15:30"}),
    ("morgen viertel nach neun bis 10", {"start": "2026-03-26 09:15", "end": "2026-03-26 10:00"}),
    (
        "morgen dreiviertel vier für 15 Minuten",
        {"start": "2026-03-26 15:45", "end": "2026-03-26 16:00"},
    ),
    (
        "morgen den ganzen Tag für 12 Leute",
        {
            "all_day": True,
            "start": "2026-03-26 00:00",
            "end": "2026-03-27 00:00",
            "attendees": 12,
            "missing": (),
        },
    ),
    ("morgen ganztags", {"all_day": True, "day": date(2026, 3, 26)}),
    ("morgen 10-11 Uhr mit 8 Leuten", {"attendees": 8, "missing": ()}),
    ("morgen 10-11 Uhr mit 5 Gästen", {"attendees": 5, "missing": ()}),
    # --- weekdays ---
    ("am Donnerstag 8-9 Uhr", {"start": "2026-03-26 08:00", "end": "2026-03-26 09:00"}),
    ("Do 14-15 Uhr", {"start": "2026-03-26 14:00"}),
    ("Do., 10 Uhr für eine Stunde", {"start": "2026-03-26 10:00", "end": "2026-03-26 11:00"}),
    ("Fr um 9 für 30 Minuten", {"start": "2026-03-27 09:00", "end": "2026-03-27 09:30"}),
    ("Sa 10 Uhr", {"day": date(2026, 3, 28)}),
    ("am So. 10-11", {"day": date(2026, 3, 29)}),
    ("Montag 10-12", {"start": "2026-03-30 10:00", "end": "2026-03-30 12:00"}),
    ("Mittwoch 10-11 Uhr", {"day": date(2026, 4, 1)}),  # today is Wednesday: next week
    ("diesen Mittwoch 15-16 Uhr", {"start": "2026-03-25 15:00"}),
    ("übernächsten Dienstag 10-11 Uhr", {"day": date(2026, 4, 7)}),
    ("nächsten Dienstag 10-11 Uhr", {"now": TUESDAY, "day": date(2026, 4, 7)}),
    # "nächste Woche": the next calendar week, even when the weekday is still ahead this week.
    ("nächste Woche Dienstag 10-11 Uhr", {"now": MONDAY_30, "day": date(2026, 4, 7)}),
    ("Dienstag nächste Woche 10-11 Uhr", {"now": MONDAY_30, "day": date(2026, 4, 7)}),
    ("next week Tuesday 10-11", {"now": MONDAY_30, "day": date(2026, 4, 7)}),
    ("übernächste Woche Dienstag 10-11 Uhr", {"now": MONDAY_30, "day": date(2026, 4, 14)}),
    ("nächste Woche Montag 10-11 Uhr", {"now": MONDAY_30, "day": date(2026, 4, 6)}),
    ("Dienstag 10-11 Uhr", {"now": TUESDAY, "day": date(2026, 4, 7)}),
    ("Montag 9 Uhr", {"now": TUESDAY, "day": date(2026, 4, 6), "is_holiday": True}),
    ("Donnerstag, 26.3. 10-11 Uhr", {"day": date(2026, 3, 26)}),
    ("Freitag, 26.3. 10-11 Uhr", {"day": date(2026, 3, 26), "problems": ("weekday_mismatch",)}),
    # --- calendar dates ---
    ("am 12.4. 10-11 Uhr", {"start": "2026-04-12 10:00"}),
    ("12.03.2027 10-11 Uhr", {"start": "2027-03-12 10:00"}),
    ("12.3. 10-11 Uhr", {"day": date(2027, 3, 12)}),  # already past this year
    ("2026-04-15 10-11 Uhr", {"start": "2026-04-15 10:00"}),
    (
        "3. April 14-15 Uhr",
        {"day": date(2026, 4, 3), "is_holiday": True, "holiday_name": "Karfreitag"},
    ),
    ("am 1. 10-11 Uhr", {"day": date(2026, 4, 1)}),
    ("am 31. um 10 Uhr", {"day": date(2026, 3, 31)}),
    (
        "am 31. um 10 Uhr",
        {
            "now": APRIL_10,
            "day": None,
            "problems": ("invalid_date",),
            "missing": ("date", "capacity", "duration"),
        },
    ),
    (
        "31.2. 10-11 Uhr",
        {
            "day": None,
            "start": None,
            "problems": ("invalid_date",),
            "missing": ("date", "capacity"),
        },
    ),
    ("30.02.2027", {"day": None, "problems": ("invalid_date",)}),
    ("1.5. 10-11 Uhr", {"is_holiday": True, "holiday_name": "Erster Mai"}),
    ("4.6. 9-10", {"is_holiday": True}),  # Fronleichnam is a holiday in NW
    ("am 5. 10-11 Uhr", {"now": DEC_30, "day": date(2027, 1, 5)}),
    ("2.1. 10-11 Uhr", {"now": DEC_30, "day": date(2027, 1, 2)}),
    ("morgen ganztägig", {"now": DEC_31, "day": date(2027, 1, 1), "is_holiday": True}),
    # --- problems ---
    ("heute 9-10 Uhr", {"problems": ("in_past",)}),
    ("heute 10-11 Uhr", {"start": "2026-03-25 10:00"}),  # starting right now is fine
    ("heute 15-14 Uhr", {"problems": ("end_before_start",)}),
    ("morgen 11:00 bis 10:30", {"problems": ("end_before_start",)}),
    ("12.3.2026 10-11", {"problems": ("in_past",)}),
    ("heute ganztägig", {"all_day": True, "start": "2026-03-25 00:00"}),  # today is not past
    # --- DST: spring forward 2026-03-29 02:00 -> 03:00, fall back 2026-10-25 03:00 -> 02:00 ---
    ("29.3. 2-3 Uhr", {"start": "2026-03-29 03:00", "problems": ("nonexistent_time",)}),
    (
        "29.3. 2:30 Uhr für 1 Stunde",
        {
            "start": "2026-03-29 03:30",
            "end": "2026-03-29 04:30",
            "problems": ("nonexistent_time",),
        },
    ),
    ("29.3. 1 Uhr für 2 Stunden", {"start": "2026-03-29 01:00", "end": "2026-03-29 04:00"}),
    ("29.3. 10-11 Uhr", {"start": "2026-03-29 10:00"}),
    ("25.10. 2:30 Uhr für 1 Stunde", {"start": "2026-10-25 02:30", "end": "2026-10-25 02:30"}),
    ("25.10. 2-3 Uhr", {"start": "2026-10-25 02:00", "end": "2026-10-25 03:00"}),
    # --- English ---
    ("tomorrow 2-3 pm", {"start": "2026-03-26 14:00", "end": "2026-03-26 15:00"}),
    ("next Tuesday 9:30 to 11", {"start": "2026-03-31 09:30", "end": "2026-03-31 11:00"}),
    (
        "tomorrow 11 am - 1 pm for 4 people",
        {"start": "2026-03-26 11:00", "end": "2026-03-26 13:00", "attendees": 4},
    ),
    ("today 3 pm for 2 hours", {"start": "2026-03-25 15:00", "end": "2026-03-25 17:00"}),
    ("on April 3rd 10 to 11", {"start": "2026-04-03 10:00", "end": "2026-04-03 11:00"}),
    ("day after tomorrow all day", {"all_day": True, "day": date(2026, 3, 27)}),
    ("tomorrow at noon for an hour", {"start": "2026-03-26 12:00", "end": "2026-03-26 13:00"}),
    ("friday from 9 until midnight", {"start": "2026-03-27 09:00", "end": "2026-03-28 00:00"}),
    # --- capacity and equipment ---
    (
        "for 6 people with a projector, wheelchair accessible",
        {"attendees": 6, "features": {"beamer", "accessible"}, "missing": ("date", "time")},
    ),
    ("Raum für 6 mit Beamer", {"attendees": 6, "features": {"beamer"}}),
    (
        "6 Leute, barrierefrei, mit Whiteboard",
        {"attendees": 6, "features": {"accessible", "whiteboard"}},
    ),
    ("zu dritt morgen 10-11", {"attendees": 3, "start": "2026-03-26 10:00"}),
    ("für sechs Personen morgen 9-10 Uhr", {"attendees": 6, "missing": ()}),
    ("6-8 Teilnehmer morgen 10-11", {"attendees": 8, "start": "2026-03-26 10:00"}),
    (
        "Ich brauche einen Raum am Montag um 10 Uhr für 1 Stunde für 4 Personen",
        {"start": "2026-03-30 10:00", "end": "2026-03-30 11:00", "attendees": 4, "missing": ()},
    ),
    (
        "Besprechung mit 10 Kollegen Freitag 13-17 Uhr, Beamer",
        {
            "start": "2026-03-27 13:00",
            "end": "2026-03-27 17:00",
            "attendees": 10,
            "features": {"beamer"},
        },
    ),
    ("next monday from 10 am to 12 pm", {"start": "2026-03-30 10:00", "end": "2026-03-30 12:00"}),
    # --- incomplete requests ---
    ("Kannst du das so machen?", {"missing": ("date", "time", "capacity")}),  # "so" is no Sunday
    ("morgen 10:00", {"start": "2026-03-26 10:00", "missing": ("capacity", "duration")}),
    ("Raum bitte", {"missing": ("date", "time", "capacity"), "start": None}),
    ("14-15 Uhr", {"missing": ("date", "capacity"), "start": None}),
    ("Guten Morgen, ich brauche übermorgen 9-10 Uhr einen Raum", {"start": "2026-03-27 09:00"}),
]


def _local(value: datetime | None) -> str | None:
    """Render an aware datetime as Berlin wall clock for comparison."""
    return None if value is None else value.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M")


@pytest.mark.parametrize(
    ("text", "expected"), CASES, ids=[f"{i:02d}-{c[0][:40]}" for i, c in enumerate(CASES)]
)
def test_phrasing(text: str, expected: dict[str, Any]) -> None:
    expected = dict(expected)
    now = expected.pop("now", NOW)
    result = parse_room_request(text, now)
    expected.setdefault("problems", ())
    for name, want in expected.items():
        got: Any = getattr(result, name)
        if name in ("start", "end"):
            got = _local(got)
        elif name == "features":
            want = frozenset(want)
        assert got == want, f"{name}: {got!r} != {want!r} for {text!r}"


def test_at_least_sixty_phrasings() -> None:
    assert len(CASES) >= 60


def test_result_is_frozen_and_aware() -> None:
    result = parse_room_request("morgen 14-15 Uhr", NOW)
    assert isinstance(result, RoomRequestParse)
    assert result.start is not None and result.start.tzinfo is not None
    with pytest.raises(AttributeError):
        result.attendees = 3  # type: ignore[misc]


def test_spring_forward_day_offsets_and_lengths() -> None:
    before = parse_room_request("28.3. 10-11 Uhr", NOW)
    after = parse_room_request("29.3. 10-11 Uhr", NOW)
    assert before.start is not None and after.start is not None
    assert before.start.utcoffset() == timedelta(hours=1)
    assert after.start.utcoffset() == timedelta(hours=2)
    day = parse_room_request("29.3. ganztägig", NOW)
    assert day.start is not None and day.end is not None
    # Same-tzinfo subtraction is wall-clock arithmetic in Python, so compare in UTC.
    assert day.end.astimezone(UTC) - day.start.astimezone(UTC) == timedelta(hours=23)
    two_hours = parse_room_request("29.3. 1 Uhr für 2 Stunden", NOW)
    assert two_hours.start is not None and two_hours.end is not None
    assert two_hours.end.astimezone(UTC) - two_hours.start.astimezone(UTC) == timedelta(hours=2)


def test_fall_back_ambiguous_time_takes_the_first_occurrence() -> None:
    result = parse_room_request("25.10. 2:30 Uhr für 1 Stunde", NOW)
    assert result.start is not None and result.end is not None
    assert result.start.fold == 0 and result.start.utcoffset() == timedelta(hours=2)
    assert result.end.utcoffset() == timedelta(hours=1)  # the repeated 2:30, one hour later
    assert result.start.astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    day = parse_room_request("25.10. ganztägig", NOW)
    assert day.start is not None and day.end is not None
    assert day.end.astimezone(UTC) - day.start.astimezone(UTC) == timedelta(hours=25)


def test_naive_now_is_rejected() -> None:
    with pytest.raises(ValueError, match="aware"):
        parse_room_request("morgen", datetime(2026, 3, 25, 10, 0))


def test_other_time_zone() -> None:
    result = parse_room_request("morgen 9-10 Uhr", NOW, tz="Europe/London")
    assert result.start is not None
    assert result.start.tzinfo == ZoneInfo("Europe/London")
    assert result.start.hour == 9
