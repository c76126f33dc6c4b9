"""Small checks of buddy onboarding through the real endpoint and database (SQLite and
PostgreSQL): a buddy chosen for no particular reason reads no "Warum Sie: –.", a check-in
answer with a day the card did not offer is refused, and a negative capacity is refused."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from tests.conftest import RunningBot
from tests.integration.test_onboarding_admin_pick_endpoint import (
    PRIYA,
    SABINE,
    TOBIAS,
    welcomed_day,
)
from tests.integration.test_onboarding_endpoint import JANA, MELANIE, cards_to, member_added
from tests.support.connector_sink import ConnectorSink


async def test_no_empty_reason_no_forged_check_in_no_negative_capacity(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with welcomed_day(bot_factory, sink, database_url) as day:
        [jana] = [c for c in cards_to(sink, JANA) if "Sie sind Buddy für" in c]
        assert "Warum Sie: gleicher Standort, gleiche Etage." in jana
        # Priya works in Köln; Sabine (Hamburg) is the one free: no reason to tell her.
        assert (await day.bot.post(member_added(sink, f"29:{PRIYA[0]}"))).status in (200, 201)
        await day.settle()
        [sabine] = [c for c in cards_to(sink, SABINE) if "Sie sind Buddy für" in c]
        assert "Dr. Priya Raman" in sabine and "Warum Sie" not in sabine

        day.bot.clock.advance(timedelta(days=7, minutes=1))
        await day.settle()
        oid = day.onboarding.id
        for days in (5, 28):  # not on the card: the one-week check-in is due
            forged = {"onboarding_id": oid, "days": days, "answer": "ja"}
            assert "gibt es (noch) nicht" in await day.click(
                "onboarding.check_in", forged, MELANIE
            )
        assert (await day.stored()).check_ins == {}
        answer = {"onboarding_id": oid, "days": 7, "answer": "ja"}
        assert "Danke" in await day.click("onboarding.check_in", answer, MELANIE)
        assert (await day.stored()).check_ins == {"7:newcomer": "ja"}

        refused = await day.say("ich werde gern buddy -2", TOBIAS)
        assert "Zahl von 1 bis 5" in refused and "gemeldet (bis zu" not in refused
        assert "noch nicht als Buddy gemeldet" in await day.say("buddy", TOBIAS)
