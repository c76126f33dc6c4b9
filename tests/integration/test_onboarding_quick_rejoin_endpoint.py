"""A newcomer removed from the team by mistake and added again soon, through the real endpoint
and database (SQLite and PostgreSQL): the onboarding their removal ended continues – the same
buddy, told of the end, is introduced again, the newcomer keeps the check-ins and is not
welcomed twice, also when Teams re-delivers the join, and leaving again is told again; with
the buddy no longer available, the normal pairing finds another and the newcomer gets the
short note naming them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from bot.domain.onboarding.model import OnboardingState
from tests.conftest import RunningBot
from tests.integration.test_onboarding_admin_pick_endpoint import CLAUDIA, SABINE, welcomed_day
from tests.integration.test_onboarding_departure_endpoint import melanie_leaves
from tests.integration.test_onboarding_endpoint import JANA, MELANIE, cards_to, member_added
from tests.integration.test_onboarding_rejoin_endpoint import onboardings_of
from tests.support.connector_sink import ConnectorSink

BUDDY_INTRO = "Sie sind Buddy für Melanie"


async def test_a_newcomer_added_again_soon_continues_with_the_same_buddy(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with welcomed_day(bot_factory, sink, database_url) as day:
        melanie = [m for m in sink.members if m["aadObjectId"] == MELANIE[0]]
        await melanie_leaves(day)
        assert "Onboarding von Melanie Schäfer beendet" in cards_to(sink, JANA)[-1]
        to_melanie, to_jana = len(cards_to(sink, MELANIE)), len(cards_to(sink, JANA))

        day.bot.clock.advance(timedelta(hours=2))  # the admin notices the slip
        sink.members += melanie
        again = member_added(sink, f"29:{MELANIE[0]}")
        assert (await day.bot.post(again)).status in (200, 201)
        await day.settle()
        resumed = await day.stored()
        assert resumed.state is OnboardingState.PAIRED and resumed.buddy_key == JANA[0]
        assert [o.id for o in await onboardings_of(database_url, MELANIE[0])] == [resumed.id]
        [intro] = cards_to(sink, JANA)[to_jana:]
        assert BUDDY_INTRO in intro
        assert cards_to(sink, MELANIE)[to_melanie:] == []  # nothing changed for her

        # Teams delivers the same join again: nothing more.
        assert (await day.bot.post(again)).status in (200, 201)
        await day.settle()
        assert len(cards_to(sink, JANA)) == to_jana + 1
        assert cards_to(sink, MELANIE)[to_melanie:] == []

        day.bot.clock.advance(timedelta(days=7, minutes=1))  # the check-ins go on
        await day.settle()
        assert any("Haben Sie sich getroffen" in c for c in cards_to(sink, MELANIE))
        assert any("Haben Sie sich getroffen" in c for c in cards_to(sink, JANA))

        heard = len(cards_to(sink, JANA))
        await melanie_leaves(day)  # for good this time: Jana is told again
        [note] = cards_to(sink, JANA)[heard:]
        assert "Onboarding von Melanie Schäfer beendet" in note


async def test_a_buddy_no_longer_available_is_replaced_by_the_normal_pairing(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with welcomed_day(bot_factory, sink, database_url, volunteers=(JANA,)) as day:
        melanie = [m for m in sink.members if m["aadObjectId"] == MELANIE[0]]
        await melanie_leaves(day)
        # Claudia joins meanwhile and gets Jana, who takes one newcomer at a time; Sabine
        # volunteers after that.
        assert (await day.bot.post(member_added(sink, f"29:{CLAUDIA[0]}"))).status in (200, 201)
        await day.settle()
        assert any("Ihr Buddy ist Jana Becker" in c for c in cards_to(sink, CLAUDIA))
        await day.say("ich werde gern buddy", SABINE)
        to_melanie = len(cards_to(sink, MELANIE))

        day.bot.clock.advance(timedelta(hours=20))  # back within 24 hours
        sink.members += melanie
        assert (await day.bot.post(member_added(sink, f"29:{MELANIE[0]}"))).status in (200, 201)
        await day.settle()
        resumed = await day.stored()
        assert resumed.state is OnboardingState.PAIRED and resumed.buddy_key == SABINE[0]
        [note] = cards_to(sink, MELANIE)[to_melanie:]
        assert "Ihr Buddy ist jetzt Sabine Krüger" in note and "Willkommen" not in note
        assert any(BUDDY_INTRO in c for c in cards_to(sink, SABINE))
