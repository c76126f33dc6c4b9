"""When rounds happen: the schedule's start n is ``n * interval`` after a fixed Monday 09:00
local time, so every replica computes the same next start for the same moment.

The schedule only says *when*; a round's number counts the rounds held (see rounds.py), so
changing the interval moves the next start without reusing or skipping numbers."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

ANCHOR_DAY = date(2024, 1, 1)  # a Monday
ROUND_TIME = time(9, 0)


def round_start(round_no: int, interval_weeks: int, zone: ZoneInfo) -> datetime:
    """The moment the schedule's start ``round_no`` comes (09:00 local, DST-correct)."""
    day = ANCHOR_DAY + timedelta(weeks=round_no * interval_weeks)
    return datetime.combine(day, ROUND_TIME, zone)


def round_at(now: datetime, interval_weeks: int, zone: ZoneInfo) -> int:
    """The index of the schedule's latest start at or before ``now``."""
    days = (now.astimezone(zone).date() - ANCHOR_DAY).days
    number = days // (7 * interval_weeks)
    if round_start(number, interval_weeks, zone) > now:
        number -= 1
    return number


def next_start(now: datetime, interval_weeks: int, zone: ZoneInfo) -> datetime:
    """The schedule's first start after ``now``."""
    return round_start(round_at(now, interval_weeks, zone) + 1, interval_weeks, zone)


def is_start(moment: datetime, interval_weeks: int, zone: ZoneInfo) -> bool:
    """Whether ``moment`` is one of the schedule's starts (a round job planned under another
    interval usually is not)."""
    return round_start(round_at(moment, interval_weeks, zone), interval_weeks, zone) == moment
