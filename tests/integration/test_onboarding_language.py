"""A newcomer is welcomed in their own language (their Entra profile, since they never wrote
to the bot), not in the locale of the client that sent the join event: through the real
endpoint, database (SQLite and PostgreSQL) and Graph simulator."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from bot.adapters.clock import ManualClock
from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator import running_simulator
from tests.conftest import RunningBot, local_settings
from tests.integration.test_onboarding_endpoint import cards_to, member_added
from tests.support import activities
from tests.support.connector_sink import ConnectorSink
from tests.support.queue import drained

EMILY = ("57ef7766-ff5c-5b47-85cc-541f0babf98c", "Emily Clarke")  # preferredLanguage en-US
JANA = ("3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85", "Jana Becker")  # German
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


async def test_an_english_newcomer_is_welcomed_in_english_whatever_the_events_locale(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    sink.members = [activities.user(aad=aad, name=name) for aad, name in (EMILY, JANA)]
    clock = ManualClock(NOW)
    async with running_simulator(load_demo_organisation(), clock=clock) as graph_url:
        bot = await bot_factory(local_settings(database_url, graph_base_url=graph_url), clock)
        volunteer = activities.as_user(activities.message(sink.url, "ich werde gern buddy"), *JANA)
        assert (await bot.post(volunteer)).status == 201
        added = member_added(sink, f"29:{EMILY[0]}")
        added["locale"] = "de-DE"  # the locale of whoever's client added her
        assert (await bot.post(added)).status in (200, 201)
        await drained(database_url, clock.now())
        [welcome] = cards_to(sink, EMILY)
        assert "Welcome to the assistants' network" in welcome, welcome[:300]
        [intro] = [c for c in cards_to(sink, JANA) if "Sie sind Buddy für" in c]
        assert "Emily Clarke" in intro  # Jana wrote in German: her card stays German
