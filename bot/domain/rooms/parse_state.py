"""The scratch pad the room-request rules fill in while they consume the text.

Day rules (:mod:`bot.domain.rooms.day_rules`) and time rules
(:mod:`bot.domain.rooms.time_rules`) write into the same state; :mod:`bot.domain.rooms.when`
runs them in order and turns the state into the parse result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta


@dataclass
class ParseState:
    """Scratch pad the rules fill in; times are minutes after local midnight (wall clock)."""

    today: date
    day: date | None = None
    start: int | None = None
    end: int | None = None
    duration: timedelta | None = None
    all_day: bool = False
    attendees: int | None = None
    # A daypart said apart from the clock ("heute Abend 6-7"): read bare clock times in it.
    daypart: str | None = None
    problems: list[str] = field(default_factory=list)
