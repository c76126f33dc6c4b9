"""What the thread card says of an expert passed over: "nicht zuständig" only for their own
"Nicht mein Thema", "keine Reaktion" after the deadline, "zurückgegeben" after "Doch nicht
übernehmen", and nothing for whoever took or answered the question in the end. Sharing only
the site with a question is no reason to be named at all."""

from __future__ import annotations

import json
from dataclasses import replace
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
    first, second = (e.expert_key for e in question.experts)  # Kerstin, then Birgit
    names = {e.expert_key: e.name for e in question.experts}
    # No reaction by the deadline: the next one is asked, the first "did not react".
    world.clock.advance(timedelta(hours=5))
    assert await world.runner.run_once() == 1
    silent = await world.service.get(question.id)
    assert _line(silent, names[first]).endswith("(keine Reaktion)")
    # A click on "Nicht mein Thema" is "nicht zuständig".
    declined = await world.service.decline(question.id, second)
    assert _line(declined, names[second]).endswith("(nicht zuständig)")
    # The first, back at the desk, takes it: no mark for the owner; then hands it back.
    taken = await world.service.take(question.id, first)
    assert _line(taken, names[first]) == f"**{names[first]}**"
    released = await world.service.release(question.id, first)
    assert _line(released, names[first]).endswith("(zurückgegeben)")
    # The second answers after all: no mark for the one who answered.
    answered = await world.service.answer(question.id, second, "Im Raumtool.")
    assert _line(answered, names[second]) == f"**{names[second]}**"


async def test_sharing_only_the_site_is_no_reason_to_be_named_or_asked() -> None:
    # Kerstin (Parkplätze) is paused with no deputy; colleagues who merely work in Hamburg
    # used to be named and asked "laut Profil: Standort".
    world = await make_world()
    people = {name: key for key, name in await world.service.pool_names("default")}
    kerstin = await world.service.experts.get("default", people["Kerstin Vogel"])
    assert kerstin is not None
    paused = replace(kerstin, paused_until=world.clock.now() + timedelta(days=3), deputy_key=None)
    await world.service.experts.upsert(paused)
    question = (
        await world.service.ask(ask("Parkplatz in Hamburg reservieren – wer weiß wie?"))
    ).question
    assert question is not None
    assert [(e.name, e.absent) for e in question.experts] == [("Kerstin Vogel", True)]
    assert world.notifier.directs == []
    assert "Standort" not in json.dumps(world.notifier.posts[0][1], ensure_ascii=False)
