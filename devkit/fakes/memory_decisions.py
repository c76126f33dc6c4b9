"""In-memory DecisionLog over an in-memory question store, like the SQL one over its table."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.domain.routing.decisions import DecisionSignal, LearntDecision
from devkit.fakes.memory_questions import InMemoryQuestionRepository


class InMemoryDecisionLog:
    """Keyed by (question, expert, kind); a signal whose question is gone is not listed (the
    SQL table's rows go with their question)."""

    def __init__(self, questions: InMemoryQuestionRepository) -> None:
        self._questions = questions
        self._signals: dict[tuple[int, str, str], DecisionSignal] = {}

    async def record(self, signals: Sequence[DecisionSignal]) -> None:
        """Store the signals; ones already stored are kept."""
        for signal in signals:
            if await self._questions.get(signal.question_id) is None:
                raise ValueError(f"unknown question {signal.question_id}")  # a foreign key
            key = (signal.question_id, signal.expert_key, signal.kind)
            self._signals.setdefault(key, signal)

    async def recent(self, pool_id: str, since: datetime) -> Sequence[LearntDecision]:
        """The pool's signals since ``since``, oldest first, with their question's text."""
        found = []
        for number, signal in enumerate(self._signals.values()):
            question = await self._questions.get(signal.question_id)
            if question is None or signal.pool_id != pool_id or signal.decided_at < since:
                continue
            found.append((signal.decided_at, number, question.text, question.owner_key, signal))
        found.sort(key=lambda item: (item[0], item[1]))
        return [LearntDecision(s, text, owner) for _at, _n, text, owner, s in found]
