"""What know-how routing needs from storage: expert profiles per pool, routed questions and
the decisions the ranking learns from."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from bot.domain.routing.decisions import DecisionSignal, LearntDecision
from bot.domain.routing.experts import ExpertRecord
from bot.domain.routing.questions import Question


class ExpertRepository(Protocol):
    """Experts per pool; profiles are upserted by (pool, user)."""

    async def list_pool(self, pool_id: str) -> Sequence[ExpertRecord]:
        """Every expert of a pool, ordered by name."""
        ...

    async def get(self, pool_id: str, user_key: str) -> ExpertRecord | None:
        """One expert of a pool, or None."""
        ...

    async def pools_of(self, user_key: str) -> Sequence[str]:
        """The pools in which this person is an expert."""
        ...

    async def upsert(self, record: ExpertRecord) -> None:
        """Insert or replace the record for (pool, user)."""
        ...

    async def pool_stamp(self, pool_id: str) -> str:
        """A value that changes whenever an expert of the pool is added, changed or removed;
        one cheap aggregate, read before every reuse of a cached routing index."""
        ...


class QuestionRepository(Protocol):
    """Routed questions with optimistic concurrency (``version``)."""

    async def add(self, question: Question) -> Question:
        """Store a new question; returns it with its id."""
        ...

    async def get(self, question_id: int) -> Question | None:
        """One question, or None."""
        ...

    async def save(self, question: Question) -> bool:
        """Store ``question`` if the stored version is ``question.version - 1``; else False."""
        ...

    async def answered(self, pool_id: str, limit: int = 5000) -> Sequence[Question]:
        """Answered questions of a pool, newest first (the router learns from them)."""
        ...

    async def open_questions(self, pool_id: str) -> Sequence[Question]:
        """Questions of a pool that are not closed yet, oldest first."""
        ...

    async def closed_in(self, pool_id: str, conversation_id: str) -> Question | None:
        """The newest closed (answered or withdrawn) question of a pool whose thread card went
        to ``conversation_id`` (``Notifier.conversation_of`` of its handle: Teams' handles keep
        it as ``reference.conversation.id``); None when there is none."""
        ...

    async def record_card(
        self, question_id: int, handle: dict[str, Any], expert_key: str | None = None
    ) -> None:
        """Remember where a card was posted (the thread card, or ``expert_key``'s DM card).

        Not a decision: the version stays, so a click racing with the posting still wins.
        """
        ...


class DecisionLog(Protocol):
    """Declines and forwards per question; a question's deletion removes its signals."""

    async def record(self, signals: Sequence[DecisionSignal]) -> None:
        """Store the signals in one go; one per (question, expert, kind), so a re-delivered
        or racing click stores nothing twice (the first ``decided_at`` stays)."""
        ...

    async def recent(self, pool_id: str, since: datetime) -> Sequence[LearntDecision]:
        """The pool's signals decided at or after ``since``, oldest first, with the question's
        current text and owner."""
        ...
