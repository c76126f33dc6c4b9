"""Conversions between the room broker's records and their rows (tuples are JSON lists)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from bot.adapters.db.models import RoomAuditRow, RoomRequestRow, RoomRow
from bot.domain.graph_types import Room
from bot.domain.rooms.model import AuditEntry, RequestState, RoomRequest

_ROOM_PLAIN = (
    "id", "email", "display_name", "capacity", "building", "city", "floor_number",
    "floor_label",
    "is_wheelchair_accessible", "video_device_name", "audio_device_name",
    "display_device_name", "booking_type",
)  # fmt: skip
_REQUEST_PLAIN = (
    "requester_key", "requester_name", "tenant_id", "place", "text", "attendees", "created_at",
    "room", "decided_by", "decided_at", "reason", "event_id",
)  # fmt: skip
_REQUEST_LISTS = ("features", "options", "approvers")


def room_values(room: Room, synced_at: datetime) -> dict[str, Any]:
    """The row of a catalogue room."""
    values = {name: getattr(room, name) for name in _ROOM_PLAIN}
    return values | {"tags": list(room.tags), "synced_at": synced_at}


def room_of(row: RoomRow) -> Room:
    """The catalogue room of a row."""
    return Room(tags=tuple(row.tags), **{name: getattr(row, name) for name in _ROOM_PLAIN})


def request_values(request: RoomRequest) -> dict[str, Any]:
    """Every column but id, version and cards (those have their own writers)."""
    values = {name: getattr(request, name) for name in _REQUEST_PLAIN}
    values.update({name: list(getattr(request, name)) for name in _REQUEST_LISTS})
    values.update(start_at=request.start, end_at=request.end, state=request.state.value)
    return values


def request_of(row: RoomRequestRow) -> RoomRequest:
    """The room request of a row."""
    return RoomRequest(
        id=row.id,
        start=row.start_at,
        end=row.end_at,
        features=tuple(row.features),
        options=tuple(row.options),
        approvers=tuple(row.approvers),
        state=RequestState(row.state),
        cards=dict(row.cards),
        version=row.version,
        **{name: getattr(row, name) for name in _REQUEST_PLAIN},
    )


def audit_values(entry: AuditEntry) -> dict[str, Any]:
    """The row of an audit entry."""
    return asdict(entry)


def audit_of(row: RoomAuditRow) -> AuditEntry:
    """The audit entry of a row."""
    return AuditEntry(row.request_id, row.at, row.actor_key, row.action, row.detail)
