"""An expert who pauses while a question waits for her reaction: it moves on at once; she is
marked away (not declined), so with nobody else left it waits for her return."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from bot.domain.routing.pauses import hand_on_while_paused
from bot.domain.routing.questions import QuestionState
from bot.domain.routing.service import RETURN_JOB
from tests.unit.routing.test_routing_service import MONDAY_9, World, ask, make_world

ROOMS = "Wer kann mir bei der Raumplanung in Hamburg helfen?"


async def _pause(world: World, key: str, days: int = 7) -> int:
    record = await world.service.experts.get("default", key)
    assert record is not None
    paused = replace(record, paused_until=MONDAY_9 + timedelta(days=days), source="profile")
    await world.service.experts.upsert(paused)
    return await hand_on_while_paused(world.service, paused, world.clock.now())


async def test_the_next_expert_is_asked_and_with_nobody_left_it_waits_for_her_return() -> None:
    world = await make_world()
    question = (await world.service.ask(ask(ROOMS))).question
    assert question is not None and question.current_expert is not None
    first, second = (e.expert_key for e in question.experts)
    assert await _pause(world, first) == 1
    moved = await world.service.get(question.id)
    assert moved.current_expert is not None and moved.current_expert.expert_key == second
    assert moved.experts[0].absent and not moved.experts[0].declined
    assert world.notifier.dm_recipients()[-1] == second

    assert await _pause(world, second, days=3) == 1
    waiting = await world.service.get(question.id)
    assert waiting.state is QuestionState.UNASSIGNED
    returns = [j for j in world.jobs.jobs.values() if j.kind == RETURN_JOB and j.done_at is None]
    assert returns  # a look on the morning the first pause ends
    assert world.notifier.mentions == []  # a wait, not "nobody left"


async def test_a_question_she_took_stays_hers_and_an_ended_pause_moves_nothing() -> None:
    world = await make_world()
    question = (await world.service.ask(ask(ROOMS))).question
    assert question is not None and question.current_expert is not None
    first = question.current_expert.expert_key
    await world.service.take(question.id, first)
    assert await _pause(world, first) == 0
    taken = await world.service.get(question.id)
    assert taken.state is QuestionState.TAKEN and taken.owner_key == first
    assert await _pause(world, first, days=-1) == 0  # a pause that has ended


async def test_a_pause_holds_in_every_pool_of_the_expert() -> None:
    world = await make_world()
    people = {name: key for key, name in await world.service.pool_names("default")}
    experts = world.service.experts
    for name in ("Kerstin Vogel", "Birgit Fischer"):  # a team with its own pool
        record = await experts.get("default", people[name])
        assert record is not None
        await experts.upsert(replace(record, pool_id="team-x"))
    question = (await world.service.ask(replace(ask(ROOMS), pool_id="team-x"))).question
    assert question is not None and question.current_expert is not None
    assert question.current_expert.expert_key == people["Kerstin Vogel"]

    assert await _pause(world, people["Kerstin Vogel"]) == 1  # saved in the default pool
    in_team = await experts.get("team-x", people["Kerstin Vogel"])
    assert in_team is not None and in_team.paused_until == MONDAY_9 + timedelta(days=7)
    moved = await world.service.get(question.id)
    assert moved.current_expert is not None
    assert moved.current_expert.expert_key == people["Birgit Fischer"]
