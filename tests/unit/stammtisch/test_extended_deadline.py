""" "Abstimmung verlängern" keeps the deadline on a working day: plus two days, and from a
weekend or public holiday (of HOLIDAY_STATE, as for postings and deadlines) on to the next
working day, at the same local time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.domain.business_hours import BusinessCalendar
from bot.domain.stammtisch.schedule import extended_deadline

NW = BusinessCalendar("Europe/Berlin", "NW")
HH = BusinessCalendar("Europe/Berlin", "HH")
TWO_DAYS = timedelta(days=2)


def test_a_weekday_deadline_moves_by_two_days() -> None:
    wednesday_16 = datetime(2026, 3, 4, 15, 0, tzinfo=UTC)
    assert extended_deadline(wednesday_16, TWO_DAYS, NW) == datetime(2026, 3, 6, 15, 0, tzinfo=UTC)


def test_friday_plus_two_days_is_monday_not_sunday() -> None:
    friday_16 = datetime(2026, 3, 6, 15, 0, tzinfo=UTC)
    assert extended_deadline(friday_16, TWO_DAYS, NW) == datetime(2026, 3, 9, 15, 0, tzinfo=UTC)
    thursday_16 = datetime(2026, 3, 5, 15, 0, tzinfo=UTC)  # plus two: Saturday
    assert extended_deadline(thursday_16, TWO_DAYS, NW) == datetime(2026, 3, 9, 15, 0, tzinfo=UTC)


def test_over_easter_it_is_the_tuesday_after() -> None:
    maundy_thursday_16 = datetime(2026, 4, 2, 14, 0, tzinfo=UTC)
    expected = datetime(2026, 4, 7, 14, 0, tzinfo=UTC)
    assert extended_deadline(maundy_thursday_16, TWO_DAYS, NW) == expected


def test_holidays_are_the_states() -> None:
    # Corpus Christi (Thursday 4 June 2026) is a holiday in NW, not in Hamburg.
    tuesday_16 = datetime(2026, 6, 2, 14, 0, tzinfo=UTC)
    assert extended_deadline(tuesday_16, TWO_DAYS, NW) == datetime(2026, 6, 5, 14, 0, tzinfo=UTC)
    assert extended_deadline(tuesday_16, TWO_DAYS, HH) == datetime(2026, 6, 4, 14, 0, tzinfo=UTC)


def test_the_local_time_stays_across_the_clock_change() -> None:
    # Friday 27 March 2026, 16 Uhr CET; summer time starts on Sunday: Monday 16 Uhr CEST.
    friday_16 = datetime(2026, 3, 27, 15, 0, tzinfo=UTC)
    assert extended_deadline(friday_16, TWO_DAYS, NW) == datetime(2026, 3, 30, 14, 0, tzinfo=UTC)


def test_a_calendar_without_working_days_keeps_the_plain_sum() -> None:
    closed = BusinessCalendar(
        "Europe/Berlin",
        "NW",
        extra_closed_days=frozenset(
            datetime(2026, 3, 4).date() + timedelta(days=n) for n in range(30)
        ),
    )
    wednesday_16 = datetime(2026, 3, 4, 15, 0, tzinfo=UTC)
    assert extended_deadline(wednesday_16, TWO_DAYS, closed) == wednesday_16 + TWO_DAYS
