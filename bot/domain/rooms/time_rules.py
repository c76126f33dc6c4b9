"""Time rules of room requests: clock times, ranges, durations and "all day".

Times are minutes after local midnight on the wall clock; turning them into aware datetimes
(and daylight-saving gaps) is :mod:`bot.domain.rooms.when`'s job.
"""

from __future__ import annotations

import re
from datetime import timedelta

from bot.domain.rooms.lexicon import NUMBER_WORDS
from bot.domain.rooms.parse_state import ParseState


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
    minute = int(m[f"m{tag}"] or m[f"u{tag}"] or 0)  # "9:30" or "9 Uhr 30"
    return _minutes(int(m[f"h{tag}"]), minute, m[f"k{tag}"] or mark, m[f"q{tag}"] or qual)


def all_day(m: re.Match[str], s: ParseState) -> bool:
    """ganztägig / den ganzen Tag / all day."""
    s.all_day = True
    return True


def duration(m: re.Match[str], s: ParseState) -> bool:
    """für 2 Stunden / für 90 Minuten / for an hour / eine halbe Stunde."""
    if m["halfhour"]:
        s.duration = timedelta(minutes=30)
        return True
    raw = m["n"]
    amount = {"anderthalb": 1.5, "eineinhalb": 1.5}.get(raw) or float(
        NUMBER_WORDS[raw] if raw in NUMBER_WORDS else raw.replace(",", ".")
    )
    if m["half"]:
        amount /= 2
    minutes = amount if m["unit"].startswith("m") else amount * 60
    s.duration = timedelta(minutes=minutes)
    return True


def clock_range(m: re.Match[str], s: ParseState) -> bool:
    """14-15 Uhr / von 9:30 bis 11 / 10 Uhr 30 bis 11 / 2-3 pm (the last marker covers both)."""
    if s.start is not None:
        return False
    end = _time_of(m, "2", qual=s.daypart)
    start = _time_of(m, "1", m["k2"], m["q2"] or s.daypart)
    if start is not None and end is not None and start > end and not m["k1"]:
        start = _time_of(m, "1", qual=s.daypart)  # "11 - 1 pm": the pm is the end's only
    if start is None or end is None:
        return False
    if int(m["h1"]) <= 12 and end < 720 <= start < end + 720 and not (m["k2"] or m["q2"]):
        # "6-7", "7:30 abends bis 9": a start read as afternoon makes a bare end afternoon too
        # (a 24-hour start like "15-9" stays an error).
        end += 720
    s.start, s.end = start, end
    return True


def single_clock(m: re.Match[str], s: ParseState) -> bool:
    """ab 13 Uhr / um 10 / 9:30: a lone number only counts with a marker, prefix or minutes."""
    if s.start is not None or not (m["pre"] or m["k1"] or m["q1"] or m["m1"]):
        return False
    value = _time_of(m, "1", qual=s.daypart)
    if value is None:
        return False
    if m["pre"] in ("bis", "until", "till"):
        s.end = value
    else:
        s.start = value
    return True
