"""A deputy stands in for an absent expert, but never the asker: asking about Concur while
being Claudia's deputy must not make Claudia vanish from the answer."""

from __future__ import annotations

from dataclasses import replace

from bot.domain.routing.questions import QuestionState
from tests.unit.routing.test_routing_service import ask, make_world


async def test_an_absent_expert_whose_deputy_is_the_asker_is_listed_as_away() -> None:
    world = await make_world()
    people = {name: key for key, name in await world.service.pool_names("default")}
    claudia = await world.service.experts.get("default", people["Claudia Neumann"])
    assert claudia is not None  # her out-of-office reply is on, with no end date
    monika = people["Monika Schröder"]
    await world.service.experts.upsert(replace(claudia, deputy_key=monika, source="profile"))
    world.service.routers.invalidate()
    request = replace(ask("Wer kennt sich mit Concur aus?"), asker_key=monika)
    result = await world.service.ask(request)
    assert result.outcome == "routed" and result.question is not None
    named = {e.name: e for e in result.question.experts}
    assert named["Claudia Neumann"].absent
    assert "Monika Schröder" not in named
    assert result.question.state is QuestionState.UNASSIGNED  # waits for her return
