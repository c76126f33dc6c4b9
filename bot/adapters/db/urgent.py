"""SQL implementation of the urgent call port: calls (JSON for the people, slots and
answers) with optimistic concurrency, and their audit trail."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.models import UrgentAuditRow, UrgentCallRow
from bot.domain.urgent.model import (
    Ask,
    AuditEntry,
    CallState,
    Participant,
    Slot,
    UrgentCall,
)

_PLAIN = (
    "asker_key",
    "asker_name",
    "tenant_id",
    "organiser",
    "on_behalf_key",
    "on_behalf_name",
    "minutes",
    "created_at",
    "event_id",
)


def _slot(slot: Slot | None) -> dict[str, str] | None:
    return None if slot is None else {"start": slot.start.isoformat(), "end": slot.end.isoformat()}


def _slot_of(value: dict[str, Any] | None) -> Slot | None:
    if not value:
        return None
    return Slot(datetime.fromisoformat(value["start"]), datetime.fromisoformat(value["end"]))


def _stamp(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def call_values(call: UrgentCall) -> dict[str, Any]:
    """Every column but id, version and cards (those have their own writers)."""
    values = {name: getattr(call, name) for name in _PLAIN}
    return values | {
        "participants": [
            {"key": p.key, "name": p.name, "mail": p.mail, "blocked": p.blocked}
            for p in call.participants
        ],
        "window_start": call.window.start,
        "window_end": call.window.end,
        "state": call.state.value,
        "slots": [_slot(s) for s in call.slots],
        "asks": [
            {
                "assistant_key": a.assistant_key,
                "assistant_name": a.assistant_name,
                "for_key": a.for_key,
                "answer": a.answer,
                "free_from": _stamp(a.free_from),
                "answered_at": _stamp(a.answered_at),
            }
            for a in call.asks
        ],
        "ask_window": _slot(call.ask_window),
        "booked": _slot(call.booked),
    }


def call_of(row: UrgentCallRow) -> UrgentCall:
    """The urgent call of a row."""
    asks = tuple(
        Ask(
            a["assistant_key"],
            a["assistant_name"],
            a["for_key"],
            a["answer"],
            _time(a["free_from"]),
            _time(a["answered_at"]),
        )
        for a in row.asks
    )
    window = Slot(row.window_start, row.window_end)
    return UrgentCall(
        id=row.id,
        participants=tuple(
            Participant(p["key"], p["name"], p["mail"], bool(p.get("blocked", False)))
            for p in row.participants
        ),
        window=window,
        state=CallState(row.state),
        slots=tuple(s for s in map(_slot_of, row.slots) if s is not None),
        asks=asks,
        ask_window=_slot_of(row.ask_window),
        booked=_slot_of(row.booked),
        cards=dict(row.cards),
        version=row.version,
        **{name: getattr(row, name) for name in _PLAIN},
    )


class SqlUrgentCallRepository:
    """Urgent calls in ``urgent_calls``, their audit trail in ``urgent_audit``."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def add(self, call: UrgentCall) -> UrgentCall:
        """Store a new call (version 1); returns it with its id."""
        async with self._sessions.begin() as session:
            row = UrgentCallRow(**call_values(call), cards=dict(call.cards), version=1)
            session.add(row)
            await session.flush()
            return call_of(row)

    async def get(self, call_id: int) -> UrgentCall | None:
        """One call, or None."""
        async with self._sessions() as session:
            row = await session.get(UrgentCallRow, call_id)
            return call_of(row) if row is not None else None

    async def save(self, call: UrgentCall) -> bool:
        """Store ``call`` (not its cards) if the stored version is ``call.version - 1``."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(UrgentCallRow)
                .where(UrgentCallRow.id == call.id, UrgentCallRow.version == call.version - 1)
                .values(**call_values(call), version=call.version)
            )
        return bool(getattr(result, "rowcount", 0))

    async def record_card(self, call_id: int, key: str, handle: dict[str, Any]) -> None:
        """Remember where a card of this call was posted (no version change)."""
        async with self._sessions.begin() as session:
            # Locked: several assistants' cards are recorded at once and must all be kept.
            row = await session.get(UrgentCallRow, call_id, with_for_update=True)
            if row is not None:
                row.cards = {**row.cards, key: handle}

    async def of_asker(self, asker_key: str) -> Sequence[UrgentCall]:
        """The asker's calls, newest first."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(UrgentCallRow)
                .where(UrgentCallRow.asker_key == asker_key)
                .order_by(UrgentCallRow.id.desc())
            )
            return [call_of(row) for row in rows]

    async def add_audit(self, entry: AuditEntry) -> None:
        """Append to the audit trail."""
        async with self._sessions.begin() as session:
            session.add(
                UrgentAuditRow(
                    call_id=entry.call_id,
                    at=entry.at,
                    actor_key=entry.actor_key,
                    action=entry.action,
                    detail=entry.detail,
                )
            )

    async def audit_of(self, call_id: int) -> Sequence[AuditEntry]:
        """The audit trail of a call, oldest first."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(UrgentAuditRow)
                .where(UrgentAuditRow.call_id == call_id)
                .order_by(UrgentAuditRow.at, UrgentAuditRow.id)
            )
            return [AuditEntry(r.call_id, r.at, r.actor_key, r.action, r.detail) for r in rows]
