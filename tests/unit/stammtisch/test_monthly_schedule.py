"""The monthly posting follows the rule as it is when the posting is due: a changed rule
moves it, a switched-off rule stops it, and an outdated job (planned under the old rule,
another replica's, an older key) posts nothing on its old date."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from bot.domain.business_hours import BusinessCalendar
from bot.domain.stammtisch.model import PollState
from bot.domain.stammtisch.monthly import MONTHLY_JOB, monthly_key
from bot.domain.stammtisch.schedule import Step, monthly_step, posting_due
from tests.support.stammtisch_world import World, make_world, rule

BERLIN = BusinessCalendar("Europe/Berlin", "NW")
MAY = date(2026, 5, 1)
# Friday 20 March 2026, 09:00 in Berlin: March's first Monday and third Wednesday are past.
FRIDAY = datetime(2026, 3, 20, 8, 0, tzinfo=UTC)
# April's first Monday is Easter Monday: the rule posts on the working day before, Thursday 2
# April (Good Friday is a holiday too), 09:00 CEST.
MAY_POSTING = datetime(2026, 4, 2, 7, 0, tzinfo=UTC)
THIRD_WEDNESDAY = datetime(2026, 4, 15, 7, 0, tzinfo=UTC)
FIRST, THIRD = rule(), rule(post_week=3, post_weekday=2)


def pending(world: World) -> list[tuple[str, datetime]]:
    return sorted(
        (job.payload["period"], job.due_at)
        for job in world.jobs.jobs.values()
        if job.kind == MONTHLY_JOB and job.done_at is None
    )


def test_posting_due_is_the_rules_day_in_the_month_before() -> None:
    assert posting_due(FIRST, MAY, BERLIN) == MAY_POSTING
    assert posting_due(THIRD, MAY, BERLIN) == THIRD_WEDNESDAY
    assert posting_due(FIRST, date(2027, 1, 1), BERLIN) == datetime(2026, 12, 7, 8, 0, tzinfo=UTC)


def test_only_the_posting_on_the_rules_current_date_posts() -> None:
    at = MAY_POSTING
    assert monthly_step(FIRST, MAY, MAY_POSTING, at, BERLIN) == (Step.POST, MAY_POSTING)
    # The rule moved to a later day: plan that day, post nothing now.
    assert monthly_step(THIRD, MAY, MAY_POSTING, at, BERLIN) == (Step.MOVED, THIRD_WEDNESDAY)
    # The rule moved to an earlier day that has passed: this job is outdated.
    later = THIRD_WEDNESDAY
    assert monthly_step(FIRST, MAY, THIRD_WEDNESDAY, later, BERLIN) == (Step.STALE, MAY_POSTING)
    assert monthly_step(rule(active=False), MAY, MAY_POSTING, at, BERLIN) == (Step.OFF, None)
    assert monthly_step(None, MAY, MAY_POSTING, at, BERLIN) == (Step.OFF, None)


def test_a_job_without_its_date_posts_once_the_rules_date_has_come() -> None:
    # Planned before jobs carried their date: the rule's date decides.
    assert monthly_step(FIRST, MAY, None, MAY_POSTING, BERLIN) == (Step.POST, MAY_POSTING)
    assert monthly_step(THIRD, MAY, None, MAY_POSTING, BERLIN) == (Step.MOVED, THIRD_WEDNESDAY)


async def test_a_changed_rule_posts_on_the_date_it_confirmed_not_the_old_one() -> None:
    world = make_world()
    world.clock.current = FRIDAY
    assert await world.service.save_rule(FIRST) == MAY_POSTING
    assert await world.service.save_rule(THIRD) == THIRD_WEDNESDAY
    assert pending(world) == [("2026-05", THIRD_WEDNESDAY)]
    world.clock.current = MAY_POSTING
    await world.run_due()
    assert world.notifier.posts == [] and await world.repo.latest_poll(FIRST.team_key) is None
    world.clock.current = THIRD_WEDNESDAY
    await world.run_due()
    poll = await world.repo.latest_poll(FIRST.team_key)
    assert poll is not None and poll.month == MAY and len(world.notifier.posts) == 1
    # Votes until the Friday after the posting day: 17 April, 16:00 CEST.
    assert poll.deadline == datetime(2026, 4, 17, 14, 0, tzinfo=UTC)
    assert pending(world) == [("2026-06", datetime(2026, 5, 20, 7, 0, tzinfo=UTC))]


async def test_an_outdated_job_that_could_not_be_cancelled_replans_itself() -> None:
    # The old rule's job survived the change (another replica held it, or a run that read
    # the old rule planned it): on its old date it posts nothing and moves to the rule's date.
    world = make_world()
    world.clock.current = FRIDAY
    await world.service.save_rule(THIRD)
    await world.service.schedule_monthly(THIRD.team_key, MAY, MAY_POSTING)
    legacy = {"team_key": THIRD.team_key, "period": "2026-05"}  # the key before the date
    await world.jobs.schedule(
        MONTHLY_JOB, legacy, MAY_POSTING, f"{MONTHLY_JOB}:{THIRD.team_key}:2026-05"
    )
    world.clock.current = MAY_POSTING
    await world.run_due()
    assert world.notifier.posts == []
    assert pending(world) == [("2026-05", THIRD_WEDNESDAY)]
    world.clock.current = THIRD_WEDNESDAY
    await world.run_due()
    assert len(world.notifier.posts) == 1


async def test_a_switched_off_rule_posts_nothing_and_plans_nothing() -> None:
    world = make_world()
    world.clock.current = FRIDAY
    await world.service.save_rule(FIRST)
    await world.service.save_rule(rule(active=False))
    assert pending(world) == []
    # Even a job that escaped the cancel posts nothing.
    await world.service.schedule_monthly(FIRST.team_key, MAY, MAY_POSTING)
    world.clock.current = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
    await world.run_due()
    assert world.notifier.posts == [] and pending(world) == []
    # Switched on again: planned from now on (June's first Monday, 09:00, has just passed).
    july = datetime(2026, 7, 6, 7, 0, tzinfo=UTC)
    assert await world.service.save_rule(FIRST) == july
    assert pending(world) == [("2026-08", july)]


async def test_saving_the_same_rule_again_keeps_one_job() -> None:
    world = make_world()
    world.clock.current = FRIDAY
    await world.service.save_rule(FIRST)
    await world.service.save_rule(FIRST)
    assert pending(world) == [("2026-05", MAY_POSTING)]
    key = monthly_key(FIRST.team_key, "2026-05", MAY_POSTING)
    assert [j.dedup_key for j in world.jobs.jobs.values()] == [key]
    world.clock.current = MAY_POSTING
    await world.run_due()
    poll = await world.repo.latest_poll(FIRST.team_key)
    assert poll is not None and poll.state is PollState.OPEN


async def test_a_skipped_month_is_announced_once_in_the_rules_language() -> None:
    world = make_world()
    may = {date(2026, 5, 1) + timedelta(days=n) for n in range(31)}
    world.service.policy = replace(world.service.policy, blackout=frozenset(may))
    world.clock.current = FRIDAY
    await world.service.save_rule(rule(language="en"))
    world.clock.current = MAY_POSTING
    await world.run_due()
    await world.service.run_monthly(FIRST.team_key, "2026-05", MAY_POSTING)  # repeated
    await world.run_due()
    [(_, note)] = world.notifier.posts
    text = json.dumps(note, ensure_ascii=False)
    assert "No get-together poll this month" in text and "in May 2026" in text
    assert "on Mon, 04.05." in text
    assert pending(world) == [("2026-06", datetime(2026, 5, 4, 7, 0, tzinfo=UTC))]


async def test_no_note_when_the_rule_was_switched_off_before_it_went_out() -> None:
    world = make_world()
    may = {date(2026, 5, 1) + timedelta(days=n) for n in range(31)}
    world.service.policy = replace(world.service.policy, blackout=frozenset(may))
    world.clock.current = MAY_POSTING
    await world.service.save_rule(FIRST)
    await world.service.run_monthly(FIRST.team_key, "2026-05", MAY_POSTING)
    await world.service.save_rule(rule(active=False))
    await world.run_due()
    assert world.notifier.posts == []
