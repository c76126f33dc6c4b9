"""SQL implementation of the ConversationReferences port."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.batching import MicroBatcher
from bot.adapters.db.models import Base, ConversationReferenceRow
from bot.domain.conversation_refs import StoredReference

_TABLE = Base.metadata.tables[ConversationReferenceRow.__tablename__]
_UPDATED = ("kind", "tenant_id", "service_url", "reference", "updated_at")


class SqlConversationReferences:
    """Upsert by (conversation, user) with INSERT … ON CONFLICT, batched under load."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        self._saves: MicroBatcher[StoredReference, None] = MicroBatcher(self._save_many)

    async def save(self, reference: StoredReference) -> None:
        """Insert or update the reference for (conversation, user)."""
        await self._saves.submit(reference)

    async def _save_many(self, references: Sequence[StoredReference]) -> list[None]:
        # ON CONFLICT DO UPDATE may touch a row only once per statement: keep the newest.
        newest: dict[tuple[str, str], StoredReference] = {}
        for reference in references:
            newest[(reference.conversation_id, reference.user_key)] = reference
        rows = [
            {
                "conversation_id": r.conversation_id,
                "user_key": r.user_key,
                "kind": r.kind,
                "tenant_id": r.tenant_id,
                "service_url": r.service_url,
                "reference": r.reference,
                "updated_at": r.updated_at,
            }
            for r in newest.values()
        ]
        async with self._sessions.begin() as session:
            dialect = session.get_bind().dialect.name
            insert = sqlite_insert if dialect == "sqlite" else postgresql_insert
            statement = insert(_TABLE)
            upsert = statement.on_conflict_do_update(
                index_elements=["conversation_id", "user_key"],
                set_={name: statement.excluded[name] for name in _UPDATED},
            )
            await session.execute(upsert, rows)
        return [None] * len(references)

    async def for_conversation(self, conversation_id: str) -> StoredReference | None:
        """The newest reference of a conversation (any user)."""
        return await self._first(ConversationReferenceRow.conversation_id == conversation_id)

    async def personal_for_user(self, user_aad_id: str) -> StoredReference | None:
        """The 1:1 conversation reference of a user, when the bot has one."""
        return await self._first(
            ConversationReferenceRow.user_key == user_aad_id,
            ConversationReferenceRow.kind == "personal",
        )

    async def any_for_user(self, user_aad_id: str) -> StoredReference | None:
        """The newest reference of any conversation in which the user wrote to the bot."""
        return await self._first(ConversationReferenceRow.user_key == user_aad_id)

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
