"""QuestionRepository contract: fake, SQLite and PostgreSQL behave the same, also when racing."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update

from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.models import QuestionRow
from bot.adapters.db.questions import SqlQuestionRepository
from bot.domain.routing.named import NamedExpert
from bot.domain.routing.ports import QuestionRepository
from bot.domain.routing.questions import DecisionError, Question, QuestionState
from bot.domain.routing.why import Why
from devkit.fakes.memory_questions import InMemoryQuestionRepository
from tests.support.databases import contract_store

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
async def repo(backend_url: str | None) -> AsyncIterator[QuestionRepository]:
    async with contract_store(
        backend_url, InMemoryQuestionRepository, SqlQuestionRepository
    ) as store:
        yield store


def new_question(pool: str = "team-1", text: str = "Wer kennt Concur?") -> Question:
    return Question(
        id=0,
        pool_id=pool,
        asker_key="asker",
        asker_name="Anna Asker",
        text=text,
        language="de",
        state=QuestionState.ASKED,
        experts=(
            NamedExpert("e1", "Erika Eins", Why("topic", topic="Reisekosten")),
            NamedExpert("e2", "Emil Zwei", Why("history", day="2026-03-12")),
        ),
        current_index=0,
        asked_at=T0,
        escalate_at=T0 + timedelta(hours=4),
        thread={"conversation_id": "19:x;messageid=1", "activity_id": "1"},
    )


async def test_add_get_roundtrip(repo: QuestionRepository) -> None:
    stored = await repo.add(new_question())
    assert stored.id > 0 and stored.version == 1
    loaded = await repo.get(stored.id)
    assert loaded == stored
    assert await repo.get(stored.id + 100) is None


async def test_save_requires_the_previous_version(repo: QuestionRepository) -> None:
    stored = await repo.add(new_question())
    taken = stored.take("e2")
    assert await repo.save(taken)
    stale = stored.decline("e1", T0 + timedelta(hours=8))
    assert not await repo.save(stale)
    loaded = await repo.get(stored.id)
    assert loaded is not None and loaded.owner_key == "e2" and loaded.state is QuestionState.TAKEN


async def test_two_experts_taking_at_once_leave_exactly_one_owner(
    repo: QuestionRepository,
) -> None:
    stored = await repo.add(new_question())

    async def take(expert: str) -> bool:
        return await repo.save(stored.take(expert))

    results = await asyncio.gather(*(take(e) for e in ["e1", "e2"] * 10))
    assert results.count(True) == 1
    loaded = await repo.get(stored.id)
    assert loaded is not None and loaded.owner_key in {"e1", "e2"}
    with pytest.raises(DecisionError, match=r"already_taken"):
        loaded.take("e1" if loaded.owner_key == "e2" else "e2")


async def test_answered_lists_newest_first_per_pool(repo: QuestionRepository) -> None:
    first = await repo.add(new_question(text="Erste"))
    second = await repo.add(new_question(text="Zweite"))
    other = await repo.add(new_question(pool="team-2"))
    await repo.add(new_question(text="offen"))
    for question, minutes in ((first, 1), (second, 2), (other, 3)):
        assert await repo.save(
            question.answer("e1", "So geht das.", T0 + timedelta(minutes=minutes))
        )
    answered = await repo.answered("team-1")
    assert [q.text for q in answered] == ["Zweite", "Erste"]
    assert answered[0].answer_text == "So geht das."


async def test_the_newest_closed_question_of_a_thread_is_found(repo: QuestionRepository) -> None:
    """Only closed ones, only of that pool, only with their thread card in that conversation."""

    def card_in(conversation: str) -> dict[str, Any]:
        return {"reference": {"conversation": {"id": conversation}}, "activity_id": "9"}

    thread = "19:x@thread.tacv2;messageid=1"
    answered, withdrawn, still_open, elsewhere, other_pool = [
        await repo.add(new_question(pool=pool)) for pool in ("team-1",) * 4 + ("team-2",)
    ]
    for question in (answered, withdrawn, still_open, other_pool):
        await repo.record_card(question.id, card_in(thread))
    await repo.record_card(elsewhere.id, card_in("19:x@thread.tacv2;messageid=2"))
    assert await repo.closed_in("team-1", thread) is None  # all still open
    loaded = [await repo.get(q.id) for q in (answered, withdrawn, elsewhere, other_pool)]
    a, w, e, o = [q for q in loaded if q is not None]
    assert await repo.save(a.answer("e1", "So.", T0))
    assert await repo.save(e.answer("e1", "So.", T0))
    assert await repo.save(o.answer("e1", "So.", T0))
    found = await repo.closed_in("team-1", thread)
    assert found is not None and found.id == answered.id and found.state is QuestionState.ANSWERED
    assert await repo.save(w.withdraw("asker"))
    newest = await repo.closed_in("team-1", thread)
    assert newest is not None and newest.id == withdrawn.id
    assert await repo.closed_in("team-1", "19:x@thread.tacv2;messageid=3") is None


async def test_whether_a_question_was_asked_in_a_personal_chat_is_kept(
    repo: QuestionRepository,
) -> None:
    private = await repo.add(replace(new_question(text="Privat"), private=True))
    shared = await repo.add(new_question(text="Im Kanal"))
    loaded = await repo.get(private.id)
    assert loaded is not None and loaded.private and loaded == private
    assert await repo.save(private.answer("e1", "So geht das.", T0 + timedelta(minutes=1)))
    assert await repo.save(shared.answer("e1", "So geht das.", T0 + timedelta(minutes=2)))
    # The router learns from both, and must know which one it may not quote elsewhere.
    answered = await repo.answered("team-1")
    assert [(q.text, q.private) for q in answered] == [("Im Kanal", False), ("Privat", True)]


async def test_how_each_expert_was_passed_over_is_stored(repo: QuestionRepository) -> None:
    stored = await repo.add(new_question())
    unreachable = stored.pass_over("e1", T0 + timedelta(hours=8))
    assert await repo.save(unreachable)
    declined = unreachable.decline("e2", None)
    assert await repo.save(declined)
    loaded = await repo.get(stored.id)
    assert loaded is not None and loaded.state is QuestionState.UNASSIGNED
    assert [(e.unreachable, e.declined) for e in loaded.experts] == [(True, False), (False, True)]


async def test_why_an_expert_was_passed_over_is_stored(repo: QuestionRepository) -> None:
    stored = await repo.add(new_question())
    silent = stored.escalate(T0 + timedelta(hours=5), T0 + timedelta(hours=9))
    assert await repo.save(silent)
    taken = silent.take("e2")
    assert await repo.save(taken)
    released = taken.release("e2", None)
    assert await repo.save(released)
    loaded = await repo.get(stored.id)
    assert loaded is not None
    assert [(e.declined, e.passed) for e in loaded.experts] == [
        (True, "silent"),
        (True, "released"),
    ]


async def test_a_question_saved_by_a_newer_version_still_loads(database_url: str) -> None:
    # Rolling deploy: a newer replica stored a field this version does not know yet.
    engine = create_engine(database_url)
    try:
        repo = SqlQuestionRepository(create_session_factory(engine))
        stored = await repo.add(new_question())
        async with engine.begin() as connection:
            row = (await connection.execute(select(QuestionRow.candidates))).scalar_one()
            newer = [{**expert, "nickname": "Eri"} for expert in row]
            await connection.execute(update(QuestionRow).values(candidates=newer))
        loaded = await repo.get(stored.id)
        assert loaded is not None and loaded.experts == stored.experts
    finally:
        await engine.dispose()
