"""Ports of the privacy feature: a person's stored data, and the data that expires."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from bot.domain.ports import PlannedJob
from bot.domain.privacy.retention import Cutoffs

Export = dict[str, list[dict[str, Any]]]
"""Per data kind (the table), the JSON-able records about the person."""


class PersonalData(Protocol):
    """Everything stored about one person (by Entra object id): export and erasure."""

    async def export(self, user_key: str) -> Export:
        """Every record that concerns the person, per data kind (every kind, maybe empty)."""
        ...

    async def erase(self, user_key: str, now: datetime) -> dict[str, int]:
        """Delete or anonymise the person's data in one transaction; rows changed per table."""
        ...

    async def erase_confirmed(
        self, user_key: str, offer_key: str, now: datetime, then: Sequence[PlannedJob] = ()
    ) -> dict[str, int] | None:
        """Like ``erase``, but only while the pending offer job ``offer_key`` names this
        person and is not due; the offer is used up in the same transaction, and the jobs
        ``then`` (what other features do after it) are stored in it. None: no valid offer,
        nothing changed."""
        ...

    async def erased_with(self, offer_key: str) -> bool:
        """True when the offer ``offer_key`` was used up by an erasure (not withdrawn, not
        expired): the same click again, or Teams delivering it twice."""
        ...


class RetentionStore(Protocol):
    """Removes or anonymises data past its retention."""

    async def purge(self, cutoffs: Cutoffs) -> dict[str, int]:
        """Apply the cutoffs in one transaction; rows removed or anonymised per data kind."""
        ...
