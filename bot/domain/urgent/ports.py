"""Ports of the urgent call: the stored calls with their audit trail, and the cards."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from bot.domain.urgent.model import Ask, AuditEntry, UrgentCall


class UrgentCallRepository(Protocol):
    """Urgent calls with optimistic concurrency, and their audit trail."""

    async def add(self, call: UrgentCall) -> UrgentCall:
        """Store a new call (version 1); returns it with its id."""
        ...

    async def get(self, call_id: int) -> UrgentCall | None:
        """One call, or None."""
        ...

    async def save(self, call: UrgentCall) -> bool:
        """Store ``call`` if the stored version is ``call.version - 1``; else False."""
        ...

    async def record_card(self, call_id: int, key: str, handle: dict[str, Any]) -> None:
        """Remember where a card of this call was posted (no version change)."""
        ...

    async def of_asker(self, asker_key: str) -> Sequence[UrgentCall]:
        """The asker's calls, newest first."""
        ...

    async def add_audit(self, entry: AuditEntry) -> None:
        """Append to the audit trail."""
        ...

    async def audit_of(self, call_id: int) -> Sequence[AuditEntry]:
        """The audit trail of a call, oldest first."""
        ...


class UrgentViews(Protocol):
    """Renders the call's cards and texts in a language (implemented in cards/)."""

    def asker_card(
        self, call: UrgentCall, proposal: Any, lang: str, now: datetime | None = None
    ) -> dict[str, Any]:
        """The asker's one card: offers, the assistants' progress, the booking (offers that
        began before ``now`` left out)."""
        ...

    def assistant_card(
        self, call: UrgentCall, ask: Ask, lang: str, now: datetime | None = None
    ) -> dict[str, Any]:
        """The card asking an assistant to free time (or showing their answer); its times
        start after ``now``."""
        ...

    def withdrawn_card(self, lang: str) -> dict[str, Any]:
        """An assistant's card once its asker erased their data: nothing more to do."""
        ...

    def event_subject(self, call: UrgentCall, lang: str) -> str:
        """The subject of the Teams meeting."""
        ...

    def cancellation_comment(self, lang: str) -> str:
        """The comment attendees get with a cancellation."""
        ...

    def cancel_refused_card(self, call: UrgentCall, lang: str) -> dict[str, Any]:
        """The DM to the asker that Graph refused to cancel the call's meeting for good: it
        still stands, cancel it in Outlook."""
        ...
