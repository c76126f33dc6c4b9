"""A volunteer who left the team (or the organisation) keeps their profile but is never
paired again: not by the matcher, not in the admins' pick lists."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.members.model import InstalledTeam, TeamMember
from devkit.fakes.memory_members import InMemoryMemberRepository
from tests.unit.onboarding.test_onboarding_service import (
    ADMIN,
    JANA,
    MELANIE,
    NOW,
    SABINE,
    World,
    make_world,
    volunteers,
)

TEAM = InstalledTeam("19:network@thread.tacv2", "t", "https://smba.example/", "28:bot",
                     "Assistenz-Netzwerk", NOW)  # fmt: skip
GONE = "9d0c1a55-0000-4000-8000-00000000dead"  # volunteered, then left the organisation


async def team_with(*keys: str) -> InMemoryMemberRepository:
    members = InMemoryMemberRepository()
    await members.install_team(TEAM)
    await members.upsert_members([
        TeamMember(TEAM.team_id, f"29:{key}", key, key[:6], f"{key[:6]}@example.org", "t",
                   TEAM.service_url, TEAM.bot_id, NOW)
        for key in keys
    ])  # fmt: skip
    return members


async def world_where_jana_left() -> tuple[World, InMemoryMemberRepository]:
    world = make_world()
    members = await team_with(JANA, SABINE)
    world.service.departures = members
    # Jana (same site and floor as Melanie: the matcher's first choice) leaves the team.
    await members.remove_member(TEAM.team_id, f"29:{JANA}", NOW - timedelta(days=1))
    return world, members


async def test_a_volunteer_who_left_the_team_is_not_paired() -> None:
    world, _ = await world_where_jana_left()
    await volunteers(world, JANA, SABINE)
    onboarding = await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    assert onboarding is not None
    await world.run_due()
    stored = await world.service.get(onboarding.id)
    assert stored.buddy_key == SABINE
    assert JANA not in world.notifier.dm_recipients()


async def test_a_volunteer_who_left_the_organisation_is_not_paired() -> None:
    world = make_world()
    await world.service.volunteer(GONE, "Gisela Gone")  # no longer in Entra ID
    onboarding = await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    assert onboarding is not None
    await world.run_due()
    assert (await world.service.get(onboarding.id)).buddy_key is None
    assert GONE not in world.notifier.dm_recipients()


async def test_admins_are_not_offered_a_volunteer_who_left() -> None:
    world, members = await world_where_jana_left()
    await volunteers(world, JANA)  # the only volunteer, and she has left
    await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    await world.run_due()
    assert JANA not in str(dict(world.notifier.directs)[ADMIN])
    assert await world.service.pickable_volunteers() == []
    # Back in the team, she can be picked again (her profile was kept).
    await members.upsert_members([
        TeamMember(TEAM.team_id, f"29:{JANA}", JANA, "Jana", "jana@example.org", "t",
                   TEAM.service_url, TEAM.bot_id, NOW)
    ])  # fmt: skip
    assert [v.user_key for v in await world.service.pickable_volunteers()] == [JANA]
