"""Forwarding ("Weiterleiten an …") only to someone who can answer: not the asker, not an
expert who is paused or out of office. A refused forward changes nothing."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import pytest

from bot.domain.routing.questions import DecisionError, Question
from tests.unit.routing.test_routing_service import MONDAY_9, World, ask, make_world

ROOMS = "Wer kann mir bei der Raumplanung in Hamburg helfen?"


async def _people(world: World) -> dict[str, str]:
    return {name: key for key, name in await world.service.pool_names("default")}


async def _asked(world: World, asker_key: str | None = None) -> tuple[Question, str]:
    request = ask(ROOMS)
    if asker_key is not None:
        request = replace(request, asker_key=asker_key, asker_name="Jana Becker")
    question = (await world.service.ask(request)).question
    assert question is not None and question.current_expert is not None
    return question, question.current_expert.expert_key


async def _refused(world: World, question: Question, by: str, target: str, code: str) -> None:
    directs = len(world.notifier.directs)
    with pytest.raises(DecisionError, match=code):
        await world.service.forward(question.id, by, target)
    after = await world.service.get(question.id)
    assert after.version == question.version and after.current_expert == question.current_expert
    assert len(world.notifier.directs) == directs


async def test_the_asker_is_neither_offered_nor_accepted_as_forward_target() -> None:
    world = await make_world()
    jana = (await _people(world))["Jana Becker"]  # an expert herself, asking out of her field
    question, asked = await _asked(world, asker_key=jana)
    card = json.dumps(await world.service.card_for(question, "expert", asked))
    assert "Weiterleiten" in card and jana not in card
    await _refused(world, question, asked, jana, "forward_to_asker")


async def test_a_paused_expert_is_not_forwarded_to() -> None:
    world = await make_world()
    people = await _people(world)
    sophie = await world.service.experts.get("default", people["Sophie Wolf"])
    assert sophie is not None
    paused = replace(sophie, paused_until=MONDAY_9 + timedelta(days=7), source="profile")
    await world.service.experts.upsert(paused)
    question, asked = await _asked(world)
    await _refused(world, question, asked, people["Sophie Wolf"], "target_away")


async def test_an_expert_out_of_office_is_not_forwarded_to() -> None:
    world = await make_world()
    people = await _people(world)
    question, asked = await _asked(world)
    # Claudia's automatic reply is on in the demo organisation, with no end date.
    replies = await world.service.directory.get_automatic_replies(people["Claudia Neumann"])
    assert replies.active_at(MONDAY_9)
    await _refused(world, question, asked, people["Claudia Neumann"], "target_away")
