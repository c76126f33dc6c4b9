"""SQL implementation of the ConversationReferences port."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.models import ConversationReferenceRow
from bot.domain.conversation_refs import StoredReference


class SqlConversationReferences:
    """Upsert by (conversation, user); portable across SQLite and PostgreSQL."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def save(self, reference: StoredReference) -> None:
        """Insert or update the reference for (conversation, user)."""
        for _attempt in range(2):
            try:
                await self._upsert(reference)
                return
            except IntegrityError:
                # Another replica inserted the same row between our select and insert: update it.
                continue
        await self._upsert(reference)

    async def _upsert(self, reference: StoredReference) -> None:
        async with self._sessions.begin() as session:
            row = await session.scalar(
                select(ConversationReferenceRow).where(
                    ConversationReferenceRow.conversation_id == reference.conversation_id,
                    ConversationReferenceRow.user_key == reference.user_key,
                )
            )
            if row is None:
                row = ConversationReferenceRow(
                    conversation_id=reference.conversation_id, user_key=reference.user_key
                )
                session.add(row)
            row.kind = reference.kind
            row.tenant_id = reference.tenant_id
            row.service_url = reference.service_url
            row.reference = reference.reference
            row.updated_at = reference.updated_at

    async def for_conversation(self, conversation_id: str) -> StoredReference | None:
        """The newest reference of a conversation (any user)."""
        return await self._first(ConversationReferenceRow.conversation_id == conversation_id)

    async def personal_for_user(self, user_aad_id: str) -> StoredReference | None:
        """The 1:1 conversation reference of a user, when the bot has one."""
        return await self._first(
            ConversationReferenceRow.user_key == user_aad_id,
            ConversationReferenceRow.kind == "personal",
        )

    async def _first(self, *conditions: object) -> StoredReference | None:
        async with self._sessions() as session:
            row = await session.scalar(
                select(ConversationReferenceRow)
                .where(*conditions)  # type: ignore[arg-type]
                .order_by(ConversationReferenceRow.updated_at.desc())
                .limit(1)
            )
        if row is None:
            return None
        return StoredReference(
            conversation_id=row.conversation_id,
            user_key=row.user_key,
            kind=row.kind,
            tenant_id=row.tenant_id,
            service_url=row.service_url,
            reference=row.reference,
            updated_at=row.updated_at,
        )
