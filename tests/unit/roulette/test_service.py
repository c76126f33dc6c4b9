"""The roulette over fakes with a controllable clock: opt-in reads department and site, the
preferences are checked, a round pairs once (also when its job runs again), every message is
its own job in the recipient's language, "anderer Vorschlag" refuses stale and foreign cards,
the follow-up counts anonymously and skips people who left, unreachable people are retried,
and whoever left the team is neither drawn nor messaged any more."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.adapters.clock import ManualClock
from bot.domain.business_hours import BusinessCalendar
from bot.domain.graph_types import NewEvent
from bot.domain.members.model import InstalledTeam, TeamMember
from bot.domain.roulette.model import Group, RouletteError
from bot.domain.roulette.rounds import RouletteRounds, round_key
from bot.domain.roulette.service import INTRO_JOB, ROUND_JOB, RoulettePolicy, RouletteService
from bot.jobs import JobRunner
from bot.roulette_wiring import build_handlers
from bot.teams.recipient_language import TeamsRecipientLanguages
from cards.roulette import RouletteCards
from devkit.demo.organisation import load_demo_organisation
from devkit.fakes.graph import FakeDirectory, FakeRoomCalendar
from devkit.fakes.memory import InMemoryConversationReferences
from devkit.fakes.memory_jobs import InMemoryJobQueue
from devkit.fakes.memory_members import InMemoryMemberRepository
from devkit.fakes.memory_roulette import InMemoryRouletteRepository
from tests.support.fake_notifier import RecordingNotifier

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # Monday 09:00 in Berlin; round 56 is running
ROUND_57 = datetime(2026, 3, 9, 8, 1, tzinfo=UTC)
KEY_58 = round_key(datetime(2026, 3, 23, 8, 0, tzinfo=UTC))  # the next one, at its start
SABINE = "c009aadc-479f-503c-b41a-60b0bbea7223"  # Vorstand, Hamburg
AYLIN = "97c01f7c-be03-57c5-bcea-f50c09d4e486"  # IT, Köln
EMILY = "57ef7766-ff5c-5b47-85cc-541f0babf98c"  # Marketing, Köln, English profile


@dataclass
class World:
    service: RouletteService
    rounds: RouletteRounds
    notifier: RecordingNotifier
    clock: ManualClock
    runner: JobRunner
    calendar: FakeRoomCalendar
    members: InMemoryMemberRepository

    async def run_due(self) -> None:
        while await self.runner.run_once():
            pass

    def cards_to(self, who: str, marker: str) -> list[dict[str, Any]]:
        return [c for to, c in self.notifier.directs if to == who and marker in str(c)]


def make_world(
    reachable: set[str] | None = None, *, now: datetime = NOW, policy: RoulettePolicy | None = None
) -> World:
    clock = ManualClock(now)
    org = load_demo_organisation()
    directory = FakeDirectory(org, clock=clock)
    calendar = FakeRoomCalendar(org, clock=clock)
    notifier = RecordingNotifier(reachable=reachable)
    business = BusinessCalendar("Europe/Berlin", "HH")
    members = InMemoryMemberRepository()
    service = RouletteService(
        repo=InMemoryRouletteRepository(),
        directory=directory,
        notifier=notifier,
        jobs=InMemoryJobQueue(),
        clock=clock,
        calendar=business,
        free_busy=calendar,
        languages=TeamsRecipientLanguages(
            InMemoryConversationReferences(), directory, pinned=None
        ),
        views=RouletteCards(business.zone),
        departures=members,
        policy=policy or RoulettePolicy(),
    )
    rounds = RouletteRounds(service)
    runner = JobRunner(service.jobs, clock, build_handlers(rounds))
    return World(service, rounds, notifier, clock, runner, calendar, members)


async def join(world: World, key: str) -> None:
    """Opt in for coffee or a virtual coffee: the people of these tests sit in Hamburg and
    Köln, and a coffee in person needs one site."""
    await world.service.opt_in(key, key[:6], "t1")
    await world.service.set_preferences(key, ["coffee", "virtual"], "all")


async def test_opt_in_reads_the_directory_and_preferences_are_checked() -> None:
    world = make_world()
    joined = await world.service.opt_in(AYLIN, "Aylin", "t1")
    assert (joined.department, joined.site, joined.formats, joined.scope) == (
        "IT", "Köln", ("coffee",), "all"
    )  # fmt: skip
    for formats, scope, code in (([], "all", "formats"), (["tea"], "all", "formats"),
                                 (["coffee"], "moon", "scope")):  # fmt: skip
        with pytest.raises(RouletteError) as refused:
            await world.service.set_preferences(AYLIN, formats, scope)
        assert refused.value.code == code
    saved = await world.service.set_preferences(AYLIN, ["virtual", "coffee", "coffee"], "site")
    assert (saved.formats, saved.scope) == (("coffee", "virtual"), "site")
    with pytest.raises(RouletteError, match="not_in"):
        await world.service.set_preferences(SABINE, ["coffee"], "all")
    again = await world.service.opt_in(AYLIN, "Aylin", None)
    assert again.formats == ("coffee", "virtual") and again.tenant_id == "t1"
    assert await world.service.opt_out(AYLIN) and not await world.service.opt_out(AYLIN)


async def test_a_round_pairs_once_and_each_member_is_introduced_in_their_language() -> None:
    world = make_world()
    for key in (SABINE, AYLIN, EMILY):
        await world.service.opt_in(key, key[:6], "t1")
        await world.service.set_preferences(key, ["virtual"], "all")
    await world.rounds.plan_next()
    await world.rounds.plan_next()  # a second replica starting
    await world.run_due()
    assert world.notifier.directs == []  # the round is next Monday
    # Emily is busy at the first virtual-coffee time (Tuesday 10:00 Berlin).
    busy = NewEvent("Termin", datetime(2026, 3, 10, 9, 0, tzinfo=UTC),
                    datetime(2026, 3, 10, 9, 30, tzinfo=UTC))  # fmt: skip
    await world.calendar.create_event("emily.clarke@nordlicht-demo.de", busy)
    world.clock.advance(ROUND_57 - NOW)
    await world.run_due()
    [group] = await world.service.repo.groups_since(57)
    assert sorted(group.members) == sorted((SABINE, AYLIN, EMILY)) and group.round_no == 57
    for key, marker in ((SABINE, "Los entschieden"), (AYLIN, "Los entschieden"),
                        (EMILY, "draw decided")):  # fmt: skip
        assert len(world.cards_to(key, marker)) == 1, key
    assert "15:00" in str(world.cards_to(EMILY, "draw decided")[0])  # 10:00 was busy
    # The round's job again (a retry after a crash): no new groups, no second messages.
    await world.rounds.run_round(57)
    await world.run_due()
    assert len(await world.service.repo.groups_since(0)) == 1
    assert len(world.notifier.directs) == 3
    jobs = world.service.jobs
    assert not await jobs.schedule(ROUND_JOB, {"round_no": 58}, NOW, KEY_58)


async def paired_in_round_57(world: World) -> Group:
    """Sabine and Aylin opt in and round 57 pairs them (its jobs run): their group."""
    for key in (SABINE, AYLIN):
        await join(world, key)
    world.clock.advance(ROUND_57 - NOW)
    await world.rounds.run_round(57)
    await world.run_due()
    [group] = await world.service.repo.groups_since(57)
    return group


async def test_other_slot_refuses_stale_and_foreign_cards_and_tells_the_others() -> None:
    world = make_world()
    group = await paired_in_round_57(world)
    with pytest.raises(RouletteError, match="not_yours"):
        await world.service.other_slot(group.id, 0, EMILY)
    moved = await world.service.other_slot(group.id, 0, SABINE)
    assert moved.slot_index == 1 and moved.slot != group.slot
    with pytest.raises(RouletteError, match="stale"):
        await world.service.other_slot(group.id, 0, AYLIN)
    await world.run_due()
    assert len(world.cards_to(AYLIN, "Der erste Vorschlag passte nicht")) == 1
    assert world.cards_to(SABINE, "Der erste Vorschlag passte nicht") == []
    for index in range(1, len(moved.slots) - 1):
        await world.service.other_slot(group.id, index, AYLIN)
    with pytest.raises(RouletteError, match="no_more_slots"):
        await world.service.other_slot(group.id, len(moved.slots) - 1, AYLIN)


async def test_follow_up_counts_anonymously_and_skips_those_who_left() -> None:
    world = make_world(reachable={SABINE})
    for key in (SABINE, AYLIN, EMILY):
        await join(world, key)
    world.clock.advance(ROUND_57 - NOW)
    await world.rounds.run_round(57)
    await world.run_due()
    # Aylin and Emily cannot be reached yet: their introductions wait and are retried.
    assert len(world.cards_to(SABINE, "Los entschieden")) == 1
    assert world.cards_to(AYLIN, "Los entschieden") == []
    world.notifier.reachable = {SABINE, AYLIN, EMILY}
    world.clock.advance(timedelta(hours=2))
    await world.run_due()
    assert len(world.cards_to(AYLIN, "Los entschieden")) == 1
    await world.service.opt_out(EMILY)
    world.clock.advance(timedelta(days=7))
    await world.run_due()
    assert len(world.cards_to(SABINE, "getroffen?")) == 1
    assert len(world.cards_to(AYLIN, "getroffen?")) == 1
    assert world.cards_to(EMILY, "Did you meet?") == []
    [group] = await world.service.repo.groups_since(57)
    await world.service.answer_follow_up(group.id, SABINE, True)
    await world.service.answer_follow_up(group.id, AYLIN, False)
    with pytest.raises(RouletteError, match="not_yours"):
        await world.service.answer_follow_up(group.id, "someone-else", True)
    stats = await world.service.repo.get_round(57)
    assert stats is not None and (stats.met_yes, stats.met_no) == (1, 1)


async def test_a_round_that_fails_has_planned_the_next_one_already() -> None:
    world = make_world()

    async def broken() -> list[object]:
        raise ConnectionError("database gone")

    world.service.repo.participants = broken  # type: ignore[method-assign]
    world.clock.advance(ROUND_57 - NOW)  # round 57 starts and fails for good
    with pytest.raises(ConnectionError):
        await world.rounds.run_round(57)
    jobs = world.service.jobs
    assert not await jobs.schedule(ROUND_JOB, {"round_no": 58}, NOW, KEY_58)


async def test_a_restart_after_a_round_failed_for_good_plans_no_second_round_at_once() -> None:
    world = make_world()

    async def broken() -> list[object]:
        raise ConnectionError("database gone")

    world.service.repo.participants = broken  # type: ignore[method-assign]
    world.clock.advance(ROUND_57 - NOW)
    with pytest.raises(ConnectionError):
        await world.rounds.run_round(57)
    # A replica restarts: round 57 was never stored, so it counts from round 56 again.
    await world.rounds.plan_next()
    queue = world.service.jobs
    assert isinstance(queue, InMemoryJobQueue)
    planned = [job.payload["round_no"] for job in queue.jobs.values() if job.kind == ROUND_JOB]
    assert planned == [58]  # one round at the next start, not 57 and 58 side by side


async def test_whoever_the_draw_leaves_out_is_told_once() -> None:
    # Three take part, one of them only at her own site: the draw pairs two and leaves one
    # out, who hears that nobody fitted instead of waiting for an introduction.
    world = make_world()
    for key in (SABINE, EMILY, AYLIN):
        await join(world, key)
    await world.service.set_preferences(AYLIN, ["coffee"], "site")
    world.clock.advance(ROUND_57 - NOW)
    await world.rounds.run_round(57)
    await world.run_due()
    await world.rounds.run_round(57)  # the round's job again (a retry): nothing twice
    await world.run_due()
    told = [u for u, c in world.notifier.directs
            if "niemanden gefunden" in str(c) or "found nobody" in str(c)]  # fmt: skip
    [group] = await world.service.repo.groups_since(57)
    assert len(group.members) == 2 and len(told) == 1
    assert told[0] not in group.members and told[0] in (SABINE, EMILY, AYLIN)


TEAM = InstalledTeam("19:netz@thread.tacv2", "t1", "https://smba.example/", "28:bot",
                     "Assistenz-Netzwerk", NOW)  # fmt: skip


async def _in_the_team(world: World, *keys: str) -> None:
    """The network's team with ``keys`` as members, as the roster sync stores them."""
    await world.members.install_team(TEAM)
    await world.members.upsert_members(
        [TeamMember(TEAM.team_id, f"29:{key}", key, key[:6], f"{key[:6]}@x.de", "t1",
                    TEAM.service_url, TEAM.bot_id, NOW) for key in keys]
    )  # fmt: skip


