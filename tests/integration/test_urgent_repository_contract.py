"""Urgent call storage contract: fake, SQLite and PostgreSQL behave the same, also racing."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.adapters.db.urgent import SqlUrgentCallRepository
from bot.domain.urgent.model import (
    Ask,
    AuditEntry,
    CallState,
    Participant,
    Slot,
    UrgentCall,
)
from bot.domain.urgent.ports import UrgentCallRepository
from devkit.fakes.memory_urgent import InMemoryUrgentCallRepository
from tests.support.databases import contract_store

T0 = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
HANDLE = {"reference": {"conversation": {"id": "a:1"}}, "activity_id": "1:card"}


@pytest.fixture
async def repo(backend_url: str | None) -> AsyncIterator[UrgentCallRepository]:
    async with contract_store(
        backend_url, InMemoryUrgentCallRepository, SqlUrgentCallRepository
    ) as store:
        yield store


def new_call(asker: str = "jana", **changes: object) -> UrgentCall:
    call = UrgentCall(
        id=0,
        asker_key=asker,
        asker_name="Jana Becker",
        tenant_id="tenant-1",
        organiser="jana@example.com",
        on_behalf_key="melanie",
        on_behalf_name="Melanie Schäfer",
        participants=(
            Participant("melanie", "Melanie Schäfer", "melanie@example.com"),
            Participant("katharina", "Dr. Katharina Albrecht", "katharina@example.com"),
        ),
        minutes=30,
        window=Slot(T0, T0 + timedelta(hours=7)),
        created_at=T0,
        state=CallState.ASKING,
        slots=(Slot(T0 + timedelta(days=1), T0 + timedelta(days=1, minutes=30)),),
        asks=(Ask("sabine", "Sabine Krüger", "katharina"),),
        ask_window=Slot(T0 + timedelta(hours=5), T0 + timedelta(hours=8)),
    )
    return replace(call, **changes)  # type: ignore[arg-type]


async def test_a_call_round_trips_with_every_field(repo: UrgentCallRepository) -> None:
    stored = await repo.add(new_call())
    assert stored.id > 0 and stored.version == 1
    assert await repo.get(stored.id) == stored
    answered = Ask("sabine", "Sabine Krüger", "katharina", "yes", T0 + timedelta(hours=6), T0)
    booked = replace(
        stored, asks=(answered,), state=CallState.BOOKED, booked=stored.slots[0],
        event_id="jana@example.com|AAMk", version=2,
    )  # fmt: skip
    assert await repo.save(booked)
    assert await repo.get(stored.id) == booked
    assert await repo.get(stored.id + 1000) is None


async def test_save_refuses_a_stale_version(repo: UrgentCallRepository) -> None:
    stored = await repo.add(new_call())
    first = replace(stored, state=CallState.BOOKING, version=2)
    second = replace(stored, state=CallState.CANCELLED, version=2)
    assert await repo.save(first)
    assert not await repo.save(second)
    assert (await repo.get(stored.id)).state is CallState.BOOKING  # type: ignore[union-attr]


async def test_racing_saves_end_in_one_winner(repo: UrgentCallRepository) -> None:
    stored = await repo.add(new_call())
    changes = [replace(stored, state=CallState.BOOKING, version=2) for _ in range(6)]
    results = await asyncio.gather(*(repo.save(c) for c in changes))
    assert sum(results) == 1


async def test_cards_are_kept_by_saves_and_recorded_at_once(repo: UrgentCallRepository) -> None:
    stored = await repo.add(new_call())
    await asyncio.gather(
        *(repo.record_card(stored.id, f"key-{n}", {**HANDLE, "n": n}) for n in range(5))
    )
    assert await repo.save(replace(stored, state=CallState.CANCELLED, version=2))
    cards = (await repo.get(stored.id)).cards  # type: ignore[union-attr]
    assert sorted(cards) == [f"key-{n}" for n in range(5)]
    await repo.record_card(stored.id + 1000, "x", HANDLE)  # unknown call: nothing happens


async def test_calls_of_an_asker_newest_first(repo: UrgentCallRepository) -> None:
    first = await repo.add(new_call())
    await repo.add(new_call(asker="other"))
    second = await repo.add(new_call())
    assert [c.id for c in await repo.of_asker("jana")] == [second.id, first.id]


async def test_audit_trail_in_order(repo: UrgentCallRepository) -> None:
    call = await repo.add(new_call())
    for n, action in enumerate(("requested", "answered", "booked")):
        await repo.add_audit(AuditEntry(call.id, T0 + timedelta(minutes=n), "jana", action))
    assert [e.action for e in await repo.audit_of(call.id)] == ["requested", "answered", "booked"]
    assert await repo.audit_of(call.id + 1000) == []
