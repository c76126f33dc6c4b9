"""A newcomer nobody fitted gets a buddy when someone volunteers later, through the real
endpoint and database (SQLite and PostgreSQL): welcomed with "we are looking for your buddy",
she gets the note naming the new volunteer, who gets the introduction."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from tests.conftest import RunningBot
from tests.integration.test_onboarding_admin_pick_endpoint import AYLIN, welcomed_day
from tests.integration.test_onboarding_endpoint import JANA, MELANIE, cards_to
from tests.support.connector_sink import ConnectorSink


async def test_a_waiting_newcomer_is_paired_when_someone_volunteers(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with welcomed_day(bot_factory, sink, database_url, volunteers=()) as day:
        [welcome] = cards_to(sink, MELANIE)
        assert "Ihren Buddy suchen wir gerade aus" in welcome
        assert any("Kein Buddy für Melanie" in c for c in cards_to(sink, AYLIN))
        day.bot.clock.advance(timedelta(hours=2))
        await day.say("ich werde gern buddy", JANA)
        assert (await day.stored()).buddy_key == JANA[0]
        [_, note] = cards_to(sink, MELANIE)
        assert "Ihr Buddy ist jetzt Jana Becker" in note and "Willkommen" not in note
        assert any("Sie sind Buddy für Melanie Schäfer" in c for c in cards_to(sink, JANA))
        assert len([c for c in cards_to(sink, AYLIN) if "Kein Buddy" in c]) == 1
