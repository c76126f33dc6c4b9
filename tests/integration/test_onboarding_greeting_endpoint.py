"""The welcome greets a newcomer by their first name, through the real endpoint (SQLite and
PostgreSQL): "Dr. Priya Raman" (as the directory names her) is welcomed as Priya."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from tests.conftest import RunningBot
from tests.integration.test_onboarding_admin_pick_endpoint import PRIYA, welcomed_day
from tests.integration.test_onboarding_endpoint import cards_to, member_added
from tests.support.connector_sink import ConnectorSink


async def test_a_newcomer_with_a_title_is_greeted_by_first_name(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with welcomed_day(bot_factory, sink, database_url) as day:
        assert (await day.bot.post(member_added(sink, f"29:{PRIYA[0]}"))).status in (200, 201)
        await day.settle()
        [welcome] = cards_to(sink, PRIYA)
        assert "Welcome to the assistants' network, Priya!" in welcome
        assert "Dr.!" not in welcome
