"""OnboardingRepository contract: fake, SQLite and PostgreSQL behave the same, also when racing."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.onboarding import SqlOnboardingRepository
from bot.domain.onboarding.model import Onboarding, OnboardingState, VolunteerProfile
from bot.domain.onboarding.ports import OnboardingRepository
from devkit.fakes.memory_onboarding import InMemoryOnboardingRepository
from tests.support.databases import contract_store, fresh_database

T0 = datetime(2027, 4, 5, 8, 0, tzinfo=UTC)
GROUP = "0f3c9a52-6b1d-4e8a-9c1f-2d7e5b4a3c21"


@pytest.fixture
async def repo(backend_url: str | None) -> AsyncIterator[OnboardingRepository]:
    async with contract_store(
        backend_url, InMemoryOnboardingRepository, SqlOnboardingRepository
    ) as store:
        yield store


def new_onboarding(newcomer: str = "new-1", **changes: object) -> Onboarding:
    onboarding = Onboarding(
        id=0,
        newcomer_key=newcomer,
        newcomer_name="Nina Neu",
        tenant_id="tenant-1",
        source="team",
        created_at=T0,
    )
    return replace(onboarding, **changes)  # type: ignore[arg-type]


def paired(onboarding: Onboarding, buddy: str = "buddy-1") -> Onboarding:
    return replace(
        onboarding, state=OnboardingState.PAIRED, buddy_key=buddy, buddy_name="Bea Buddy",
        reasons=("same_department",), paired_at=T0 + timedelta(minutes=1),
        version=onboarding.version + 1,
    )  # fmt: skip


async def test_an_onboarding_is_started_once_per_newcomer(repo: OnboardingRepository) -> None:
    first, created = await repo.start(new_onboarding(version=5))
    assert created and first == new_onboarding(id=first.id) and first.id > 0
    again, created = await repo.start(new_onboarding(newcomer_name="Other", source="group"))
    assert not created and again == first
    other, created = await repo.start(new_onboarding("new-2"))
    assert created and other.id != first.id
    assert await repo.recent() == [other, first]


async def test_concurrent_starts_for_one_newcomer_create_one_onboarding(
    repo: OnboardingRepository,
) -> None:
    results = await asyncio.gather(*(repo.start(new_onboarding()) for _ in range(10)))
    assert [created for _, created in results].count(True) == 1
    assert len({onboarding.id for onboarding, _ in results}) == 1
    assert len(await repo.recent()) == 1


async def test_a_newcomer_who_left_starts_afresh_once(repo: OnboardingRepository) -> None:
    first, _ = await repo.start(new_onboarding())
    assert await repo.save(replace(first, state=OnboardingState.LEFT, version=2))
    later = T0 + timedelta(days=30)
    results = await asyncio.gather(
        *(repo.start(new_onboarding(created_at=later)) for _ in range(5))
    )
    assert [created for _, created in results].count(True) == 1
    [again] = {onboarding.id for onboarding, _ in results}
    assert again != first.id
    newest = await repo.of_newcomer("new-1")
    assert newest is not None and newest.id == again and newest.state is OnboardingState.UNPAIRED
    assert await repo.get(first.id) == replace(first, state=OnboardingState.LEFT, version=2)
    same, created = await repo.start(new_onboarding(created_at=later))  # open: no third
    assert not created and same.id == again


async def test_an_ended_onboarding_reopens_once_and_keeps_when_it_ended(
    repo: OnboardingRepository,
) -> None:
    first, _ = await repo.start(new_onboarding())
    ended = replace(first, state=OnboardingState.LEFT, left_at=T0 + timedelta(hours=1), version=2)
    assert await repo.save(ended)
    assert await repo.get(first.id) == ended
    reopened = replace(ended, state=OnboardingState.UNPAIRED, left_at=None, version=3)
    results = await asyncio.gather(*(repo.save(reopened) for _ in range(3)))
    assert results.count(True) == 1
    same, created = await repo.start(new_onboarding())  # open again: no second one
    assert not created and same == reopened


async def test_get_and_of_newcomer_roundtrip(repo: OnboardingRepository) -> None:
    full = new_onboarding(
        tenant_id=None, source="group", state=OnboardingState.DONE, buddy_key="buddy-1",
        buddy_name="Bea Buddy", reasons=("same_location", "admin"),
        paired_at=T0 + timedelta(hours=1), welcomed_at=T0 + timedelta(hours=2),
        introduced_at=T0 + timedelta(hours=3), check_ins={"7:newcomer": "ja", "7:buddy": "hilfe"},
    )  # fmt: skip
    stored, _ = await repo.start(full)
    assert stored == replace(full, id=stored.id)
    for loaded in (await repo.get(stored.id), await repo.of_newcomer("new-1")):
        assert loaded == stored and loaded is not None
        assert isinstance(loaded.reasons, tuple) and isinstance(loaded.check_ins, dict)
        assert type(loaded.state) is OnboardingState
        assert loaded.created_at.utcoffset() == timedelta(0)
        assert loaded.paired_at is not None and loaded.paired_at.utcoffset() == timedelta(0)
        assert loaded.welcomed_at is not None and loaded.welcomed_at.utcoffset() == timedelta(0)
        assert loaded.introduced_at == T0 + timedelta(hours=3)
    plain, _ = await repo.start(new_onboarding("new-2"))
    assert await repo.get(plain.id) == plain and await repo.of_newcomer("new-2") == plain
    assert plain.buddy_key is None and plain.reasons == () and plain.check_ins == {}
    assert await repo.get(plain.id + 100) is None
    assert await repo.of_newcomer("nobody") is None


async def test_save_requires_the_previous_version(repo: OnboardingRepository) -> None:
    stored, _ = await repo.start(new_onboarding())
    assert await repo.save(paired(stored))
    opted_out = replace(stored, state=OnboardingState.OPTED_OUT, version=2)
    assert not await repo.save(opted_out)  # loaded before the pairing
    assert not await repo.save(replace(paired(stored), id=stored.id + 100))
    assert await repo.get(stored.id) == paired(stored)
    checked = replace(paired(stored), check_ins={"14:buddy": "noch_nicht"}, version=3)
    assert await repo.save(checked)
    assert await repo.of_newcomer("new-1") == checked


async def test_ten_concurrent_saves_of_one_version_let_exactly_one_win(
    repo: OnboardingRepository,
) -> None:
    stored, _ = await repo.start(new_onboarding())
    saves = [paired(stored, f"buddy-{i}") for i in range(10)]
    results = await asyncio.gather(*(repo.save(onboarding) for onboarding in saves))
    assert results.count(True) == 1
    assert await repo.get(stored.id) == saves[results.index(True)]


async def test_with_buddy_lists_the_pairing_history_oldest_first(
    repo: OnboardingRepository,
) -> None:
    async def put(newcomer: str, minutes: int, buddy: str | None) -> Onboarding:
        stored, _ = await repo.start(
            new_onboarding(newcomer, created_at=T0 + timedelta(minutes=minutes))
        )
        if buddy is None:
            return stored
        assert await repo.save(paired(stored, buddy))
        return paired(stored, buddy)

    newer = await put("new-1", 5, "buddy-1")
    await put("new-2", 0, None)  # waiting for an admin
    older = await put("new-3", 1, "buddy-2")
    done = await put("new-4", 3, "buddy-1")
    finished = replace(done, state=OnboardingState.DONE, version=3)
    assert await repo.save(finished)
    assert await repo.with_buddy() == [older, finished, newer]


async def test_recent_lists_the_newest_first_up_to_the_limit(repo: OnboardingRepository) -> None:
    starts = [
        await repo.start(new_onboarding(f"new-{i}", created_at=T0 + timedelta(minutes=minutes)))
        for i, minutes in enumerate((3, 1, 3, 0, 2))
    ]
    first, second, third, fourth, fifth = (onboarding for onboarding, _ in starts)
    assert await repo.recent() == [third, first, fifth, second, fourth]  # ties: newest id first
    assert await repo.recent(limit=2) == [third, first]
    assert await repo.recent(limit=0) == []


async def test_waiting_lists_who_waits_for_a_buddy_by_id_in_pages(
    repo: OnboardingRepository,
) -> None:
    ids = []
    for i in range(6):
        stored, _ = await repo.start(new_onboarding(f"new-{i}", created_at=T0 + timedelta(i)))
        ids.append(stored.id)
    first = await repo.get(ids[0])
    assert first is not None and await repo.save(paired(first))  # has a buddy
    opted = await repo.get(ids[1])
    assert opted is not None
    assert await repo.save(replace(opted, state=OnboardingState.OPTED_OUT, version=2))
    before = T0 + timedelta(days=5)  # new-5 started later
    assert [o.id for o in await repo.waiting(before)] == ids[2:5]
    assert [o.id for o in await repo.waiting(before, limit=2)] == ids[2:4]
    assert [o.id for o in await repo.waiting(before, after_id=ids[3], limit=2)] == [ids[4]]
    assert await repo.waiting(T0) == []


async def test_volunteers_are_upserted_and_listed_by_name(repo: OnboardingRepository) -> None:
    assert await repo.volunteers() == []
    zoe = VolunteerProfile("vol-1", "Zoë Zimmer", updated_at=T0)
    anna = VolunteerProfile("vol-2", "anna Alt", capacity=3, updated_at=T0)
    bernd = VolunteerProfile(
        "vol-3", "Bernd Berg", capacity=2, paused_until=T0 + timedelta(days=14), stopped=True
    )
    for volunteer in (zoe, anna, bernd):
        await repo.save_volunteer(volunteer)
    assert await repo.volunteers() == [anna, bernd, zoe]  # case-insensitive, stopped included
    later = T0 + timedelta(days=1)
    renamed = replace(zoe, name="Albert Auer", capacity=0, stopped=True, updated_at=later)
    await repo.save_volunteer(renamed)
    assert await repo.volunteers() == [renamed, anna, bernd]
    loaded = await repo.get_volunteer("vol-3")
    assert loaded == bernd and loaded is not None and loaded.paused_until is not None
    assert loaded.paused_until.utcoffset() == timedelta(0)
    resumed = replace(bernd, paused_until=None, stopped=False, updated_at=later)
    await repo.save_volunteer(resumed)
    assert await repo.get_volunteer("vol-3") == resumed
    assert await repo.get_volunteer("nobody") is None


async def test_known_members_is_none_until_the_group_was_first_polled(
    repo: OnboardingRepository,
) -> None:
    assert await repo.known_members(GROUP) is None
    await repo.remember_members(GROUP, [], T0)  # an empty group still counts as polled
    assert await repo.known_members(GROUP) == set()
    assert await repo.known_members("other-group") is None


async def test_remember_members_adds_and_is_idempotent(repo: OnboardingRepository) -> None:
    await repo.remember_members(GROUP, ["a", "b", "a"], T0)
    assert await repo.known_members(GROUP) == {"a", "b"}
    await repo.remember_members(GROUP, ["b", "c"], T0 + timedelta(minutes=15))
    await repo.remember_members(GROUP, ["b", "c"], T0 + timedelta(minutes=30))
    await repo.remember_members(GROUP, [], T0 + timedelta(minutes=45))  # nobody leaves
    assert await repo.known_members(GROUP) == {"a", "b", "c"}
    await repo.remember_members("other-group", ["x"], T0)
    assert await repo.known_members("other-group") == {"x"}
    assert await repo.known_members(GROUP) == {"a", "b", "c"}


async def test_forget_members_drops_those_who_left_and_the_group_stays_polled(
    repo: OnboardingRepository,
) -> None:
    await repo.remember_members(GROUP, ["a", "b"], T0)
    await repo.remember_members("other-group", ["a"], T0)
    await repo.forget_members(GROUP, ["a", "nobody"])
    assert await repo.known_members(GROUP) == {"b"}
    await repo.forget_members(GROUP, ["b"])
    assert await repo.known_members(GROUP) == set()  # polled, nobody in it
    assert await repo.known_members("other-group") == {"a"}
    await repo.remember_members(GROUP, ["a"], T0 + timedelta(hours=1))  # back again
    assert await repo.known_members(GROUP) == {"a"}


async def test_concurrent_polls_remember_every_member(repo: OnboardingRepository) -> None:
    keys = [f"user-{i:03d}" for i in range(200)]
    await asyncio.gather(
        *(repo.remember_members(GROUP, keys[i::3] + keys[:20], T0) for i in range(6))
    )
    assert await repo.known_members(GROUP) == set(keys)


@pytest.fixture
def postgres_url(tmp_path: Path) -> Iterator[str]:
    with fresh_database("postgres", tmp_path) as url:
        yield url


@pytest.mark.postgres
async def test_postgres_starts_from_two_processes_create_one_onboarding(
    postgres_url: str,
) -> None:
    # Two engines stand in for two bot instances: no shared pool, only the database decides.
    engines = [create_engine(postgres_url) for _ in range(2)]
    try:
        repos = [SqlOnboardingRepository(create_session_factory(engine)) for engine in engines]
        newcomers = [f"new-{i}" for i in range(5)]
        results = await asyncio.gather(
            *(repo.start(new_onboarding(key)) for key in newcomers for repo in repos * 5)
        )
        for key in newcomers:
            mine = [(stored, created) for stored, created in results if stored.newcomer_key == key]
            assert [created for _, created in mine].count(True) == 1
            assert len({stored.id for stored, _ in mine}) == 1
        assert len(await repos[0].recent()) == len(newcomers)
    finally:
        for engine in engines:
            await engine.dispose()
