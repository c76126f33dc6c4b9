"""The asker learns that the answer arrived, through the real endpoint and DB (SQLite and
PostgreSQL): answering only updates the question's card, and Teams notifies nobody of that."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from tests.conftest import RunningBot
from tests.integration.test_routing_thread_talk_endpoint import (
    PEOPLE,
    QUESTION,
    _asked,
    _by,
    _in_thread,
)
from tests.support import activities
from tests.support.connector_sink import ConnectorSink
from tests.support.queue import drained
from tests.support.stored_questions import stored_questions

ANSWER = "Über Outlook, Raumliste Hamburg."


def _answer_click(sink: ConnectorSink, question_id: int, name: str) -> dict[str, Any]:
    data = {"question_id": question_id, "view": "expert", "answer": ANSWER}
    return _by(activities.card_invoke(sink.url, "routing.answer", data), name)


def _notices(sink: ConnectorSink) -> list[dict[str, Any]]:
    return [
        a for a in sink.sent if "hat Ihre Frage beantwortet" in json.dumps(a, ensure_ascii=False)
    ]


async def test_the_asker_is_mentioned_in_the_thread_once_when_the_answer_arrives(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    root = await _asked(routing_bot, sink)
    [question] = await stored_questions(database_url)
    click = _answer_click(sink, question.id, "Kerstin Vogel")
    assert (await routing_bot.post(click)).status == 200
    [notice] = _notices(sink)
    assert notice["_conversation"].endswith(f";messageid={root}")
    assert notice["text"] == "<at>Jana Becker</at>, Kerstin Vogel hat Ihre Frage beantwortet."
    [mention] = [e for e in notice["entities"] if e["type"] == "mention"]
    assert mention["mentioned"]["id"].endswith(PEOPLE["Jana Becker"])
    # Teams delivers the click again: refused as closed, and nobody is told twice.
    again = await routing_bot.post(click)
    assert "bereits geschlossen" in json.dumps(await again.json(), ensure_ascii=False)
    assert len(_notices(sink)) == 1
    [closed] = await stored_questions(database_url)
    assert closed.state == "answered" and closed.answer_text == ANSWER


async def test_a_notice_teams_refuses_now_is_sent_by_a_job_exactly_once(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    """Teams answers 502 to the @mention (a POST is not sent twice inline): the answer is
    saved all the same, and the outbox job tells Jana a minute later, once, however often the
    click arrives."""
    root = await _asked(routing_bot, sink)
    [question] = await stored_questions(database_url)
    click = _answer_click(sink, question.id, "Kerstin Vogel")
    sink.fail_next_send = [502]
    assert (await routing_bot.post(click)).status == 200
    assert _notices(sink) == [] and sink.fail_next_send == []
    [closed] = await stored_questions(database_url)
    assert closed.state == "answered" and closed.answer_text == ANSWER
    assert (await routing_bot.post(click)).status == 200  # re-delivered: refused as closed

    routing_bot.clock.advance(timedelta(minutes=1))  # the outbox job's first run
    await drained(database_url, routing_bot.clock.now())
    [notice] = _notices(sink)
    assert notice["_conversation"].endswith(f";messageid={root}")
    assert notice["text"] == "<at>Jana Becker</at>, Kerstin Vogel hat Ihre Frage beantwortet."
    routing_bot.clock.advance(timedelta(hours=1))
    await drained(database_url, routing_bot.clock.now())
    assert len(_notices(sink)) == 1


async def test_an_answer_written_in_the_thread_is_announced_too(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    root = await _asked(routing_bot, sink)
    await routing_bot.post(_in_thread(sink, root, ANSWER, "Kerstin Vogel"))
    notice, thanks = sink.texts()  # the mention is posted while the reply is being made
    assert notice == "<at>Jana Becker</at>, Kerstin Vogel hat Ihre Frage beantwortet."
    assert "Danke für Ihre Antwort" in thanks


async def test_a_question_from_the_personal_chat_gets_the_answer_by_message(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    await routing_bot.post(_by(activities.message(sink.url, "hilfe"), "Kerstin Vogel"))
    ask = _by(activities.message(sink.url, QUESTION, locale="en-US"), "Ralf Meyer")
    await routing_bot.post(ask)
    [question] = await stored_questions(database_url)
    sink.sent.clear()
    click = _answer_click(sink, question.id, "Kerstin Vogel")
    for _ in range(2):  # delivered twice
        await routing_bot.post(click)
    to_ralf = [a for a in sink.sent if a["_conversation"] == f"a:personal-{PEOPLE['Ralf Meyer']}"]
    [note] = to_ralf
    shown = json.dumps(note["attachments"], ensure_ascii=False)
    # In his language, with the question and the answer: the card above changed silently.
    assert "Kerstin Vogel has answered your question" in shown
    assert QUESTION in shown and ANSWER in shown
