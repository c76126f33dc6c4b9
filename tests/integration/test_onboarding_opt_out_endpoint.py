"""A newcomer declines the buddy after the pairing, through the real endpoint and database
(SQLite and PostgreSQL): the buddy, introduced already, is told once in their language, and the
admins' overview no longer names a buddy for "ohne Buddy (abgelehnt)"."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from tests.conftest import RunningBot
from tests.integration.test_onboarding_admin_pick_endpoint import AYLIN, welcomed_day
from tests.integration.test_onboarding_endpoint import JANA, MELANIE, cards_to
from tests.support.connector_sink import ConnectorSink


async def test_the_buddy_hears_that_the_newcomer_declined(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with welcomed_day(bot_factory, sink, database_url) as day:
        assert any("Sie sind Buddy für Melanie" in c for c in cards_to(sink, JANA))
        oid = day.onboarding.id
        for _ in range(2):  # clicked twice
            reply = await day.click("onboarding.opt_out", {"onboarding_id": oid}, MELANIE)
            assert "Sie bekommen keinen Buddy" in reply
        told = [c for c in cards_to(sink, JANA) if "möchte keinen Buddy" in c]
        assert len(told) == 1 and "nicht mehr Buddy für Melanie Schäfer" in told[0]
        overview = await day.say("willkommen offen", AYLIN)
        assert "ohne Buddy (abgelehnt), Buddy: –" in overview
