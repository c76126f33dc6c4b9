"""In-memory implementations of the storage ports, for unit tests and single-use tools."""

from __future__ import annotations

from datetime import datetime

from bot.domain.conversation_refs import StoredReference


class InMemoryActivityLedger:
    """ActivityLedger held in a dict; passes the same contract tests as the SQL ledger."""

    def __init__(self) -> None:
        self._claims: dict[str, datetime] = {}

    async def claim(self, activity_key: str, now: datetime) -> bool:
        """Record the key; False when it was already claimed (a re-delivery)."""
        if activity_key in self._claims:
            return False
        self._claims[activity_key] = now
        return True

    async def release(self, activity_key: str) -> None:
        """Forget a claim whose turn failed."""
        self._claims.pop(activity_key, None)

    async def purge_before(self, cutoff: datetime) -> int:
        """Drop claims older than ``cutoff``."""
        old = [key for key, at in self._claims.items() if at < cutoff]
        for key in old:
            del self._claims[key]
        return len(old)


class InMemoryConversationReferences:
    """ConversationReferences held in a dict keyed by (conversation, user)."""

    def __init__(self) -> None:
        self._rows: dict[tuple[str, str], StoredReference] = {}

    async def save(self, reference: StoredReference) -> None:
        """Insert or update the reference for (conversation, user)."""
        self._rows[(reference.conversation_id, reference.user_key)] = reference

    async def for_conversation(self, conversation_id: str) -> StoredReference | None:
        """The newest reference of a conversation (any user)."""
        rows = [r for (conv, _), r in self._rows.items() if conv == conversation_id]
        return max(rows, key=lambda r: r.updated_at, default=None)

    async def personal_for_user(self, user_aad_id: str) -> StoredReference | None:
        """The 1:1 conversation reference of a user, when the bot has one."""
        rows = [
            r
            for (_, user), r in self._rows.items()
            if user == user_aad_id and r.kind == "personal"
        ]
        return max(rows, key=lambda r: r.updated_at, default=None)

    async def any_for_user(self, user_aad_id: str) -> StoredReference | None:
        """The newest reference of any conversation in which the user wrote to the bot."""
        rows = [r for (_, user), r in self._rows.items() if user == user_aad_id]
        return max(rows, key=lambda r: r.updated_at, default=None)
