"""@mentions of colleagues in messages to the bot, through the real endpoint and DB (SQLite and
PostgreSQL): only the bot's own mention is cut, wherever it stands; a colleague's stays as their
name in the question and the answer, and changes neither a command nor small talk.
``routing_bot`` is the demo organisation's bot (tests/conftest.py)."""

from __future__ import annotations

import json
from typing import Any

from bot.i18n import t
from devkit.demo.organisation import load_demo_organisation
from tests.conftest import RunningBot
from tests.support import activities
from tests.support.connector_sink import ConnectorSink
from tests.support.stored_questions import stored_questions

PEOPLE = {p.display_name: p.id for p in load_demo_organisation().people}
BOT = "<at>Assistenz-Bot</at>"
CHAT = activities.group_chat_conversation()["id"]


def _mentioning(activity: dict[str, Any], text: str, *names: str) -> dict[str, Any]:
    """``activity`` with ``text`` (the bot's <at> tag where it stands) and, as Teams sends
    them, the mention entities of the colleagues ``names`` besides the bot's."""
    activity["text"] = text
    for name in names:
        entity = {"type": "mention", "text": f"<at>{name}</at>",
                  "mentioned": {"id": f"29:{PEOPLE[name]}", "name": name}}  # fmt: skip
        activity["entities"].append(entity)
    return activity


def _by(activity: dict[str, Any], name: str) -> dict[str, Any]:
    return activities.as_user(activity, PEOPLE[name], name)


async def test_a_colleagues_mention_stays_in_the_question_as_her_name(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    text = f"Weiß <at>Kerstin Vogel</at>, wie die Raumplanung in Köln funktioniert? {BOT}"
    ask = _mentioning(activities.channel_mention(sink.url, ""), text, "Kerstin Vogel")
    assert (await routing_bot.post(_by(ask, "Ralf Meyer"))).status == 201
    [question] = await stored_questions(database_url)
    # Before: "Weiß , wie die Raumplanung in Köln funktioniert?" (every <at> tag was cut).
    assert question.text == "Weiß Kerstin Vogel, wie die Raumplanung in Köln funktioniert?"
    assert question.state == "asked"
    assert {c["name"] for c in question.candidates} == {"Kerstin Vogel", "Birgit Fischer"}
    thread_card = json.dumps(sink.cards()[0], ensure_ascii=False)
    assert "Weiß Kerstin Vogel, wie die Raumplanung" in thread_card
    assert "Assistenz-Bot" not in thread_card


async def test_a_command_after_a_colleagues_mention_stays_a_command(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    text = f"{BOT} <at>Kerstin Vogel</at> hilfe"
    await routing_bot.post(
        _mentioning(activities.channel_mention(sink.url, ""), text, "Kerstin Vogel")
    )
    [help_card] = sink.cards()
    assert "was ich für Sie tun kann" in json.dumps(help_card, ensure_ascii=False)
    # Thanks naming a colleague are small talk, no question.
    text = f"{BOT} <at>Kerstin Vogel</at> <at>Birgit Fischer</at> Danke euch!"
    thanks = _mentioning(
        activities.channel_mention(sink.url, ""), text, "Kerstin Vogel", "Birgit Fischer"
    )
    await routing_bot.post(thanks)
    assert "Sehr gern!" in sink.texts()[-1]
    # A greeting naming colleagues in full is a greeting too, not a question about them.
    text = f"{BOT} Hallo <at>Kerstin Vogel</at>, <at>Birgit Fischer</at>!"
    hello = _mentioning(
        activities.channel_mention(sink.url, ""), text, "Kerstin Vogel", "Birgit Fischer"
    )
    await routing_bot.post(hello)
    assert "Dazu kenne ich" not in sink.texts()[-1]
    assert sink.texts()[-1] == t("routing.reply.greeting", "de")
    assert await stored_questions(database_url) == []


async def test_the_experts_answer_keeps_the_colleague_she_names(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    await routing_bot.post(_by(activities.message(sink.url, "hilfe"), "Kerstin Vogel"))
    ask = activities.channel_mention(
        sink.url, "Wer kann mir bei der Raumplanung in Hamburg helfen?"
    )
    ask["conversation"]["id"] += f";messageid={ask['id']}"
    await routing_bot.post(_by(ask, "Jana Becker"))
    [question] = await stored_questions(database_url)
    assert question.candidates[question.current_index]["name"] == "Kerstin Vogel"
    # A colleague's remark naming someone asks nothing ("weiß das bestimmt." alone would).
    remark = _mentioning(activities.channel_mention(sink.url, ""), "", "Birgit Fischer")
    remark["conversation"]["id"] = ask["conversation"]["id"]
    remark["text"] = f"{BOT} <at>Birgit Fischer</at> weiß das bestimmt."
    before = len(sink.sent)
    await routing_bot.post(_by(remark, "Sabine Krüger"))
    [note] = sink.sent[before:]
    assert "Eine neue Frage ist das nicht" in note["text"]
    assert len(await stored_questions(database_url)) == 1
    reply = _mentioning(activities.channel_mention(sink.url, ""), "", "Birgit Fischer")
    reply["conversation"]["id"] = ask["conversation"]["id"]
    reply["text"] = (
        f"{BOT} Im Raumtool, Reiter Hamburg – den Schlüssel hat <at>Birgit Fischer</at>."
    )
    await routing_bot.post(_by(reply, "Kerstin Vogel"))
    [answered] = await stored_questions(database_url)
    assert answered.state == "answered"
    assert (
        answered.answer_text == "Im Raumtool, Reiter Hamburg – den Schlüssel hat Birgit Fischer."
    )


async def test_thanks_naming_the_asker_in_a_group_chat_is_no_probable_answer(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    ask = activities.group_chat_mention(
        sink.url, "Wer kann mir bei der Raumplanung in Hamburg helfen?"
    )
    await routing_bot.post(_by(ask, "Jana Becker"))
    [question] = await stored_questions(database_url)
    expert = question.candidates[question.current_index]["name"]
    before = len(sink.sent)
    text = f"{BOT} <at>Jana Becker</at> danke!"
    thanks = _mentioning(activities.group_chat_mention(sink.url, ""), text, "Jana Becker")
    await routing_bot.post(_by(thanks, expert))
    [reply] = [m for m in sink.sent[before:] if m["_conversation"] == CHAT]
    # "Jana Becker danke!" is as social as "danke!": no "Ist das Ihre Antwort?".
    assert "Ist das Ihre Antwort?" not in json.dumps(reply, ensure_ascii=False)
    assert "Sehr gern!" in reply["text"]
    # Her real answer naming a colleague is asked about, with the name.
    before = len(sink.sent)
    text = f"{BOT} Frag <at>Birgit Fischer</at>, sie hat den Schlüssel."
    answer = _mentioning(activities.group_chat_mention(sink.url, ""), text, "Birgit Fischer")
    await routing_bot.post(_by(answer, expert))
    [card] = [m for m in sink.sent[before:] if m["_conversation"] == CHAT]
    shown = json.dumps(card, ensure_ascii=False)
    assert (
        "Ist das Ihre Antwort?" in shown and "Frag Birgit Fischer, sie hat den Schlüssel." in shown
    )
