"""Questions asked in a group chat, answered there, through the real endpoint, DB (SQLite and
PostgreSQL) and Graph simulator. A group chat has no threads: the expert's @mention answer is
the answer when the bot waits for them there, or when it quotes the question's card."""

from __future__ import annotations

from tests.conftest import RunningBot
from tests.integration.test_routing_endpoint import QUESTION, _people, _questions, routing_bot
from tests.support import activities
from tests.support.connector_sink import ConnectorSink

__all__ = ["routing_bot"]  # the fixture, shared with the routing endpoint tests
CHAT = activities.group_chat_conversation()["id"]


def _quoting(card_id: str, text: str) -> str:
    # The HTML the Teams client sends for "Antworten" on the bot's card.
    return (
        f'<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="{card_id}">'
        '<strong itemprop="mri" itemid="28:bot">Assistenz-Bot</strong>'
        f'<p itemprop="preview">{QUESTION}</p></blockquote><p>{text}</p>'
    )


def _from(activity: dict[str, object], name: str) -> dict[str, object]:
    return activities.as_user(activity, _people()[name], name)  # type: ignore[arg-type]


async def _ask(bot: RunningBot, sink: ConnectorSink, text: str = QUESTION) -> str:
    """The asker (who never wrote to the bot) asks in the group chat; the thread card's id."""
    before = len(sink.sent)
    assert (await bot.post(activities.group_chat_mention(sink.url, text))).status == 201
    cards = [m for m in sink.sent[before:] if m["_conversation"] == CHAT and m.get("attachments")]
    return str(cards[0]["_id"])


async def test_on_day_one_the_asked_expert_answers_in_the_group_chat(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    # Nobody has written to the bot: not the asker, not the expert.
    await _ask(routing_bot, sink)
    [question] = await _questions(database_url)
    asked = question.candidates[question.current_index]
    assert question.state == "asked" and asked["name"] == "Kerstin Vogel"
    # Another named expert's message is theirs: a question of its own, not the answer.
    other = next(c["name"] for c in question.candidates if c["name"] != asked["name"])
    remark = activities.group_chat_mention(sink.url, "Wo finde ich den Schlüssel für Raum 2?")
    assert (await routing_bot.post(_from(remark, other))).status == 201
    rooms = [q for q in await _questions(database_url) if q.id == question.id]
    assert rooms[0].state == "asked" and rooms[0].answer_text is None

    answer = activities.group_chat_mention(sink.url, "Im Raumbuchungstool, Reiter Hamburg.")
    await routing_bot.post(_from(answer, "Kerstin Vogel"))
    closed = next(q for q in await _questions(database_url) if q.id == question.id)
    assert closed.state == "answered" and closed.owner_key == asked["expert_key"]
    assert closed.answer_text == "Im Raumbuchungstool, Reiter Hamburg."
    assert "Danke für Ihre Antwort" in sink.texts()[-1]


async def test_two_open_questions_take_the_quote_of_the_card(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    first_card = await _ask(routing_bot, sink)
    second_card = await _ask(routing_bot, sink, "Wer hilft bei der Raumbuchung in Hamburg?")
    first, second = sorted(await _questions(database_url), key=lambda q: q.id)
    assert first.candidates[first.current_index]["name"] == "Kerstin Vogel"
    assert second.candidates[second.current_index]["name"] == "Kerstin Vogel"
    # Which one? Nothing is saved, and she is told how to say it.
    plain = activities.group_chat_mention(sink.url, "Im Buchungstool.")
    await routing_bot.post(_from(plain, "Kerstin Vogel"))
    assert "mehrere Fragen" in sink.texts()[-1]
    assert [q.state for q in await _questions(database_url)] == ["asked", "asked"]

    quoted = _from(activities.group_chat_mention(sink.url, ""), "Kerstin Vogel")
    quoted.update(text=_quoting(second_card, "<at>Assistenz-Bot</at> Reiter Hamburg."))
    quoted["textFormat"] = "xml"
    await routing_bot.post(quoted)
    by_id = {q.id: q for q in await _questions(database_url)}
    assert by_id[second.id].state == "answered"
    assert by_id[second.id].answer_text == "Reiter Hamburg."  # without the quoted card text
    assert by_id[first.id].state == "asked"
    assert first_card != second_card
