"""Day rules of room requests: dates, weekdays and relative days, resolved against today.

Each rule takes a regex match from :mod:`bot.domain.rooms.lexicon` and records the day in the
:class:`ParseState`; ``invalid_date`` and ``weekday_mismatch`` become problems to ask back.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.domain.rooms.lexicon import MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS, respell
from bot.domain.rooms.parse_state import ParseState


def _set_day(s: ParseState, day: date | None, weekday: int | None = None) -> bool:
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


def _dated(s: ParseState, day: int, month: int, year: str | None) -> bool:
    """Dates without a year mean the next such date (today or later)."""
    if year is not None:
        return _set_day(s, _make_date(int(year) + (2000 if len(year) == 2 else 0), month, day))
    found = _make_date(s.today.year, month, day)
    if found is not None and found < s.today:
        found = _make_date(s.today.year + 1, month, day)
    return _set_day(s, found)


def numeric_date(m: re.Match[str], s: ParseState) -> bool:
    """12.3. / 12.03.2027 / 2027-03-12."""
    if m["iso"]:
        return _set_day(s, _make_date(int(m["iy"]), int(m["im"]), int(m["id"])))
    if not (1 <= int(m["d"]) <= 31 and 1 <= int(m["mo"]) <= 12):
        return False
    return _dated(s, int(m["d"]), int(m["mo"]), m["y"])


def month_name(m: re.Match[str], s: ParseState) -> bool:
    """3. April / 3 april 2027 / April 3rd."""
    return 1 <= int(m["d"]) <= 31 and _dated(s, int(m["d"]), MONTHS[m["mon"]], m["y"])


_OFFSETS = {
    "vorgestern": -2, "day before yesterday": -2, "gestern": -1, "yesterday": -1,
    "heute": 0, "today": 0, "morgen": 1, "tomorrow": 1,
}  # fmt: skip


def relative_day(m: re.Match[str], s: ParseState) -> bool:
    """heute / morgen / übermorgen and English equivalents (with a daypart: "heute Abend")."""
    offset = _OFFSETS.get(m["rel"], 2)
    return _set_day(s, s.today + timedelta(days=offset)) and _daypart(m, s)


def past_day(m: re.Match[str], s: ParseState) -> bool:
    """gestern / vorgestern / yesterday: the day only if no other day was said, so that the
    request is refused as in the past ("wie gestern besprochen, morgen 9-10" is tomorrow)."""
    return s.day is not None or relative_day(m, s)


_EARLY = respell("früh")


def _daypart(m: re.Match[str], s: ParseState) -> bool:
    # "Abend"/"Nachmittag" read bare times as afternoon, "früh" as morning (see _minutes).
    part = m.groupdict().get("part")
    if part:
        s.daypart = _EARLY if part == _EARLY else part.rstrip("s") + "s"
    return True


# "nächste Woche Dienstag", "Dienstag nächste Woche", "next week": a calendar week, not the
# next such weekday (on a Monday, "nächste Woche Dienstag" is eight days away, not one).
_WEEKS_AHEAD = (
    (re.compile(respell(r"\bübernächsten?\s+woche\b|\bweek\s+after\s+next\b")), 2),
    (re.compile(respell(r"\b(?:nächste|kommende)n?\s+woche\b|\bnext\s+week\b")), 1),
)
_WEEK_AFTER_NEXT = respell("übernächsten")


def named_weekday(m: re.Match[str], s: ParseState) -> bool:
    """Named weekday: the next one after today; "diesen" allows today, "übernächsten" +1 week;
    with "nächste Woche" that weekday of the next calendar week."""
    target = WEEKDAYS.get(m["w"], WEEKDAY_ABBREVIATIONS.get(m["w"], 0))
    weeks = next((n for pattern, n in _WEEKS_AHEAD if pattern.search(m.string)), 0)
    if weeks:
        monday = s.today - timedelta(days=s.today.weekday())
        day = monday + timedelta(weeks=weeks, days=target)
        return _set_day(s, day, weekday=target) and _daypart(m, s)
    ahead = (target - s.today.weekday()) % 7
    if ahead == 0 and m["pre"] not in ("diesen", "this"):
        ahead = 7  # on a Tuesday, "(nächsten) Dienstag" means the one a week away
    if m["pre"] == _WEEK_AFTER_NEXT:
        ahead += 7
    return _set_day(s, s.today + timedelta(days=ahead), weekday=target) and _daypart(m, s)


def day_of_month(m: re.Match[str], s: ParseState) -> bool:
    """Day of month ("am 1."): this month if still ahead, else next; 31 in April is invalid."""
    day, year, month = int(m["d"]), s.today.year, s.today.month
    if day < s.today.day:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return 1 <= day <= 31 and _set_day(s, _make_date(year, month, day))
