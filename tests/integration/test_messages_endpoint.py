"""The real endpoint with the real database: help, mentions, bad input, re-deliveries."""

from __future__ import annotations

import asyncio
import copy
import time
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import func, select

from bot.adapters.db.engine import create_engine
from bot.adapters.db.migrate import upgrade
from bot.adapters.db.models import ConversationReferenceRow, ProcessedActivity
from tests.conftest import RunningBot, local_settings
from tests.support import activities
from tests.support.connector_sink import ConnectorSink


async def _count(database_url: str, model: type) -> int:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            return int(await connection.scalar(select(func.count()).select_from(model)) or 0)
    finally:
        await engine.dispose()


async def test_hilfe_answers_with_german_overview_card(
    bot: RunningBot, sink: ConnectorSink
) -> None:
    response = await bot.post(activities.message(sink.url, "Hilfe"))
    assert response.status == 201
    [card] = sink.cards()
    assert card["version"] == "1.5"
    assert "was ich für Sie tun kann" in card["body"][0]["text"]


async def test_help_in_english_locale(bot: RunningBot, sink: ConnectorSink) -> None:
    await bot.post(activities.message(sink.url, "help", locale="en-US"))
    [card] = sink.cards()
    assert card["body"][0]["text"].startswith("Assistant network")


async def test_channel_mention_is_stripped_and_answered_in_thread(
    bot: RunningBot, sink: ConnectorSink
) -> None:
    activity = activities.channel_mention(sink.url, "hilfe")
    await bot.post(activity)
    [sent] = sink.sent
    assert sent["_reply_to"] == activity["id"]
    assert sink.cards()


