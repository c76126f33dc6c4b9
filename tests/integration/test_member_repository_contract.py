"""MemberRepository contract: fake, SQLite and PostgreSQL behave the same."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.adapters.db.members import SqlMemberRepository
from bot.domain.members.model import InstalledTeam, Reach, TeamMember
from bot.domain.members.ports import MemberRepository
from devkit.fakes.memory_members import InMemoryMemberRepository
from tests.support.databases import contract_store

T0 = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)
TEAM = InstalledTeam(
    team_id="19:team@thread.tacv2",
    tenant_id="tenant-1",
    service_url="https://smba.example/emea/",
    bot_id="28:bot",
    name="Assistenz-Netzwerk",
    installed_at=T0,
)


@pytest.fixture
async def repo(backend_url: str | None) -> AsyncIterator[MemberRepository]:
    async with contract_store(backend_url, InMemoryMemberRepository, SqlMemberRepository) as s:
        yield s


def member(n: int, seen: datetime = T0, team: str = TEAM.team_id) -> TeamMember:
    return TeamMember(
        team_id=team, teams_id=f"29:user-{n}", user_key=f"aad-{n}", name=f"Person {n:03d}",
        upn=f"p{n}@example.org", tenant_id="tenant-1", service_url=TEAM.service_url,
        bot_id="28:bot", seen_at=seen,
    )  # fmt: skip


async def test_install_refresh_and_uninstall(repo: MemberRepository) -> None:
    await repo.install_team(TEAM)
    await repo.save_sync(TEAM.team_id, "page-2", T0)
    # A second install event refreshes the team but keeps the running sync.
    await repo.install_team(replace(TEAM, name="Neu", service_url="https://other/"))
    team = await repo.get_team(TEAM.team_id)
    assert team is not None
    assert (team.name, team.service_url, team.sync_cursor) == ("Neu", "https://other/", "page-2")
    await repo.uninstall_team(TEAM.team_id, T0 + timedelta(hours=1))
    assert await repo.installed_teams() == []
    gone = await repo.get_team(TEAM.team_id)
    assert gone is not None and not gone.installed and gone.sync_cursor is None
    await repo.install_team(TEAM)
    assert [t.team_id for t in await repo.installed_teams()] == [TEAM.team_id]


async def test_find_by_entra_or_teams_id_only_in_installed_teams(repo: MemberRepository) -> None:
    await repo.install_team(TEAM)
    await repo.upsert_members([member(1), member(2)])
    found = await repo.find("aad-1")
    assert found is not None and found.teams_id == "29:user-1"
    by_teams_id = await repo.find("29:user-2")
    assert by_teams_id is not None and by_teams_id.user_key == "aad-2"
    assert await repo.find("aad-9") is None
    assert await repo.is_member(TEAM.team_id, "aad-1")
    assert await repo.is_member(TEAM.team_id, "29:user-2")
    assert not await repo.is_member(TEAM.team_id, "aad-9")
    assert not await repo.is_member("19:other@thread.tacv2", "aad-1")
    await repo.uninstall_team(TEAM.team_id, T0)
    assert await repo.find("aad-1") is None


async def test_removed_member_is_not_found_until_added_again(repo: MemberRepository) -> None:
    await repo.install_team(TEAM)
    await repo.upsert_members([member(1)])
    await repo.remove_member(TEAM.team_id, "29:user-1", T0 + timedelta(minutes=1))
    assert await repo.find("aad-1") is None
    assert not await repo.is_member(TEAM.team_id, "aad-1")
    assert await repo.members_of(TEAM.team_id) == []
    await repo.upsert_members([member(1, T0 + timedelta(minutes=2))])
    assert await repo.find("aad-1") is not None


async def test_finish_sync_marks_members_not_seen(repo: MemberRepository) -> None:
    await repo.install_team(TEAM)
    await repo.upsert_members([member(n) for n in range(1, 6)])
    started = T0 + timedelta(days=1)
    await repo.upsert_members([member(n, started + timedelta(seconds=n)) for n in (1, 3, 5)])
    removed = await repo.finish_sync(TEAM.team_id, started, started + timedelta(minutes=1))
    assert removed == ["aad-2", "aad-4"]
    assert [m.user_key for m in await repo.members_of(TEAM.team_id)] == ["aad-1", "aad-3", "aad-5"]
    team = await repo.get_team(TEAM.team_id)
    assert team is not None and team.synced_at == started + timedelta(minutes=1)
    assert team.sync_cursor is None and team.sync_started_at is None
    later = started + timedelta(minutes=2)
    assert await repo.finish_sync(TEAM.team_id, started, later) == []  # marked before: not again


async def test_newest_membership_wins_across_teams(repo: MemberRepository) -> None:
    other = replace(TEAM, team_id="19:other@thread.tacv2", service_url="https://newer/")
    await repo.install_team(TEAM)
    await repo.install_team(other)
    await repo.upsert_members([member(1)])
    newer = replace(
        member(1, T0 + timedelta(hours=1), other.team_id), service_url="https://newer/"
    )
    await repo.upsert_members([newer])
    found = await repo.find("aad-1")
    assert found is not None and found.service_url == "https://newer/"


async def test_reach_overview_unreachable_first(repo: MemberRepository) -> None:
    await repo.record_reach(Reach("aad-1", "Eins", True, "roster", T0))
    await repo.record_reach(Reach("aad-2", "Zwei", False, "install_forbidden", T0))
    await repo.record_reach(Reach("aad-1", "Eins", False, "blocked", T0 + timedelta(hours=1)))
    await repo.record_reach(Reach("aad-3", "Drei", True, "personal", T0 + timedelta(hours=2)))
    overview = await repo.reach_overview()
    assert [(r.user_key, r.reachable, r.reason) for r in overview] == [
        ("aad-1", False, "blocked"),
        ("aad-2", False, "install_forbidden"),
        ("aad-3", True, "personal"),
    ]


async def test_purge_drops_removed_members_and_uninstalled_teams(repo: MemberRepository) -> None:
    other = replace(TEAM, team_id="19:other@thread.tacv2")
    await repo.install_team(TEAM)
    await repo.install_team(other)
    await repo.upsert_members([member(1), member(2), member(3, team=other.team_id)])
    await repo.remove_member(TEAM.team_id, "29:user-1", T0)
    await repo.uninstall_team(other.team_id, T0)
    await repo.record_reach(Reach("aad-1", "Eins", False, "blocked", T0))
    assert await repo.purge(T0 + timedelta(days=1)) == 2
    assert [m.user_key for m in await repo.members_of(TEAM.team_id)] == ["aad-2"]
    assert await repo.get_team(other.team_id) is None
    assert await repo.reach_overview() == []


async def test_concurrent_upserts_of_the_same_members(repo: MemberRepository) -> None:
    # Three replicas syncing the same roster at once: one row per member, none lost.
    await repo.install_team(TEAM)
    batches = [[member(n, T0 + timedelta(seconds=r)) for n in range(40)] for r in range(3)]
    await asyncio.gather(*(repo.upsert_members(b) for b in batches))
    assert len(await repo.members_of(TEAM.team_id)) == 40


async def test_figures_count_teams_distinct_active_people_and_the_unreachable(
    repo: MemberRepository,
) -> None:
    other = replace(TEAM, team_id="19:other@thread.tacv2")
    gone = replace(TEAM, team_id="19:gone@thread.tacv2")
    for team in (TEAM, other, gone):
        await repo.install_team(team)
    # Person 1 is in two teams (counted once), person 2 left, person 3 is only in a team
    # the app was removed from.
    await repo.upsert_members([member(1), member(2), member(1, team=other.team_id)])
    await repo.upsert_members([member(3, team=gone.team_id)])
    await repo.remove_member(TEAM.team_id, "29:user-2", T0)
    await repo.uninstall_team(gone.team_id, T0)
    await repo.record_reach(Reach("aad-1", "Person 001", True, "roster", T0))
    await repo.record_reach(Reach("aad-2", "", False, "blocked", T0))
    await repo.record_reach(Reach("aad-9", "", False, "not_in_any_team", T0))
    figures = await repo.figures()
    assert (figures.teams, figures.members, figures.unreachable) == (2, 1, 2)
