"""The same contract for the in-memory fakes and the SQL adapters (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.adapters.db.ledger import SqlActivityLedger
from bot.adapters.db.references import SqlConversationReferences
from bot.domain.conversation_refs import StoredReference
from bot.domain.ports import ActivityLedger, ConversationReferences
from devkit.fakes.memory import InMemoryActivityLedger, InMemoryConversationReferences
from tests.support.databases import contract_store

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@dataclass
class Stores:
    ledger: ActivityLedger
    references: ConversationReferences


@pytest.fixture
async def stores(backend_url: str | None) -> AsyncIterator[Stores]:
    async with contract_store(
        backend_url,
        lambda: Stores(InMemoryActivityLedger(), InMemoryConversationReferences()),
        lambda sessions: Stores(SqlActivityLedger(sessions), SqlConversationReferences(sessions)),
    ) as store:
        yield store


def _reference(conversation: str, user: str, kind: str, at: datetime, url: str = "s") -> Any:
    return StoredReference(
        conversation_id=conversation,
        user_key=user,
        kind=kind,
        tenant_id="t",
        service_url=url,
        reference={"conversation": {"id": conversation}, "serviceUrl": url},
        updated_at=at,
    )


async def test_claim_is_granted_once(stores: Stores) -> None:
    assert await stores.ledger.claim("a", T0)
    assert not await stores.ledger.claim("a", T0)
    assert await stores.ledger.claim("b", T0)


async def test_concurrent_claims_have_exactly_one_winner(stores: Stores) -> None:
    results = await asyncio.gather(*(stores.ledger.claim("same", T0) for _ in range(20)))
    assert results.count(True) == 1


async def test_release_allows_a_new_claim(stores: Stores) -> None:
    await stores.ledger.claim("a", T0)
    await stores.ledger.release("a")
    assert await stores.ledger.claim("a", T0)
    await stores.ledger.release("never-claimed")


async def test_purge_removes_only_old_claims(stores: Stores) -> None:
    await stores.ledger.claim("old", T0)
    await stores.ledger.claim("new", T0 + timedelta(days=2))
    assert await stores.ledger.purge_before(T0 + timedelta(days=1)) == 1
    assert await stores.ledger.claim("old", T0)
    assert not await stores.ledger.claim("new", T0)


async def test_reference_upsert_and_lookups(stores: Stores) -> None:
    refs = stores.references
    assert await refs.for_conversation("c1") is None
    assert await refs.personal_for_user("u1") is None
    await refs.save(_reference("c1", "u1", "personal", T0))
    await refs.save(_reference("c1", "u1", "personal", T0 + timedelta(hours=1), url="s2"))
    await refs.save(_reference("team", "u1", "channel", T0 + timedelta(hours=2)))
    personal = await refs.personal_for_user("u1")
    assert personal is not None and personal.service_url == "s2"
    assert personal.reference["serviceUrl"] == "s2"
    channel = await refs.for_conversation("team")
    assert channel is not None and channel.kind == "channel"


async def test_concurrent_saves_of_same_reference_keep_one_row(stores: Stores) -> None:
    await asyncio.gather(
        *(stores.references.save(_reference("c", "u", "personal", T0)) for _ in range(10))
    )
    found = await stores.references.personal_for_user("u")
    assert found is not None and found.conversation_id == "c"
