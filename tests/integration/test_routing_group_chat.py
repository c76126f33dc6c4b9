"""Questions asked in a group chat, answered there, through the real endpoint, DB (SQLite and
PostgreSQL) and Graph simulator. A group chat has no threads: a reply quoting the question's
card is the answer; a plain @mention message of the expert the bot waits for is asked about
("Ist das Ihre Antwort?"), since it may as well be a new question of theirs."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from tests.conftest import RunningBot
from tests.integration.test_routing_endpoint import QUESTION, _body, _people
from tests.support import activities
from tests.support.connector_sink import ConnectorSink
from tests.support.stored_questions import stored_questions

CHAT = activities.group_chat_conversation()["id"]
KERSTIN = "Kerstin Vogel"


def _quoting(card_id: str, text: str) -> str:
    # The HTML the Teams client sends for "Antworten" on the bot's card.
    return (
        f'<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="{card_id}">'
        '<strong itemprop="mri" itemid="28:bot">Assistenz-Bot</strong>'
        f'<p itemprop="preview">{QUESTION}</p></blockquote><p>{text}</p>'
    )


def _from(activity: dict[str, Any], name: str) -> dict[str, Any]:
    return activities.as_user(activity, _people()[name], name)


def _in_chat(activity: dict[str, Any]) -> dict[str, Any]:
    activity["conversation"] = activities.group_chat_conversation()
    return activity


async def _ask(bot: RunningBot, sink: ConnectorSink, text: str = QUESTION) -> str:
    """The asker (who never wrote to the bot) asks in the group chat; the thread card's id."""
    before = len(sink.sent)
    assert (await bot.post(activities.group_chat_mention(sink.url, text))).status == 201
    cards = [m for m in sink.sent[before:] if m["_conversation"] == CHAT and m.get("attachments")]
    return str(cards[0]["_id"])


async def _says(bot: RunningBot, sink: ConnectorSink, name: str, text: str) -> dict[str, Any]:
    """``name`` @mentions the bot in the chat; the card the bot answers with there."""
    before = len(sink.sent)
    await bot.post(_from(activities.group_chat_mention(sink.url, text), name))
    [reply] = [m for m in sink.sent[before:] if m["_conversation"] == CHAT]
    [attachment] = reply["attachments"]
    return dict(attachment["content"])


def _click(sink: ConnectorSink, card: dict[str, Any], title: str, name: str) -> dict[str, Any]:
    action = next(a for a in card["actions"] if a["title"] == title)
    invoke = activities.card_invoke(sink.url, action["verb"], action["data"])
    return _in_chat(_from(invoke, name))


async def test_on_day_one_the_asked_experts_answer_in_the_group_chat_is_confirmed_once(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    # Nobody has written to the bot: not the asker, not the expert.
    await _ask(routing_bot, sink)
    [question] = await stored_questions(database_url)
    asked = question.candidates[question.current_index]
    assert question.state == "asked" and asked["name"] == KERSTIN
    # Another named expert's message is theirs: a question of its own, not the answer.
    other = next(c["name"] for c in question.candidates if c["name"] != KERSTIN)
    remark = activities.group_chat_mention(sink.url, "Wo finde ich den Schlüssel für Raum 2?")
    assert (await routing_bot.post(_from(remark, other))).status == 201
    rooms = [q for q in await stored_questions(database_url) if q.id == question.id]
    assert rooms[0].state == "asked" and rooms[0].answer_text is None

    text = "Im Raumbuchungstool, Reiter Hamburg."
    card = await _says(routing_bot, sink, KERSTIN, text)
    assert "Ist das Ihre Antwort?" in json.dumps(card, ensure_ascii=False)
    [waiting] = [q for q in await stored_questions(database_url) if q.id == question.id]
    assert waiting.state == "asked" and waiting.answer_text is None  # nothing saved yet
    # Someone else in the chat clicks: refused, nothing changes.
    bystander = await _body(routing_bot, _click(sink, card, "Ja, als Antwort senden", other))
    assert "nur, wer die Nachricht geschrieben hat" in bystander
    # Kerstin double-clicks (or Teams delivers the click twice): one answer.
    yes = [_click(sink, card, "Ja, als Antwort senden", KERSTIN) for _ in range(2)]
    bodies = await asyncio.gather(*(_body(routing_bot, c) for c in yes))
    assert sum("Danke für Ihre Antwort" in b for b in bodies) == 1
    assert sum("bereits geschlossen" in b for b in bodies) == 1
    closed = next(q for q in await stored_questions(database_url) if q.id == question.id)
    assert closed.state == "answered" and closed.owner_key == asked["expert_key"]
    assert closed.answer_text == text


async def test_the_waited_for_experts_own_question_and_commands_stay_theirs(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    await _ask(routing_bot, sink)
    [question] = await stored_questions(database_url)
    # A command with its text is a command in a group chat, for the waited-for expert too.
    await routing_bot.post(
        _from(
            activities.group_chat_mention(sink.url, "frage Wer kennt sich mit SAP aus?"), KERSTIN
        )
    )
    by_id = {q.id: q for q in await stored_questions(database_url)}
    assert by_id[question.id].state == "asked" and by_id[question.id].answer_text is None
    [own] = [q for q in by_id.values() if q.id != question.id]
    assert own.text == "Wer kennt sich mit SAP aus?" and own.asker_key == _people()[KERSTIN]
    # A plain new question: she says so with one click, and it is asked like any other.
    card = await _says(routing_bot, sink, KERSTIN, "Wer hilft bei der Reisekostenabrechnung?")
    body = await _body(routing_bot, _click(sink, card, "Nein, das ist eine neue Frage", KERSTIN))
    assert "Ist das Ihre Antwort?" not in body  # the settled card has no buttons left
    texts = sorted(q.text for q in await stored_questions(database_url))
    assert "Wer hilft bei der Reisekostenabrechnung?" in texts
    again = await _body(routing_bot, _click(sink, card, "Nein, das ist eine neue Frage", KERSTIN))
    assert sorted(q.text for q in await stored_questions(database_url)) == texts  # asked once
    assert "Ist das Ihre Antwort?" not in again
    [still] = [q for q in await stored_questions(database_url) if q.id == question.id]
    assert still.state == "asked" and still.answer_text is None


async def test_two_open_questions_take_the_quote_of_the_card(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    first_card = await _ask(routing_bot, sink)
    second_card = await _ask(routing_bot, sink, "Wer hilft bei der Raumbuchung in Hamburg?")
    first, second = sorted(await stored_questions(database_url), key=lambda q: q.id)
    assert first.candidates[first.current_index]["name"] == KERSTIN
    assert second.candidates[second.current_index]["name"] == KERSTIN
    # Which one? Nothing is saved, and she is told how to say it.
    await routing_bot.post(
        _from(activities.group_chat_mention(sink.url, "Im Buchungstool."), KERSTIN)
    )
    assert "mehrere Fragen" in sink.texts()[-1]
    assert [q.state for q in await stored_questions(database_url)] == ["asked", "asked"]

    quoted = _from(activities.group_chat_mention(sink.url, ""), KERSTIN)
    quoted.update(text=_quoting(second_card, "<at>Assistenz-Bot</at> Reiter Hamburg."))
    quoted["textFormat"] = "xml"
    await routing_bot.post(quoted)
    by_id = {q.id: q for q in await stored_questions(database_url)}
    assert by_id[second.id].state == "answered"
    assert by_id[second.id].answer_text == "Reiter Hamburg."  # without the quoted card text
    assert by_id[first.id].state == "asked"
    assert first_card != second_card
