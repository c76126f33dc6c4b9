"""In-memory ExpertRepository for unit tests; passes the same contract tests as the SQL one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC

from bot.domain.routing.directory_import import PROFILE_FIELDS
from bot.domain.routing.expert_service import name_order
from bot.domain.routing.experts import ExpertRecord


class InMemoryExpertRepository:
    """Experts held in a dict keyed by (pool, user)."""

    def __init__(self, records: Sequence[ExpertRecord] = ()) -> None:
        self._rows: dict[tuple[str, str], ExpertRecord] = {}
        self._changes: dict[str, int] = {}
        for record in records:
            self._put(record)

    async def list_pool(self, pool_id: str) -> Sequence[ExpertRecord]:
        """Every expert of a pool, ordered by name."""
        return sorted((r for r in self._rows.values() if r.pool_id == pool_id), key=name_order)

    async def get(self, pool_id: str, user_key: str) -> ExpertRecord | None:
        """One expert of a pool, or None."""
        return self._rows.get((pool_id, user_key))

    async def pools_of(self, user_key: str) -> Sequence[str]:
        """The pools in which this person is an expert, sorted."""
        return sorted(pool for pool, user in self._rows if user == user_key)

    async def pool_stamp(self, pool_id: str) -> str:
        """Changes with every write to the pool."""
        return str(self._changes.get(pool_id, 0))

    async def upsert(self, record: ExpertRecord, *, keep_profile: bool = False) -> None:
        """Insert or replace; with ``keep_profile`` a stored "profile" row keeps its profile."""
        stored = self._rows.get((record.pool_id, record.user_key))
        if keep_profile and stored is not None and stored.source == "profile":
            kept = {name: getattr(stored, name) for name in PROFILE_FIELDS}
            record = replace(record, source="profile", **kept)
        self._put(record)

    def _put(self, record: ExpertRecord) -> None:
        paused = record.paused_until
        if paused is not None:
            # Like the SQL adapter: times come back in UTC (naive ones are taken as UTC).
            paused = (
                paused.replace(tzinfo=UTC) if paused.tzinfo is None else paused.astimezone(UTC)
            )
            record = replace(record, paused_until=paused)
        self._rows[(record.pool_id, record.user_key)] = record
        self._changes[record.pool_id] = self._changes.get(record.pool_id, 0) + 1
