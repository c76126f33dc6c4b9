"""In-memory UrgentCallRepository with the same semantics as the SQL one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from bot.domain.urgent.model import AuditEntry, UrgentCall


class InMemoryUrgentCallRepository:
    """Dict-backed; no method awaits, so each one is atomic on the event loop like a txn."""

    def __init__(self) -> None:
        self._calls: dict[int, UrgentCall] = {}
        self._audit: list[AuditEntry] = []

    async def add(self, call: UrgentCall) -> UrgentCall:
        """Store a new call (version 1); returns it with its id."""
        stored = replace(call, id=len(self._calls) + 1, version=1)
        self._calls[stored.id] = stored
        return stored

    async def get(self, call_id: int) -> UrgentCall | None:
        """One call, or None."""
        return self._calls.get(call_id)

    async def save(self, call: UrgentCall) -> bool:
        """Store ``call`` (not its cards) if the stored version is ``call.version - 1``."""
        current = self._calls.get(call.id)
        if current is None or current.version != call.version - 1:
            return False
        self._calls[call.id] = replace(call, cards=current.cards)
        return True

    async def record_card(self, call_id: int, key: str, handle: dict[str, Any]) -> None:
        """Remember where a card of this call was posted (no version change)."""
        current = self._calls.get(call_id)
        if current is not None:
            self._calls[call_id] = replace(current, cards={**current.cards, key: handle})

    async def of_asker(self, asker_key: str) -> Sequence[UrgentCall]:
        """The asker's calls, newest first."""
        mine = [c for c in self._calls.values() if c.asker_key == asker_key]
        return sorted(mine, key=lambda c: c.id, reverse=True)

    async def add_audit(self, entry: AuditEntry) -> None:
        """Append to the audit trail."""
        self._audit.append(entry)

    async def audit_of(self, call_id: int) -> Sequence[AuditEntry]:
        """The audit trail of a call, oldest first."""
        return [entry for entry in self._audit if entry.call_id == call_id]
