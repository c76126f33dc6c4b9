"""Learning from decisions through the real endpoint, DB (SQLite and PostgreSQL) and Graph
simulator: an expert's own "Nicht mein Thema" and a forward change whom a later similar
question from someone else asks first."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from bot.adapters.db.decisions import SqlDecisionLog
from bot.adapters.db.engine import create_engine, create_session_factory
from tests.conftest import RunningBot
from tests.integration.test_routing_endpoint import QUESTION, _introduce, _invoke
from tests.support import activities
from tests.support.connector_sink import ConnectorSink
from tests.support.stored_questions import stored_questions


async def _learnt(database_url: str) -> list[tuple[int, str, str]]:
    engine = create_engine(database_url)
    try:
        log = SqlDecisionLog(create_session_factory(engine))
        recent = await log.recent("default", datetime(2000, 1, 1, tzinfo=UTC))
        return [(d.signal.question_id, d.signal.expert_key, d.signal.kind) for d in recent]
    finally:
        await engine.dispose()


async def test_a_declining_click_asks_a_colleague_first_next_time(
    routing_bot: RunningBot,
    sink: ConnectorSink,
    database_url: str,
) -> None:
    kerstin = await _introduce(routing_bot, sink, "Kerstin Vogel")
    birgit = await _introduce(routing_bot, sink, "Birgit Fischer")
    await routing_bot.post(activities.channel_mention(sink.url, QUESTION))
    [question] = await stored_questions(database_url)
    assert question.candidates[0]["expert_key"] == kerstin  # Raumplanung Hamburg ranks first
    click = _invoke(sink, "routing.decline", {"question_id": question.id, "view": "expert"},
                    kerstin, "Kerstin Vogel")  # fmt: skip
    assert (await routing_bot.post(click)).status == 200
    # Teams re-delivers the click (same activity id): it is learnt once.
    assert (await routing_bot.post(click)).status == 200
    assert await _learnt(database_url) == [(question.id, kerstin, "declined")]

    # Someone else asks a similar question: Birgit is asked, Kerstin named after her.
    sink.sent.clear()
    await routing_bot.post(
        activities.channel_mention(sink.url, "Wer hilft mir bei der Raumplanung?", n=2)
    )
    thread = json.dumps(sink.cards()[0], ensure_ascii=False)
    assert "**Birgit Fischer** (angefragt)" in thread
    assert thread.index("Birgit Fischer") < thread.index("Kerstin Vogel")
    assert sink.sent[1]["_conversation"] == f"a:personal-{birgit}"

    # A question about something else of hers still goes to her.
    sink.sent.clear()
    await routing_bot.post(
        activities.channel_mention(sink.url, "Wer bestellt Catering für eine Besprechung?", n=3)
    )
    assert "**Kerstin Vogel** (angefragt)" in json.dumps(sink.cards()[0], ensure_ascii=False)


async def test_a_forward_asks_the_target_first_next_time(
    routing_bot: RunningBot,
    sink: ConnectorSink,
    database_url: str,
) -> None:
    nicole = await _introduce(routing_bot, sink, "Nicole Hartmann")
    await _introduce(routing_bot, sink, "Jana Becker")
    petra = await _introduce(routing_bot, sink, "Petra Zimmermann")
    await routing_bot.post(
        activities.channel_mention(sink.url, "Wer kennt sich mit Verträgen aus?")
    )
    # "Worum geht es?": the asker picks legal review, so Nicole is asked.
    [clarifying] = await stored_questions(database_url)
    asker = activities.user(1)
    choose = {"question_id": clarifying.id, "choice": 1, "view": "thread"}
    pick = _invoke(sink, "routing.choose", choose, asker["aadObjectId"], asker["name"])
    assert (await routing_bot.post(pick)).status == 200
    [question] = await stored_questions(database_url)
    assert question.candidates[0]["expert_key"] == nicole
    forward = {"question_id": question.id, "view": "expert", "target": petra}
    click = _invoke(sink, "routing.forward", forward, nicole, "Nicole Hartmann")
    assert (await routing_bot.post(click)).status == 200
    assert await _learnt(database_url) == [
        (question.id, nicole, "declined"),
        (question.id, petra, "forwarded_to"),
    ]

    sink.sent.clear()
    await routing_bot.post(activities.channel_mention(sink.url, "Wer hilft bei Verträgen?", n=2))
    # Petra's framework agreements lead now; Jana's employment contracts come close, so
    # the asker is asked back, Petra's topic first; Nicole's legal review is not offered.
    [card] = sink.cards()
    titles = [a["title"] for a in card["actions"]]
    assert titles[0] == "Rahmenverträge" and "Vertragsprüfung" not in titles
    second = max(await stored_questions(database_url), key=lambda q: q.id)
    assert second.state == "clarifying"
    assert second.candidates[0]["expert_key"] == petra
