"""A question that found everyone named away asks the first of them who is back."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.routing.named import NamedExpert
from bot.domain.routing.questions import DecisionError, Question, QuestionState, awaited
from bot.domain.routing.returns import look_for_returns
from bot.domain.routing.selection import GONE, Absence
from bot.domain.routing.service import RETURN_JOB
from bot.domain.routing.why import Why
from tests.unit.routing.test_routing_service import MONDAY_9, World, ask, make_world

TUESDAY_8 = datetime(2026, 3, 3, 7, 0, tzinfo=UTC)  # 08:00 in Berlin, the day starts
WEDNESDAY_8 = TUESDAY_8 + timedelta(days=1)
QUESTION = "Wer organisiert Vertriebsreisen?"


async def everyone_away(world: World, sabine_back: datetime) -> tuple[Question, dict[str, str]]:
    """Anja and Sabine paused (Sabine until ``sabine_back``), Katrin and Claudia out of office
    in the demo organisation: the travel question finds nobody to ask."""
    people = {name: key for key, name in await world.service.pool_names("default")}
    for name, until in (
        ("Anja Werner", MONDAY_9 + timedelta(days=30)),
        ("Sabine Krüger", sabine_back),
    ):
        record = await world.service.experts.get("default", people[name])
        assert record is not None
        await world.service.experts.upsert(replace(record, paused_until=until))
    question = (await world.service.ask(ask(QUESTION))).question
    assert question is not None and question.state is QuestionState.UNASSIGNED
    assert [e.name for e in awaited(question)] == [
        "Katrin Weber",
        "Sabine Krüger",
        "Claudia Neumann",
    ]
    return question, people


def looks(world: World) -> list[datetime]:
    return sorted(
        j.due_at for j in world.jobs.jobs.values() if j.kind == RETURN_JOB and j.done_at is None
    )


async def test_the_first_expert_back_is_asked_on_the_morning_she_returns() -> None:
    world = await make_world()
    # Paused until Wednesday 00:00 in Berlin: Tuesday is her last day away.
    question, people = await everyone_away(world, datetime(2026, 3, 3, 23, 0, tzinfo=UTC))
    assert world.notifier.directs == []
    # Claudia's absence has no end: the bot looks every business morning.
    assert looks(world) == [TUESDAY_8]
    runner = world.runner
    world.clock.current = TUESDAY_8
    assert await runner.run_once() == 1
    assert world.notifier.directs == [] and looks(world) == [WEDNESDAY_8]
    world.clock.current = WEDNESDAY_8
    assert await runner.run_once() == 1
    stored = await world.questions.get(question.id)
    assert stored is not None and stored.state is QuestionState.ASKED
    assert stored.current_expert is not None and stored.current_expert.name == "Sabine Krüger"
    assert not stored.current_expert.absent and stored.escalate_at is not None
    assert world.notifier.dm_recipients() == [people["Sabine Krüger"]]
    # The thread card no longer says that nobody was asked, and names her without "abwesend".
    thread = json.dumps(world.notifier.updates[-1][1], ensure_ascii=False)
    assert "Niemand wurde gefragt" not in thread and "Sabine Krüger** (abwesend" not in thread
    assert looks(world) == []  # she is asked: nothing to look for while she decides


async def test_a_decline_after_the_return_keeps_watching_for_the_others() -> None:
    world = await make_world()
    question, people = await everyone_away(world, datetime(2026, 3, 2, 23, 0, tzinfo=UTC))
    runner = world.runner
    world.clock.current = TUESDAY_8
    assert await runner.run_once() == 1
    asked = await world.service.decline(question.id, people["Sabine Krüger"])
    assert asked.state is QuestionState.UNASSIGNED
    assert [e.name for e in awaited(asked)] == ["Katrin Weber", "Claudia Neumann"]
    assert looks(world) == [WEDNESDAY_8]
    # Nobody comes back on Wednesday (Katrin until Saturday, Claudia open-ended): look Thursday.
    world.clock.current = WEDNESDAY_8
    assert await runner.run_once() == 2  # the look and Sabine's escalation, now stale
    assert world.notifier.dm_recipients() == [people["Sabine Krüger"]]
    assert looks(world) == [WEDNESDAY_8 + timedelta(days=1)]


async def test_a_question_taken_meanwhile_is_left_alone_and_not_watched_any_more() -> None:
    world = await make_world()
    question, people = await everyone_away(world, datetime(2026, 3, 2, 23, 0, tzinfo=UTC))
    await world.service.take(question.id, people["Katrin Weber"])  # back early, takes it
    world.clock.current = TUESDAY_8
    assert await world.runner.run_once() == 1
    stored = await world.questions.get(question.id)
    assert stored is not None and stored.state is QuestionState.TAKEN
    assert world.notifier.directs == [] and looks(world) == []


async def test_two_looks_at_once_ask_her_exactly_once() -> None:
    """Two replicas, or a look and its re-run, find her back at the same moment."""
    world = await make_world()
    question, people = await everyone_away(world, datetime(2026, 3, 2, 23, 0, tzinfo=UTC))
    world.clock.current = TUESDAY_8
    await asyncio.gather(*(look_for_returns(world.service, question.id) for _ in range(3)))
    assert world.notifier.dm_recipients() == [people["Sabine Krüger"]]
    stored = await world.questions.get(question.id)
    assert stored is not None and stored.state is QuestionState.ASKED
    assert stored.version == question.version + 1


async def test_experts_gone_from_the_directory_are_not_waited_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    world = await make_world()
    await everyone_away(world, datetime(2026, 3, 2, 23, 0, tzinfo=UTC))

    async def gone(record: object, now: datetime) -> Absence:
        return GONE

    monkeypatch.setattr(world.service.selection, "absence", gone)
    world.clock.current = TUESDAY_8
    assert await world.runner.run_once() == 1
    assert world.notifier.directs == [] and looks(world) == []


def test_only_an_awaited_expert_of_an_unassigned_question_can_be_asked_back() -> None:
    away = NamedExpert("a", "Anja", Why("topic"), absent=True, absent_until="2026-03-06")
    question = Question(
        id=1, pool_id="default", asker_key="asker", asker_name="Asker", text="?",
        language="de", state=QuestionState.UNASSIGNED,
        experts=(away, replace(away, expert_key="b", name="Bea")),
        current_index=0, asked_at=MONDAY_9,
    )  # fmt: skip
    back = question.ask_returned("b", MONDAY_9)
    assert back.state is QuestionState.ASKED and back.current_index == 1
    assert back.current_expert is not None and not back.current_expert.absent
    assert back.experts[0].absent and back.version == question.version + 1
    with pytest.raises(DecisionError, match="not_due"):
        back.ask_returned("a", MONDAY_9)  # someone is asked already
    declined = replace(question, experts=(replace(away, declined=True), question.experts[1]))
    with pytest.raises(DecisionError, match="not_due"):
        declined.ask_returned("a", MONDAY_9)
    with pytest.raises(DecisionError, match="not_due"):
        question.ask_returned("asker", MONDAY_9)


async def test_the_asker_is_told_when_nobody_is_left_and_not_while_someone_is_away() -> None:
    world = await make_world()
    question = (
        await world.service.ask(ask("Wer kann mir bei der Raumplanung in Hamburg helfen?"))
    ).question
    assert question is not None
    first, second = (e.expert_key for e in question.experts)
    await world.service.decline(question.id, first)
    assert world.notifier.mentions == []  # the second is asked now
    await world.service.take(question.id, second)
    released = await world.service.release(question.id, second)
    assert released.state is QuestionState.UNASSIGNED
    [(_, person, text)] = world.notifier.mentions
    assert person == question.asker_key and "niemanden mehr" in text
    # Everyone away (test above) is a wait, not an end: no such note there.
    away = await make_world()
    await everyone_away(away, datetime(2026, 3, 2, 23, 0, tzinfo=UTC))
    assert away.notifier.mentions == []
