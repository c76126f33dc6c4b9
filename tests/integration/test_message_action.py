"""The message action "Ans Assistenz-Netzwerk fragen" through the real endpoint, with the invoke
shapes Teams sends: the dialog prefilled with the message's text (HTML stripped), the question
routed like a typed one into the channel or the asker's personal chat, once per invoke, and
bad input answered kindly in the dialog."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from bot.appmanifest import build_manifest
from bot.teams.message_action import COMMAND_ID
from tests.conftest import RunningBot, local_settings
from tests.support import activities
from tests.support.connector_sink import ConnectorSink
from tests.support.simulated_org import bot_with_experts, forbid_app_install
from tests.support.stored_questions import stored_questions

JANA = ("3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85", "Jana Becker")
HTML = (
    "<p>Hallo zusammen,</p><p>wer kennt sich mit <b>Concur</b> &amp; Reisekosten aus?<br>"
    "Danke!</p>"
)
STRIPPED = "Hallo zusammen,\nwer kennt sich mit Concur & Reisekosten aus?\nDanke!"
QUESTION = "Wer kennt sich mit Reisekosten in Concur aus?"


def _payload() -> dict[str, Any]:
    """The message the action was used on, as Teams describes it."""
    return {
        "id": "1700000000001",
        "messageType": "message",
        "createdDateTime": "2026-11-22T08:59:00.000Z",
        "importance": "normal",
        "locale": "de-de",
        "from": {"user": {"id": "29:someone", "displayName": "Kerstin Vogel"}},
        "body": {"contentType": "html", "content": HTML},
        "attachments": [],
        "mentions": [],
        "reactions": [],
    }


def _invoke(sink: ConnectorSink, name: str, value: Any, *, channel: bool = True) -> Any:
    activity = activities.card_invoke(sink.url, "unused", {})
    activity.update(name=name, value=value)
    activity.pop("replyToId", None)
    if channel:
        activity = activities.in_channel(activity)
    return activities.as_user(activity, *JANA)


def _fetch(sink: ConnectorSink, *, channel: bool = True) -> Any:
    value = {"commandId": COMMAND_ID, "commandContext": "message", "context": {"theme": "default"},
             "messagePayload": _payload()}  # fmt: skip
    return _invoke(sink, "composeExtension/fetchTask", value, channel=channel)


def _submit(sink: ConnectorSink, data: Any, *, channel: bool = True, **extra: Any) -> Any:
    value = {"commandId": COMMAND_ID, "commandContext": "message", "context": {"theme": "default"},
             "messagePayload": _payload(), "data": data, **extra}  # fmt: skip
    return _invoke(sink, "composeExtension/submitAction", value, channel=channel)


async def _answer(bot: RunningBot, activity: Any) -> Any:
    response = await bot.post(activity)
    assert response.status == 200, await response.text()
    return await response.json()


def _inputs(dialog: Any) -> dict[str, dict[str, Any]]:
    assert dialog["task"]["type"] == "continue"
    card = dialog["task"]["value"]["card"]
    assert card["contentType"] == "application/vnd.microsoft.card.adaptive"
    return {e["id"]: e for e in card["content"]["body"] if "id" in e}


async def test_the_dialog_holds_the_message_text_without_markup(
    routing_bot: RunningBot, sink: ConnectorSink
) -> None:
    dialog = await _answer(routing_bot, _fetch(sink))
    assert dialog["task"]["value"]["title"] == "Ans Assistenz-Netzwerk fragen"
    inputs = _inputs(dialog)
    assert inputs["question"]["value"] == STRIPPED
    assert inputs["target"]["value"] == "channel"  # used in a channel: the channel first
    assert {c["value"] for c in inputs["target"]["choices"]} == {"channel", "chat"}
    personal = _inputs(await _answer(routing_bot, _fetch(sink, channel=False)))
    assert personal["target"]["value"] == "chat"
    assert sink.sent == []  # the dialog posts nothing


async def test_sent_to_the_channel_it_is_routed_like_a_typed_question(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    submit = _submit(sink, {"question": f"  {QUESTION}\n", "target": "channel"})
    answer = await _answer(routing_bot, submit)
    assert answer == {"task": {"type": "message", "value": answer["task"]["value"]}}
    assert "im Kanal des Assistenz-Netzwerks" in answer["task"]["value"]
    # A new post in the channel (not in a thread): the question's card naming experts.
    posts = [a for a in sink.sent if a["_conversation"] == "19:general@thread.tacv2"]
    [post] = posts
    assert "Claudia Neumann" in json.dumps(post, ensure_ascii=False)  # the Concur expert
    [question] = await stored_questions(database_url)
    assert question.text == QUESTION and question.asker_key == JANA[0]
    # Teams re-delivers a slow invoke: the same activity asks nothing a second time.
    assert (await routing_bot.post(submit)).status == 200
    assert len(await stored_questions(database_url)) == 1


async def test_sent_to_the_personal_chat_after_writing_there(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    data = {"question": QUESTION, "target": "chat"}
    hello = activities.as_user(activities.message(sink.url, "hilfe"), *JANA)
    assert (await routing_bot.post(hello)).status == 201
    sink.sent.clear()
    answer = await _answer(routing_bot, _submit(sink, data))
    assert "persönlichen Chat" in answer["task"]["value"]
    assert {a["_conversation"] for a in sink.sent} >= {f"a:personal-{JANA[0]}"}
    [question] = await stored_questions(database_url)
    assert question.text == QUESTION


async def test_day_one_the_personal_chat_is_opened_and_a_blocked_one_refused(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    # Jana never wrote to the bot: it opens her 1:1 chat (as for any DM) and the question's
    # card goes there. Kerstin blocked the bot (no install, no chat): refused, nothing sent.
    async with bot_with_experts(bot_factory, database_url) as (bot, graph_url):
        data = {"question": QUESTION, "target": "chat"}
        answer = await _answer(bot, _submit(sink, data))
        assert "Ihre Frage ist unterwegs" in answer["task"]["value"]
        [thread] = sink.cards()[:1]
        assert sink.sent[0]["conversation"]["conversationType"] == "personal"
        assert sink.sent[0]["recipient"]["aadObjectId"] == JANA[0]
        assert QUESTION in json.dumps(thread, ensure_ascii=False)
        [question] = await stored_questions(database_url)
        assert question.text == QUESTION and question.asker_key == JANA[0]

        kerstin = ("f38180ae-1428-558d-b7ec-fb33fc42d9f1", "Kerstin Vogel")
        await forbid_app_install(graph_url, kerstin[0])
        sink.refuse_chats.add(f"29:{kerstin[0]}")  # and Teams refuses to open her chat
        sink.sent.clear()
        activity = activities.as_user(_submit(sink, data), *kerstin)
        refused = await _answer(bot, activity)
        assert "nicht persönlich schreiben" in refused["task"]["value"]
        assert sink.sent == [] and len(await stored_questions(database_url)) == 1


@pytest.mark.parametrize(
    "value",
    [
        {"commandId": "somethingElse", "commandContext": "message", "data": {}},
        {"commandId": COMMAND_ID, "data": {"question": QUESTION, "target": "everyone"}},
        {"commandId": COMMAND_ID, "data": {"question": "   ", "target": "chat"}},
        {"commandId": COMMAND_ID, "data": {"question": "x" * 8001, "target": "channel"}},
        {"commandId": COMMAND_ID, "data": {"target": "channel"}},
        {"commandId": COMMAND_ID},
    ],
)
async def test_bad_input_is_answered_kindly_and_changes_nothing(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str, value: dict[str, Any]
) -> None:
    activity = _invoke(sink, "composeExtension/submitAction", value)
    answer = await _answer(routing_bot, activity)
    assert "konnte ich nicht lesen" in answer["task"]["value"]
    assert sink.sent == [] and await stored_questions(database_url) == []


async def test_malformed_invokes_are_refused_and_unknown_ones_stay_501(
    routing_bot: RunningBot, sink: ConnectorSink
) -> None:
    for value in ({"commandId": COMMAND_ID, "data": "x"}, {"commandId": 7}, "x"):
        response = await routing_bot.post(_invoke(sink, "composeExtension/submitAction", value))
        assert response.status == 400, value
    fetch = _invoke(sink, "composeExtension/fetchTask", {"commandId": COMMAND_ID})
    assert "konnte ich nicht lesen" in (await _answer(routing_bot, fetch))["task"]["value"]
    # Link unfurling is not built: botbuilder's default answer stays.
    unfurl = _invoke(sink, "composeExtension/queryLink", {"url": "https://example.org"})
    assert (await routing_bot.post(unfurl)).status == 501


def test_the_manifest_offers_the_command_on_messages(database_url: str) -> None:
    manifest = build_manifest(local_settings(database_url))
    [extension] = manifest["composeExtensions"]
    [command] = [c for c in extension["commands"] if c["id"] == COMMAND_ID]
    assert command["id"] == COMMAND_ID and command["context"] == ["message"]
    assert command["type"] == "action" and command["fetchTask"] is True
    assert extension["botId"] == manifest["bots"][0]["botId"]


async def test_from_a_chat_the_channel_is_the_network_teams_general_channel(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    data = {"question": QUESTION, "target": "channel"}
    refused = await _answer(routing_bot, _submit(sink, data, channel=False))
    assert "keinen Kanal des Assistenz-Netzwerks" in refused["task"]["value"]
    assert sink.sent == [] and await stored_questions(database_url) == []
    assert (await routing_bot.post(activities.bot_added_to_team(sink.url))).status in (200, 201)
    sink.sent.clear()
    answer = await _answer(routing_bot, _submit(sink, data, channel=False))
    assert "im Kanal des Assistenz-Netzwerks" in answer["task"]["value"]
    # The General channel's id is the team's id; the post starts a new thread there.
    [post] = [a for a in sink.sent if a["_conversation"] == "19:team@thread.tacv2"]
    assert "Claudia Neumann" in json.dumps(post, ensure_ascii=False)
    assert len(await stored_questions(database_url)) == 1


async def test_a_message_longer_than_a_question_is_prefilled_up_to_a_whole_word(
    routing_bot: RunningBot, sink: ConnectorSink
) -> None:
    """A Teams message may hold 28,000 characters, a question 8,000: the dialog holds what the
    submit accepts, cut after a whole word, and sending it unchanged asks it."""
    text = " ".join(f"Reisekostenabrechnung{n} in Concur" for n in range(1200))  # ~38,000
    body = {"contentType": "text", "content": text}
    value = {"commandId": COMMAND_ID, "commandContext": "message",
             "messagePayload": {**_payload(), "body": body}}  # fmt: skip
    response = await routing_bot.post(_invoke(sink, "composeExtension/fetchTask", value))
    assert len(await response.read()) < 12_000  # the dialog, not the whole message
    prefilled = _inputs(await response.json())["question"]["value"]
    assert len(prefilled) <= 8000 and prefilled.endswith("…")
    kept = prefilled.removesuffix("…")
    assert text.startswith(kept) and text[len(kept)] == " " and len(kept) > 7900
    submit = _submit(sink, {"question": prefilled, "target": "channel"})
    answer = await _answer(routing_bot, submit)
    assert "im Kanal des Assistenz-Netzwerks" in answer["task"]["value"]


def _mention(tag: int, name: str, **mentioned: Any) -> dict[str, Any]:
    """A mention of the message payload, as Graph describes one."""
    identities = {"user": None, "application": None, "conversation": None, **mentioned}
    return {"id": tag, "mentionText": name, "mentioned": identities}


async def test_the_bots_own_mention_is_not_prefilled_a_colleagues_stays_as_her_name(
    routing_bot: RunningBot, sink: ConnectorSink
) -> None:
    """The message action on "@Assistenz-Bot weiß @Kerstin Vogel, wie …": the question asks
    nothing of the bot, so its name is cut (as for a message sent to the bot); Kerstin's
    stays as her plain name. A tag no mention explains is cut only when it is the bot's name."""
    content = (
        '<div><div><at id="0">Assistenz-Bot</at>&nbsp;weiß <at id="1">Kerstin Vogel</at>, wie '
        "man Reisekosten in Concur abrechnet?</div></div>"
    )
    bot = {"applicationIdentityType": "bot", "id": activities.BOT_ID.removeprefix("28:"),
           "displayName": "Assistenz-Bot"}  # fmt: skip
    kerstin = {"id": "b1f0e9f2-0000-4000-8000-000000000001", "displayName": "Kerstin Vogel",
               "userIdentityType": "aadUser"}  # fmt: skip
    payload = {**_payload(), "body": {"contentType": "html", "content": content},
               "mentions": [_mention(0, "Assistenz-Bot", application=bot),
                            _mention(1, "Kerstin Vogel", user=kerstin)]}  # fmt: skip
    value = {"commandId": COMMAND_ID, "commandContext": "message", "messagePayload": payload}
    dialog = await _answer(routing_bot, _invoke(sink, "composeExtension/fetchTask", value))
    wanted = "weiß Kerstin Vogel, wie man Reisekosten in Concur abrechnet?"
    assert _inputs(dialog)["question"]["value"] == wanted

    unexplained = {**payload, "mentions": None}
    value = {**value, "messagePayload": unexplained}
    dialog = await _answer(routing_bot, _invoke(sink, "composeExtension/fetchTask", value))
    assert _inputs(dialog)["question"]["value"] == wanted
    assert sink.sent == []
