"""Date rules: valid birthdays, when a birthday falls in a given year (29 February on the 28th
in other years), service years and round jubilees, and which reminders are due on a day."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from bot.domain.birthdays.model import DayOfYear

ROUND_JUBILEES = frozenset({10, 20, 25, 30, 40})
JUBILEE_REMIND_DAYS_BEFORE = 7


def parse_day(day: int, month: int) -> DayOfYear | None:
    """The birthday, or None for an impossible date (31.02., 00.05., 12.13.)."""
    if not 1 <= month <= 12 or day < 1:
        return None
    # 29 February exists in some years: a leap year's length decides what is possible.
    if day > calendar.monthrange(2000, month)[1]:
        return None
    return DayOfYear(day, month)


def occurs_on(birthday: DayOfYear, year: int) -> date:
    """The day it is celebrated in ``year``: 29 February on 28 February in other years."""
    if birthday.month == 2 and birthday.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, birthday.month, birthday.day)


def birthday_reminder(birthday: DayOfYear, today: date, days_before: int) -> int | None:
    """How many days ahead the birthday is when a reminder is due today (``days_before`` or
    0 on the day), else None."""
    for ahead in sorted({0, days_before}):
        if occurs_on(birthday, (today + timedelta(days=ahead)).year) == today + timedelta(
            days=ahead
        ):
            return ahead
    return None


def anniversary(hired: date, year: int) -> date:
    """The hire date's anniversary in ``year`` (29 February on the 28th in other years)."""
    return occurs_on(DayOfYear(hired.day, hired.month), year)


def jubilee_reminder(hired: date, today: date) -> int | None:
    """The number of service years of a round jubilee that is exactly a week ahead, else
    None (only round jubilees remind anyone)."""
    day = today + timedelta(days=JUBILEE_REMIND_DAYS_BEFORE)
    years = day.year - hired.year
    if years in ROUND_JUBILEES and anniversary(hired, day.year) == day:
        return years
    return None
