"""Onboarding from the Entra group (ONBOARDING_GROUP_ID) when someone leaves it and comes back,
through the real endpoint, database (SQLite and PostgreSQL) and the Graph simulator: leaving
the group ends the onboarding it started (the buddy is told), coming back soon continues it
with the same buddy, coming back later is welcomed again."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

import aiohttp

from bot.adapters.clock import ManualClock
from bot.domain.onboarding.model import OnboardingState
from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator import running_simulator
from tests.conftest import RunningBot, local_settings
from tests.integration.test_onboarding_admin_pick_endpoint import SABINE, Day
from tests.integration.test_onboarding_endpoint import JANA, MELANIE, NOW, cards_to
from tests.integration.test_onboarding_rejoin_endpoint import onboardings_of
from tests.support import activities
from tests.support.connector_sink import ConnectorSink

NETWORK_GROUP = "6f3f5768-dc66-58e8-9a1a-7cb3acd78e08"  # the demo's "Assistenz-Netzwerk"
POLL = timedelta(minutes=61)  # ONBOARDING_GROUP_POLL_MINUTES is 60
WELCOME = "Willkommen im Assistenz-Netzwerk, Melanie"


async def test_leaving_the_group_ends_and_coming_back_resumes_or_welcomes_again(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    org = load_demo_organisation()
    group = org.group(NETWORK_GROUP)
    assert group is not None and MELANIE[0] not in group.members
    sink.members = [activities.user(aad=aad, name=name) for aad, name in (MELANIE, JANA, SABINE)]
    clock = ManualClock(NOW)
    async with running_simulator(org, clock=clock) as graph_url, aiohttp.ClientSession() as http:

        async def group_is(*members: str) -> None:
            url = f"{graph_url.removesuffix('/v1.0')}/_sim/groups/{NETWORK_GROUP}/members"
            async with http.put(url, json={"members": [*group.members, *members]}) as response:
                assert response.status == 204

        settings = local_settings(database_url, graph_base_url=graph_url,
                                  onboarding_group_id=NETWORK_GROUP)  # fmt: skip
        bot = await bot_factory(settings, clock)
        day = Day(bot, sink, database_url, None)  # type: ignore[arg-type]
        await day.settle()  # the first poll learns who is in the group
        assert (await bot.post(activities.bot_added_to_team(sink.url))).status in (200, 201)
        await day.say("ich werde gern buddy", JANA)

        async def poll() -> None:
            clock.advance(POLL)
            await day.settle()

        await group_is(MELANIE[0])
        await poll()
        [welcome] = [c for c in cards_to(sink, MELANIE) if WELCOME in c]
        assert "Ihr Buddy ist Jana Becker" in welcome
        [first] = await onboardings_of(database_url, MELANIE[0])

        await group_is()  # she leaves the group: the onboarding ends, Jana is told
        await poll()
        [ended] = await onboardings_of(database_url, MELANIE[0])
        assert ended.state is OnboardingState.LEFT
        assert "Onboarding von Melanie Schäfer beendet" in cards_to(sink, JANA)[-1]

        heard = len(cards_to(sink, JANA))
        await group_is(MELANIE[0])  # back two hours later: the same onboarding, Jana again
        await poll()
        [resumed] = await onboardings_of(database_url, MELANIE[0])
        assert resumed.id == first.id and resumed.state is OnboardingState.PAIRED
        assert resumed.buddy_key == JANA[0]
        assert any("Sie sind Buddy für Melanie" in c for c in cards_to(sink, JANA)[heard:])
        await poll()  # still in the group: nothing new
        assert len(await onboardings_of(database_url, MELANIE[0])) == 1

        await group_is()  # she leaves for weeks and comes back: welcomed again
        await poll()
        clock.advance(timedelta(days=30))
        await group_is(MELANIE[0])
        await poll()
        newest, old = await onboardings_of(database_url, MELANIE[0])
        assert old.id == first.id and old.state is OnboardingState.LEFT
        assert newest.state in (OnboardingState.PAIRED, OnboardingState.UNPAIRED)
        assert len([c for c in cards_to(sink, MELANIE) if WELCOME in c]) == 2
