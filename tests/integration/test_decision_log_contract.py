"""DecisionLog contract: fake, SQLite and PostgreSQL store, list and forget signals alike."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.decisions import SqlDecisionLog
from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.models import QuestionRow, RoutingDecisionRow
from bot.adapters.db.questions import SqlQuestionRepository
from bot.domain.routing.decisions import DecisionSignal, SignalKind
from bot.domain.routing.ports import DecisionLog, QuestionRepository
from bot.domain.routing.questions import QuestionState
from devkit.fakes.memory_decisions import InMemoryDecisionLog
from devkit.fakes.memory_questions import InMemoryQuestionRepository
from tests.integration.test_question_repository_contract import new_question
from tests.support.databases import contract_store

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass
class Stores:
    questions: QuestionRepository
    decisions: DecisionLog


def _fake() -> Stores:
    questions = InMemoryQuestionRepository()
    return Stores(questions, InMemoryDecisionLog(questions))


@pytest.fixture
async def stores(backend_url: str | None) -> AsyncIterator[Stores]:
    def sql(sessions: async_sessionmaker[AsyncSession]) -> Stores:
        return Stores(SqlQuestionRepository(sessions), SqlDecisionLog(sessions))

    async with contract_store(backend_url, _fake, sql) as store:
        yield store


def signal(
    question_id: int, expert: str = "e1", kind: SignalKind = "declined", **changes: Any
) -> DecisionSignal:
    return replace(DecisionSignal("team-1", question_id, expert, kind, T0), **changes)


async def test_recent_lists_the_pools_signals_since_oldest_first_with_the_question(
    stores: Stores,
) -> None:
    first = await stores.questions.add(new_question(text="Wer kennt Concur?"))
    second = await stores.questions.add(new_question(text="Wer plant Räume?"))
    other_pool = await stores.questions.add(new_question(pool="team-2"))
    await stores.decisions.record([
        signal(second.id, "e1", decided_at=T0 + timedelta(hours=2)),
        signal(second.id, "e2", "forwarded_to", decided_at=T0 + timedelta(hours=2)),
        signal(first.id, "e2", decided_at=T0 + timedelta(hours=1)),
        signal(first.id, "e3", decided_at=T0 - timedelta(days=1)),
    ])  # fmt: skip
    await stores.decisions.record([replace(signal(other_pool.id), pool_id="team-2")])
    recent = await stores.decisions.recent("team-1", T0)
    assert [(d.signal.question_id, d.signal.expert_key, d.signal.kind) for d in recent] == [
        (first.id, "e2", "declined"),
        (second.id, "e1", "declined"),
        (second.id, "e2", "forwarded_to"),
    ]
    assert [d.text for d in recent] == [
        "Wer kennt Concur?",
        "Wer plant Räume?",
        "Wer plant Räume?",
    ]
    assert recent[0].signal == signal(first.id, "e2", decided_at=T0 + timedelta(hours=1))
    assert recent[0].signal.decided_at.tzinfo is not None
    assert [d.signal.pool_id for d in await stores.decisions.recent("team-2", T0)] == ["team-2"]


async def test_recording_again_or_at_once_stores_one_signal_the_first(stores: Stores) -> None:
    question = await stores.questions.add(new_question())
    first = signal(question.id)
    await stores.decisions.record([first])
    await stores.decisions.record([replace(first, decided_at=T0 + timedelta(minutes=1))])
    # Two replicas handling a re-delivered click at the same moment.
    racing = [signal(question.id, "e2", "forwarded_to") for _ in range(10)]
    await asyncio.gather(*(stores.decisions.record([s]) for s in racing))
    recent = await stores.decisions.recent("team-1", T0 - timedelta(days=1))
    assert [(d.signal.expert_key, d.signal.kind, d.signal.decided_at) for d in recent] == [
        ("e1", "declined", T0),
        ("e2", "forwarded_to", T0),
    ]
    # The same expert may both have declined and been forwarded a question: two kinds.
    await stores.decisions.record([signal(question.id, "e1", "forwarded_to")])
    assert len(await stores.decisions.recent("team-1", T0)) == 3


async def test_the_question_as_stored_now_comes_with_the_signal(stores: Stores) -> None:
    question = await stores.questions.add(new_question())
    await stores.decisions.record([signal(question.id, "e1")])
    # Answered by the decliner after all; later its text blanked (an erased asker).
    answered = question.answer("e1", "So geht das.", T0)
    assert await stores.questions.save(answered)
    [learnt] = await stores.decisions.recent("team-1", T0)
    assert (learnt.text, learnt.owner_key) == ("Wer kennt Concur?", "e1")
    blanked = replace(
        answered, text="", state=QuestionState.ANSWERED, version=answered.version + 1
    )
    assert await stores.questions.save(blanked)
    [learnt] = await stores.decisions.recent("team-1", T0)
    assert learnt.text == ""


async def test_signals_go_with_their_question(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        sessions = create_session_factory(engine)
        questions, decisions = SqlQuestionRepository(sessions), SqlDecisionLog(sessions)
        gone = await questions.add(new_question(text="alt"))
        kept = await questions.add(new_question(text="neu"))
        await decisions.record([signal(gone.id), signal(kept.id)])
        async with sessions.begin() as session:  # as the retention deletes questions
            await session.execute(delete(QuestionRow).where(QuestionRow.id == gone.id))
        recent = await decisions.recent("team-1", T0)
        assert [d.signal.question_id for d in recent] == [kept.id]
        async with sessions() as session:
            count = await session.scalar(select(func.count()).select_from(RoutingDecisionRow))
        assert count == 1  # deleted by the database (ON DELETE CASCADE), not only hidden
    finally:
        await engine.dispose()
