"""Buddy volunteers through the real endpoint and database (SQLite and PostgreSQL): a pause
by someone who never volunteered, or after "buddy stopp", is refused and lists nobody (the
admins are not offered them, nor a paused volunteer); "buddy" tells a paused volunteer that
they are paused."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from tests.conftest import RunningBot
from tests.integration.test_onboarding_admin_pick_endpoint import (
    AYLIN,
    SABINE,
    TOBIAS,
    Day,
    welcomed_day,
)
from tests.integration.test_onboarding_endpoint import JANA
from tests.support import activities
from tests.support.connector_sink import ConnectorSink


async def offered(day: Day) -> list[str]:
    """The volunteers the admins' buddy input finds."""
    activity = activities.as_user(activities.card_invoke(day.sink.url, "-", {}), *AYLIN)
    activity.update(
        name="application/search", value={"dataset": "onboarding.volunteers", "queryText": ""}
    )
    body = await (await day.bot.post(activity)).json()
    return sorted(r["value"] for r in body["value"]["results"])


async def test_a_pause_never_signs_up_nor_undoes_a_stop(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with welcomed_day(bot_factory, sink, database_url, volunteers=()) as day:
        refused = await day.say("buddy pause bis 3.3.", TOBIAS)  # never volunteered
        assert "nicht als Buddy gemeldet" in refused and "pausiert" not in refused
        assert "noch nicht als Buddy gemeldet" in await day.say("buddy", TOBIAS)

        await day.say("ich werde gern buddy", JANA)
        assert "nicht mehr als Buddy gemeldet" in await day.say("buddy stopp", JANA)
        refused = await day.say("buddy pause bis 31.3.", JANA)
        assert "nicht als Buddy gemeldet" in refused and "pausiert" not in refused
        assert "noch nicht als Buddy gemeldet" in await day.say("buddy", JANA)

        await day.say("ich werde gern buddy", SABINE)
        assert "bis 31.03.2026 pausiert" in await day.say("buddy pause bis 31.3.", SABINE)
        status = await day.say("buddy", SABINE)
        assert "gemeldet, aber bis 31.03.2026 pausiert" in status
        assert await offered(day) == []  # stopped, never volunteered, paused: nobody
