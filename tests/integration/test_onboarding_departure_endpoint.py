"""A newcomer who leaves the team (membersRemoved), through the real endpoint and database
(SQLite and PostgreSQL): their onboarding ends – no check-ins for them or their buddy, the
buddy is free for the next newcomer and told at once (once, in a short note), and the admins'
overview says that they left."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from bot.domain.onboarding.model import OnboardingState
from tests.conftest import RunningBot
from tests.integration.test_onboarding_admin_pick_endpoint import AYLIN, CLAUDIA, Day, welcomed_day
from tests.integration.test_onboarding_endpoint import JANA, MELANIE, cards_to, member_added
from tests.support import activities
from tests.support.connector_sink import ConnectorSink


async def melanie_leaves(day: Day) -> dict[str, Any]:
    """Melanie leaves the team: off its roster, and Teams tells the bot (the activity, to
    deliver again)."""
    day.sink.members = [m for m in day.sink.members if m["aadObjectId"] != MELANIE[0]]
    leave = activities.members_removed(day.sink.url, MELANIE[0])
    assert (await day.bot.post(leave)).status in (200, 201)
    await day.settle()
    return leave


async def test_a_newcomer_who_left_is_no_longer_onboarded(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with welcomed_day(bot_factory, sink, database_url, volunteers=(JANA,)) as day:
        assert (await day.stored()).buddy_key == JANA[0]  # Jana takes one newcomer at a time
        await melanie_leaves(day)

        # The next newcomer gets Jana: Melanie no longer uses up her capacity.
        assert (await day.bot.post(member_added(sink, f"29:{CLAUDIA[0]}"))).status in (200, 201)
        await day.settle()
        assert any("Ihr Buddy ist Jana Becker" in c for c in cards_to(sink, CLAUDIA))

        overview = await day.say("willkommen offen", AYLIN)
        assert "**Melanie Schäfer** – hat das Team verlassen" in overview

        day.bot.clock.advance(timedelta(days=7, minutes=1))
        await day.settle()
        day.bot.clock.advance(timedelta(days=21))
        await day.settle()
        asked_melanie = [c for c in cards_to(sink, MELANIE) if "Haben Sie sich getroffen" in c]
        asked_jana = [c for c in cards_to(sink, JANA) if "Haben Sie sich getroffen" in c]
        assert asked_melanie == []
        assert len(asked_jana) == 2 and all("Claudia" in c for c in asked_jana)


async def test_the_buddy_is_told_at_once_when_the_newcomer_leaves(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with welcomed_day(bot_factory, sink, database_url, volunteers=(JANA,)) as day:
        heard = len(cards_to(sink, JANA))
        assert "Sie sind Buddy für Melanie" in cards_to(sink, JANA)[-1]
        leave = await melanie_leaves(day)
        # Nobody looked at the onboarding since: the removal itself ended it and told Jana.
        assert (await day.stored()).state is OnboardingState.LEFT
        [note] = cards_to(sink, JANA)[heard:]
        assert "Onboarding von Melanie Schäfer beendet" in note
        assert "keine Nachfragen" in note and "bleiben Sie als Buddy gemeldet" in note
        re_delivered = {**leave, "id": "again"}
        assert (await day.bot.post(re_delivered)).status in (200, 201)
        await day.settle()
        day.bot.clock.advance(timedelta(days=7, minutes=1))
        await day.settle()
        day.bot.clock.advance(timedelta(days=21))
        await day.settle()
        assert cards_to(sink, JANA)[heard:] == [note]  # told once, and asked nothing
        assert not any("Haben Sie sich getroffen" in c for c in cards_to(sink, MELANIE))
