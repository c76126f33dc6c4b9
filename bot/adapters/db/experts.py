"""SQL implementation of the ExpertRepository port."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.clock import SystemClock
from bot.adapters.db.models import Base, ExpertRow
from bot.domain.ports import Clock
from bot.domain.routing.directory_import import PROFILE_FIELDS
from bot.domain.routing.expert_service import name_order
from bot.domain.routing.experts import ExpertRecord

_TABLE = Base.metadata.tables[ExpertRow.__tablename__]
_KEY = ("pool_id", "user_key")
_UPDATED = ("name", "email", "department", "title", "location", "languages", "topics",
            "about", "deputy_key", "paused_until", "source", "updated_at")  # fmt: skip


class SqlExpertRepository:
    """Experts per pool, upserted by (pool, user) with INSERT … ON CONFLICT."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], clock: Clock | None = None
    ) -> None:
        self._sessions = sessions
        self._clock: Clock = clock or SystemClock()

    async def list_pool(self, pool_id: str) -> Sequence[ExpertRecord]:
        """Every expert of a pool, ordered by name."""
        async with self._sessions() as session:
            rows = await session.scalars(select(ExpertRow).where(ExpertRow.pool_id == pool_id))
            records = [_to_record(row) for row in rows]
        # Sorted here, not in SQL: collations differ between SQLite and PostgreSQL.
        return sorted(records, key=name_order)

    async def get(self, pool_id: str, user_key: str) -> ExpertRecord | None:
        """One expert of a pool, or None."""
        async with self._sessions() as session:
            row = await session.scalar(
                select(ExpertRow).where(
                    ExpertRow.pool_id == pool_id, ExpertRow.user_key == user_key
                )
            )
        return _to_record(row) if row is not None else None

    async def pools_of(self, user_key: str) -> Sequence[str]:
        """The pools in which this person is an expert, sorted."""
        async with self._sessions() as session:
            pools = await session.scalars(
                select(ExpertRow.pool_id).where(ExpertRow.user_key == user_key)
            )
            return sorted(pools)

    async def pool_stamp(self, pool_id: str) -> str:
        """Number of experts and the latest ``updated_at``: every upsert stamps the row with
        the clock, and the count catches removals (erasure)."""
        async with self._sessions() as session:
            count, latest = (
                await session.execute(
                    select(func.count(), func.max(ExpertRow.updated_at)).where(
                        ExpertRow.pool_id == pool_id
                    )
                )
            ).one()
        return f"{count}:{latest.isoformat() if latest is not None else ''}"

    async def upsert(self, record: ExpertRecord, *, keep_profile: bool = False) -> None:
        """Insert or replace; with ``keep_profile`` a stored "profile" row keeps its profile."""
        async with self._sessions.begin() as session:
            dialect = session.get_bind().dialect.name
            insert = sqlite_insert if dialect == "sqlite" else postgresql_insert
            statement = insert(_TABLE).values(_to_row(record, self._clock.now()))
            updates: dict[str, Any] = {name: statement.excluded[name] for name in _UPDATED}
            if keep_profile:
                # Decided inside the statement, so a concurrent profile save is never lost.
                stored_is_profile = _TABLE.c.source == "profile"
                for name in (*PROFILE_FIELDS, "source"):
                    updates[name] = case(
                        (stored_is_profile, _TABLE.c[name]), else_=statement.excluded[name]
                    )
            await session.execute(
                statement.on_conflict_do_update(index_elements=list(_KEY), set_=updates)
            )


def _utc(value: datetime | None) -> datetime | None:
    # SQLite drops the offset on write and returns naive datetimes: store and read UTC.
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _to_row(record: ExpertRecord, now: datetime) -> dict[str, Any]:
    return {
        "pool_id": record.pool_id,
        "user_key": record.user_key,
        "name": record.name,
        "email": record.email,
        "department": record.department,
        "title": record.title,
        "location": record.location,
        "languages": list(record.languages),
        "topics": list(record.topics),
        "about": record.about,
        "deputy_key": record.deputy_key,
        "paused_until": _utc(record.paused_until),
        "source": record.source,
        "updated_at": _utc(now),
    }


def _to_record(row: ExpertRow) -> ExpertRecord:
    return ExpertRecord(
        pool_id=row.pool_id,
        user_key=row.user_key,
        name=row.name,
        email=row.email,
        department=row.department,
        title=row.title,
        location=row.location,
        languages=tuple(row.languages or ()),
        topics=tuple(row.topics or ()),
        about=row.about,
        deputy_key=row.deputy_key,
        paused_until=_utc(row.paused_until),
        source=row.source,
    )
