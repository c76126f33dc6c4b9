"""Business-hours arithmetic: weekends, German public holidays per state, out-of-office."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

Interval = tuple[datetime, datetime]


def _require_aware(value: datetime, name: str) -> None:
    """Raise ValueError unless ``value`` carries a usable UTC offset."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, got naive {value!r}")


class BusinessCalendar:
    """Opening hours of one site: local wall-clock hours on working days of a German state."""

    def __init__(
        self,
        time_zone: str = "Europe/Berlin",
        state: str = "NW",
        day_start: time = time(8, 0),
        day_end: time = time(17, 0),
        extra_closed_days: frozenset[date] = frozenset(),
    ) -> None:
        if day_start.tzinfo is not None or day_end.tzinfo is not None:
            raise ValueError("day_start and day_end are local wall-clock times without tzinfo")
        if day_end <= day_start:
            raise ValueError(f"day_end {day_end} must be after day_start {day_start}")
        try:
            self._tz = ZoneInfo(time_zone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {time_zone!r}") from exc
        try:
            # Years are filled in lazily on lookup, so one object serves any date range.
            self._holidays = holidays.country_holidays("DE", subdiv=state)
        except NotImplementedError as exc:
            known = ", ".join(holidays.list_supported_countries()["DE"])
            raise ValueError(f"unknown German state {state!r}; expected one of {known}") from exc
        self.time_zone = time_zone
        self.state = state
        self.day_start = day_start
        self.day_end = day_end
        self.extra_closed_days = extra_closed_days

    def is_open_day(self, day: date) -> bool:
        """True for a weekday that is neither a public holiday nor an extra closed day."""
        if day.weekday() >= 5 or day in self.extra_closed_days:
            return False
        return day not in self._holidays

    @property
    def zone(self) -> ZoneInfo:
        """The local time zone of the business hours."""
        return self._tz

    def is_business_time(self, when: datetime) -> bool:
        """True when ``when`` falls within opening hours (day end excluded)."""
        _require_aware(when, "when")
        day = when.astimezone(self._tz).date()
        if not self.is_open_day(day):
            return False
        opens, closes = self._window(day)
        return opens <= when < closes

    def next_business_start(
        self, when: datetime, *, unavailable: Sequence[Interval] = ()
    ) -> datetime:
        """The first business instant at or after ``when`` (UTC), skipping ``unavailable``."""
        return self.add_business_time(when, timedelta(0), unavailable=unavailable)

    def add_business_time(
        self, start: datetime, delta: timedelta, *, unavailable: Sequence[Interval] = ()
    ) -> datetime:
        """The UTC instant when ``delta`` of free business time has elapsed after ``start``."""
        _require_aware(start, "start")
        if delta < timedelta(0):
            raise ValueError(f"delta must not be negative, got {delta}")
        busy = self._normalise(unavailable, start)
        # All arithmetic happens in UTC: adding to a zoned datetime would add wall-clock time
        # and be an hour off across a DST change.
        cursor = start.astimezone(UTC)
        remaining = delta
        i = 0
        day = cursor.astimezone(self._tz).date()
        while True:
            if self.is_open_day(day):
                opens, closes = self._window(day)
                seg_start = max(cursor, opens)
                while seg_start < closes:
                    while i < len(busy) and busy[i][1] <= seg_start:
                        i += 1
                    if i < len(busy) and busy[i][0] <= seg_start:
                        seg_start = busy[i][1]
                        continue
                    seg_end = min(closes, busy[i][0]) if i < len(busy) else closes
                    # "<=" so that a deadline landing exactly on closing time stays today.
                    if remaining <= seg_end - seg_start:
                        return seg_start + remaining
                    remaining -= seg_end - seg_start
                    seg_start = seg_end
                cursor = max(cursor, seg_start)
            # An absence may end days later; jump there instead of walking through it.
            day = max(day + timedelta(days=1), cursor.astimezone(self._tz).date())

    def _window(self, day: date) -> Interval:
        """Opening and closing instant of ``day`` in UTC."""
        opens = datetime.combine(day, self.day_start, tzinfo=self._tz)
        closes = datetime.combine(day, self.day_end, tzinfo=self._tz)
        return opens.astimezone(UTC), closes.astimezone(UTC)

    @staticmethod
    def _normalise(intervals: Sequence[Interval], start: datetime) -> list[Interval]:
        """Validated UTC intervals that matter after ``start``, sorted by their beginning."""
        result: list[Interval] = []
        for begin, end in intervals:
            _require_aware(begin, "unavailable start")
            _require_aware(end, "unavailable end")
            if end < begin:
                raise ValueError(f"unavailable interval ends before it starts: {begin} > {end}")
            if end > start and end > begin:
                result.append((begin.astimezone(UTC), end.astimezone(UTC)))
        return sorted(result)
