"""The help card's and team welcome's buttons through the real endpoint: every button's data
validates and reaches the handler of the command it stands for; the question form routes its
text like a typed question; forged button data is refused and changes nothing."""

from __future__ import annotations

import json
from typing import Any

from tests.conftest import RunningBot
from tests.support import activities
from tests.support.connector_sink import ConnectorSink

# The command each help button stands for (the chat command that shows the same).
COMMAND = {"topics": "meine themen", "room": "raum", "stammtisch": "stammtisch",
           "data": "meine daten"}  # fmt: skip


def _click(sink: ConnectorSink, data: dict[str, Any]) -> dict[str, Any]:
    """The Action.Submit message Teams sends for a button with ``data``."""
    rest = {key: value for key, value in data.items() if key != "verb"}
    return activities.card_submit(sink.url, str(data["verb"]), rest)


def _answer(sink: ConnectorSink) -> str:
    """What the bot sent since the last clear: the text or the first card's title line."""
    [sent] = sink.sent
    for attachment in sent.get("attachments") or []:
        return str(attachment["content"]["body"][0]["text"])
    return str(sent.get("text"))


async def _help_buttons(bot: RunningBot, sink: ConnectorSink) -> list[dict[str, Any]]:
    assert (await bot.post(activities.message(sink.url, "hilfe"))).status == 201
    [card] = sink.cards()
    sink.sent.clear()
    return list(card["actions"])


async def test_every_help_button_opens_what_its_command_shows(
    bot: RunningBot, sink: ConnectorSink
) -> None:
    buttons = await _help_buttons(bot, sink)
    titles = [b["title"] for b in buttons]
    assert titles == ["Frage stellen", "Meine Themen", "Raum suchen", "Stammtisch", "Meine Daten"]
    assert all(b["type"] == "Action.Submit" for b in buttons)  # the overview stays usable
    for button in buttons[1:]:
        target = button["data"]["target"]
        assert (await bot.post(_click(sink, button["data"]))).status in (200, 201)
        clicked = _answer(sink)
        sink.sent.clear()
        await bot.post(activities.message(sink.url, COMMAND[target]))
        assert clicked == _answer(sink), target
        sink.sent.clear()
    # The room button really is the room form, not an error card that happens to match.
    await bot.post(_click(sink, buttons[2]["data"]))
    [form] = sink.cards()
    assert "rooms.search" in json.dumps(form["actions"])


async def test_question_form_routes_like_a_typed_question(
    bot: RunningBot, sink: ConnectorSink
) -> None:
    [ask, *_] = await _help_buttons(bot, sink)
    await bot.post(_click(sink, ask["data"]))
    [form] = sink.cards()
    [field] = [e for e in form["body"] if e.get("type") == "Input.Text"]
    assert field["id"] == "question" and field["isRequired"] and field["maxLength"] == 8000
    [send] = form["actions"]
    sink.sent.clear()
    question = "Wer kennt sich mit Reisekosten in Concur aus?"
    await bot.post(_click(sink, {**send["data"], field["id"]: f"  {question}\n"}))
    from_form = _answer(sink)
    sink.sent.clear()
    await bot.post(activities.message(sink.url, f"frage {question}"))
    assert from_form == _answer(sink)
    assert "noch keine Assistenzen" in from_form  # the routing answer of an empty pool


async def test_forged_button_data_is_refused(bot: RunningBot, sink: ConnectorSink) -> None:
    forged = [
        {"verb": "help.open", "target": "admin"},
        {"verb": "help.open"},
        {"verb": "help.open", "target": "room", "text": "raum morgen"},
        {"verb": "help.ask", "question": "   "},
        {"verb": "help.ask", "question": "x" * 8001},
        {"verb": "help.ask", "question": ["Concur?"]},
    ]
    for data in forged:
        await bot.post(_click(sink, data))
        assert "ungültig" in json.dumps(sink.cards(), ensure_ascii=False), data
        sink.sent.clear()


async def test_team_welcome_has_the_help_buttons(bot: RunningBot, sink: ConnectorSink) -> None:
    buttons = await _help_buttons(bot, sink)
    await bot.post(activities.bot_added_to_team(sink.url))
    [welcome] = sink.cards()
    assert welcome["actions"] == buttons
    # Clicked in the channel, "Meine Daten" keeps the data out of the channel.
    click = activities.in_channel(_click(sink, buttons[-1]["data"]))
    sink.sent.clear()
    await bot.post(click)
    assert "persönlichen Chat" in json.dumps(sink.sent, ensure_ascii=False)
