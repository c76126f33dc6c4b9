"""A question asked in the personal chat with the bot stays there: its text (and its answer) is
never shown in a channel or to other askers, through the real endpoint and DB (SQLite and
PostgreSQL)."""

from __future__ import annotations

import json
from typing import Any

from tests.conftest import RunningBot
from tests.integration.test_routing_endpoint import _body, _invoke, _people
from tests.support import activities
from tests.support.connector_sink import ConnectorSink
from tests.support.stored_questions import stored_questions

PRIVATE = "Wie beantrage ich Elternzeit? Ich bin schwanger und es weiß noch niemand."
SIMILAR = "Wie beantrage ich Elternzeit?"
ANSWER = "Antrag im HR-Portal, sieben Wochen vorher."
RALF, MONIKA = "Ralf Meyer", "Monika Schröder"


def _from(activity: dict[str, Any], name: str) -> dict[str, Any]:
    return activities.as_user(activity, _people()[name], name)


def _chat(sink: ConnectorSink, text: str, name: str) -> dict[str, Any]:
    """``name`` writes in their personal chat with the bot."""
    return _from(activities.message(sink.url, text), name)


def _channel(sink: ConnectorSink, text: str, name: str, n: int = 1) -> dict[str, Any]:
    """``name`` @mentions the bot in a new post of the team channel."""
    return _from(activities.channel_mention(sink.url, text, n=n), name)


def _shown(sink: ConnectorSink, since: int, conversation: str) -> str:
    """Everything the bot posted into ``conversation`` (a prefix of its id) since ``since``."""
    sent = [m for m in sink.sent[since:] if m["_conversation"].startswith(conversation)]
    return json.dumps(sent, ensure_ascii=False)


def _personal(name: str) -> str:
    return f"a:personal-{_people()[name]}"


async def test_a_private_question_withdrawn_in_the_channel_is_not_quoted_there(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    await routing_bot.post(_chat(sink, PRIVATE, RALF))
    [question] = await stored_questions(database_url)
    assert question.state == "asked" and question.private
    [card] = [m for m in sink.sent if m["_conversation"] == _personal(RALF)]
    assert "schwanger" in json.dumps(card, ensure_ascii=False)  # his card, in his chat

    before = len(sink.sent)
    await routing_bot.post(_channel(sink, "frage zurückziehen", RALF))
    [withdrawn] = await stored_questions(database_url)
    assert withdrawn.state == "withdrawn"
    said = _shown(sink, before, "19:")
    assert "Ihre Frage aus dem persönlichen Chat mit mir ist zurückgezogen" in said
    assert "Elternzeit" not in said and "schwanger" not in said
    # Which one it was, his card in the personal chat shows.
    latest = [u for u in sink.updated if u["_activity_id"] == card["_id"]][-1]
    assert "schwanger" in json.dumps(latest, ensure_ascii=False)
    assert "Status: geschlossen" in json.dumps(latest, ensure_ascii=False)

    # In the personal chat the confirmation names the question; a channel question's is
    # named in the channel too.
    await routing_bot.post(_chat(sink, SIMILAR, RALF))
    await routing_bot.post(_chat(sink, "frage zurückziehen", RALF))
    assert f"„{SIMILAR}“ ist zurückgezogen" in sink.texts()[-1]
    await routing_bot.post(_channel(sink, "Wer kennt sich mit Catering aus?", RALF, n=2))
    await routing_bot.post(_channel(sink, "frage zurückziehen", RALF, n=3))
    assert "„Wer kennt sich mit Catering aus?“ ist zurückgezogen" in sink.texts()[-1]
    assert {q.state for q in await stored_questions(database_url)} == {"withdrawn"}


async def test_a_private_question_and_its_answer_are_offered_to_nobody_else(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    await routing_bot.post(_chat(sink, PRIVATE, RALF))
    [question] = await stored_questions(database_url)
    expert = question.candidates[question.current_index]
    answer = {"question_id": question.id, "view": "expert", "answer": ANSWER}
    answered = _invoke(sink, "routing.answer", answer, expert["expert_key"], expert["name"])
    assert "Danke für Ihre Antwort" in await _body(routing_bot, answered)

    # Monika asks the same in the channel: no earlier answer, her question is routed.
    before = len(sink.sent)
    await routing_bot.post(_channel(sink, SIMILAR, MONIKA, n=2))
    said = _shown(sink, before, "19:")
    assert "schwanger" not in said and ANSWER not in said
    assert "schon beantwortet" not in said
    monikas = [q for q in await stored_questions(database_url) if q.id != question.id]
    assert [(q.state, q.private) for q in monikas] == [("asked", False)]
    # Nor in her own personal chat.
    before = len(sink.sent)
    await routing_bot.post(_chat(sink, SIMILAR, MONIKA))
    said = _shown(sink, before, _personal(MONIKA))
    assert "schwanger" not in said and ANSWER not in said
    assert len(await stored_questions(database_url)) == 3

    # Ralf himself gets it offered in his personal chat again, but not in the channel.
    before = len(sink.sent)
    await routing_bot.post(_chat(sink, SIMILAR, RALF))
    said = _shown(sink, before, _personal(RALF))
    assert "schon beantwortet" in said and "schwanger" in said and ANSWER in said
    assert len(await stored_questions(database_url)) == 3  # offered: nothing asked yet
    before = len(sink.sent)
    await routing_bot.post(_channel(sink, SIMILAR, RALF, n=3))
    said = _shown(sink, before, "19:")
    assert "schwanger" not in said and ANSWER not in said
    assert len(await stored_questions(database_url)) == 4


async def test_a_group_chat_question_withdrawn_in_the_channel_is_not_quoted_there(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    asked = "Wer kennt sich mit Catering aus? Es geht um Monikas Abschied, bitte nichts verraten."
    await routing_bot.post(_from(activities.group_chat_mention(sink.url, asked), RALF))
    [question] = await stored_questions(database_url)
    assert question.state == "asked" and not question.private

    before = len(sink.sent)
    await routing_bot.post(_channel(sink, "frage zurückziehen", RALF))
    [withdrawn] = await stored_questions(database_url)
    assert withdrawn.state == "withdrawn"
    said = _shown(sink, before, "19:general")
    assert "Ihre offene Frage aus einer anderen Unterhaltung ist zurückgezogen" in said
    assert "Catering" not in said and "Abschied" not in said
