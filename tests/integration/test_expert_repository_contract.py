"""The ExpertRepository contract for the in-memory fake, SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from bot.adapters.db.experts import SqlExpertRepository
from bot.domain.routing.expert_service import ImportingRepository
from bot.domain.routing.experts import ExpertRecord
from devkit.fakes.memory_experts import InMemoryExpertRepository
from tests.support.databases import contract_store

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@pytest.fixture
async def repo(backend_url: str | None) -> AsyncIterator[ImportingRepository]:
    async with contract_store(backend_url, InMemoryExpertRepository, SqlExpertRepository) as store:
        yield store


def _expert(user: str, name: str, pool: str = "p", **fields: object) -> ExpertRecord:
    return ExpertRecord(pool_id=pool, user_key=user, name=name, **fields)  # type: ignore[arg-type]


async def test_get_returns_none_for_unknown(repo: ImportingRepository) -> None:
    assert await repo.get("p", "nobody") is None
    assert await repo.list_pool("p") == []
    assert await repo.pools_of("nobody") == []


async def test_every_field_round_trips(repo: ImportingRepository) -> None:
    berlin = timezone(timedelta(hours=1))
    record = _expert(
        "u1", "Sabine Krüger", email="sabine@example.com", department="Vorstand",
        title="Assistentin", location="Hamburg, 6. OG", languages=("de", "en"),
        topics=("Reisekosten", "Concur"), about="Über mich", deputy_key="u2",
        paused_until=datetime(2026, 3, 10, 0, 0, tzinfo=berlin), source="profile",
    )  # fmt: skip
    await repo.upsert(record)
    stored = await repo.get("p", "u1")
    assert stored == record
    assert stored is not None and stored.paused_until is not None
    assert stored.paused_until.utcoffset() == timedelta(0)


async def test_upsert_replaces_the_same_pool_and_user(repo: ImportingRepository) -> None:
    await repo.upsert(_expert("u1", "Alt", topics=("A",), email="a@x.de"))
    await repo.upsert(_expert("u1", "Neu", topics=()))
    assert await repo.list_pool("p") == [_expert("u1", "Neu")]


async def test_list_pool_is_per_pool_and_ordered_by_name(repo: ImportingRepository) -> None:
    for user, name in [
        ("1", "Zora Yilmaz"),
        ("2", "anna Berg"),
        ("3", "Ömer Kaya"),
        ("4", "Bernd"),
    ]:
        await repo.upsert(_expert(user, name))
    await repo.upsert(_expert("5", "Aaron", pool="other"))
    names = [r.name for r in await repo.list_pool("p")]
    assert names == ["anna Berg", "Bernd", "Ömer Kaya", "Zora Yilmaz"]


async def test_pools_of_lists_every_pool_of_a_person(repo: ImportingRepository) -> None:
    await repo.upsert(_expert("u1", "A", pool="team-b"))
    await repo.upsert(_expert("u1", "A", pool="default"))
    await repo.upsert(_expert("u2", "B", pool="team-c"))
    assert list(await repo.pools_of("u1")) == ["default", "team-b"]


async def test_keep_profile_preserves_what_the_expert_maintained(
    repo: ImportingRepository,
) -> None:
    profile = _expert(
        "u1", "Sabine", department="Alt", topics=("Concur",), languages=("de",),
        about="Ich", deputy_key="u2", paused_until=T0, source="profile",
    )  # fmt: skip
    await repo.upsert(profile)
    imported = _expert("u1", "Sabine K.", department="Neu", topics=("X",), source="directory")
    await repo.upsert(imported, keep_profile=True)
    stored = await repo.get("p", "u1")
    assert stored == replace(profile, name="Sabine K.", department="Neu")


async def test_keep_profile_does_not_protect_directory_rows(repo: ImportingRepository) -> None:
    await repo.upsert(_expert("u1", "A", topics=("Alt",), source="graph"))
    await repo.upsert(_expert("u1", "A", topics=("Neu",)), keep_profile=True)
    stored = await repo.get("p", "u1")
    assert stored is not None and stored.topics == ("Neu",) and stored.source == "directory"


async def test_keep_profile_inserts_new_rows(repo: ImportingRepository) -> None:
    await repo.upsert(_expert("u1", "A", topics=("T",)), keep_profile=True)
    assert await repo.get("p", "u1") == _expert("u1", "A", topics=("T",))


async def test_without_keep_profile_a_profile_is_replaced(repo: ImportingRepository) -> None:
    await repo.upsert(_expert("u1", "A", topics=("Alt",), source="profile"))
    await repo.upsert(_expert("u1", "A", topics=("Neu",)))
    stored = await repo.get("p", "u1")
    assert stored is not None and stored.topics == ("Neu",) and stored.source == "directory"


async def test_concurrent_upserts_keep_one_row(repo: ImportingRepository) -> None:
    await asyncio.gather(*(repo.upsert(_expert("u1", f"N{i}")) for i in range(10)))
    pool = await repo.list_pool("p")
    assert len(pool) == 1 and pool[0].name.startswith("N")


async def test_pool_stamp_changes_with_every_write_to_that_pool(
    repo: ImportingRepository,
) -> None:
    # The routing index of every replica is reused only while the stamp stays the same.
    empty = await repo.pool_stamp("p")
    await repo.upsert(_expert("u1", "Anna"))
    added = await repo.pool_stamp("p")
    assert added != empty and await repo.pool_stamp("p") == added
    await repo.upsert(_expert("u9", "Other", pool="q"))
    assert await repo.pool_stamp("p") == added
    await asyncio.sleep(0.002)  # the SQL stamp is the clock's time of the latest write
    await repo.upsert(_expert("u1", "Anna", topics=("Concur",)))
    assert await repo.pool_stamp("p") != added
