"""An admin changes ROULETTE_INTERVAL_WEEKS (a restart with the new setting): the rounds go on
at the new schedule's starts with fresh groups, nothing runs at the old schedule's times, and
the pairs of the last rounds actually held are not drawn again while others are possible.

Four people of four departments make three possible pairings of pairs; with a window of two
rounds each round must draw the one pairing the two rounds before it did not use. The world
starts right after the schedule's anchor (Monday 2024-01-01), where the numbers of a weekly
and a fortnightly schedule overlap: a fortnightly count soon reaches numbers that weekly
rounds have stored already."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from itertools import combinations

from bot.adapters.clock import ManualClock
from bot.domain.roulette.model import Group
from bot.domain.roulette.rounds import RouletteRounds
from bot.domain.roulette.service import ROUND_JOB, RoulettePolicy, RouletteService
from bot.jobs import JobRunner
from bot.roulette_wiring import build_handlers
from devkit.fakes.memory_jobs import InMemoryJobQueue
from tests.support.fake_notifier import RecordingNotifier
from tests.unit.roulette.test_service import join, make_world

SABINE = "c009aadc-479f-503c-b41a-60b0bbea7223"  # Vorstand, Hamburg
AYLIN = "97c01f7c-be03-57c5-bcea-f50c09d4e486"  # IT, Köln
EMILY = "57ef7766-ff5c-5b47-85cc-541f0babf98c"  # Marketing, Köln, English profile
MELANIE = "2b86549a-01f9-5f68-8b62-6230b0f81209"  # Personal, Hamburg
PEOPLE = (SABINE, AYLIN, EMILY, MELANIE)
START = datetime(2024, 1, 2, 8, 0, tzinfo=UTC)  # a Tuesday, right after the anchor
WINDOW = 2
INTRO = ("Los entschieden", "draw decided")


def monday(week: int) -> datetime:
    """Monday 09:00 Berlin (winter time) of the schedule's ``week``, one minute in."""
    return datetime(2024, 1, 1, 8, 1, tzinfo=UTC) + timedelta(weeks=week)


def pairs(groups: list[Group]) -> set[frozenset[str]]:
    return {frozenset(p) for g in groups for p in combinations(g.members, 2)}


@dataclass
class Deployment:
    """One roulette over fakes; ``restart`` is what a new ROULETTE_INTERVAL_WEEKS does."""

    service: RouletteService
    clock: ManualClock
    notifier: RecordingNotifier
    runner: JobRunner
    held: list[list[Group]]  # the groups of each round held, in order

    def restart(self, interval_weeks: int) -> RouletteRounds:
        """Same database and queue, a new service with the setting, its start hook run."""
        policy = replace(self.service.policy, interval_weeks=interval_weeks)
        self.service = replace(self.service, policy=policy)
        rounds = RouletteRounds(self.service)
        self.runner = JobRunner(self.service.jobs, self.clock, build_handlers(rounds))
        return rounds

    async def at(self, moment: datetime) -> list[Group]:
        """Run what is due at ``moment``; the groups of the rounds held meanwhile."""
        self.clock.advance(moment - self.clock.now())
        before = {g.id for g in await self.service.repo.groups_since(0)}
        while await self.runner.run_once():
            pass
        new = [g for g in await self.service.repo.groups_since(0) if g.id not in before]
        if new:
            self.held.append(new)
        return new

    def introductions(self) -> int:
        return sum(any(m in str(c) for m in INTRO) for _, c in self.notifier.directs)


async def deployment(interval_weeks: int) -> Deployment:
    policy = RoulettePolicy(interval_weeks=interval_weeks, window_rounds=WINDOW)
    world = make_world(now=START, policy=policy)
    for key in PEOPLE:
        await join(world, key)
    await world.rounds.plan_next()  # the bot's start
    return Deployment(world.service, world.clock, world.notifier, world.runner, [])


def assert_fresh(world: Deployment, groups: list[Group]) -> None:
    """A full round whose pairs none of the ``WINDOW`` rounds held before it drew (with four
    people exactly one such pairing exists, so the matcher had a choice to get wrong)."""
    assert sorted(k for g in groups for k in g.members) == sorted(PEOPLE)
    recent = [g for held in world.held[-WINDOW - 1 : -1] for g in held]
    assert not pairs(groups) & pairs(recent), (groups, recent)


async def test_a_longer_interval_goes_on_at_the_new_starts_with_fresh_groups() -> None:
    world = await deployment(interval_weeks=1)
    for week in (1, 2, 3, 4):  # four weekly rounds
        groups = await world.at(monday(week))
        assert len(world.held) == week
        assert_fresh(world, groups)
    sent = world.introductions()
    assert sent == 16

    rounds = world.restart(interval_weeks=2)
    world.clock.advance(timedelta(hours=3))
    await rounds.plan_next()
    # Week 5 was the weekly schedule's start, not the fortnightly one's: no round.
    assert await world.at(monday(5)) == []
    assert world.introductions() == sent
    # Week 6 is: a round with new groups, avoiding the pairs of weeks 3 and 4.
    groups = await world.at(monday(6))
    assert_fresh(world, groups)
    assert all(g.round_no > 4 for g in groups)
    assert world.introductions() == sent + 4
    # That round's job once more (a retry after a crash): the stored groups, nothing new.
    queue = world.service.jobs
    assert isinstance(queue, InMemoryJobQueue)
    [job] = [j for j in queue.jobs.values()
             if j.kind == ROUND_JOB and j.due_at == monday(6) - timedelta(minutes=1)]  # fmt: skip
    await build_handlers(rounds)[ROUND_JOB](job)
    assert await world.at(monday(6) + timedelta(hours=1)) == []
    assert world.introductions() == sent + 4
    assert await world.at(monday(7)) == []
    assert_fresh(world, await world.at(monday(8)))
    assert world.introductions() == sent + 8


async def test_a_shorter_interval_goes_on_weekly_and_remembers_the_last_rounds() -> None:
    world = await deployment(interval_weeks=2)
    for week in (2, 4):  # two fortnightly rounds
        assert_fresh(world, await world.at(monday(week)))
    assert len(world.held) == 2

    rounds = world.restart(interval_weeks=1)
    world.clock.advance(timedelta(hours=3))
    await rounds.plan_next()
    # Weekly now: one round each week, never a pair of the two rounds before it (the first
    # weekly round must avoid both fortnightly rounds' pairs).
    for week in (5, 6, 7):
        groups = await world.at(monday(week))
        assert_fresh(world, groups)
        assert len(world.held) == week - 2
    assert world.introductions() == 5 * 4
