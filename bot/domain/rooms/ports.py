"""Ports of the room broker: the stored room catalogue and the requests with their audit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from bot.domain.graph_types import Room
from bot.domain.rooms.model import AuditEntry, RoomRequest


class RoomCatalogue(Protocol):
    """The rooms as last read from Graph (served from the database, not from Graph)."""

    async def replace_all(self, rooms: Sequence[Room], now: datetime) -> None:
        """Store exactly ``rooms`` (rooms no longer in Graph disappear)."""
        ...

    async def list_rooms(self) -> Sequence[Room]:
        """Every stored room, ordered by display name."""
        ...

    async def synced_at(self) -> datetime | None:
        """When the catalogue was last replaced, or None if never."""
        ...


class RoomRequestRepository(Protocol):
    """Room requests with optimistic concurrency, and their audit trail."""

    async def add(self, request: RoomRequest) -> RoomRequest:
        """Store a new request (version 1); returns it with its id."""
        ...

    async def get(self, request_id: int) -> RoomRequest | None:
        """One request, or None."""
        ...

    async def save(self, request: RoomRequest) -> bool:
        """Store ``request`` if the stored version is ``request.version - 1``; else False."""
        ...

    async def record_card(self, request_id: int, key: str, handle: dict[str, Any]) -> None:
        """Remember where a card of this request was posted (no version change)."""
        ...

    async def of_requester(self, requester_key: str, since: datetime) -> Sequence[RoomRequest]:
        """The requester's requests that end after ``since``, by start."""
        ...

    async def pending_for(self, approver_key: str) -> Sequence[RoomRequest]:
        """Pending requests this person may decide, oldest first."""
        ...

    async def holding(self, start: datetime, end: datetime) -> Sequence[RoomRequest]:
        """Requests with a chosen room that hold it (pending, booking, booked) at a time
        overlapping [start, end)."""
        ...

    async def add_audit(self, entry: AuditEntry) -> None:
        """Append to the audit trail."""
        ...

    async def audit_of(self, request_id: int) -> Sequence[AuditEntry]:
        """The audit trail of one request, oldest first."""
        ...
