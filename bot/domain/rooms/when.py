"""Parse German (and simple English) room requests: day, local time span, headcount, equipment."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

from bot.domain.rooms import lexicon as lx
from bot.domain.rooms.lexicon import (
    GROUP_WORDS,
    MONTHS,
    NUMBER_WORDS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)


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


@dataclass
class _State:
    """Scratch pad the rules fill in; times are minutes after local midnight (wall clock)."""

    today: date
    day: date | None = None
    start: int | None = None
    end: int | None = None
    duration: timedelta | None = None
    all_day: bool = False
    attendees: int | None = None
    problems: list[str] = field(default_factory=list)


Rule = Callable[[re.Match[str], _State], bool]


def _minutes(h: int, m: int, mark: str | None, qual: str | None) -> int | None:
    """Turn hour/minute plus marker and daypart into minutes after midnight, or None."""
    if h > 24 or (h == 24 and m):
        return None
    if mark in ("pm", "p.m.") or qual in (
        "nachmittags",
        "abends",
        "in the afternoon",
        "in the evening",
    ):
        h += 12 if h < 12 else 0
    elif mark in ("am", "a.m.") and h == 12:
        h = 0
    elif qual in ("mittags", "noon") and h <= 3:
        h += 12  # "1 Uhr mittags" is 13:00; "12 Uhr mittags" stays 12:00
    elif qual == "nachts":
        h = 24 if h == 12 else h + 12 if 6 <= h < 12 else h
    elif mark is None and qual is None and 1 <= h <= 6:
        h += 12  # nobody books a room for 2 a.m. with a bare "2-3": read it as afternoon
    return h * 60 + m


def _time_of(
    m: re.Match[str], tag: str, mark: str | None = None, qual: str | None = None
) -> int | None:
    """Minutes for clock ``tag`` of a match; ``mark``/``qual`` fill in a missing marker."""
    return _minutes(
        int(m[f"h{tag}"]), int(m[f"m{tag}"] or 0), m[f"k{tag}"] or mark, m[f"q{tag}"] or qual
    )


def _set_day(s: _State, day: date | None, weekday: int | None = None) -> bool:
    """First date wins; a later weekday only cross-checks it ("Do, 26.3.")."""
    if s.day is not None or "invalid_date" in s.problems:
        if weekday is not None and s.day is not None and s.day.weekday() != weekday:
            s.problems.append("weekday_mismatch")
        return True
    if day is None:
        s.problems.append("invalid_date")
    s.day = day
    return True


def _make_date(year: int, month: int, day: int) -> date | None:
    """A calendar date, or None for 31.2. and friends."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _dated(s: _State, day: int, month: int, year: str | None) -> bool:
    """Dates without a year mean the next such date (today or later)."""
    if year is not None:
        return _set_day(s, _make_date(int(year) + (2000 if len(year) == 2 else 0), month, day))
    found = _make_date(s.today.year, month, day)
    if found is not None and found < s.today:
        found = _make_date(s.today.year + 1, month, day)
    return _set_day(s, found)


def _numeric_date(m: re.Match[str], s: _State) -> bool:
    """12.3. / 12.03.2027 / 2027-03-12."""
    if m["iso"]:
        return _set_day(s, _make_date(int(m["iy"]), int(m["im"]), int(m["id"])))
    if not (1 <= int(m["d"]) <= 31 and 1 <= int(m["mo"]) <= 12):
        return False
    return _dated(s, int(m["d"]), int(m["mo"]), m["y"])


def _month_name(m: re.Match[str], s: _State) -> bool:
    """3. April / 3 april 2027 / April 3rd."""
    return 1 <= int(m["d"]) <= 31 and _dated(s, int(m["d"]), MONTHS[m["mon"]], m["y"])


def _relative(m: re.Match[str], s: _State) -> bool:
    """heute / morgen / übermorgen and English equivalents."""
    offset = {"heute": 0, "today": 0, "morgen": 1, "tomorrow": 1}.get(m["rel"], 2)
    return _set_day(s, s.today + timedelta(days=offset))


def _weekday(m: re.Match[str], s: _State) -> bool:
    """Named weekday: the next one after today; "diesen" allows today, "übernächsten" +1 week."""
    target = WEEKDAYS.get(m["w"], WEEKDAY_ABBREVIATIONS.get(m["w"], 0))
    ahead = (target - s.today.weekday()) % 7
    if ahead == 0 and m["pre"] not in ("diesen", "this"):
        ahead = 7  # on a Tuesday, "(nächsten) Dienstag" means the one a week away
    if m["pre"] in ("übernächsten", "uebernaechsten"):
        ahead += 7
    return _set_day(s, s.today + timedelta(days=ahead), weekday=target)


