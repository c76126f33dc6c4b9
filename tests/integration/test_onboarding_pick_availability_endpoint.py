"""Whom the admins may pick by hand, through the real endpoint and database (SQLite and
PostgreSQL): like the matcher, the pick card, the overview's "Buddy ändern" and the typeahead
leave out a volunteer who paused ("buddy pause bis …") or looks after as many newcomers as
they offered; a forged or stale pick of one is refused with a friendly note and changes
nothing."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.onboarding import SqlOnboardingRepository
from bot.domain.onboarding.model import Onboarding, OnboardingState
from tests.conftest import RunningBot
from tests.integration.test_onboarding_admin_pick_endpoint import (
    AYLIN,
    CLAUDIA,
    EMILY,
    SABINE,
    welcomed_day,
)
from tests.integration.test_onboarding_endpoint import JANA, MELANIE, cards_to, member_added
from tests.integration.test_onboarding_volunteer_endpoint import offered
from tests.support.connector_sink import ConnectorSink


def choices(card_json: str) -> list[list[str]]:
    """The values of every buddy choice of a card (one list per choice input)."""
    found: list[list[str]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "Input.ChoiceSet":
                found.append([c["value"] for c in node["choices"]])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(card_json))
    return found


async def onboarding_of(database_url: str, newcomer: str) -> Onboarding:
    engine = create_engine(database_url)
    try:
        found = await SqlOnboardingRepository(create_session_factory(engine)).of_newcomer(newcomer)
    finally:
        await engine.dispose()
    assert found is not None
    return found


async def test_paused_and_full_volunteers_are_not_offered_and_their_pick_is_refused(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with welcomed_day(bot_factory, sink, database_url) as day:
        # Jana (one newcomer at a time) looks after Melanie; Sabine is free.
        assert (await day.stored()).buddy_key == JANA[0]
        overview = await day.say("willkommen offen", AYLIN)
        [melanie_pick] = choices(overview)
        assert SABINE[0] in melanie_pick  # offered while she is free
        assert "bis 31.03.2026 pausiert" in await day.say("buddy pause bis 31.3.", SABINE)

        # Claudia: nobody fits (Jana full, Sabine paused); the admins are asked, and offered
        # neither of them.
        assert (await day.bot.post(member_added(sink, f"29:{CLAUDIA[0]}"))).status in (200, 201)
        await day.settle()
        [pick_card] = [c for c in cards_to(sink, AYLIN) if "Kein Buddy für Claudia" in c]
        assert choices(pick_card) == []
        assert "pausiert oder betreuen schon" in pick_card
        assert await offered(day) == []
        assert choices(await day.say("willkommen offen", AYLIN)) == []

        # A forged pick of the full Jana for Claudia, and the overview's stale pick of the
        # paused Sabine for Melanie: refused, nothing changes, nobody is told.
        claudia = await onboarding_of(database_url, CLAUDIA[0])
        sent, jobs = len(sink.sent), await day.job_keys()
        full = {"onboarding_id": claudia.id, "buddy_key": JANA[0]}
        reply = await day.click("onboarding.assign", full, AYLIN)
        assert "so viele neue Kolleginnen und Kollegen" in reply and "ist jetzt Buddy" not in reply
        stale = {"onboarding_id": day.onboarding.id, f"buddy_key_{day.onboarding.id}": SABINE[0]}
        reply = await day.click("onboarding.assign", stale, AYLIN)
        assert "pausiert" in reply and "ist jetzt Buddy" not in reply
        english = await day.click("onboarding.assign", full, EMILY, "en-US")
        assert "as many new colleagues as they offered" in english
        assert await onboarding_of(database_url, CLAUDIA[0]) == claudia
        assert claudia.state is OnboardingState.UNPAIRED
        assert (await day.stored()).buddy_key == JANA[0]
        assert len(sink.sent) == sent and await day.job_keys() == jobs
        assert not any("Sie sind Buddy für Claudia" in c for c in cards_to(sink, JANA))
        assert len(cards_to(sink, MELANIE)) == 1  # the welcome only
