"""Departures contract of the member store (in memory, SQLite, PostgreSQL): someone has left
once every team entry the bot has of them is marked removed (buddies and roulette use it)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.members import SqlMemberRepository
from bot.domain.members.model import InstalledTeam, TeamMember
from bot.domain.members.ports import Departures, MemberRepository
from devkit.fakes.memory_members import InMemoryMemberRepository
from tests.support.databases import contract_store

T0 = datetime(2027, 4, 5, 8, 0, tzinfo=UTC)
TEAM = InstalledTeam("19:net@thread.tacv2", "tenant-1", "https://smba.example/", "28:bot",
                     "Assistenz-Netzwerk", T0)  # fmt: skip
OTHER = replace(TEAM, team_id="19:other@thread.tacv2", name="Empfang")

Stores = tuple[MemberRepository, Departures]


def _fake() -> Stores:
    members = InMemoryMemberRepository()
    return members, members


def _sql(sessions: async_sessionmaker[AsyncSession]) -> Stores:
    members = SqlMemberRepository(sessions)
    return members, members


@pytest.fixture
async def stores(backend_url: str | None) -> AsyncIterator[Stores]:
    async with contract_store(backend_url, _fake, _sql) as pair:
        yield pair


def member(key: str, team: InstalledTeam = TEAM) -> TeamMember:
    return TeamMember(team.team_id, f"29:{key}", key, key.title(), f"{key}@example.org",
                      "tenant-1", team.service_url, team.bot_id, T0)  # fmt: skip


async def test_left_means_removed_from_every_team_seen_in(stores: Stores) -> None:
    members, departures = stores
    for team in (TEAM, OTHER):
        await members.install_team(team)
    await members.upsert_members([member("anna"), member("bernd"), member("carla")])
    await members.upsert_members([member("bernd", OTHER)])
    later = T0 + timedelta(days=1)
    for key in ("anna", "bernd"):
        await members.remove_member(TEAM.team_id, f"29:{key}", later)
    # Anna left; Bernd is still in the other team; Dora was never seen in a team.
    asked = ["anna", "bernd", "carla", "dora"]
    assert await departures.departed(asked) == {"anna"}
    await members.remove_member(OTHER.team_id, "29:bernd", later)
    assert await departures.departed(asked) == {"anna", "bernd"}
    assert await departures.departed(["bernd"]) == {"bernd"}
    assert await departures.departed([]) == set()
    await members.upsert_members([member("anna")])  # added to the team again
    assert await departures.departed(asked) == {"bernd"}


async def test_uninstalling_the_app_is_not_leaving(stores: Stores) -> None:
    members, departures = stores
    await members.install_team(TEAM)
    await members.upsert_members([member("anna")])
    await members.uninstall_team(TEAM.team_id, T0 + timedelta(hours=1))
    assert await departures.departed(["anna"]) == set()


async def test_a_roster_sync_that_no_longer_lists_someone_marks_them_left(
    stores: Stores,
) -> None:
    members, departures = stores
    await members.install_team(TEAM)
    await members.upsert_members([member("anna"), member("bernd")])
    started = T0 + timedelta(days=1)
    await members.upsert_members([replace(member("bernd"), seen_at=started)])
    await members.finish_sync(TEAM.team_id, started, started)
    assert await departures.departed(["anna", "bernd"]) == {"anna"}


async def test_many_volunteers_are_asked_at_once(stores: Stores) -> None:
    members, departures = stores
    await members.install_team(TEAM)
    keys = [f"user-{i:04d}" for i in range(1200)]
    await members.upsert_members([member(key) for key in keys])
    for key in keys[::100]:
        await members.remove_member(TEAM.team_id, f"29:{key}", T0 + timedelta(hours=1))
    assert await departures.departed(keys) == set(keys[::100])


async def test_departed_are_those_removed_from_every_team_they_were_seen_in(
    stores: Stores,
) -> None:
    members, departures = stores
    one = InstalledTeam("19:one", "tenant-1", "https://smba/", "28:bot", "Netzwerk", T0)
    two = replace(one, team_id="19:two", name="Empfang")
    for team in (one, two):
        await members.install_team(team)
    await members.upsert_members([member(k, one) for k in ("left", "moved", "back", "stays")])
    await members.upsert_members([member("moved", two), member("uninstalled", two)])
    later = T0 + timedelta(days=1)
    for key in ("left", "moved", "back"):
        await members.remove_member(one.team_id, f"29:{key}", later)
    await members.upsert_members([member("back", one)])  # added to the team again
    await members.uninstall_team(two.team_id, later)  # the app left, not the person
    everyone = ["left", "moved", "back", "stays", "uninstalled", "never-in-a-team"]
    assert await departures.departed(everyone) == {"left"}
    assert await departures.departed([]) == set()
