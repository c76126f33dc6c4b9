"""Common free times of a group, from one free/busy read: pure arithmetic over busy intervals.

Lunch is suggested between 12 and 14 local time (an hour), coffee and virtual coffee as half
an hour within business hours; at most one suggestion per day, so "anderer Vorschlag" offers
another day rather than the same day half an hour later.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from bot.domain.business_hours import BusinessCalendar, Interval
from bot.domain.roulette.model import Format, Slot

LUNCH_STARTS = (time(12, 0), time(12, 30), time(13, 0))
COFFEE_MINUTES = 30
LUNCH_MINUTES = 60
# Coffee in the middle of the morning and the afternoon first; the day's edges last.
COFFEE_STARTS = (time(10, 0), time(15, 0), time(10, 30), time(14, 30), time(11, 0), time(15, 30),
                 time(9, 30), time(14, 0), time(16, 0), time(9, 0))  # fmt: skip
DAYS_AHEAD = 14
MAX_SLOTS = 5


def search_window(calendar: BusinessCalendar, now: datetime) -> tuple[datetime, datetime]:
    """From the next day's start to ``DAYS_AHEAD`` days later (UTC): one getSchedule call."""
    first = now.astimezone(calendar.zone).date() + timedelta(days=1)
    start = datetime.combine(first, time(0, 0), calendar.zone)
    return start, start + timedelta(days=DAYS_AHEAD)


def _free(start: datetime, end: datetime, busy: Sequence[Interval]) -> bool:
    return all(not (b0 < end and start < b1) for b0, b1 in busy)


def _candidates(day: date, fmt: Format, calendar: BusinessCalendar) -> list[Slot]:
    zone = calendar.zone
    starts: tuple[time, ...]
    if fmt == "lunch":
        starts, minutes = LUNCH_STARTS, LUNCH_MINUTES
    else:
        starts, minutes = COFFEE_STARTS, COFFEE_MINUTES
    result = []
    for at in starts:
        start = datetime.combine(day, at, zone)
        end = start + timedelta(minutes=minutes)
        opens = datetime.combine(day, calendar.day_start, zone)
        closes = datetime.combine(day, calendar.day_end, zone)
        if opens <= start and end <= closes:
            result.append(Slot(start.astimezone(UTC), end.astimezone(UTC), fmt))
    return result


def common_slots(
    calendar: BusinessCalendar,
    now: datetime,
    formats: Sequence[Format],
    busy: Sequence[Interval],
    limit: int = MAX_SLOTS,
) -> tuple[Slot, ...]:
    """Up to ``limit`` free times (one per open day, soonest first) when nobody is busy;
    the format is the group's first shared one (coffee, lunch, virtual)."""
    if not formats:
        return ()
    fmt = formats[0]
    start, end = search_window(calendar, now)
    found: list[Slot] = []
    day = start.date()
    while day < end.date() and len(found) < limit:
        if calendar.is_open_day(day):
            for slot in _candidates(day, fmt, calendar):
                if _free(slot.start, slot.end, busy):
                    found.append(slot)
                    break
        day += timedelta(days=1)
    return tuple(found)
