"""SQL implementations of the room broker ports: the room catalogue and the room requests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.models import Base, RoomAuditRow, RoomRequestRow, RoomRow
from bot.adapters.db.room_rows import (
    audit_of,
    audit_values,
    request_of,
    request_values,
    room_of,
    room_values,
)
from bot.domain.graph_types import Room
from bot.domain.rooms.model import HOLDING_STATES, AuditEntry, RequestState, RoomRequest

_ROOMS = Base.metadata.tables[RoomRow.__tablename__]


class SqlRoomCatalogue:
    """One row per mailbox; a sync replaces the whole catalogue in one transaction."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def replace_all(self, rooms: Sequence[Room], now: datetime) -> None:
        """Store exactly ``rooms`` (rooms no longer in Graph disappear)."""
        # ON CONFLICT may touch a row only once per statement, so the last room per mailbox
        # wins; sorted, so two syncs at once lock the rows in the same order (no deadlock).
        latest = {room.email: room for room in rooms}
        rows = [room_values(latest[email], now) for email in sorted(latest)]
        async with self._sessions.begin() as session:
            await session.execute(delete(RoomRow).where(RoomRow.email.not_in(sorted(latest))))
            if not rows:
                return
            sqlite = session.get_bind().dialect.name == "sqlite"
            statement = (sqlite_insert if sqlite else postgresql_insert)(_ROOMS)
            updates = {name: statement.excluded[name] for name in rows[0] if name != "email"}
            upsert = statement.on_conflict_do_update(index_elements=["email"], set_=updates)
            await session.execute(upsert, rows)

    async def list_rooms(self) -> Sequence[Room]:
        """Every stored room, ordered by display name."""
        async with self._sessions() as session:
            rooms = [room_of(row) for row in await session.scalars(select(RoomRow))]
        # Sorted here, not in SQL: collations differ between SQLite and PostgreSQL.
        return sorted(rooms, key=lambda room: (room.display_name.casefold(), room.email))

    async def synced_at(self) -> datetime | None:
        """When the catalogue was last replaced, or None if never."""
        # The time lives on the rows: an empty catalogue reads as never synced.
        async with self._sessions() as session:
            return await session.scalar(select(func.max(RoomRow.synced_at)))


class SqlRoomRequestRepository:
    """A save only wins when nobody saved in between: two approvers at once, one decision."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def add(self, request: RoomRequest) -> RoomRequest:
        """Store a new request (version 1); returns it with its id."""
        async with self._sessions.begin() as session:
            row = RoomRequestRow(**request_values(request), cards=dict(request.cards), version=1)
            session.add(row)
            await session.flush()
            return request_of(row)

    async def get(self, request_id: int) -> RoomRequest | None:
        """One request, or None."""
        async with self._sessions() as session:
            row = await session.get(RoomRequestRow, request_id)
            return request_of(row) if row is not None else None

    async def save(self, request: RoomRequest) -> bool:
        """Store ``request`` (not cards) if the stored version is ``request.version - 1``."""
        # Cards belong to record_card, which keeps the version: a copy loaded before a card was
        # recorded is still current and must not wipe it.
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(RoomRequestRow)
                .where(
                    RoomRequestRow.id == request.id,
                    RoomRequestRow.version == request.version - 1,
                )
                .values(**request_values(request), version=request.version)
            )
        return bool(getattr(result, "rowcount", 0))

    async def record_card(self, request_id: int, key: str, handle: dict[str, Any]) -> None:
        """Remember where a card of this request was posted (no version change)."""
        async with self._sessions.begin() as session:
            # Locked: cards of several approvers are recorded at once and must all be kept.
            row = await session.get(RoomRequestRow, request_id, with_for_update=True)
            if row is not None:
                row.cards = {**row.cards, key: handle}

    async def of_requester(self, requester_key: str, since: datetime) -> Sequence[RoomRequest]:
        """The requester's requests that end after ``since``, by start."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(RoomRequestRow)
                .where(
                    RoomRequestRow.requester_key == requester_key, RoomRequestRow.end_at > since
                )
                .order_by(RoomRequestRow.start_at, RoomRequestRow.id)
            )
            return [request_of(row) for row in rows]

    async def pending_for(self, approver_key: str) -> Sequence[RoomRequest]:
        """Pending requests this person may decide, oldest first."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(RoomRequestRow)
                .where(RoomRequestRow.state == RequestState.PENDING.value)
                .order_by(RoomRequestRow.created_at, RoomRequestRow.id)
            )
            # Membership in the JSON list is checked here: JSON operators are not portable
            # between SQLite and PostgreSQL, and few requests are pending at any time.
            return [request_of(row) for row in rows if approver_key in row.approvers]

    async def holding(self, start: datetime, end: datetime) -> Sequence[RoomRequest]:
        """Requests with a chosen room that hold it (pending, booking, booked) at a time
        overlapping [start, end)."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(RoomRequestRow)
                .where(
                    RoomRequestRow.state.in_(sorted(s.value for s in HOLDING_STATES)),
                    RoomRequestRow.room.is_not(None),
                    RoomRequestRow.start_at < end,
                    RoomRequestRow.end_at > start,
                )
                .order_by(RoomRequestRow.id)
            )
            return [request_of(row) for row in rows]

    async def add_audit(self, entry: AuditEntry) -> None:
        """Append to the audit trail."""
        async with self._sessions.begin() as session:
            session.add(RoomAuditRow(**audit_values(entry)))

    async def audit_of(self, request_id: int) -> Sequence[AuditEntry]:
        """The audit trail of one request, oldest first."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(RoomAuditRow)
                .where(RoomAuditRow.request_id == request_id)
                .order_by(RoomAuditRow.at, RoomAuditRow.id)
            )
            return [audit_of(row) for row in rows]
