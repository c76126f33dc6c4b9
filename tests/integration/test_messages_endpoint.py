"""The real endpoint with the real database: help, mentions, bad input, re-deliveries."""

from __future__ import annotations

import asyncio
import copy
from pathlib import Path
from typing import Any

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
    response = await bot.http.post(f"{bot.url}/api/messages", data=b"\xff\xfe")
    assert response.status == 400
    response = await bot.post(activities.message(sink.url, "hilfe"))
    assert response.status == 201
    assert len(sink.cards()) == 1
    assert await _count(database_url, ProcessedActivity) == 1


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
