"""Birthday and jubilee date rules: impossible dates, 29 February, lead times, round years."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.birthdays.dates import (
    ROUND_JUBILEES,
    birthday_reminder,
    jubilee_reminder,
    occurs_on,
    parse_day,
)
from bot.domain.birthdays.model import DayOfYear

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


def test_impossible_dates_are_refused() -> None:
    for day, month in ((31, 2), (30, 2), (31, 4), (0, 5), (12, 13), (32, 1), (1, 0)):
        assert parse_day(day, month) is None
    assert parse_day(29, 2) == DayOfYear(29, 2)
    assert parse_day(31, 12) == DayOfYear(31, 12)


@given(st.integers(-5, 40), st.integers(-2, 14))
def test_a_parsed_day_exists_in_a_leap_year(day: int, month: int) -> None:
    parsed = parse_day(day, month)
    valid = 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2024, month)[1]
    assert (parsed is not None) == valid
    if parsed is not None:
        assert date(2024, parsed.month, parsed.day)


def test_29_february_is_celebrated_on_28_february_in_other_years() -> None:
    leapling = DayOfYear(29, 2)
    assert occurs_on(leapling, 2028) == date(2028, 2, 29)
    assert occurs_on(leapling, 2027) == date(2027, 2, 28)
    assert birthday_reminder(leapling, date(2027, 2, 27), 1) == 1
    assert birthday_reminder(leapling, date(2027, 2, 28), 1) == 0
    assert birthday_reminder(leapling, date(2027, 3, 1), 1) is None
    assert birthday_reminder(leapling, date(2028, 2, 28), 1) == 1
    assert birthday_reminder(leapling, date(2028, 2, 29), 1) == 0


@given(st.integers(1990, 2100), st.integers(1, 12), st.integers(1, 31), st.integers(0, 30))
def test_a_birthday_is_reminded_on_its_day_and_the_days_before_and_else_never(
    year: int, month: int, day: int, before: int
) -> None:
    birthday = parse_day(day, month)
    if birthday is None:
        return
    celebrated = occurs_on(birthday, year)
    window = [celebrated + timedelta(days=n) for n in range(-60, 61)]
    reminded = {d: birthday_reminder(birthday, d, before) for d in window}
    expected = {celebrated: 0, celebrated - timedelta(days=before): before}
    assert {d: a for d, a in reminded.items() if a is not None} == expected


@given(st.dates(min_value=date(1970, 1, 1), max_value=date(2030, 12, 31)), days)
def test_only_round_jubilees_remind_a_week_ahead(hired: date, today: date) -> None:
    years = jubilee_reminder(hired, today)
    if years is None:
        return
    assert years in ROUND_JUBILEES
    anniversary = today + timedelta(days=7)
    assert anniversary.year - hired.year == years
    assert (anniversary.month, anniversary.day) == (hired.month, hired.day) or (
        (hired.month, hired.day) == (2, 29) and (anniversary.month, anniversary.day) == (2, 28)
    )


def test_jubilee_examples() -> None:
    hired = date(2016, 12, 13)
    assert jubilee_reminder(hired, date(2026, 12, 6)) == 10
    assert jubilee_reminder(hired, date(2026, 12, 13)) is None  # only a week ahead
    assert jubilee_reminder(hired, date(2027, 12, 6)) is None  # 11 years: not round
    assert jubilee_reminder(date(2002, 3, 8), date(2027, 3, 1)) == 25
    assert jubilee_reminder(date(2004, 2, 29), date(2034, 2, 21)) == 30  # on 28.02.2034
