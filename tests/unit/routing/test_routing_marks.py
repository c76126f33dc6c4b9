"""What the thread card says of an expert passed over: "nicht zuständig" only for their own
"Nicht mein Thema", "keine Reaktion" after the deadline, "zurückgegeben" after "Doch nicht
übernehmen", and nothing for whoever took or answered the question in the end."""

from __future__ import annotations

import json
from datetime import timedelta

from bot.domain.routing.questions import Question
from cards.routing import thread_card
from tests.unit.routing.test_routing_service import ask, make_world

ROOMS = "Wer kann mir bei der Raumplanung in Hamburg helfen?"


def _line(question: Question, name: str) -> str:
    card = json.dumps(thread_card(question, "de"), ensure_ascii=False)
    start = card.index(f"**{name}**")
    return card[start : card.index(" – ", start)]


async def test_silence_release_and_a_decline_are_told_apart() -> None:
    world = await make_world()
    question = (await world.service.ask(ask(ROOMS, offer=False))).question
    assert question is not None
    first, second = (e.expert_key for e in question.experts[:2])
    names = {e.expert_key: e.name for e in question.experts}
    # No reaction by the deadline: the next one is asked, the first "did not react".
    world.clock.advance(timedelta(hours=5))
    assert await world.runner.run_once() == 1
    silent = await world.service.get(question.id)
    assert _line(silent, names[first]).endswith("(keine Reaktion)")
    # The second takes it and hands it back.
    await world.service.take(question.id, second)
    released = await world.service.release(question.id, second)
    assert _line(released, names[second]).endswith("(zurückgegeben)")
    # The third is asked now; a click on "Nicht mein Thema" is "nicht zuständig".
    current = released.current_expert
    assert current is not None and current.expert_key not in (first, second)
    declined = await world.service.decline(question.id, current.expert_key)
    assert _line(declined, current.name).endswith("(nicht zuständig)")
    # The first, back at the desk, answers: no mark for the one who answered.
    answered = await world.service.answer(question.id, first, "Im Raumtool.")
    assert _line(answered, names[first]) == f"**{names[first]}**"
    assert "zuständig" not in _line(answered, names[first])
