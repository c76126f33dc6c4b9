"""An expert whose Entra account is gone (left the company) is never named: Graph knows no
mailbox and no user for them. An expert without a mailbox is asked as usual."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.domain.routing.directory_import import parse_directory
from bot.domain.routing.expert_service import import_directory
from bot.domain.routing.questions import DecisionError
from bot.i18n import t
from tests.unit.routing.test_routing_service import World, ask, make_world

GONE_ID = "0dd0dd00-0000-4000-8000-00000000dead"
TOPIC = "Wer kennt sich mit der Schwerbehindertenvertretung aus?"


async def _with_expert(world: World, expert_id: str, **changes: object) -> None:
    entry = {
        "id": expert_id,
        "name": "Gerda Gegangen",
        "email": "gerda.gegangen@nordlicht-demo.de",
        "department": "Personal",
        "title": "Assistentin Personal",
        "location": "Hamburg",
        "languages": ["de"],
        "topics": ["Schwerbehindertenvertretung", "Inklusion"],
        "about": "Ich kümmere mich um die Schwerbehindertenvertretung.",
    }
    [record] = parse_directory({"organization": "Nordlicht", "experts": [entry]})
    await import_directory(world.service.experts, [replace(record, **changes)], world.clock.now())


async def test_an_expert_whose_account_is_gone_is_not_named() -> None:
    world = await make_world()
    await _with_expert(world, GONE_ID)
    result = await world.service.ask(ask(TOPIC))
    # Only she knows the topic: "nobody" is true, asking a deleted account is not.
    assert result.outcome == "no_match"
    assert world.notifier.directs == [] and world.notifier.mentions == []


async def test_the_deputy_of_an_expert_whose_account_is_gone_stands_in() -> None:
    world = await make_world()
    people = dict((n, k) for k, n in await world.service.pool_names("default"))
    await _with_expert(world, GONE_ID, deputy_key=people["Jana Becker"])
    result = await world.service.ask(ask(TOPIC))
    assert result.outcome == "routed" and result.question is not None
    names = [e.name for e in result.question.experts]
    assert "Gerda Gegangen" not in names and names[0] == "Jana Becker"


async def test_an_expert_with_an_account_but_no_mailbox_is_asked() -> None:
    world = await make_world()
    people = dict((n, k) for k, n in await world.service.pool_names("default"))
    # Kerstin's record names a mailbox Graph does not know; her account is there.
    await _with_expert(world, people["Kerstin Vogel"], email="k.vogel@alt.example")
    result = await world.service.ask(ask(TOPIC))
    assert result.question is not None
    assert result.question.experts[0].expert_key == people["Kerstin Vogel"]


async def test_forwarding_to_an_expert_whose_account_is_gone_is_refused_and_changes_nothing() -> (
    None
):
    world = await make_world()
    await _with_expert(world, GONE_ID)
    # Still offered in the forward list: the pool keeps the record until someone removes it.
    assert (GONE_ID, "Gerda Gegangen") in await world.service.pool_names("default")
    question = (
        await world.service.ask(ask("Wer kann mir bei der Raumplanung in Hamburg helfen?"))
    ).question
    assert question is not None and question.current_expert is not None
    asked = question.current_expert.expert_key
    directs = len(world.notifier.directs)
    with pytest.raises(DecisionError, match="target_gone"):
        await world.service.forward(question.id, asked, GONE_ID)
    after = await world.service.get(question.id)
    assert after.version == question.version and after.current_expert == question.current_expert
    assert len(world.notifier.directs) == directs
    assert t("routing.error.target_gone", "de").startswith("Diese Person ist nicht mehr")
