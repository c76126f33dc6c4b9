"""The day of an urgent call: "übermorgen" is the day after tomorrow (that day only, counted in
the business hours' time zone), "bis übermorgen" a deadline; a weekday, a date or next week is
refused, never read as today."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from bot.domain.business_hours import BusinessCalendar
from bot.domain.urgent import slots as rules
from bot.domain.urgent.model import Slot, UrgentError
from bot.domain.urgent.parse import looks_like_urgent_call, parse_urgent

HOURS = BusinessCalendar("Europe/Berlin", "NW", time(8), time(17))
MONDAY_9 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # 09:00 Berlin
THURSDAY_9 = datetime(2026, 3, 5, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "days", "until", "on_day"),
    [
        ("Ich brauche übermorgen 45 Minuten mit Herrn Vogt", 2, None, True),
        ("Ich brauche Übermorgen 45 Minuten mit Herrn Vogt", 2, None, True),
        ("Ich brauche uebermorgen 45 Minuten mit Herrn Vogt", 2, None, True),
        ("I need 45 minutes with Mr. Vogt the day after tomorrow", 2, None, True),
        ("45 Minuten mit Herrn Vogt bis übermorgen 12 Uhr", 2, time(12), False),
        ("45 min with Vogt by the day after tomorrow", 2, None, False),
        ("Ich brauche morgen 45 Minuten mit Herrn Vogt", 1, None, True),
        ("Ich brauche morgen bis 12 Uhr 45 Minuten mit Herrn Vogt", 1, time(12), True),
        ("45 Minuten mit Herrn Vogt bis morgen", 1, None, False),
        ("Guten Morgen, ich brauche heute 45 Minuten mit Herrn Vogt", 0, None, False),
    ],
)
def test_the_named_day_is_read(text: str, days: int, until: time | None, on_day: bool) -> None:
    parsed = parse_urgent(text)
    assert parsed.problems == ()
    assert (parsed.names, parsed.minutes) == (("Vogt",), 45)
    assert (parsed.days_ahead, parsed.until, parsed.on_day) == (days, until, on_day)


@pytest.mark.parametrize(
    "text",
    [
        "Ich brauche am Donnerstag 45 Minuten mit Herrn Vogt",
        "Ich brauche Freitag 45 Minuten mit Herrn Vogt",
        "45 Minuten mit Herrn Vogt am Freitag",
        "I need 45 minutes with Mr. Vogt on Friday",
        "45 Minuten mit Herrn Vogt am 12.3.",
        "45 Minuten mit Herrn Vogt bis 12.03.2027",
        "45 Minuten mit Herrn Vogt am 3. April",
        "45 minutes with Vogt on March 12th",
        "45 Minuten mit Herrn Vogt nächste Woche",
        "45 Minuten mit Herrn Vogt in 3 Tagen",
    ],
)
def test_another_day_is_refused_not_read_as_today(text: str) -> None:
    parsed = parse_urgent(text)
    assert parsed.problems[0] == "other_day" and parsed.names == ("Vogt",)
    assert looks_like_urgent_call(text)  # the asker gets the refusal, not another feature


@pytest.mark.parametrize(
    "text",
    [
        "30 Minuten mit Herrn Meyer gestern",
        "Ich brauche gestern 30 Minuten mit Herrn Meyer",
        "Gestern 30 Minuten mit Herrn Meyer",
        "Ich brauche vorgestern 30 Minuten mit Herrn Meyer",
        "30 Minuten mit Herrn Meyer bis gestern 12 Uhr",
        "I need 30 minutes with Mr Meyer yesterday",
        "30 minutes with Meyer the day before yesterday",
    ],
)
def test_a_past_day_is_refused_not_read_as_today(text: str) -> None:
    parsed = parse_urgent(text)
    assert parsed.problems == ("past_day",) and parsed.names == ("Meyer",)
    assert looks_like_urgent_call(text)  # the asker gets the refusal, not another feature


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Wie gestern besprochen: heute 30 Minuten mit Herrn Meyer", 0),
        ("Wie gestern besprochen: morgen 30 Minuten mit Herrn Meyer", 1),
        ("As discussed yesterday, 30 minutes with Mr Meyer today", 0),
    ],
)
def test_yesterday_beside_the_day_of_the_call_is_no_refusal(text: str, days: int) -> None:
    parsed = parse_urgent(text)
    assert (parsed.problems, parsed.names, parsed.days_ahead) == ((), ("Meyer",), days)


def test_a_surname_that_is_a_weekday_stays_a_name() -> None:
    parsed = parse_urgent("Ich brauche heute 30 Minuten mit Herrn Freitag und Frau Vogt")
    assert parsed.problems == () and parsed.names == ("Freitag", "Vogt")


def test_uebermorgen_searches_that_day_only() -> None:
    spans, fallback = rules.windows(HOURS, MONDAY_9, 2, None, 45, on_day=True)
    wednesday = Slot(datetime(2026, 3, 4, 7, tzinfo=UTC), datetime(2026, 3, 4, 16, tzinfo=UTC))
    assert (spans, fallback) == ((wednesday,), ())


def test_bis_uebermorgen_is_a_deadline_from_now_on() -> None:
    spans, _ = rules.windows(HOURS, MONDAY_9, 2, None, 45)
    assert spans[0].start == MONDAY_9 and spans[-1].end == datetime(2026, 3, 4, 16, tzinfo=UTC)


def test_morgen_bis_12_uhr_is_tomorrow_morning() -> None:
    spans, _ = rules.windows(HOURS, MONDAY_9, 1, time(12), 45, on_day=True)
    assert spans == (
        Slot(datetime(2026, 3, 3, 7, tzinfo=UTC), datetime(2026, 3, 3, 11, tzinfo=UTC)),
    )


def test_uebermorgen_on_a_weekend_is_refused() -> None:
    with pytest.raises(UrgentError) as refused:
        rules.windows(HOURS, THURSDAY_9, 2, None, 45, on_day=True)  # Saturday
    assert refused.value.code == "closed_day"
