"""A newcomer nobody fitted gets a buddy when someone volunteers later, through the real
endpoint and database (SQLite and PostgreSQL): welcomed with "we are looking for your buddy",
she gets the note naming the new volunteer, who gets the introduction; also when more than
100 onboardings started after hers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import timedelta

from bot.adapters.clock import ManualClock
from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.onboarding import SqlOnboardingRepository
from bot.domain.onboarding.model import Onboarding, OnboardingState
from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator import running_simulator
from tests.conftest import RunningBot, local_settings
from tests.integration.test_onboarding_admin_pick_endpoint import AYLIN, welcomed_day
from tests.integration.test_onboarding_endpoint import JANA, MELANIE, NOW, cards_to
from tests.support import activities
from tests.support.connector_sink import ConnectorSink
from tests.support.queue import drained


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


async def _many_onboardings(database_url: str) -> None:
    """Melanie has waited for seven weeks; 130 newcomers started after her, the newest of
    them also still waiting; every other one is paired with another buddy."""
    engine = create_engine(database_url)
    try:
        repo = SqlOnboardingRepository(create_session_factory(engine))
        start = NOW - timedelta(days=50)
        await repo.start(
            Onboarding(0, MELANIE[0], MELANIE[1], None, "team", start, welcomed_at=start)
        )
        for n in range(130):
            at = start + timedelta(hours=n + 1)
            onboarding = Onboarding(0, f"n-{n}", f"Neu {n}", None, "team", at, welcomed_at=at)
            if n < 129:
                onboarding = replace(onboarding, state=OnboardingState.PAIRED, buddy_key="b-0",
                                     buddy_name="Bea", paired_at=at)  # fmt: skip
            await repo.start(onboarding)
    finally:
        await engine.dispose()


async def test_a_newcomer_waiting_behind_more_than_100_onboardings_is_paired(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    await _many_onboardings(database_url)
    sink.members = [activities.user(aad=aad, name=name) for aad, name in (MELANIE, JANA)]
    clock = ManualClock(NOW)
    async with running_simulator(load_demo_organisation(), clock=clock) as graph_url:
        settings = local_settings(database_url, graph_base_url=graph_url)
        bot = await bot_factory(settings, clock)
        volunteer = activities.as_user(
            activities.message(sink.url, "ich werde gern buddy 2"), *JANA
        )
        assert (await bot.post(volunteer)).status == 201
        await drained(database_url, clock.now())
        engine = create_engine(database_url)
        try:
            repo = SqlOnboardingRepository(create_session_factory(engine))
            melanie = await repo.of_newcomer(MELANIE[0])
            newest = await repo.of_newcomer("n-129")
        finally:
            await engine.dispose()
        assert melanie is not None and melanie.buddy_key == JANA[0]
        assert newest is not None and newest.buddy_key == JANA[0]  # Jana takes two
        # She never wrote to the bot: the note goes to the chat its installation opened.
        [note] = [str(a.get("attachments")) for a in sink.sent if MELANIE[0] in a["_conversation"]]
        assert "Ihr Buddy ist jetzt Jana Becker" in note
        assert any("Sie sind Buddy für Melanie Schäfer" in c for c in cards_to(sink, JANA))
