"""In-memory QuestionRepository with the same version semantics as the SQL one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from bot.domain.routing.questions import OPEN_STATES, Question, QuestionState


class InMemoryQuestionRepository:
    """Dict-backed; ``save`` checks the version like the SQL adapter."""

    def __init__(self) -> None:
        self._rows: dict[int, Question] = {}

    async def add(self, question: Question) -> Question:
        """Store a new question; returns it with its id."""
        stored = replace(question, id=len(self._rows) + 1, version=1)
        self._rows[stored.id] = stored
        return stored

    async def get(self, question_id: int) -> Question | None:
        """One question, or None."""
        return self._rows.get(question_id)

    async def save(self, question: Question) -> bool:
        """Store ``question`` if the stored version is ``question.version - 1``; else False."""
        current = self._rows.get(question.id)
        if current is None or current.version != question.version - 1:
            return False
        self._rows[question.id] = question
        return True

    async def answered(self, pool_id: str, limit: int = 5000) -> Sequence[Question]:
        """Answered questions of a pool, newest first."""
        rows = [
            q
            for q in self._rows.values()
            if q.pool_id == pool_id and q.state is QuestionState.ANSWERED
        ]
        rows.sort(key=lambda q: q.answered_at or datetime.min.replace(tzinfo=UTC), reverse=True)
        return rows[:limit]

    async def open_questions(self, pool_id: str) -> Sequence[Question]:
        """Questions of a pool that are not closed yet, oldest first."""
        return [
            q
            for q in sorted(self._rows.values(), key=lambda q: q.id)
            if q.pool_id == pool_id and q.state in OPEN_STATES
        ]

    async def closed_in(self, pool_id: str, conversation_id: str) -> Question | None:
        """The newest closed question of a pool whose thread card went to ``conversation_id``."""
        here = [
            q
            for q in self._rows.values()
            if q.pool_id == pool_id and q.state not in OPEN_STATES
            and _conversation(q.thread) == conversation_id
        ]  # fmt: skip
        return max(here, key=lambda q: q.id, default=None)

    async def record_card(
        self, question_id: int, handle: dict[str, Any], expert_key: str | None = None
    ) -> None:
        """Remember where a card was posted; the version stays (not a decision)."""
        current = self._rows.get(question_id)
        if current is None:
            return
        if expert_key is None:
            self._rows[question_id] = replace(current, thread=handle)
        else:
            cards = {**current.expert_cards, expert_key: handle}
            self._rows[question_id] = replace(current, expert_cards=cards)


def _conversation(handle: dict[str, Any]) -> str | None:
    # Where Teams' handles keep it (bot/teams/handles.conversation_of), like the SQL adapter.
    conversation = (handle.get("reference") or {}).get("conversation") or {}
    identifier = conversation.get("id") if isinstance(conversation, dict) else None
    return identifier if isinstance(identifier, str) else None
