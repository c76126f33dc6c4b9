"""SQL implementation of the QuestionRepository port (optimistic concurrency by version)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, fields
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.models import QuestionRow
from bot.domain.routing.named import NamedExpert
from bot.domain.routing.questions import OPEN_STATES, Question, QuestionState
from bot.domain.routing.why import why_stored
from bot.teams.handles import conversation_of

_COLUMNS = (
    "pool_id", "asker_key", "asker_name", "text", "language", "current_index", "owner_key",
    "answer_text", "answered_at", "asked_at", "escalate_at", "tenant_id", "thread", "expert_cards",
    "private",
)  # fmt: skip


def _values(question: Question) -> dict[str, Any]:
    values = {name: getattr(question, name) for name in _COLUMNS}
    values["thread_conversation"] = conversation_of(question.thread)
    values["state"] = question.state.value
    values["candidates"] = [asdict(expert) for expert in question.experts]
    return values


def _question(row: QuestionRow) -> Question:
    return Question(
        id=row.id,
        state=QuestionState(row.state),
        experts=tuple(_named(expert) for expert in row.candidates),
        version=row.version,
        **{name: getattr(row, name) for name in _COLUMNS},
    )


_NAMED_FIELDS = frozenset(f.name for f in fields(NamedExpert))


def _named(stored: dict[str, Any]) -> NamedExpert:
    # Keys this version does not know are left out: during a rolling deploy a newer replica
    # may already have saved a field, and an open question must still load here.
    known = {key: value for key, value in stored.items() if key in _NAMED_FIELDS}
    return NamedExpert(**{**known, "reason": why_stored(stored.get("reason", ""))})


class SqlQuestionRepository:
    """A save only wins when nobody saved in between: two clicks at once, one decision."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def add(self, question: Question) -> Question:
        """Store a new question; returns it with its id."""
        async with self._sessions.begin() as session:
            row = QuestionRow(**_values(question), version=1)
            session.add(row)
            await session.flush()
            return _question(row)

    async def get(self, question_id: int) -> Question | None:
        """One question, or None."""
        async with self._sessions() as session:
            row = await session.get(QuestionRow, question_id)
            return _question(row) if row is not None else None

    async def save(self, question: Question) -> bool:
        """Store ``question`` if the stored version is ``question.version - 1``; else False."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(QuestionRow)
                .where(QuestionRow.id == question.id, QuestionRow.version == question.version - 1)
                .values(**_values(question), version=question.version)
            )
        return bool(getattr(result, "rowcount", 0))

    async def answered(self, pool_id: str, limit: int = 5000) -> Sequence[Question]:
        """Answered questions of a pool, newest first (the router learns from them)."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(QuestionRow)
                .where(QuestionRow.pool_id == pool_id, QuestionRow.state == "answered")
                .order_by(QuestionRow.answered_at.desc())
                .limit(limit)
            )
            return [_question(row) for row in rows]

    async def open_questions(self, pool_id: str) -> Sequence[Question]:
        """Questions of a pool that are not closed yet, oldest first."""
        open_states = [state.value for state in OPEN_STATES]
        async with self._sessions() as session:
            rows = await session.scalars(
                select(QuestionRow)
                .where(QuestionRow.pool_id == pool_id, QuestionRow.state.in_(open_states))
                .order_by(QuestionRow.id)
            )
            return [_question(row) for row in rows]

    async def closed_in(self, pool_id: str, conversation_id: str) -> Question | None:
        """The newest closed question of a pool whose thread card went to ``conversation_id``."""
        closed = [state.value for state in QuestionState if state not in OPEN_STATES]
        async with self._sessions() as session:
            row = await session.scalar(
                select(QuestionRow)
                .where(
                    QuestionRow.pool_id == pool_id,
                    QuestionRow.thread_conversation == conversation_id,
                    QuestionRow.state.in_(closed),
                )
                .order_by(QuestionRow.id.desc())
                .limit(1)
            )
            return _question(row) if row is not None else None

    async def record_card(
        self, question_id: int, handle: dict[str, Any], expert_key: str | None = None
    ) -> None:
        """Remember where a card was posted; the version stays (not a decision)."""
        async with self._sessions.begin() as session:
            row = await session.get(QuestionRow, question_id, with_for_update=True)
            if row is None:
                return
            if expert_key is None:
                row.thread = handle
                row.thread_conversation = conversation_of(handle)
            else:
                row.expert_cards = {**row.expert_cards, expert_key: handle}
