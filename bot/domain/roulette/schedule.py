"""When rounds happen: round n starts ``n * interval`` after a fixed Monday 09:00 local time,
so every replica computes the same round number for the same moment."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

ANCHOR_DAY = date(2024, 1, 1)  # a Monday
ROUND_TIME = time(9, 0)


def round_start(round_no: int, interval_weeks: int, zone: ZoneInfo) -> datetime:
    """The moment round ``round_no`` starts (09:00 local on its Monday, DST-correct)."""
    day = ANCHOR_DAY + timedelta(weeks=round_no * interval_weeks)
    return datetime.combine(day, ROUND_TIME, zone)


def round_at(now: datetime, interval_weeks: int, zone: ZoneInfo) -> int:
    """The number of the latest round that has started at ``now``."""
    days = (now.astimezone(zone).date() - ANCHOR_DAY).days
    number = days // (7 * interval_weeks)
    if round_start(number, interval_weeks, zone) > now:
        number -= 1
    return number
