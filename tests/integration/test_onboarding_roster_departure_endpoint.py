"""A newcomer who leaves the team without Teams sending membersRemoved, through the real
endpoint and database (SQLite and PostgreSQL): the daily roster read finds them gone and ends
the onboarding like membersRemoved does – the buddy is told once, also when a late
membersRemoved follows."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from bot.domain.onboarding.model import OnboardingState
from tests.conftest import RunningBot
from tests.integration.test_onboarding_admin_pick_endpoint import welcomed_day
from tests.integration.test_onboarding_endpoint import JANA, MELANIE, cards_to
from tests.support import activities
from tests.support.connector_sink import ConnectorSink


async def test_a_departure_found_by_the_roster_sync_tells_the_buddy_once(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with welcomed_day(bot_factory, sink, database_url, volunteers=(JANA,)) as day:
        assert "Sie sind Buddy für Melanie" in cards_to(sink, JANA)[-1]
        heard = len(cards_to(sink, JANA))
        # Melanie is off the team's roster; Teams sent nothing.
        sink.members = [m for m in sink.members if m["aadObjectId"] != MELANIE[0]]
        day.bot.clock.advance(timedelta(days=1))  # the daily roster read
        await day.settle()
        assert (await day.stored()).state is OnboardingState.LEFT
        [note] = cards_to(sink, JANA)[heard:]
        assert "Onboarding von Melanie Schäfer beendet" in note

        # Teams' membersRemoved arrives late, and the next roster reads: nothing more.
        leave = activities.members_removed(sink.url, MELANIE[0])
        assert (await day.bot.post(leave)).status in (200, 201)
        await day.settle()
        day.bot.clock.advance(timedelta(days=1))
        await day.settle()
        day.bot.clock.advance(timedelta(days=7))
        await day.settle()
        assert cards_to(sink, JANA)[heard:] == [note]
        assert not any("Haben Sie sich getroffen" in c for c in cards_to(sink, MELANIE))
