"""A question that found everyone named away is asked when the first of them is back: through
the real endpoint, the durable job queue, the DB (SQLite and PostgreSQL) and the Graph
simulator (Katrin Weber and Claudia Neumann are out of office there)."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime

from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.experts import SqlExpertRepository
from tests.conftest import RunningBot
from tests.integration.test_routing_endpoint import _introduce, _people
from tests.support import activities
from tests.support.connector_sink import ConnectorSink
from tests.support.queue import drained
from tests.support.simulated_org import bot_with_experts, forbid_app_install
from tests.support.stored_questions import stored_questions

QUESTION = "Wer organisiert Vertriebsreisen?"
TUESDAY_8 = datetime(2026, 3, 3, 7, 0, tzinfo=UTC)  # 08:00 in Berlin
WEDNESDAY_8 = datetime(2026, 3, 4, 7, 0, tzinfo=UTC)


async def _pause_anja_and_sabine(database_url: str) -> None:
    """Anja for a month; Sabine through Tuesday (her pause ends at midnight in Berlin)."""
    until = {
        "Anja Werner": datetime(2026, 4, 1, 22, 0, tzinfo=UTC),
        "Sabine Krüger": datetime(2026, 3, 3, 23, 0, tzinfo=UTC),
    }
    engine = create_engine(database_url)
    try:
        repository = SqlExpertRepository(create_session_factory(engine))
        for record in await repository.list_pool("default"):
            if record.name in until:
                await repository.upsert(replace(record, paused_until=until[record.name]))
    finally:
        await engine.dispose()


async def _ask_with_everyone_away(bot: RunningBot, sink: ConnectorSink, database_url: str) -> str:
    await _pause_anja_and_sabine(database_url)
    sink.sent.clear()
    ask = activities.channel_mention(sink.url, QUESTION)
    assert (await bot.post(ask)).status == 201
    [thread] = sink.cards()  # no DM: nobody can be asked
    assert "Niemand wurde gefragt" in json.dumps(thread, ensure_ascii=False)
    [question] = await stored_questions(database_url)
    assert question.state == "unassigned"
    # Tuesday morning: Sabine is still away (and the others): nobody is asked.
    sink.sent.clear()
    bot.clock.current = TUESDAY_8
    await drained(database_url, bot.clock.now())
    [waiting] = await stored_questions(database_url)
    assert waiting.state == "unassigned" and waiting.version == question.version
    assert sink.sent == []
    return ask["id"]


async def test_the_expert_back_first_gets_the_question_by_dm(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    sabine = await _introduce(routing_bot, sink, "Sabine Krüger")
    await _ask_with_everyone_away(routing_bot, sink, database_url)
    sink.updated.clear()
    routing_bot.clock.current = WEDNESDAY_8
    await drained(database_url, routing_bot.clock.now())
    [asked] = await stored_questions(database_url)
    assert asked.state == "asked"
    assert asked.candidates[asked.current_index]["expert_key"] == sabine
    [dm] = sink.sent  # asked exactly once, by DM
    assert dm["_conversation"] == f"a:personal-{sabine}"
    assert "Nicht mein Thema" in json.dumps(dm, ensure_ascii=False)
    thread = json.dumps(sink.updated[-1], ensure_ascii=False)
    assert "**Sabine Krüger** (angefragt)" in thread and "Niemand wurde gefragt" not in thread


async def test_day_one_the_expert_back_who_never_wrote_to_the_bot_gets_the_dm(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    # Nobody has written to the bot: it opens Sabine's 1:1 chat itself.
    await _ask_with_everyone_away(routing_bot, sink, database_url)
    sabine = _people()["Sabine Krüger"]
    routing_bot.clock.current = WEDNESDAY_8
    await drained(database_url, routing_bot.clock.now())
    [dm] = sink.sent
    assert dm["recipient"]["aadObjectId"] == sabine and "Nicht mein Thema" in json.dumps(dm)
    [asked] = await stored_questions(database_url)
    assert asked.state == "asked"
    assert asked.candidates[asked.current_index]["expert_key"] == sabine


async def test_an_expert_back_the_bot_cannot_reach_is_mentioned_and_the_others_awaited(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with bot_with_experts(bot_factory, database_url) as (bot, graph_url):
        sabine = _people()["Sabine Krüger"]
        await forbid_app_install(graph_url, sabine)  # no 1:1 chat can be opened for her
        root = await _ask_with_everyone_away(bot, sink, database_url)
        bot.clock.current = WEDNESDAY_8
        await drained(database_url, bot.clock.now())
        [note] = sink.sent
        assert "<at>Sabine Krüger</at>" in note["text"] and note["_reply_to"] == root
        [waiting] = await stored_questions(database_url)
        assert waiting.state == "unassigned"
        [named] = [e for e in waiting.candidates if e["expert_key"] == sabine]
        assert named["unreachable"] is True
        # Katrin (back on Monday) and Claudia (no end given) are still awaited: the next look
        # is Thursday morning, and it asks nobody while both are away.
        sink.sent.clear()
        bot.clock.current = datetime(2026, 3, 5, 7, 0, tzinfo=UTC)
        await drained(database_url, bot.clock.now())
        assert sink.sent == []
        [still] = await stored_questions(database_url)
        assert still.state == "unassigned" and still.version == waiting.version