async def _leaves(world: World, key: str) -> None:
    """conversationUpdate membersRemoved, as MemberSync.member_left stores it."""
    await world.members.remove_member(TEAM.team_id, f"29:{key}", world.clock.now())


async def test_who_left_the_team_is_no_longer_matched_and_their_participation_goes() -> None:
    # Sabine never was in a team with the bot (she uses the personal app): she takes part.
    world = make_world()
    for key in (SABINE, AYLIN, EMILY):
        await join(world, key)
    await _in_the_team(world, AYLIN, EMILY)
    await _leaves(world, AYLIN)
    world.clock.advance(ROUND_57 - NOW)
    await world.rounds.run_round(57)
    await world.run_due()
    [group] = await world.service.repo.groups_since(57)
    assert sorted(group.members) == sorted((SABINE, EMILY))
    assert await world.service.repo.get_participant(AYLIN) is None
    assert AYLIN not in world.notifier.dm_recipients()
    stats = await world.service.repo.get_round(57)
    assert stats is not None and stats.participants == 2


async def test_an_introduction_to_someone_who_left_since_the_round_stops_being_retried() -> None:
    world = make_world(reachable={SABINE, EMILY})  # Aylin's introduction waits
    for key in (SABINE, AYLIN, EMILY):
        await join(world, key)
    await _in_the_team(world, SABINE, AYLIN, EMILY)
    world.clock.advance(ROUND_57 - NOW)
    await world.rounds.run_round(57)
    await world.run_due()
    [group] = await world.service.repo.groups_since(57)
    assert AYLIN in group.members and world.cards_to(AYLIN, "Los entschieden") == []
    await _leaves(world, AYLIN)
    world.clock.advance(timedelta(hours=2))  # the introduction's next attempt
    await world.run_due()
    jobs = world.service.jobs
    assert isinstance(jobs, InMemoryJobQueue)
    intro = next(j for j in jobs.jobs.values() if j.kind == INTRO_JOB and j.payload["to"] == AYLIN)
    assert intro.done_at is not None and intro.failed_at is None  # settled, not retried on
    assert await world.service.repo.get_participant(AYLIN) is None
    world.clock.advance(timedelta(days=7))
    await world.run_due()
    assert AYLIN not in world.notifier.dm_recipients()
    assert len(world.cards_to(SABINE, "getroffen?")) == 1


async def test_who_left_every_team_is_told_at_opt_in_instead_of_silently_removed_later() -> None:
    world = make_world()
    await _in_the_team(world, AYLIN, EMILY)
    await _leaves(world, AYLIN)
    with pytest.raises(RouletteError, match="left_network"):
        await world.service.opt_in(AYLIN, "Aylin", "t1")
    assert await world.service.repo.get_participant(AYLIN) is None
    assert (await world.service.opt_in(EMILY, "Emily", "t1")).active  # still in the team
    assert (await world.service.opt_in(SABINE, "Sabine", "t1")).active  # never in a team