async def test_channel_posts_without_the_bots_mention_are_ignored_without_trace(
    bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    # Delivered like this only with RSC consent (ChannelMessage.Read.Group): not for the bot.
    greeting = activities.channel_post(sink.url, "Guten Morgen zusammen!")
    assert (await bot.post(greeting)).status == 201
    colleague = activities.channel_post(sink.url, "@Kerstin Vogel hilfe", n=2)
    colleague["text"] = "<at>Kerstin Vogel</at> hilfe"
    colleague["entities"] = [
        {"type": "mention", "text": "<at>Kerstin Vogel</at>", "mentioned": activities.user(7)}
    ]
    assert (await bot.post(colleague)).status == 201
    assert sink.sent == []
    assert await _count(database_url, ConversationReferenceRow) == 0
    assert await _count(database_url, ProcessedActivity) == 0
    # The same words with the bot's mention are answered; a card click needs no mention.
    await bot.post(activities.channel_mention(sink.url, "hilfe", n=2))
    assert len(sink.cards()) == 1
    click = activities.in_channel(activities.card_submit(sink.url, "nothing.here", {}))
    await bot.post(click)
    assert "kenne ich nicht" in str(sink.cards()[-1])


async def test_unknown_command_gets_friendly_german_hint(
    bot: RunningBot, sink: ConnectorSink
) -> None:
    # Free text is a question for the experts; with nobody to ask the bot says so kindly.
    await bot.post(activities.message(sink.url, "xyzzy bitte"))
    [text] = sink.texts()
    assert "noch keine Assistenzen" in text and "„hilfe“" in text


async def test_malformed_bodies_get_400_and_server_keeps_serving(
    bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    for body in (b"{not json", b"[1,2]", b'"text"', b"{}", b'{"type": "message"}'):
        response = await bot.post(body)
        assert response.status == 400, body
    response = await bot.post(b"\xff\xfe")
    assert response.status == 400
    response = await bot.post(activities.message(sink.url, "hilfe"))
    assert response.status == 201
    assert len(sink.cards()) == 1
    assert await _count(database_url, ProcessedActivity) == 1


async def test_only_json_content_type_is_accepted(bot: RunningBot, sink: ConnectorSink) -> None:
    body = orjson.dumps(activities.message(sink.url, "hilfe"))
    for content_type in ("text/plain", "application/x-www-form-urlencoded", "application/xml"):
        response = await bot.post(body, headers={"Content-Type": content_type})
        assert response.status == 415, content_type
    # No Content-Type at all (aiohttp sends none for raw bytes without one).
    response = await bot.http.post(f"{bot.url}/api/messages", data=body)
    assert response.status == 415
    assert sink.sent == []
    for content_type in ("application/json; charset=utf-8", "Application/JSON;charset=UTF-8"):
        message = orjson.dumps(activities.message(sink.url, "hilfe"))
        response = await bot.post(message, headers={"Content-Type": content_type})
        assert response.status == 201, content_type
    assert len(sink.cards()) == 2


async def test_200_kb_message_is_answered_while_health_checks_stay_fast(
    bot: RunningBot, sink: ConnectorSink
) -> None:
    # Many words and unclosed tags: the worst case for command matching and markup removal.
    text = ("wort <at>x <b " * 15_000)[:200_000]
    latencies: list[float] = []
    done = asyncio.Event()

    async def probe() -> None:
        while not done.is_set():
            started = time.perf_counter()
            assert (await bot.http.get(f"{bot.url}/healthz")).status == 200
            latencies.append(time.perf_counter() - started)
            await asyncio.sleep(0.005)

    prober = asyncio.create_task(probe())
    await asyncio.sleep(0.05)
    try:
        response = await bot.post(activities.message(sink.url, text))
    finally:
        done.set()
        await prober
    assert response.status == 201
    [answer] = sink.texts()
    assert "zu lang" in answer
    assert len(latencies) >= 3 and max(latencies) < 0.1, latencies


async def test_redelivered_activity_is_handled_once(
    bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    activity = activities.message(sink.url, "hilfe")
    responses = await asyncio.gather(*(bot.post(copy.deepcopy(activity)) for _ in range(5)))
    assert all(r.status == 201 for r in responses)
    assert len(sink.sent) == 1
    assert await _count(database_url, ProcessedActivity) == 1


async def test_conversation_references_are_stored(
    bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    await bot.post(activities.message(sink.url, "hilfe", n=1))
    await bot.post(activities.message(sink.url, "hilfe", n=2))
    await bot.post(activities.message(sink.url, "hilfe", n=2))
    await bot.post(activities.channel_mention(sink.url, "hilfe", n=3))
    assert await _count(database_url, ConversationReferenceRow) == 3


async def test_unknown_card_verb_and_bad_payload_get_error_card(
    bot: RunningBot, sink: ConnectorSink
) -> None:
    response = await bot.post(activities.card_invoke(sink.url, "nothing.here", {}))
    assert response.status == 200
    body = await response.json()
    assert body["type"] == "application/vnd.microsoft.card.adaptive"
    assert "kenne ich nicht" in body["value"]["body"][1]["text"]
    assert sink.sent == []


async def test_install_in_team_posts_introduction_once(
    bot: RunningBot, sink: ConnectorSink
) -> None:
    await bot.post(activities.bot_added_to_team(sink.url))
    await bot.post(activities.bot_added_to_team(sink.url))
    [card] = sink.cards()
    assert "Assistenz-Netzwerk" in card["body"][0]["text"]


async def test_health_and_readiness(bot: RunningBot) -> None:
    assert (await bot.http.get(f"{bot.url}/healthz")).status == 200
    ready = await bot.http.get(f"{bot.url}/readyz")
    assert ready.status == 200 and (await ready.json())["database"] == "up"


async def test_readiness_says_when_the_schema_is_behind(bot_factory: Any, tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
    await asyncio.to_thread(upgrade, url, "0004")  # alembic runs its own event loop
    bot = await bot_factory(local_settings(url))
    behind = await bot.http.get(f"{bot.url}/readyz")
    assert behind.status == 503
    assert await behind.json() == {
        "status": "unavailable",
        "database": "schema behind: run assistenz-bot migrate",
    }
    await asyncio.to_thread(upgrade, url)
    assert (await bot.http.get(f"{bot.url}/readyz")).status == 200  # no restart needed
