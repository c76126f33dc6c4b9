"""When the monthly poll is posted, until when members vote, and when the lunch takes place.

All rules are stated in local wall-clock time of the network's time zone and converted to UTC
at the edges, so that "9 Uhr" stays 9 Uhr across daylight-saving changes. The poll is posted on
a working day: a rule's day that is a public holiday (the holidays of ``HOLIDAY_STATE``, the
same ones the Stammtisch dates avoid) moves to the working day before, also into the previous
month (1 May on a Friday: Thursday 30 April).
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.domain.business_hours import BusinessCalendar
from bot.domain.stammtisch.model import Rule

LAST = 5  # post_week value meaning "the last such weekday of the month"
# How far back a posting day on a holiday looks for a working day (Easter: four days).
_MOST_CLOSED_DAYS = 14


def first_of_next_month(day: date) -> date:
    """The first day of the month after ``day``'s month."""
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def period_of(month: date) -> str:
    """The poll period key of a month ("2027-01")."""
    return f"{month.year:04d}-{month.month:02d}"


def posting_day(rule: Rule, month: date, calendar: BusinessCalendar) -> date:
    """The day on which the rule posts its poll in ``month``: its n-th or last weekday, or the
    working day before when that is a public holiday."""
    day = rule_day(rule, month)
    earlier = [day - timedelta(days=back) for back in range(_MOST_CLOSED_DAYS)]
    # Nothing open for two weeks (a test calendar): the rule's own day.
    return _first_open(earlier, calendar) or day


def _first_open(days: list[date], calendar: BusinessCalendar) -> date | None:
    """The first of ``days`` that is a working day in ``calendar`` (no weekend, no public
    holiday), None when there is none: the one holiday rule of postings and deadlines."""
    return next((day for day in days if calendar.is_open_day(day)), None)


def rule_day(rule: Rule, month: date) -> date:
    """The rule's n-th or last weekday in ``month``, holidays or not."""
    days_in_month = calendar.monthrange(month.year, month.month)[1]
    matches = [
        month.replace(day=d)
        for d in range(1, days_in_month + 1)
        if month.replace(day=d).weekday() == rule.post_weekday
    ]
    if rule.post_week >= LAST or rule.post_week > len(matches):
        return matches[-1]
    return matches[rule.post_week - 1]


def local(day: date, at: time, zone: ZoneInfo) -> datetime:
    """A local wall-clock time as an aware UTC datetime."""
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


def next_posting(rule: Rule, after: datetime, calendar: BusinessCalendar) -> tuple[date, datetime]:
    """The next (target month, posting time) strictly after ``after``; the poll asks about
    the month following the rule's posting day."""
    zone = calendar.zone
    month = after.astimezone(zone).date().replace(day=1)
    for _ in range(3):
        due = local(posting_day(rule, month, calendar), rule.post_time, zone)
        if due > after:
            return first_of_next_month(month), due
        month = first_of_next_month(month)
    raise AssertionError("a monthly rule always has a posting day within three months")


def posting_due(rule: Rule, target: date, calendar: BusinessCalendar) -> datetime:
    """When the rule posts the poll for ``target``'s month: on its posting day of the month
    before, at its posting time."""
    before = (target.replace(day=1) - timedelta(days=1)).replace(day=1)
    return local(posting_day(rule, before, calendar), rule.post_time, calendar.zone)


def rule_due(rule: Rule, target: date, zone: ZoneInfo) -> datetime:
    """When the rule's own day (holiday or not) for ``target``'s poll is, at its posting time:
    votes close after it as planned, also when the poll comes earlier for a holiday."""
    before = (target.replace(day=1) - timedelta(days=1)).replace(day=1)
    return local(rule_day(rule, before), rule.post_time, zone)


class Step(StrEnum):
    """What a planned monthly posting does when it runs, judged by the rule as it is now."""

    POST = "post"  # planned for the rule's current date: post the poll now
    MOVED = "moved"  # the rule now posts later: plan that date, post nothing now
    STALE = "stale"  # planned under an older rule whose date for this month has passed
    OFF = "off"  # no rule, or it is switched off: post nothing, plan nothing


def monthly_step(
    rule: Rule | None,
    target: date,
    planned: datetime | None,
    now: datetime,
    calendar: BusinessCalendar,
) -> tuple[Step, datetime | None]:
    """The step of the posting for ``target`` that was planned for ``planned`` (None: planned
    before postings carried their date), and the rule's current date for it.

    Only the posting on the rule's current date posts, so a poll appears on the day the
    organiser was told when saving the rule, however often the rule was changed before.
    """
    if rule is None or not rule.active:
        return Step.OFF, None
    due = posting_due(rule, target, calendar)
    if planned == due or (planned is None and due <= now):
        return Step.POST, due
    if due <= now and planned == rule_due(rule, target, calendar.zone):
        # Planned by a version that posted on holidays too, for this very rule: late beats
        # a month without a poll (the one posted on time, if any, is found: no second card).
        return Step.POST, due
    if due > now:
        return Step.MOVED, due
    return Step.STALE, due


def deadline_after(posted: datetime, rule: Rule, calendar: BusinessCalendar) -> datetime:
    """Votes close on the next ``deadline_weekday`` after the posting day, at deadline_time.
    A deadline on a public holiday moves to the working day before, as a posting day does
    (Good Friday: Thursday); should that be the posting day itself or earlier, it moves to
    the working day after the holiday instead, so that members still have days to vote."""
    zone = calendar.zone
    day = posted.astimezone(zone).date()
    due = day + timedelta(days=(rule.deadline_weekday - day.weekday()) % 7 or 7)
    earlier = [due - timedelta(days=back) for back in range(_MOST_CLOSED_DAYS)]
    later = [due + timedelta(days=ahead) for ahead in range(1, _MOST_CLOSED_DAYS)]
    # Nothing open for weeks (a test calendar): the rule's own weekday.
    open_day = _first_open([d for d in earlier if d > day] + later, calendar) or due
    return local(open_day, rule.deadline_time, zone)


def extended_deadline(start: datetime, by: timedelta, calendar: BusinessCalendar) -> datetime:
    """Votes close ``by`` after ``start`` ("Abstimmung verlängern"), counted in local wall-clock
    time and kept on a working day: a deadline that would fall on a weekend or a public
    holiday moves to the next working day, at the same local time (Friday 16 Uhr plus two
    days: Monday 16 Uhr, not Sunday; Maundy Thursday: the Tuesday after Easter)."""
    zone = calendar.zone
    moved = start.astimezone(zone).replace(tzinfo=None) + by
    later = [moved.date() + timedelta(days=ahead) for ahead in range(_MOST_CLOSED_DAYS)]
    # Nothing open for two weeks (a test calendar): the plain sum.
    return local(_first_open(later, calendar) or moved.date(), moved.time(), zone)


def lunch_window(day: date, start: time, end: time, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The Stammtisch's start and end on ``day`` (UTC)."""
    return local(day, start, zone), local(day, end, zone)


def day_before_reminder(day: date, at: time, zone: ZoneInfo) -> datetime:
    """When the day-before reminder goes out: the previous day at ``at`` local time."""
    return local(day - timedelta(days=1), at, zone)
