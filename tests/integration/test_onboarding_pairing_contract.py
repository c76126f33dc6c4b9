"""OnboardingRepository.pair contract (fake, SQLite, PostgreSQL): a pairing is stored only
while its buddy has room, also when many pairings with one buddy race."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta

import pytest

from bot.adapters.db.onboarding import SqlOnboardingRepository
from bot.domain.onboarding.model import Onboarding, OnboardingState, VolunteerProfile
from bot.domain.onboarding.ports import OnboardingRepository
from devkit.fakes.memory_onboarding import InMemoryOnboardingRepository
from tests.integration.test_onboarding_repository_contract import T0, new_onboarding, paired
from tests.support.databases import contract_store

BUSY_SINCE = T0 - timedelta(days=28)


@pytest.fixture
async def repo(backend_url: str | None) -> AsyncIterator[OnboardingRepository]:
    async with contract_store(
        backend_url, InMemoryOnboardingRepository, SqlOnboardingRepository
    ) as store:
        yield store


async def _started(repo: OnboardingRepository, n: int) -> list[Onboarding]:
    return [(await repo.start(new_onboarding(f"new-{i}")))[0] for i in range(n)]


async def test_pair_stops_at_the_buddys_capacity(repo: OnboardingRepository) -> None:
    await repo.save_volunteer(VolunteerProfile("buddy-1", "Bea Buddy", capacity=2))
    first, second, third = await _started(repo, 3)
    assert await repo.pair(paired(first), BUSY_SINCE)
    assert await repo.pair(paired(second), BUSY_SINCE)
    assert not await repo.pair(paired(third), BUSY_SINCE)  # full
    assert await repo.get(third.id) == third
    # Another buddy has room; someone without a profile (an admin's pick) has no limit.
    assert await repo.pair(paired(third, "buddy-2"), BUSY_SINCE)
    assert [o.buddy_key for o in await repo.with_buddy()] == ["buddy-1", "buddy-1", "buddy-2"]


async def test_only_current_pairings_use_up_capacity(repo: OnboardingRepository) -> None:
    await repo.save_volunteer(VolunteerProfile("buddy-1", "Bea Buddy", capacity=1))
    old, opted, current = await _started(repo, 3)
    # Paired before the buddy period: no longer counts.
    assert await repo.save(replace(paired(old), paired_at=BUSY_SINCE - timedelta(days=1)))
    # Paired, then opted out: no longer counts either.
    opted_out = replace(paired(opted), state=OnboardingState.OPTED_OUT)
    assert await repo.save(opted_out)
    assert await repo.pair(paired(current), BUSY_SINCE)
    # A second save of the newcomer's own pairing does not count itself.
    again = replace(paired(current), reasons=("admin",), version=3)
    assert await repo.pair(again, BUSY_SINCE)


async def test_pair_keeps_the_version_check(repo: OnboardingRepository) -> None:
    await repo.save_volunteer(VolunteerProfile("buddy-1", "Bea Buddy", capacity=5))
    (stored,) = await _started(repo, 1)
    assert await repo.save(replace(stored, welcomed_at=T0, version=2))
    assert not await repo.pair(paired(stored), BUSY_SINCE)  # loaded before the welcome mark


async def test_racing_pairings_fill_a_buddy_exactly(repo: OnboardingRepository) -> None:
    await repo.save_volunteer(VolunteerProfile("buddy-1", "Bea Buddy", capacity=2))
    started = await _started(repo, 8)
    results = await asyncio.gather(*(repo.pair(paired(o), BUSY_SINCE) for o in started))
    assert results.count(True) == 2
    assert len(await repo.with_buddy()) == 2
