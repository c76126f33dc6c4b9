"""BirthdayRepository contract: fake, SQLite and PostgreSQL behave the same."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime

import pytest

from bot.adapters.db.birthdays import SqlBirthdayRepository
from bot.domain.birthdays.model import BirthdayProfile, DayOfYear, Follow, Visibility
from bot.domain.birthdays.ports import BirthdayRepository
from devkit.fakes.memory_birthdays import InMemoryBirthdayRepository
from tests.support.databases import contract_store

T0 = datetime(2027, 4, 5, 8, 0, tzinfo=UTC)


@pytest.fixture
async def repo(backend_url: str | None) -> AsyncIterator[BirthdayRepository]:
    async with contract_store(
        backend_url, InMemoryBirthdayRepository, SqlBirthdayRepository
    ) as store:
        yield store


def profile(key: str = "p-1", **changes: object) -> BirthdayProfile:
    values: dict[str, object] = {
        "user_key": key, "name": "Jana Becker", "tenant_id": "t-1",
        "birthday": DayOfYear(29, 2), "visibility": Visibility.NETWORK, "updated_at": T0,
    }  # fmt: skip
    return BirthdayProfile(**(values | changes))  # type: ignore[arg-type]


async def test_a_profile_is_stored_replaced_and_gone_when_empty(repo: BirthdayRepository) -> None:
    assert await repo.get("p-1") is None
    await repo.save(profile())
    assert await repo.get("p-1") == profile()
    changed = profile(birthday=None, jubilee=True, visibility=Visibility.FOLLOWERS, name="J. B.")
    await repo.save(changed)
    assert await repo.get("p-1") == changed
    await repo.save(profile("p-0", birthday=DayOfYear(1, 1), tenant_id=None, updated_at=None))
    assert [p.user_key for p in await repo.profiles()] == ["p-0", "p-1"]
    await repo.save(profile(birthday=None))  # nothing opted in any more: no record
    assert await repo.get("p-1") is None
    assert [p.user_key for p in await repo.profiles()] == ["p-0"]


async def test_follows_are_unique_and_listed_both_ways(repo: BirthdayRepository) -> None:
    assert await repo.follow(Follow("a", "x", "Xaver", "t", T0))
    assert not await repo.follow(Follow("a", "x", "Other name", "t", T0))
    assert await repo.follow(Follow("a", "w", "Anna", None, None))
    assert await repo.follow(Follow("b", "x", "Xaver", "t", T0))
    assert [f.followed_key for f in await repo.following("a")] == ["w", "x"]
    assert await repo.following("a") == [Follow("a", "w", "Anna", None, None),
                                         Follow("a", "x", "Xaver", "t", T0)]  # fmt: skip
    assert [f.follower_key for f in await repo.followers("x")] == ["a", "b"]
    assert await repo.unfollow("a", "x") and not await repo.unfollow("a", "x")
    assert [f.follower_key for f in await repo.followers("x")] == ["b"]


async def test_forget_removes_the_profile_and_relations_in_both_directions(
    repo: BirthdayRepository,
) -> None:
    await repo.save(profile("x"))
    await repo.save(profile("y"))
    for follower, followed in (("x", "y"), ("y", "x"), ("z", "x"), ("z", "y")):
        await repo.follow(Follow(follower, followed, followed, None, T0))
    assert await repo.forget("x") == 4
    assert await repo.get("x") is None and await repo.get("y") is not None
    assert await repo.followers("x") == [] and await repo.following("x") == []
    assert [f.follower_key for f in await repo.followers("y")] == ["z"]
    assert await repo.forget("x") == 0


async def test_racing_follows_store_one_relation(repo: BirthdayRepository) -> None:
    results = await asyncio.gather(
        *(repo.follow(Follow("a", "x", "Xaver", None, T0)) for _ in range(8))
    )
    assert sorted(results) == [False] * 7 + [True]


async def test_the_daily_runs_ledger_only_moves_forward(repo: BirthdayRepository) -> None:
    assert await repo.announced_through() is None  # before the first run: nothing missed
    await repo.announced(date(2027, 3, 14))
    assert await repo.announced_through() == date(2027, 3, 14)
    # A run of an older day finishing last (another replica, a retried job) keeps the later.
    await asyncio.gather(*(repo.announced(date(2027, 3, d)) for d in (13, 15, 12)))
    assert await repo.announced_through() == date(2027, 3, 15)
