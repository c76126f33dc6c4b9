"""The help card's and team welcome's buttons through the real endpoint: every button's data
validates and reaches the handler of the command it stands for; the question form routes its
text like a typed question; forged button data is refused and changes nothing."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from tests.conftest import RunningBot, local_settings
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


def _help_text(card: dict[str, Any]) -> str:
    return " ".join(
        str(item.get("text", "")) for c in card["body"] for item in c.get("items", [c])
    )


async def test_the_help_card_promises_only_what_works(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """The card tells members that „stammtisch“ shows the poll and that organisers start one
    (a member's „stammtisch neu“ is refused), and names birthdays and how to become a buddy;
    what it names works, in German and English."""
    organiser = "00000000-0000-4000-8000-000000000099"
    settings = local_settings(database_url, stammtisch_organiser_ids=[organiser])
    bot = await bot_factory(settings)
    assert (await bot.post(activities.message(sink.url, "hilfe"))).status == 201
    german = _help_text(sink.cards()[-1])
    assert "„stammtisch“ zeigt die aktuelle Umfrage" in german
    assert "Organisatorinnen und Organisatoren mit „stammtisch neu“" in german
    assert "„mein geburtstag 14.03.“" in german and "„ich werde gern buddy“" in german
    english_help = activities.message(sink.url, "help", locale="en-US")
    assert (await bot.post(english_help)).status == 201
    english = _help_text(sink.cards()[-1])
    assert "“stammtisch” shows the current poll" in english
    assert "Organisers start a new one with “stammtisch new”" in english
    assert "“my birthday”" in english and "“become a buddy”" in english
    sink.sent.clear()

    said = [
        (activities.channel_mention(sink.url, "stammtisch neu"), "Das dürfen nur die Organisator"),
        (activities.message(sink.url, "mein geburtstag 14.03."), "Gespeichert"),
        (activities.message(sink.url, "ich werde gern buddy"), "als Buddy gemeldet"),
        (activities.message(sink.url, "my birthday", locale="en-US"), "birthday"),
        (activities.message(sink.url, "become a buddy", locale="en-US"), "buddy volunteer"),
    ]
    for activity, expected in said:
        assert (await bot.post(activity)).status == 201
        assert expected in json.dumps(sink.sent[-1], ensure_ascii=False), activity["text"]


async def test_a_command_said_politely_is_the_command(
    bot: RunningBot, sink: ConnectorSink
) -> None:
    # Before, "Bitte meine Daten löschen" did not start with the command: it was routed as a
    # know-how question, and an expert got someone's erasure request.
    assert (await bot.post(activities.message(sink.url, "Bitte meine Daten löschen!"))).status
    assert _answer(sink) == "Meine Daten löschen?"
    sink.sent.clear()
    english = activities.message(sink.url, "please help")
    english["locale"] = "en-US"
    assert (await bot.post(english)).status == 201
    assert _answer(sink).startswith("Assistant network")
