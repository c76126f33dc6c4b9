"""A newcomer who left and joins again weeks later, through the real endpoint and database
(SQLite and PostgreSQL): a fresh onboarding starts – welcomed again, with a buddy – but not with
the buddy of the first time (ONBOARDING_REPEAT_WINDOW_DAYS), and the first one stays ended."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.onboarding import SqlOnboardingRepository
from bot.domain.onboarding.model import Onboarding, OnboardingState
from tests.conftest import RunningBot
from tests.integration.test_onboarding_admin_pick_endpoint import AYLIN, SABINE, welcomed_day
from tests.integration.test_onboarding_departure_endpoint import melanie_leaves
from tests.integration.test_onboarding_endpoint import JANA, MELANIE, cards_to, member_added
from tests.support.connector_sink import ConnectorSink


async def onboardings_of(database_url: str, newcomer: str) -> list[Onboarding]:
    engine = create_engine(database_url)
    try:
        recent = await SqlOnboardingRepository(create_session_factory(engine)).recent(100)
    finally:
        await engine.dispose()
    return [o for o in recent if o.newcomer_key == newcomer]


async def test_who_left_and_joins_again_gets_a_fresh_onboarding_with_another_buddy(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with welcomed_day(bot_factory, sink, database_url) as day:
        assert (await day.stored()).buddy_key == JANA[0]
        melanie = [m for m in sink.members if m["aadObjectId"] == MELANIE[0]]
        await melanie_leaves(day)
        assert (await day.stored()).state is OnboardingState.LEFT

        day.bot.clock.advance(timedelta(days=30))  # back after a month (a new contract)
        await day.settle()
        sink.members += melanie
        welcomes = len(cards_to(sink, MELANIE))
        assert (await day.bot.post(member_added(sink, f"29:{MELANIE[0]}"))).status in (200, 201)
        await day.settle()

        [again] = cards_to(sink, MELANIE)[welcomes:]
        assert "Willkommen im Assistenz-Netzwerk, Melanie" in again
        # Jana (same floor, free again) was her buddy a month ago: Sabine now.
        assert "Ihr Buddy ist Sabine Krüger" in again
        assert any("Sie sind Buddy für Melanie" in c for c in cards_to(sink, SABINE))
        newest, first = await onboardings_of(database_url, MELANIE[0])
        assert first.id == day.onboarding.id and first.state is OnboardingState.LEFT
        assert newest.state is OnboardingState.PAIRED and newest.buddy_key == SABINE[0]
        overview = await day.say("willkommen offen", AYLIN)
        assert "**Melanie Schäfer** – mit Buddy" in overview

        # A re-delivered join changes nothing: one open onboarding per person.
        assert (await day.bot.post(member_added(sink, f"29:{MELANIE[0]}"))).status in (200, 201)
        await day.settle()
        assert len(await onboardings_of(database_url, MELANIE[0])) == 2
        assert len(cards_to(sink, MELANIE)) == welcomes + 1
