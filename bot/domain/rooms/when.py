"""Parse German (and simple English) room requests: day, local time span, headcount, equipment.

The grammar lives in :mod:`bot.domain.rooms.day_rules` and :mod:`bot.domain.rooms.time_rules`;
this module runs the rules in order and turns wall-clock times into aware datetimes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

from bot.domain.rooms import day_rules as days
from bot.domain.rooms import lexicon as lx
from bot.domain.rooms import time_rules as times
from bot.domain.rooms.lexicon import GROUP_WORDS, number
from bot.domain.rooms.parse_state import ParseState


@dataclass(frozen=True)
class RoomRequestParse:
    """What a room request says; ``missing`` and ``problems`` tell the bot what to ask back."""

    start: datetime | None
    end: datetime | None
    day: date | None
    all_day: bool
    attendees: int | None
    features: frozenset[str]
    missing: tuple[str, ...]
    problems: tuple[str, ...]
    is_holiday: bool = False  # public holiday in the configured German state (default NW)
    holiday_name: str | None = None


Rule = Callable[[re.Match[str], ParseState], bool]


def _capacity(m: re.Match[str], s: ParseState) -> bool:
    """6 Personen / 6-8 Leute (the larger number) / zu dritt / Raum für 6 (or -3: refused).
    A count of nobody ("keine Gäste", "0 Personen") gives way to a later real one."""
    if s.attendees is None or s.attendees == 0:
        group, raw = m.groupdict().get("group"), m["n"]
        count = GROUP_WORDS[group] if group else number(raw)
        s.attendees = -count if m["neg"] else count
    return True


# Order matters: each rule blanks out what it consumed, so "6 Personen" and "12.3." are gone
# before the clock rules look for bare numbers.
_RULES: tuple[tuple[re.Pattern[str], Rule], ...] = tuple(
    (re.compile(pattern), rule)
    for pattern, rule in (
        (lx.CAPACITY, _capacity),
        (lx.DURATION, times.duration),
        (lx.NUMERIC_DATE, days.numeric_date),
        (lx.DAY_MONTH, days.month_name),
        (lx.MONTH_DAY, days.month_name),
        (lx.RELATIVE_DAY, days.relative_day),
        (lx.WEEKDAY, days.named_weekday),
        (lx.WEEKDAY_ABBREVIATION_AFTER_PREFIX, days.named_weekday),
        (lx.WEEKDAY_ABBREVIATION_BEFORE_TIME, days.named_weekday),
        (lx.DAY_OF_MONTH, days.day_of_month),
        (lx.PAST_DAY, days.past_day),
        (lx.ALL_DAY, times.all_day),
        (lx.CLOCK_RANGE, times.clock_range),
        (lx.SINGLE_CLOCK, times.single_clock),
        (lx.BARE_CAPACITY, _capacity),
    )
)


def _consume(pattern: re.Pattern[str], rule: Rule, text: str, state: ParseState) -> str:
    """Apply one rule to every match, blanking out the matches it accepted."""
    return pattern.sub(lambda m: " " * len(m[0]) if rule(m, state) else m[0], text)


def _wall(day: date, minutes: int, zone: ZoneInfo) -> tuple[datetime, bool]:
    """Local wall-clock time as an aware datetime (fold=0) and whether it exists."""
    naive = datetime.combine(
        day + timedelta(days=minutes // 1440), time(minutes % 1440 // 60, minutes % 60)
    )
    # The round trip through UTC moves a time in the spring-forward gap past the gap.
    aware = naive.replace(tzinfo=zone, fold=0).astimezone(UTC).astimezone(zone)
    return aware, aware.replace(tzinfo=None) == naive


def _span(s: ParseState, zone: ZoneInfo) -> tuple[datetime | None, datetime | None]:
    """Aware start/end for the parsed day and times; flags wall times the day skips."""
    if s.day is None:
        return None, None
    if s.all_day:  # local midnight to midnight: 23 h in March, 25 h in October
        return _wall(s.day, 0, zone)[0], _wall(s.day, 1440, zone)[0]
    if s.start is None:
        return None, None
    start, exists = _wall(s.day, s.start, zone)
    end = None
    if s.end is not None:
        end, end_exists = _wall(s.day, s.end, zone)
        exists = exists and end_exists
    elif s.duration is not None:
        # Durations are elapsed time, so add them in UTC: 2 h across a DST switch stay 2 h.
        end = (start.astimezone(UTC) + s.duration).astimezone(zone)
    if not exists:
        s.problems.append("nonexistent_time")
    return start, end


@lru_cache(maxsize=16)
def _holidays(state: str) -> holidays.HolidayBase:
    """Public holidays of one German state (years load lazily)."""
    return holidays.country_holidays("DE", subdiv=state, language="de")


def holiday_on(day: date, state: str = "NW") -> str | None:
    """The name of the public holiday on ``day`` in the German ``state``, or None."""
    name = _holidays(state).get(day)
    return str(name) if name is not None else None


def parse_room_request(
    text: str, now: datetime, tz: str = "Europe/Berlin", state: str = "NW"
) -> RoomRequestParse:
    """Understand a free-text room request relative to the aware datetime ``now``."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    try:
        zone = ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {tz!r}") from exc
    s = ParseState(today=now.astimezone(zone).date())
    text = lx.normalise(text)
    features = lx.features(text)
    text = lx.rewrite_colloquial(text)
    for pattern, rule in _RULES:
        text = _consume(pattern, rule, text, s)
    if s.attendees is not None and s.attendees < 1:  # "für 0 Personen": ask how many
        s.problems.append("no_attendees")
        s.attendees = None

    missing = [
        name
        for name, unknown in (
            ("date", s.day is None),
            ("time", not s.all_day and s.start is None),
            ("capacity", s.attendees is None),
        )
        if unknown
    ]
    if s.start is not None and s.end is None and s.duration is None and not s.all_day:
        missing.append("duration")
    if s.start is not None and s.end is not None and s.end <= s.start:
        s.problems.append("end_before_start")
    start, end = _span(s, zone)
    if (start is not None and not s.all_day and start.astimezone(UTC) < now.astimezone(UTC)) or (
        s.day is not None and s.day < s.today
    ):
        s.problems.append("in_past")
    holiday = _holidays(state).get(s.day) if s.day is not None else None
    return RoomRequestParse(
        start=start,
        end=end,
        day=s.day,
        all_day=s.all_day,
        attendees=s.attendees,
        features=features,
        missing=tuple(missing),
        problems=tuple(dict.fromkeys(s.problems)),
        is_holiday=holiday is not None,
        holiday_name=holiday,
    )
