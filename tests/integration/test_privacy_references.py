"""After "meine daten löschen" the person's conversation references are gone; when they write
again the bot stores them again, on every replica (real endpoint, two replicas on one
database, SQLite and PostgreSQL). Before, each replica still remembered having stored them
and skipped the write until its restart: no proactive message reached the person."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from bot.adapters.clock import ManualClock
from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.references import SqlConversationReferences
from bot.teams.references import RECHECK_AFTER
from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator import running_simulator
from tests.conftest import RunningBot, local_settings
from tests.support import activities
from tests.support.connector_sink import ConnectorSink

JANA = ("3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85", "Jana Becker")
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


async def _say(bot: RunningBot, sink: ConnectorSink, text: str) -> None:
    assert (await bot.post(activities.as_user(activities.message(sink.url, text), *JANA))).status


async def _erase(asked: RunningBot, clicked: RunningBot, sink: ConnectorSink) -> None:
    await _say(asked, sink, "meine daten löschen")
    offer = sink.cards()[-1]
    [data] = [a["data"] for a in offer["actions"] if a["verb"] == "privacy.erase_confirm"]
    click = activities.as_user(activities.card_invoke(sink.url, "privacy.erase_confirm", data),
                               *JANA)  # fmt: skip
    assert "Ihre Daten sind gelöscht" in str(await (await clicked.post(click)).json())


async def _stored(database_url: str) -> bool:
    engine = create_engine(database_url)
    try:
        references = SqlConversationReferences(create_session_factory(engine))
        return await references.personal_for_user(JANA[0]) is not None
    finally:
        await engine.dispose()


async def test_who_erased_their_data_is_stored_again_when_writing_on_any_replica(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    clock = ManualClock(NOW)
    async with running_simulator(load_demo_organisation(), clock=clock) as graph_url:
        settings = local_settings(database_url, graph_base_url=graph_url)
        first, second = await bot_factory(settings, clock), await bot_factory(settings, clock)
        for bot in (first, second):  # both replicas remember having stored her chat
            await _say(bot, sink, "hilfe")
        assert await _stored(database_url)
        # Confirmed on the second replica: it forgets at once.
        await _erase(first, second, sink)
        assert not await _stored(database_url)
        await _say(second, sink, "hilfe")
        assert await _stored(database_url)
        # Confirmed on the second again, she writes on the first: stored within RECHECK_AFTER.
        await _erase(first, second, sink)
        assert not await _stored(database_url)
        clock.advance(RECHECK_AFTER)
        await _say(first, sink, "hilfe")
        assert await _stored(database_url)
