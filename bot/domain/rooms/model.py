"""The room broker's records: a request through its states, and the audit trail."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class RequestState(StrEnum):
    """Where a room request stands.

    offered → (requester picks) → pending (restricted room, waiting for an approver)
    → booking (approved, or an unrestricted room) → booked. Ends: declined, expired (nobody
    decided before the start), cancelled (by the requester), conflict (the room was taken
    meanwhile: alternatives were offered), failed (Graph refused the booking for good, or
    failed on every retry; see failure.py). A booking that fails at Graph for a while stays
    "booking" and a job retries it.
    """

    OFFERED = "offered"
    PENDING = "pending"
    BOOKING = "booking"
    BOOKED = "booked"
    DECLINED = "declined"
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    CONFLICT = "conflict"
    FAILED = "failed"


OPEN_STATES = frozenset({RequestState.OFFERED, RequestState.PENDING, RequestState.BOOKING})
# A chosen room is held for the request's time while an approver decides, while the bot books
# it, and once booked: Exchange's room answers (and so free/busy) may lag behind the booking.
HOLDING_STATES = frozenset({RequestState.PENDING, RequestState.BOOKING, RequestState.BOOKED})


class BrokerError(Exception):
    """A refused broker action; ``code`` selects the message (rooms.error.*)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params  # values for the message ("höchstens {hours} Stunden")


@dataclass(frozen=True, slots=True)
class RoomRequest:
    """One request; ``version`` grows with every decision (optimistic concurrency)."""

    id: int
    requester_key: str  # Entra object id
    requester_name: str
    tenant_id: str | None
    place: dict[str, Any]  # where the requester wrote (for the outcome message)
    text: str
    start: datetime
    end: datetime
    attendees: int
    features: tuple[str, ...]
    created_at: datetime
    state: RequestState = RequestState.OFFERED
    options: tuple[str, ...] = ()  # room mailboxes offered
    room: str | None = None  # the chosen room's mailbox
    approvers: tuple[str, ...] = ()
    decided_by: str | None = None
    decided_at: datetime | None = None
    reason: str = ""  # the requester's "why" for the approvers
    event_id: str | None = None
    cards: dict[str, Any] = field(default_factory=dict)  # approver key -> message handle
    version: int = 1

    @property
    def is_open(self) -> bool:
        """Not decided yet (offered, pending or booking)."""
        return self.state in OPEN_STATES


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """Who did what to a request, when (kept as the audit trail)."""

    request_id: int
    at: datetime
    actor_key: str
    # requested, chose, approved, declined, booked, room_declined (the room's late answer),
    # conflict, cancelled, expired, failed, withdrawn (the event of a failed booking)
    action: str
    detail: str = ""
