"""RouletteRepository and Departures contract: fake, SQLite and PostgreSQL behave the same, also
when racing."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.adapters.db.roulette import SqlRouletteRepository
from bot.domain.roulette.model import Group, Participant, RoundStats, Slot
from bot.domain.roulette.ports import RouletteRepository
from devkit.fakes.memory_roulette import InMemoryRouletteRepository
from tests.support.databases import contract_store

T0 = datetime(2027, 4, 5, 8, 0, tzinfo=UTC)


@pytest.fixture
async def repo(backend_url: str | None) -> AsyncIterator[RouletteRepository]:
    async with contract_store(
        backend_url, InMemoryRouletteRepository, SqlRouletteRepository
    ) as store:
        yield store


def person(key: str, **changes: object) -> Participant:
    base = Participant(key, f"Name {key}", "tenant-1", ("coffee", "lunch"), "site",
                       "Finanzen", "Hamburg", True, T0)  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


def group(*members: str) -> Group:
    return Group(0, 0, members, tuple(m.upper() for m in members), ("coffee",), "tenant-1")


async def test_participants_roundtrip_update_and_removal(repo: RouletteRepository) -> None:
    await repo.save_participant(person("b"))
    await repo.save_participant(person("a", formats=("virtual",), scope="all", site=None))
    assert await repo.participants() == [
        person("a", formats=("virtual",), scope="all", site=None),
        person("b"),
    ]
    await repo.save_participant(person("b", active=False, name="Neu"))
    assert await repo.get_participant("b") == person("b", active=False, name="Neu")
    assert await repo.remove_participant("b") is True
    assert await repo.remove_participant("b") is False
    assert await repo.get_participant("b") is None


async def test_a_round_is_stored_once_with_its_groups(repo: RouletteRepository) -> None:
    stats = RoundStats(7, T0, 5, 2)
    created, groups = await repo.start_round(stats, [group("a", "b"), group("c", "d", "e")])
    assert created and [g.members for g in groups] == [("a", "b"), ("c", "d", "e")]
    assert all(g.round_no == 7 and g.version == 1 and g.id > 0 for g in groups)
    again, same = await repo.start_round(stats, [group("x", "y")])
    assert not again and same == groups
    assert await repo.get_round(7) == stats
    assert await repo.get_group(groups[1].id) == groups[1]
    assert await repo.get_group(99_999) is None


async def test_racing_round_starts_store_one_set_of_groups(repo: RouletteRepository) -> None:
    stats = RoundStats(3, T0, 4, 2)
    results = await asyncio.gather(
        *(repo.start_round(stats, [group("a", f"b{i}"), group("c", "d")]) for i in range(6))
    )
    assert [created for created, _ in results].count(True) == 1
    assert len({tuple(g.id for g in groups) for _, groups in results}) == 1
    assert len(await repo.groups_since(0)) == 2


async def test_groups_save_with_version_check_and_history(repo: RouletteRepository) -> None:
    _, (old,) = await repo.start_round(RoundStats(1, T0, 2, 1), [group("a", "b")])
    _, (new,) = await repo.start_round(RoundStats(2, T0, 2, 1), [group("a", "c")])
    slots = (Slot(T0, T0 + timedelta(minutes=30), "coffee"),
             Slot(T0 + timedelta(days=1), T0 + timedelta(days=1, hours=1), "lunch"))  # fmt: skip
    planned = replace(new, slots=slots, planned=True, slot_index=1, version=2)
    assert await repo.save_group(planned)
    assert not await repo.save_group(planned)  # stale version
    assert await repo.get_group(new.id) == planned
    answered = replace(planned, answered=("c",), version=3)  # who answered, not what
    assert await repo.save_group(answered) and await repo.get_group(new.id) == answered
    assert [g.id for g in await repo.groups_since(1)] == [old.id, new.id]
    assert [g.id for g in await repo.groups_since(2)] == [new.id]
    assert (await repo.latest_round()) == RoundStats(2, T0, 2, 1)


async def test_answers_are_counted_per_round_only(repo: RouletteRepository) -> None:
    await repo.start_round(RoundStats(4, T0, 2, 1), [group("a", "b")])
    await asyncio.gather(*(repo.count_answer(4, met=i % 3 != 0) for i in range(9)))
    await repo.count_answer(99, met=True)  # no such round: nothing happens
    stats = await repo.get_round(4)
    assert stats is not None and (stats.met_yes, stats.met_no) == (6, 3)


async def test_recent_groups_are_those_of_the_newest_rounds_held(
    repo: RouletteRepository,
) -> None:
    # Numbers with gaps (a round that failed, numbers of an older schedule): the history is
    # the rounds held, not a range of numbers. A round without groups counts as held.
    by_round = {}
    for number, members in ((1, ("a", "b")), (2, ("a", "c")), (5, ()), (9, ("b", "c"))):
        drafts = [group(*members)] if members else []
        _, by_round[number] = await repo.start_round(RoundStats(number, T0, 2, 1), drafts)
    ids = {n: [g.id for g in groups] for n, groups in by_round.items()}
    assert [g.id for g in await repo.recent_groups(9, 2)] == ids[2]
    assert [g.id for g in await repo.recent_groups(10, 3)] == ids[2] + ids[9]
    assert [g.id for g in await repo.recent_groups(10, 9)] == ids[1] + ids[2] + ids[9]
    assert await repo.recent_groups(1, 3) == []
    assert await repo.recent_groups(10, 0) == []
