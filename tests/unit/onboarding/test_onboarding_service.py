"""Onboarding over fakes with a controllable clock: one welcome per person, buddy choice with
its reason, admins asked when nobody fits, undeliverable welcomes retried, check-ins, help,
opt-out, volunteers pausing and stopping, Entra group polling."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from bot.adapters.clock import ManualClock
from bot.domain.onboarding.model import OnboardingError, OnboardingState
from bot.domain.onboarding.service import OnboardingPolicy, OnboardingService
from bot.jobs import JobRunner
from bot.onboarding_wiring import build_handlers
from bot.teams.recipient_language import TeamsRecipientLanguages
from cards.onboarding import OnboardingCards
from devkit.demo.organisation import load_demo_organisation
from devkit.fakes.graph import FakeDirectory
from devkit.fakes.memory import InMemoryConversationReferences
from devkit.fakes.memory_jobs import InMemoryJobQueue
from devkit.fakes.memory_members import InMemoryMemberRepository
from devkit.fakes.memory_onboarding import InMemoryOnboardingRepository
from tests.support.fake_notifier import RecordingNotifier

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
MELANIE = "2b86549a-01f9-5f68-8b62-6230b0f81209"  # Hamburg, 4. OG (the newcomer)
JANA = "3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85"  # Hamburg, 4. OG
SABINE = "c009aadc-479f-503c-b41a-60b0bbea7223"  # Hamburg, 6. OG
AYLIN = "97c01f7c-be03-57c5-bcea-f50c09d4e486"  # Köln
TOBIAS = "e080b594-810e-58b7-b078-b55e771bf867"  # Hamburg, 4. OG, reports to Melanie
EMILY = "57ef7766-ff5c-5b47-85cc-541f0babf98c"  # English profile
ADMIN = "0125eb81-0000-0000-0000-000000000000"
NETWORK_GROUP = "6f3f5768-dc66-58e8-9a1a-7cb3acd78e08"


@dataclass
class World:
    service: OnboardingService
    notifier: RecordingNotifier
    clock: ManualClock
    runner: JobRunner

    async def run_due(self) -> None:
        while await self.runner.run_once():
            pass


def make_world(reachable: set[str] | None = None) -> World:
    clock = ManualClock(NOW)
    notifier = RecordingNotifier(reachable=reachable)
    directory = FakeDirectory(load_demo_organisation(), clock=clock)
    service = OnboardingService(
        repo=InMemoryOnboardingRepository(),
        departures=InMemoryMemberRepository(),
        directory=directory,
        notifier=notifier,
        jobs=InMemoryJobQueue(),
        clock=clock,
        views=OnboardingCards(),
        languages=TeamsRecipientLanguages(
            InMemoryConversationReferences(), directory, pinned=None
        ),
        policy=OnboardingPolicy(admins=frozenset({ADMIN})),
    )
    runner = JobRunner(service.jobs, clock, build_handlers(service, timedelta(hours=1)))
    return World(service, notifier, clock, runner)


async def volunteers(world: World, *keys: str) -> None:
    for key in keys:
        await world.service.volunteer(key, key[:6])


async def test_newcomer_gets_one_welcome_and_a_nearby_buddy_with_the_reason() -> None:
    world = make_world()
    await volunteers(world, SABINE, JANA, AYLIN)
    assert await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    assert await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team") is None
    await world.run_due()
    onboarding = await world.service.repo.of_newcomer(MELANIE)
    assert onboarding is not None and onboarding.buddy_key == JANA
    assert onboarding.reasons[:2] == ("same_site", "same_floor")
    assert world.notifier.dm_recipients() == [MELANIE, JANA] or sorted(
        world.notifier.dm_recipients()
    ) == sorted([MELANIE, JANA])
    welcome = str(dict(world.notifier.directs)[MELANIE])
    assert "Ihr Buddy ist" in welcome and "gleicher Standort, gleiche Etage" in welcome
    assert "teams.microsoft.com/l/chat/0/0?users=jana.becker" in welcome
    intro = str(dict(world.notifier.directs)[JANA])
    assert "Was Sie zeigen könnten" in intro
    stored = await world.service.repo.of_newcomer(MELANIE)
    assert stored is not None and stored.welcomed_at == NOW


async def test_a_newcomer_who_never_wrote_is_welcomed_in_their_profiles_language() -> None:
    world = make_world()
    await volunteers(world, SABINE, JANA)
    # Emily's Entra profile says English; she has never written to the bot. Jana reads German.
    assert await world.service.member_joined(EMILY, "Emily Clarke", "t", "team")
    await world.run_due()
    onboarding = await world.service.repo.of_newcomer(EMILY)
    assert onboarding is not None and onboarding.buddy_key in {SABINE, JANA}
    cards = {user: str(card) for user, card in world.notifier.directs}
    assert "Welcome" in cards[EMILY] and "Willkommen" not in cards[EMILY]
    assert "Was Sie zeigen könnten" in cards[onboarding.buddy_key]  # the buddy's, German


async def test_nobody_fits_asks_the_admins_and_an_admin_assigns() -> None:
    world = make_world()
    onboarding = await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    assert onboarding is not None
    await world.run_due()
    assert (await world.service.get(onboarding.id)).state is OnboardingState.UNPAIRED
    assert ADMIN in world.notifier.dm_recipients()
    assert "Kein Buddy für Melanie Schäfer gefunden" in str(dict(world.notifier.directs)[ADMIN])
    with pytest.raises(OnboardingError):
        await world.service.admin_assign(onboarding.id, JANA, SABINE)  # not an admin
    welcomed = len([u for u in world.notifier.dm_recipients() if u == MELANIE])
    await volunteers(world, SABINE)  # she volunteers after the admins were asked
    paired = (await world.service.admin_assign(onboarding.id, ADMIN, SABINE)).onboarding
    assert paired.buddy_key == SABINE and paired.reasons == ("admin",)
    await world.run_due()
    assert SABINE in world.notifier.dm_recipients()
    # Melanie was welcomed with "we are looking for your buddy": now she learns who it is.
    to_melanie = [card for user, card in world.notifier.directs if user == MELANIE]
    assert len(to_melanie) == welcomed + 1 and paired.buddy_name in str(to_melanie[-1])


@pytest.mark.parametrize("others", [(SABINE,), ()])
async def test_the_managers_assistant_is_never_the_buddy(
    others: tuple[str, ...],
) -> None:
    # Jana (same floor) assists Melanie, who is also Tobias's manager in Entra ID.
    world = make_world()
    await volunteers(world, JANA, *others)
    onboarding = await world.service.member_joined(TOBIAS, "Tobias Wagner", "t", "team")
    assert onboarding is not None
    await world.run_due()
    stored = await world.service.get(onboarding.id)
    if others:
        assert stored.buddy_key == SABINE and "same_floor" not in stored.reasons
    else:
        assert stored.state is OnboardingState.UNPAIRED and stored.buddy_key is None
        assert "Kein Buddy für Tobias Wagner gefunden" in str(dict(world.notifier.directs)[ADMIN])


async def test_undeliverable_welcome_is_retried_with_backoff_and_sent_once() -> None:
    world = make_world(reachable={JANA})
    await volunteers(world, JANA)
    await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    await world.run_due()
    assert MELANIE not in world.notifier.dm_recipients()  # app not installed for her yet
    stored = await world.service.repo.of_newcomer(MELANIE)
    assert stored is not None and stored.welcomed_at is None
    assert world.notifier.reachable is not None
    world.notifier.reachable.add(MELANIE)  # she installs the app / writes to the bot
    for _ in range(3):
        world.clock.advance(timedelta(minutes=2))
        await world.run_due()
    assert world.notifier.dm_recipients().count(MELANIE) == 1


async def test_check_ins_after_one_and_four_weeks_and_help_goes_to_the_admins() -> None:
    world = make_world()
    await volunteers(world, JANA)
    onboarding = await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    assert onboarding is not None
    await world.run_due()
    before = len(world.notifier.directs)
    world.clock.advance(timedelta(days=7))
    await world.run_due()
    check_ins = world.notifier.directs[before:]
    assert sorted(user for user, _ in check_ins) == sorted([MELANIE, JANA])
    assert all("Haben Sie sich getroffen?" in str(card) for _, card in check_ins)
    with pytest.raises(OnboardingError):
        await world.service.answer_check_in(onboarding.id, 7, SABINE, "ja")
    await world.service.answer_check_in(onboarding.id, 7, JANA, "hilfe")
    assert world.notifier.dm_recipients()[-1] == ADMIN
    world.clock.advance(timedelta(days=21))
    before = len(world.notifier.directs)
    await world.run_due()
    assert len(world.notifier.directs) - before == 2  # the four-week check-in


async def test_a_buddy_is_free_again_after_the_buddy_period() -> None:
    world = make_world()
    await volunteers(world, SABINE)  # looks after one newcomer at a time
    first = await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    second = await world.service.member_joined(AYLIN, "Aylin Demir", "t", "team")
    assert first is not None and second is not None
    await world.run_due()
    assert (await world.service.get(first.id)).buddy_key == SABINE
    assert (await world.service.get(second.id)).state is OnboardingState.UNPAIRED  # at capacity
    world.clock.advance(timedelta(days=29))  # past the last check-in (four weeks)
    third = await world.service.member_joined(EMILY, "Emily Clarke", "t", "team")
    assert third is not None
    await world.run_due()
    assert (await world.service.get(third.id)).buddy_key == SABINE


async def test_after_an_admin_pairs_anew_each_side_gets_each_check_in_once() -> None:
    world = make_world()
    await volunteers(world, JANA)
    onboarding = await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    assert onboarding is not None
    await world.run_due()
    assert (await world.service.get(onboarding.id)).buddy_key == JANA
    await volunteers(world, SABINE)
    await world.service.admin_assign(onboarding.id, ADMIN, SABINE)  # an admin changes the buddy
    await world.run_due()
    before = len(world.notifier.directs)
    world.clock.advance(timedelta(days=7))
    await world.run_due()
    asked = [user for user, card in world.notifier.directs[before:]
             if "Haben Sie sich getroffen?" in str(card)]  # fmt: skip
    assert sorted(asked) == sorted([MELANIE, SABINE])


async def test_opt_out_stops_check_ins_and_paused_or_stopped_volunteers_are_skipped() -> None:
    world = make_world()
    await volunteers(world, JANA, SABINE)
    await world.service.pause(JANA, NOW + timedelta(days=30))
    await world.service.stop(SABINE)
    onboarding = await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    assert onboarding is not None
    await world.run_due()
    assert (await world.service.get(onboarding.id)).state is OnboardingState.UNPAIRED
    await world.service.volunteer(SABINE, "Sabine")  # back again
    await world.service.admin_assign(onboarding.id, ADMIN, SABINE)
    opted = await world.service.opt_out(onboarding.id, MELANIE)
    assert opted.state is OnboardingState.OPTED_OUT
    world.clock.advance(timedelta(days=8))
    before = len(world.notifier.directs)
    await world.run_due()
    assert not any(
        "Haben Sie sich getroffen?" in str(card) for _, card in world.notifier.directs[before:]
    )


async def test_group_poll_learns_the_members_first_then_welcomes_only_new_ones() -> None:
    world = make_world()
    assert await world.service.poll_group(NETWORK_GROUP) == 0
    assert await world.service.repo.recent() == []
    # A new member appears in the group (added in the directory fake's organisation).
    directory = world.service.directory
    assert isinstance(directory, FakeDirectory)
    group = directory._org.group(NETWORK_GROUP)
    assert group is not None
    object.__setattr__(group, "members", (*group.members, MELANIE))
    assert await world.service.poll_group(NETWORK_GROUP) == 1
    assert [o.newcomer_key for o in await world.service.repo.recent()] == [MELANIE]
    assert await world.service.poll_group(NETWORK_GROUP) == 0


async def test_a_graph_failure_while_pairing_is_retried_and_the_welcome_still_goes_out() -> None:
    world = make_world()
    await volunteers(world, JANA)
    directory = world.service.directory
    real = directory.get_person
    failures = [1]

    async def flaky(key: str) -> object:
        if failures:
            failures.pop()
            raise ConnectionError("Graph 503 after the SDK's retries")
        return await real(key)

    object.__setattr__(directory, "get_person", flaky)
    assert await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    await world.run_due()
    assert MELANIE not in world.notifier.dm_recipients()
    world.clock.advance(timedelta(minutes=2))
    await world.run_due()
    assert world.notifier.dm_recipients().count(MELANIE) == 1
    stored = await world.service.repo.of_newcomer(MELANIE)
    assert stored is not None and stored.buddy_key == JANA


async def test_admins_are_never_offered_the_newcomer_as_buddy() -> None:
    world = make_world()
    await volunteers(world, MELANIE)  # she volunteered before joining the team
    await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    await world.run_due()
    admin_card = str(dict(world.notifier.directs)[ADMIN])
    assert MELANIE not in admin_card


async def test_an_empty_group_answer_ends_nobody_and_a_return_is_a_join_again() -> None:
    world = make_world()
    directory = world.service.directory
    assert isinstance(directory, FakeDirectory)
    group = directory._org.group(NETWORK_GROUP)
    assert group is not None
    members = group.members
    object.__setattr__(group, "members", (*members, MELANIE))
    assert await world.service.poll_group(NETWORK_GROUP) == 0  # learns who is there
    object.__setattr__(group, "members", ())  # Graph answers nobody: not taken for everyone
    assert await world.service.poll_group(NETWORK_GROUP) == 0
    assert await world.service.repo.known_members(NETWORK_GROUP) == {*members, MELANIE}
    object.__setattr__(group, "members", members)  # she left the group
    assert await world.service.poll_group(NETWORK_GROUP) == 0
    assert MELANIE not in (await world.service.repo.known_members(NETWORK_GROUP) or set())
    object.__setattr__(group, "members", (*members, MELANIE))  # and is back: a join
    assert await world.service.poll_group(NETWORK_GROUP) == 1
    assert [o.newcomer_key for o in await world.service.repo.recent()] == [MELANIE]
