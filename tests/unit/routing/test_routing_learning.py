"""The routing service learns from clicks: decline and forward are recorded, silence is not."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import pytest

from bot.domain.routing.decisions import DecisionSignal, LearntDecision
from bot.domain.routing.questions import DecisionError, Question
from bot.domain.routing.router_cache import RouterCache
from devkit.fakes.memory_decisions import InMemoryDecisionLog
from tests.unit.routing.test_routing_service import ASKER, MONDAY_9, World, ask, make_world

ROOMS = "Wer kann mir bei der Raumplanung helfen?"
CONTRACTS = "Wer kennt sich mit Verträgen aus?"


async def learning_world() -> tuple[World, InMemoryDecisionLog]:
    world = await make_world()
    log = InMemoryDecisionLog(world.questions)
    service = world.service
    service.routers = RouterCache(service.experts, world.questions, world.clock, decisions=log)
    return world, log


async def people(world: World) -> dict[str, str]:
    return {name.split()[0]: key for key, name in await world.service.pool_names("default")}


async def routed(world: World, text: str) -> Question:
    """Ask; when the router asks back ("Worum geht es?"), the asker takes the first choice."""
    result = await world.service.ask(ask(text))
    assert result.question is not None
    if result.outcome == "clarifying":
        return await world.service.choose(result.question.id, ASKER, 0)
    return result.question


def signals(learnt: Sequence[LearntDecision]) -> list[tuple[int, str, str]]:
    return [(d.signal.question_id, d.signal.expert_key, d.signal.kind) for d in learnt]


async def test_a_declining_click_is_learnt_and_the_next_similar_question_asks_another() -> None:
    world, log = await learning_world()
    who = await people(world)
    first = await routed(world, ROOMS)
    assert first.experts[0].expert_key == who["Kerstin"]
    world.clock.advance(timedelta(minutes=3))
    await world.service.decline(first.id, who["Kerstin"], own_card=True)
    learnt = await log.recent("default", MONDAY_9)
    assert signals(learnt) == [(first.id, who["Kerstin"], "declined")]
    assert learnt[0].signal.decided_at == MONDAY_9 + timedelta(minutes=3)
    assert learnt[0].text == ROOMS

    # Teams re-delivers the click: refused as before, and nothing is learnt twice.
    with pytest.raises(DecisionError, match="not_your_turn"):
        await world.service.decline(first.id, who["Kerstin"])
    assert len(await log.recent("default", MONDAY_9)) == 1

    # The very next similar question (no cache wait) asks Birgit first, Kerstin is second.
    second = (await world.service.ask(ask("Wer hilft mir bei der Raumplanung?"))).question
    assert second is not None
    assert [e.expert_key for e in second.experts] == [who["Birgit"], who["Kerstin"]]
    assert world.notifier.dm_recipients()[-1] == who["Birgit"]
    # An unrelated question of hers still goes to her.
    catering = await world.service.ask(ask("Wer bestellt Catering für die Besprechung?"))
    assert catering.question is not None
    assert catering.question.experts[0].expert_key == who["Kerstin"]


async def test_silence_escalates_but_teaches_nothing() -> None:
    world, log = await learning_world()
    question = await routed(world, ROOMS)
    world.clock.advance(timedelta(hours=5))
    # The escalation ran (beside it, if ROOMS was asked back, the spent "Worum geht es?" fallback).
    assert await world.runner.run_once() >= 1
    escalated = await world.questions.get(question.id)
    assert escalated is not None and escalated.experts[0].declined  # shown as passed on
    assert await log.recent("default", MONDAY_9) == []
    again = (await world.service.ask(ask(ROOMS, offer=False))).question
    assert again is not None and again.experts[0].expert_key == question.experts[0].expert_key


async def test_a_forward_is_learnt_for_both_and_raises_the_target_next_time() -> None:
    world, log = await learning_world()
    who = await people(world)
    first = await routed(world, CONTRACTS)
    assert [e.expert_key for e in first.experts] == [who["Nicole"], who["Jana"], who["Petra"]]
    await world.service.forward(first.id, who["Nicole"], who["Petra"], own_card=True)
    assert signals(await log.recent("default", MONDAY_9)) == [
        (first.id, who["Nicole"], "declined"),
        (first.id, who["Petra"], "forwarded_to"),
    ]
    second = (await world.service.ask(ask("Wer hilft bei Verträgen?"))).question
    assert second is not None
    # Petra leads now; Jana's employment contracts still come close, so the asker is asked
    # back with Petra's topic first, and Nicole's declined legal review is no longer offered.
    assert second.choices[0] == "Rahmenverträge"
    assert second.experts[0].expert_key == who["Petra"]
    assert who["Nicole"] not in [e.expert_key for e in second.experts]


async def test_the_log_stores_each_decision_once() -> None:
    world, log = await learning_world()
    question = (await world.service.ask(ask(ROOMS))).question
    assert question is not None
    signal = DecisionSignal("default", question.id, "e1", "declined", MONDAY_9)
    later = DecisionSignal("default", question.id, "e1", "declined", MONDAY_9 + timedelta(1))
    await log.record([signal])
    await log.record([later, signal])
    [stored] = await log.recent("default", MONDAY_9)
    assert stored.signal == signal


async def test_another_replica_applies_the_decision_once_its_index_ages() -> None:
    world, log = await learning_world()
    who = await people(world)
    service = world.service
    replica = RouterCache(service.experts, world.questions, world.clock, decisions=log)
    before = (await replica.get("default")).rank(ROOMS)
    question = await routed(world, ROOMS)
    await service.decline(question.id, who["Kerstin"])
    assert (await replica.get("default")).rank(ROOMS) == before  # cached, within max_age
    world.clock.advance(timedelta(minutes=5))
    after = (await replica.get("default")).rank(ROOMS)
    assert [c.expert_id for c in after.candidates][:2] == [who["Birgit"], who["Kerstin"]]


class BrokenLog(InMemoryDecisionLog):
    async def record(self, signals: Sequence[DecisionSignal]) -> None:
        raise OSError("database gone")


async def test_a_decision_stands_when_it_cannot_be_learnt() -> None:
    world = await make_world()
    service = world.service
    broken = BrokenLog(world.questions)
    service.routers = RouterCache(service.experts, world.questions, world.clock, decisions=broken)
    question = await routed(world, ROOMS)
    declined = await service.decline(question.id, question.experts[0].expert_key)
    assert declined.current_index == 1
