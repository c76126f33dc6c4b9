"""Talk in the thread of an open question, through the real endpoint and DB (SQLite and
PostgreSQL): what closes the question, what is a new question, what is only a remark on it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from sqlalchemy import select

from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.models import QuestionRow
from devkit.demo.organisation import load_demo_organisation
from tests.conftest import RunningBot
from tests.support import activities
from tests.support.connector_sink import ConnectorSink
from tests.support.simulated_org import bot_with_experts

QUESTION = "Wer kann mir bei der Raumplanung in Hamburg helfen?"
PEOPLE = {p.display_name: p.id for p in load_demo_organisation().people}


@pytest.fixture
async def routing_bot(
    bot_factory: Callable[..., Awaitable[RunningBot]], database_url: str
) -> AsyncIterator[RunningBot]:
    async with bot_with_experts(bot_factory, database_url) as (bot, _):
        yield bot


async def _questions(database_url: str) -> list[QuestionRow]:
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            return list(await session.scalars(select(QuestionRow).order_by(QuestionRow.id)))
    finally:
        await engine.dispose()


def _by(activity: dict[str, Any], name: str) -> dict[str, Any]:
    return activities.as_user(activity, PEOPLE[name], name)


def _in_thread(sink: ConnectorSink, root: str, text: str, name: str) -> dict[str, Any]:
    """``name``'s @mention message in the thread of the post ``root``."""
    activity = activities.channel_mention(sink.url, text)
    activity["conversation"]["id"] = f"19:general@thread.tacv2;messageid={root}"
    return _by(activity, name)


async def _asked(bot: RunningBot, sink: ConnectorSink) -> str:
    """Kerstin (who has written to the bot) is asked Jana's QUESTION, posted in the channel as
    Teams delivers a new post; the thread's root id."""
    await bot.post(_by(activities.message(sink.url, "hilfe"), "Kerstin Vogel"))
    ask = _in_thread(sink, "", QUESTION, "Jana Becker")
    ask["conversation"]["id"] += ask["id"]
    await bot.post(ask)
    sink.sent.clear()
    return str(ask["id"])


async def test_a_colleagues_statement_in_the_thread_is_no_new_question(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    root = await _asked(routing_bot, sink)
    hint = "Das geht über Outlook, Raumliste Hamburg, Raum 3.12."
    await routing_bot.post(_in_thread(sink, root, hint, "Sabine Krüger"))
    [question] = await _questions(database_url)
    assert question.state == "asked" and question.answer_text is None
    # No second thread card, no DM to an expert: one short note in the thread.
    [note] = sink.sent
    assert note["_conversation"].endswith(f";messageid={root}") and "attachments" not in note
    assert "Eine neue Frage ist das nicht" in note["text"] and "bleibt offen" in note["text"]
    # The expert asked answers there, as the README tells her to: that closes the question.
    sink.sent.clear()
    answer = "Genau, Raumliste Hamburg in Outlook."
    await routing_bot.post(_in_thread(sink, root, answer, "Kerstin Vogel"))
    [closed] = await _questions(database_url)
    assert closed.state == "answered" and closed.answer_text == answer
    assert "Danke für Ihre Antwort" in sink.texts()[0]


async def test_a_real_question_in_the_thread_is_still_asked(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    root = await _asked(routing_bot, sink)
    # Without a question mark too: it opens with a question word or its verb.
    questions = ["Weiß jemand, wie ich Reisekosten in Concur abrechne", "Und wer kennt Verträge?"]
    for text in questions:
        await routing_bot.post(_in_thread(sink, root, text, "Sabine Krüger"))
    assert [q.text for q in await _questions(database_url)][1:] == questions
    # Thanks stay small talk, answered as anywhere.
    sink.sent.clear()
    await routing_bot.post(_in_thread(sink, root, "Danke euch!", "Jana Becker"))
    assert len(await _questions(database_url)) == 3
    [reply] = sink.texts()
    assert "Eine neue Frage ist das nicht" not in reply
