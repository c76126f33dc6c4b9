"""When an admin pairs a newcomer with another buddy, the former buddy hears it once, in
their own language, through the job runner like every other onboarding DM: not if they left,
not if their introduction never went out, and without "you stay listed" if they stopped. A click
re-delivered after a crash (before or after the save) or a pick that lost its save still tells
everyone once."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest

from bot.domain.onboarding.model import Onboarding, OnboardingError
from bot.domain.onboarding.service import REPLACED_JOB
from devkit.fakes.memory_jobs import InMemoryJobQueue
from devkit.fakes.memory_onboarding import InMemoryOnboardingRepository
from tests.unit.onboarding.test_departed_volunteers import GONE, TEAM, team_with
from tests.unit.onboarding.test_onboarding_service import (
    ADMIN,
    AYLIN,
    EMILY,
    JANA,
    MELANIE,
    SABINE,
    World,
    make_world,
    volunteers,
)

Hook = Callable[[], Awaitable[object]]


class GatedRepository(InMemoryOnboardingRepository):
    """The in-memory store, with a pause before each save and one-shot hooks around one."""

    def __init__(self) -> None:
        super().__init__()
        self.yield_on_save = False
        self.before_save: Hook | None = None
        self.after_save: Hook | None = None

    async def save(self, onboarding: Onboarding) -> bool:
        if self.yield_on_save:
            await asyncio.sleep(0)  # another task runs: as between two requests to a database
        if self.before_save is not None:
            hook, self.before_save = self.before_save, None
            await hook()
        saved = await super().save(onboarding)
        if self.after_save is not None:
            hook, self.after_save = self.after_save, None
            await hook()
        return saved


def gated(world: World) -> GatedRepository:
    repo = GatedRepository()
    world.service.repo = repo
    return repo


def to(world: World, who: str) -> list[str]:
    return [str(card) for user, card in world.notifier.directs if user == who]


def told_replaced(world: World, who: str) -> list[str]:
    return [c for c in to(world, who) if "nicht mehr Buddy" in c or "no longer" in c]


def introduced(world: World, who: str) -> list[str]:
    return [c for c in to(world, who) if "Sie sind Buddy für" in c]


def welcomes(world: World) -> list[str]:
    """The welcome, then a note naming each buddy an admin picked."""
    return [c for c in to(world, MELANIE) if "Willkommen" in c or "Ihr Buddy ist jetzt" in c]


async def paired_with(world: World, buddy: str) -> int:
    await volunteers(world, buddy)
    onboarding = await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    assert onboarding is not None
    await world.run_due()
    assert (await world.service.get(onboarding.id)).buddy_key == buddy
    await volunteers(world, SABINE, JANA)
    return onboarding.id


async def test_the_former_buddy_is_told_once_even_when_the_action_is_redelivered() -> None:
    world = make_world()
    repo = gated(world)
    onboarding_id = await paired_with(world, JANA)
    # Teams delivers the admin's click twice at once, and once more later. The store yields
    # before each save, so both deliveries read the same version: one of them loses the save.
    repo.yield_on_save = True
    results = await asyncio.gather(
        world.service.admin_assign(onboarding_id, ADMIN, SABINE),
        world.service.admin_assign(onboarding_id, ADMIN, SABINE),
        return_exceptions=True,
    )
    repo.yield_on_save = False
    lost = [r for r in results if isinstance(r, Exception)]
    assert (
        [e.code for e in lost if isinstance(e, OnboardingError)]
        == ["changed"]
        == [getattr(e, "code", None) for e in lost]
    )
    await world.run_due()
    await world.service.admin_assign(onboarding_id, ADMIN, SABINE)
    await world.run_due()
    [note] = told_replaced(world, JANA)
    assert "Sie sind also nicht mehr Buddy für Melanie Schäfer" in note
    assert (await world.service.get(onboarding_id)).buddy_key == SABINE
    assert told_replaced(world, SABINE) == []
    assert len(introduced(world, SABINE)) == 1 and len(welcomes(world)) == 2


async def test_the_former_buddy_reads_it_in_their_language() -> None:
    world = make_world()
    onboarding_id = await paired_with(world, EMILY)  # her Entra profile says English
    await world.service.admin_assign(onboarding_id, ADMIN, JANA)
    await world.run_due()
    [note] = told_replaced(world, EMILY)
    assert "you are no longer Melanie Schäfer's buddy" in note and "Buddy für" not in note


async def test_each_change_tells_the_buddy_it_took_the_newcomer_from() -> None:
    world = make_world()
    onboarding_id = await paired_with(world, JANA)
    await world.service.admin_assign(onboarding_id, ADMIN, SABINE)
    await world.run_due()
    await world.service.admin_assign(onboarding_id, ADMIN, JANA)  # changed back
    await world.run_due()
    await world.service.admin_assign(onboarding_id, ADMIN, SABINE)  # and again
    await world.run_due()
    assert len(told_replaced(world, JANA)) == 2
    assert len(told_replaced(world, SABINE)) == 1


async def test_a_buddy_paired_again_before_the_message_went_out_hears_nothing() -> None:
    world = make_world()
    onboarding_id = await paired_with(world, JANA)
    await world.service.admin_assign(onboarding_id, ADMIN, SABINE)
    await world.service.admin_assign(onboarding_id, ADMIN, JANA)  # an undo, before the jobs
    await world.run_due()
    assert told_replaced(world, JANA) == []


class CrashError(Exception):
    """The process dies (here: the request fails) at this point."""


async def crash() -> None:
    raise CrashError


async def test_a_click_redelivered_after_the_save_and_a_crash_still_tells_everyone() -> None:
    world = make_world()
    repo = gated(world)
    onboarding_id = await paired_with(world, JANA)
    repo.after_save = crash  # saved, then the process died before anything else
    with pytest.raises(CrashError):
        await world.service.admin_assign(onboarding_id, ADMIN, SABINE)
    assert (await world.service.get(onboarding_id)).buddy_key == SABINE
    await world.service.admin_assign(onboarding_id, ADMIN, SABINE)  # Teams delivers it again
    await world.run_due()
    await world.service.admin_assign(onboarding_id, ADMIN, SABINE)  # and once more
    await world.run_due()
    assert len(told_replaced(world, JANA)) == 1
    assert len(introduced(world, SABINE)) == 1
    assert len(welcomes(world)) == 2 and "Ihr Buddy ist jetzt Sabine" in welcomes(world)[-1]


async def test_a_click_redelivered_after_a_crash_before_the_save_plans_nothing_twice() -> None:
    world = make_world()
    repo = gated(world)
    onboarding_id = await paired_with(world, JANA)
    repo.before_save = crash  # the jobs are planned, the save never happens
    with pytest.raises(CrashError):
        await world.service.admin_assign(onboarding_id, ADMIN, SABINE)
    await world.service.admin_assign(onboarding_id, ADMIN, SABINE)
    await world.run_due()
    assert len(told_replaced(world, JANA)) == 1
    assert len(introduced(world, SABINE)) == 1
    assert len(welcomes(world)) == 2


async def test_a_pick_whose_save_failed_can_be_made_again_hours_later() -> None:
    # The database refused the save (the admin saw an error) and nobody clicked again for
    # half a day: the pick's jobs must not wait for it and then hold their keys.
    world = make_world()
    repo = gated(world)
    onboarding_id = await paired_with(world, JANA)
    repo.before_save = crash
    with pytest.raises(CrashError):
        await world.service.admin_assign(onboarding_id, ADMIN, SABINE)
    for _hour in range(12):
        world.clock.advance(timedelta(hours=1))
        await world.run_due()
    await world.service.admin_assign(onboarding_id, ADMIN, SABINE)
    await world.run_due()
    assert len(told_replaced(world, JANA)) == 1
    assert len(introduced(world, SABINE)) == 1


async def test_jobs_that_run_before_the_pick_is_saved_wait_for_it() -> None:
    world = make_world()
    repo = gated(world)
    onboarding_id = await paired_with(world, JANA)
    repo.before_save = world.run_due  # a replica's runner takes the new jobs at once
    await world.service.admin_assign(onboarding_id, ADMIN, SABINE)
    assert introduced(world, SABINE) == [] and told_replaced(world, JANA) == []
    world.clock.advance(timedelta(minutes=1))
    await world.run_due()
    assert len(told_replaced(world, JANA)) == 1
    assert len(introduced(world, SABINE)) == 1
    assert len(welcomes(world)) == 2 and "Ihr Buddy ist jetzt Sabine" in welcomes(world)[-1]


def replaced_jobs_settled(world: World) -> bool:
    queue = world.service.jobs
    assert isinstance(queue, InMemoryJobQueue)
    jobs = [job for job in queue.jobs.values() if job.kind == REPLACED_JOB]
    return bool(jobs) and all(j.done_at and not j.last_error for j in jobs)


async def test_a_former_buddy_who_left_the_team_is_not_written_to() -> None:
    world = make_world()
    members = await team_with(JANA, SABINE)
    world.service.departures = members
    onboarding_id = await paired_with(world, JANA)
    # The usual reason to re-pair: Jana left (her chat with the bot is gone with her).
    await members.remove_member(TEAM.team_id, f"29:{JANA}", world.clock.now())
    world.notifier.reachable = {MELANIE, SABINE}
    await world.service.admin_assign(onboarding_id, ADMIN, SABINE)
    await world.run_due()
    assert told_replaced(world, JANA) == [] and replaced_jobs_settled(world)


async def test_a_former_buddy_who_left_the_organisation_is_not_written_to() -> None:
    world = make_world()
    await world.service.volunteer(GONE, "Gisela Gone")  # since removed from Entra ID
    onboarding = await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    assert onboarding is not None
    await world.run_due()
    await world.service.admin_assign(onboarding.id, ADMIN, GONE)
    await world.run_due()
    assert len(introduced(world, GONE)) == 1
    await volunteers(world, SABINE)
    await world.service.admin_assign(onboarding.id, ADMIN, SABINE)
    await world.run_due()
    assert told_replaced(world, GONE) == [] and replaced_jobs_settled(world)


@pytest.mark.parametrize("profile", ["stopped", "none"])
async def test_a_former_buddy_who_is_no_volunteer_is_not_told_they_stay_listed(
    profile: str,
) -> None:
    world = make_world()
    if profile == "stopped":
        onboarding_id = await paired_with(world, JANA)
        former = JANA
        await world.service.stop(JANA)  # clicked "stop"
    else:
        await volunteers(world, SABINE)
        onboarding_id = await paired_with(world, JANA)
        await volunteers(world, AYLIN)
        await world.service.admin_assign(onboarding_id, ADMIN, AYLIN)
        await world.run_due()
        repo = world.service.repo
        assert isinstance(repo, InMemoryOnboardingRepository)
        del repo._volunteers[AYLIN]  # her data erased since: no profile at all
        former = AYLIN
    await world.service.admin_assign(onboarding_id, ADMIN, SABINE)
    await world.run_due()
    [note] = told_replaced(world, former)
    assert "nicht mehr Buddy für Melanie Schäfer" in note
    assert "bleiben Sie als Buddy gemeldet" not in note
    assert "Als Buddy sind Sie nicht mehr gemeldet" in note


async def test_a_volunteer_still_listed_is_told_so() -> None:
    world = make_world()
    onboarding_id = await paired_with(world, JANA)
    await world.service.admin_assign(onboarding_id, ADMIN, SABINE)
    await world.run_due()
    [note] = told_replaced(world, JANA)
    assert "bleiben Sie als Buddy gemeldet" in note and "nicht mehr gemeldet" not in note


async def test_a_former_buddy_whose_introduction_never_went_out_hears_nothing() -> None:
    world = make_world(reachable={MELANIE, SABINE})  # Jana has no chat with the bot yet
    onboarding_id = await paired_with(world, JANA)
    assert introduced(world, JANA) == []  # her introduction waits for a retry
    await world.service.admin_assign(onboarding_id, ADMIN, SABINE)
    assert world.notifier.reachable is not None
    world.notifier.reachable.add(JANA)  # she installs the app
    for _ in range(3):
        world.clock.advance(timedelta(minutes=2))
        await world.run_due()
    assert to(world, JANA) == []  # neither the stale introduction nor a "Buddy-Wechsel"
    assert len(introduced(world, SABINE)) == 1


async def test_a_pick_that_lost_its_save_and_is_made_again_tells_everyone_once() -> None:
    world = make_world()
    repo = gated(world)
    onboarding_id = await paired_with(world, JANA)

    world.clock.advance(timedelta(days=7))  # the first check-in is due

    async def melanie_answers() -> None:  # saved between the admin's read and save
        await world.service.answer_check_in(onboarding_id, 7, MELANIE, "ja")

    repo.before_save = melanie_answers
    with pytest.raises(OnboardingError) as lost:
        await world.service.admin_assign(onboarding_id, ADMIN, SABINE)
    assert lost.value.code == "changed"
    await world.service.admin_assign(onboarding_id, ADMIN, SABINE)  # the admin clicks again
    await world.run_due()
    assert len(told_replaced(world, JANA)) == 1
    assert len(introduced(world, SABINE)) == 1
    assert len(welcomes(world)) == 2


async def test_a_pick_that_lost_to_another_admins_pick_leaves_that_pick_its_jobs() -> None:
    world = make_world()
    repo = gated(world)
    onboarding_id = await paired_with(world, JANA)
    await volunteers(world, AYLIN)

    async def other_admin_picks_aylin() -> None:
        await world.service.admin_assign(onboarding_id, ADMIN, AYLIN)

    repo.before_save = other_admin_picks_aylin
    with pytest.raises(OnboardingError):
        await world.service.admin_assign(onboarding_id, ADMIN, SABINE)
    await world.run_due()
    assert (await world.service.get(onboarding_id)).buddy_key == AYLIN
    assert len(told_replaced(world, JANA)) == 1
    assert introduced(world, SABINE) == [] and len(introduced(world, AYLIN)) == 1
    assert len(welcomes(world)) == 2 and "Sabine" not in welcomes(world)[-1]
