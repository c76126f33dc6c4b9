"""Busy blocks of the demo calendars, generated relative to "today" by the seed rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from devkit.demo.organisation import WEEKDAYS, CalendarSeed, DemoOrganisation


@dataclass(frozen=True, slots=True)
class SeedOccurrence:
    """One concrete seeded event in one mailbox (aware UTC datetimes)."""

    key: str
    mailbox: str
    organizer: str
    subject: str
    start: datetime
    end: datetime
    show_as: str


def expand_calendar_seeds(
    org: DemoOrganisation, today: date, *, days_before: int = 7, days_after: int = 63
) -> list[SeedOccurrence]:
    """Materialise every seed rule for the days around `today`, sorted by start."""
    result: list[SeedOccurrence] = []
    first = today - timedelta(days=days_before)
    for offset in range(days_before + days_after + 1):
        day = first + timedelta(days=offset)
        for index, seed in enumerate(org.calendar_seeds):
            if _occurs_on(seed, day, today):
                result.append(_occurrence(org, index, seed, day))
    result.sort(key=lambda occ: (occ.start, occ.mailbox))
    return result


def _occurs_on(seed: CalendarSeed, day: date, today: date) -> bool:
    if seed.day_offset is not None:
        return day == today + timedelta(days=seed.day_offset)
    return WEEKDAYS[day.weekday()] in seed.weekdays


def _occurrence(
    org: DemoOrganisation, index: int, seed: CalendarSeed, day: date
) -> SeedOccurrence:
    start = datetime.combine(day, seed.start, tzinfo=org.zone).astimezone(UTC)
    end = datetime.combine(day, seed.end, tzinfo=org.zone).astimezone(UTC)
    return SeedOccurrence(
        key=f"seed-{index}-{day.isoformat()}",
        mailbox=seed.mailbox,
        organizer=seed.organizer,
        subject=seed.subject,
        start=start,
        end=end,
        show_as=seed.show_as,
    )