def _day_of_month(m: re.Match[str], s: _State) -> bool:
    """Day of month ("am 1."): this month if still ahead, else next; 31 in April is invalid."""
    day, year, month = int(m["d"]), s.today.year, s.today.month
    if day < s.today.day:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return 1 <= day <= 31 and _set_day(s, _make_date(year, month, day))


def _all_day(m: re.Match[str], s: _State) -> bool:
    """ganztägig / den ganzen Tag / all day."""
    s.all_day = True
    return True


def _duration(m: re.Match[str], s: _State) -> bool:
    """für 2 Stunden / für 90 Minuten / for an hour / eine halbe Stunde."""
    if m["halfhour"]:
        s.duration = timedelta(minutes=30)
        return True
    raw = m["n"]
    amount = {"anderthalb": 1.5, "eineinhalb": 1.5}.get(raw) or float(
        NUMBER_WORDS.get(raw) or raw.replace(",", ".")
    )
    if m["half"]:
        amount /= 2
    minutes = amount if m["unit"].startswith("m") else amount * 60
    s.duration = timedelta(minutes=minutes)
    return True


def _range(m: re.Match[str], s: _State) -> bool:
    """14-15 Uhr / von 9:30 bis 11 / 2-3 pm (the last marker covers both ends)."""
    if s.start is not None:
        return False
    end = _time_of(m, "2")
    start = _time_of(m, "1", m["k2"], m["q2"])
    if start is not None and end is not None and start > end and not m["k1"]:
        start = _time_of(m, "1")  # "11 - 1 pm": the pm belongs to the end only
    if start is None or end is None:
        return False
    s.start, s.end = start, end
    return True


def _single(m: re.Match[str], s: _State) -> bool:
    """ab 13 Uhr / um 10 / 9:30: a lone number only counts with a marker, prefix or minutes."""
    if s.start is not None or not (m["pre"] or m["k1"] or m["q1"] or m["m1"]):
        return False
    value = _time_of(m, "1")
    if value is None:
        return False
    if m["pre"] in ("bis", "until", "till"):
        s.end = value
    else:
        s.start = value
    return True


def _capacity(m: re.Match[str], s: _State) -> bool:
    """6 Personen / 6-8 Leute (the larger number) / zu dritt / Raum für 6."""
    if s.attendees is None:
        group, raw = m.groupdict().get("group"), m["n"]
        s.attendees = GROUP_WORDS[group] if group else NUMBER_WORDS.get(raw) or int(raw)
    return True


# Order matters: each rule blanks out what it consumed, so "6 Personen" and "12.3." are gone
# before the clock rules look for bare numbers.
_RULES: tuple[tuple[re.Pattern[str], Rule], ...] = tuple(
    (re.compile(pattern), rule)
    for pattern, rule in (
        (lx.CAPACITY, _capacity),
        (lx.DURATION, _duration),
        (lx.NUMERIC_DATE, _numeric_date),
        (lx.DAY_MONTH, _month_name),
        (lx.MONTH_DAY, _month_name),
        (lx.RELATIVE_DAY, _relative),
        (lx.WEEKDAY, _weekday),
        (lx.WEEKDAY_ABBREVIATION_AFTER_PREFIX, _weekday),
        (lx.WEEKDAY_ABBREVIATION_BEFORE_TIME, _weekday),
        (lx.DAY_OF_MONTH, _day_of_month),
        (lx.ALL_DAY, _all_day),
        (lx.CLOCK_RANGE, _range),
        (lx.SINGLE_CLOCK, _single),
        (lx.BARE_CAPACITY, _capacity),
    )
)


def _consume(pattern: re.Pattern[str], rule: Rule, text: str, state: _State) -> str:
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


def _span(s: _State, zone: ZoneInfo) -> tuple[datetime | None, datetime | None]:
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
    s = _State(today=now.astimezone(zone).date())
    text = lx.normalise(text)
    features = lx.features(text)
    text = lx.rewrite_colloquial(text)
    for pattern, rule in _RULES:
        text = _consume(pattern, rule, text, s)

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
