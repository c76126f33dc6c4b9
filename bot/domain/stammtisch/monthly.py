"""The poll the rule posts by itself every month: planning it, following rule changes, and
telling the team when a month has no possible date.

A planned posting is a job keyed by team, target month and due time. When it runs, it asks
the rule as it is *now* (``schedule.monthly_step``): only the job on the rule's current date
posts; a job whose date the rule moved later plans the new date (under the key the rule's
save planned, so replicas and re-deliveries end with one job) and posts nothing; a job of a
switched-off rule posts nothing. Saving a rule also cancels the old rule's pending job, but
the check at run time is what counts: it also covers a job another replica had already
claimed, and the next month planned by a run that read the rule just before it changed.

A rule whose date in the current month has already passed applies from the next month: the
poll it would have posted earlier this month is not posted late by itself (a poll appearing
the moment a form is saved would surprise, with the form perhaps not yet finished). If that
poll does not exist, the organiser is told so when saving (``passed_posting``) and can post
it by hand ("stammtisch neu").
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from bot.domain.stammtisch import schedule
from bot.domain.stammtisch.model import PollError, Rule

if TYPE_CHECKING:
    from bot.domain.stammtisch.service import StammtischService

MONTHLY_JOB = "stammtisch.monthly"
SKIPPED_JOB = "stammtisch.skipped"

log = logging.getLogger(__name__)


def monthly_key(team_key: str, period: str, due: datetime) -> str:
    """The dedup key of the posting for ``period`` on ``due`` (one job per team, month and
    date, whoever plans it)."""
    return f"{MONTHLY_JOB}:{team_key}:{period}:{due.astimezone(UTC).isoformat()}"


def month_of(period: str) -> date:
    """The first day of a period ("2026-05")."""
    year, month = (int(part) for part in period.split("-"))
    return date(year, month, 1)


async def save_rule(svc: StammtischService, rule: Rule) -> datetime:
    """Store the rule and plan its next posting instead of the old rule's; returns when that
    is (a switched-off rule plans nothing)."""
    if not svc.may_organise(rule.organiser_key):
        raise PollError("not_organiser")
    now, calendar = svc.clock.now(), svc.calendar
    old = await svc.repo.get_rule(rule.team_key)
    await svc.repo.save_rule(rule)
    month, due = schedule.next_posting(rule, now, calendar)
    if old is not None:
        old_month, old_due = schedule.next_posting(old, now, calendar)
        if not rule.active or (old_month, old_due) != (month, due):
            period = schedule.period_of(old_month)
            await svc.jobs.cancel(monthly_key(rule.team_key, period, old_due))
            await svc.jobs.cancel(f"{MONTHLY_JOB}:{rule.team_key}:{period}")  # older key
    if rule.active:
        await schedule_monthly(svc, rule.team_key, month, due)
    return due


async def passed_posting(svc: StammtischService, rule: Rule) -> tuple[date, datetime] | None:
    """(month, date) of the poll the active ``rule`` would have posted earlier this month,
    when no poll for that month exists; None otherwise."""
    if not rule.active:
        return None
    now, calendar = svc.clock.now(), svc.calendar
    target = schedule.first_of_next_month(now.astimezone(calendar.zone).date())
    due = schedule.posting_due(rule, target, calendar)
    if due > now:
        return None
    latest = await svc.repo.latest_poll(rule.team_key)
    if latest is not None and latest.month >= target:
        return None  # posted (or started by hand): nothing is left out
    return target, due


async def schedule_monthly(
    svc: StammtischService, team_key: str, month: date, due: datetime
) -> None:
    """Plan the posting for ``month`` on ``due`` (once per team, month and date)."""
    period = schedule.period_of(month)
    await svc.jobs.schedule(
        MONTHLY_JOB,
        {"team_key": team_key, "period": period, "due": due.isoformat()},
        due,
        dedup_key=monthly_key(team_key, period, due),
    )


async def run_monthly(
    svc: StammtischService, team_key: str, period: str, planned: datetime | None = None
) -> None:
    """Job: if the rule still posts on ``planned``, plan the next month and post this
    month's poll. A month with no possible date is skipped with a note where the poll would
    have appeared (the organisers and members wait for it there); the rule goes on."""
    rule = await svc.repo.get_rule(team_key)
    target, now, calendar = month_of(period), svc.clock.now(), svc.calendar
    step, due = schedule.monthly_step(rule, target, planned, now, calendar)
    if step is schedule.Step.MOVED and due is not None:
        await schedule_monthly(svc, team_key, target, due)
    if step is not schedule.Step.POST or rule is None:
        log.info("stammtisch posting for %s not run: %s", period, step.value)
        return
    following = schedule.first_of_next_month(target)
    await schedule_monthly(
        svc, team_key, following, schedule.posting_due(rule, following, calendar)
    )
    try:
        # Posted early for a holiday: votes still close after the rule's own day.
        await svc.start(rule, target, schedule.rule_due(rule, target, calendar.zone))
    except PollError as error:
        if error.code != "no_dates":
            raise
        log.warning("stammtisch poll for %s skipped: no possible date", period)
        # A job of its own with a key: the note is posted once, also when this run repeats.
        payload = {"team_key": team_key, "period": period}
        await svc.jobs.schedule(
            SKIPPED_JOB, payload, now, dedup_key=f"{SKIPPED_JOB}:{team_key}:{period}"
        )


async def announce_skipped(svc: StammtischService, team_key: str, period: str) -> None:
    """Job: tell the team, in the rule's language, that this month has no poll and when the
    next one appears (nothing when the rule was switched off meanwhile)."""
    rule = await svc.repo.get_rule(team_key)
    if rule is None or not rule.active:
        return
    _, following = schedule.next_posting(rule, svc.clock.now(), svc.calendar)
    card = svc.views.skipped_card(rule, month_of(period), following)
    await svc.notifier.post_card(rule.place, card)
