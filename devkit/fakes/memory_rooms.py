"""In-memory RoomCatalogue and RoomRequestRepository with the same semantics as the SQL ones."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from bot.domain.graph_types import Room
from bot.domain.rooms.model import HOLDING_STATES, AuditEntry, RequestState, RoomRequest


class InMemoryRoomCatalogue:
    """Dict-backed by mailbox; like the SQL one, the sync time is stored with the rooms."""

    def __init__(self) -> None:
        self._rooms: dict[str, Room] = {}
        self._synced_at: datetime | None = None

    async def replace_all(self, rooms: Sequence[Room], now: datetime) -> None:
        """Store exactly ``rooms`` (rooms no longer in Graph disappear)."""
        self._rooms = {room.email: room for room in rooms}
        # An empty catalogue reads as never synced, as with the SQL adapter's max(synced_at).
        self._synced_at = now if self._rooms else None

    async def list_rooms(self) -> Sequence[Room]:
        """Every stored room, ordered by display name."""
        return sorted(
            self._rooms.values(), key=lambda room: (room.display_name.casefold(), room.email)
        )

    async def synced_at(self) -> datetime | None:
        """When the catalogue was last replaced, or None if never."""
        return self._synced_at


class InMemoryRoomRequestRepository:
    """Dict-backed; no method awaits, so each one is atomic on the event loop like a txn."""

    def __init__(self) -> None:
        self._requests: dict[int, RoomRequest] = {}
        self._audit: list[AuditEntry] = []

    async def add(self, request: RoomRequest) -> RoomRequest:
        """Store a new request (version 1); returns it with its id."""
        stored = replace(request, id=len(self._requests) + 1, version=1)
        self._requests[stored.id] = stored
        return stored

    async def get(self, request_id: int) -> RoomRequest | None:
        """One request, or None."""
        return self._requests.get(request_id)

    async def save(self, request: RoomRequest) -> bool:
        """Store ``request`` (not cards) if the stored version is ``request.version - 1``."""
        current = self._requests.get(request.id)
        if current is None or current.version != request.version - 1:
            return False
        # Like the SQL adapter: cards belong to record_card, and a copy loaded before a card
        # was recorded has the same version, so it must not wipe it.
        self._requests[request.id] = replace(request, cards=current.cards)
        return True

    async def record_card(self, request_id: int, key: str, handle: dict[str, Any]) -> None:
        """Remember where a card of this request was posted (no version change)."""
        current = self._requests.get(request_id)
        if current is not None:
            cards = {**current.cards, key: handle}
            self._requests[request_id] = replace(current, cards=cards)

    async def of_requester(self, requester_key: str, since: datetime) -> Sequence[RoomRequest]:
        """The requester's requests that end after ``since``, by start."""
        mine = [
            request
            for request in self._requests.values()
            if request.requester_key == requester_key and request.end > since
        ]
        return sorted(mine, key=lambda request: (request.start, request.id))

    async def pending_for(self, approver_key: str) -> Sequence[RoomRequest]:
        """Pending requests this person may decide, oldest first."""
        pending = [
            request
            for request in self._requests.values()
            if request.state == RequestState.PENDING and approver_key in request.approvers
        ]
        return sorted(pending, key=lambda request: (request.created_at, request.id))

    async def holding(self, start: datetime, end: datetime) -> Sequence[RoomRequest]:
        """Requests with a chosen room that hold it (pending, booking, booked) at a time
        overlapping [start, end)."""
        return sorted(
            (
                request
                for request in self._requests.values()
                if request.room is not None
                and request.state in HOLDING_STATES
                and request.start < end
                and start < request.end
            ),
            key=lambda request: request.id,
        )

    async def add_audit(self, entry: AuditEntry) -> None:
        """Append to the audit trail."""
        self._audit.append(entry)

    async def audit_of(self, request_id: int) -> Sequence[AuditEntry]:
        """The audit trail of one request, oldest first."""
        # A stable sort keeps entries of the same instant in insertion order, like the SQL id.
        return sorted(
            (entry for entry in self._audit if entry.request_id == request_id),
            key=lambda entry: entry.at,
        )
