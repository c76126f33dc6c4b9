""" "Abstimmung verlängern" through the real endpoint and database (SQLite and PostgreSQL): the
new deadline is on a working day and the confirmation names it; a re-delivered click extends
once, and of two clicks at the same moment each extends at most once."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from bot.adapters.clock import ManualClock
from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.models import ScheduledJob
from bot.adapters.db.stammtisch import SqlStammtischRepository
from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator import running_simulator
from tests.conftest import RunningBot, local_settings
from tests.support import activities
from tests.support.connector_sink import ConnectorSink

SABINE = ("c009aadc-479f-503c-b41a-60b0bbea7223", "Sabine Krüger")
JANA = ("3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85", "Jana Becker")
MONDAY_9 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
# The poll of Monday 2 March closes on Friday 6 March, 16 Uhr (the rule's default).
FRIDAY_16 = datetime(2026, 3, 6, 15, 0, tzinfo=UTC)
# Two days later is a Sunday: votes close on Monday at 16 Uhr, then on Wednesday.
MONDAY_16 = datetime(2026, 3, 9, 15, 0, tzinfo=UTC)
WEDNESDAY_16 = datetime(2026, 3, 11, 15, 0, tzinfo=UTC)
EXTENDED_TO_MONDAY = "Die Abstimmung läuft jetzt bis Mo, 09.03., 16:00 Uhr."
EXTENDED_TO_WEDNESDAY = "Die Abstimmung läuft jetzt bis Mi, 11.03., 16:00 Uhr."


def _poll_ids(node: Any) -> list[int]:
    """The poll ids the card's buttons carry."""
    if isinstance(node, list):
        return [i for item in node for i in _poll_ids(item)]
    if not isinstance(node, dict):
        return []
    own = [int(node["poll_id"])] if "poll_id" in node else []
    return own + [i for value in node.values() for i in _poll_ids(value)]


class Channel:
    def __init__(self, bot: RunningBot, sink: ConnectorSink, url: str) -> None:
        self.bot, self.sink, self.database_url = bot, sink, url

    async def start(self) -> int:
        start = activities.as_user(
            activities.channel_mention(self.sink.url, "stammtisch neu"), *SABINE
        )
        assert (await self.bot.post(start)).status == 201
        [card] = self.sink.cards()
        [poll_id] = set(_poll_ids(card))
        return poll_id

    def extend_click(self, poll_id: int) -> dict[str, Any]:
        """One click on "Abstimmung verlängern" (one activity, one id)."""
        activity = activities.card_invoke(self.sink.url, "stammtisch.extend", {"poll_id": poll_id})
        return activities.as_user(activities.in_channel(activity), *SABINE)

    async def post(self, activity: dict[str, Any]) -> str:
        response = await self.bot.post(activity)
        assert response.status == 200
        return json.dumps(await response.json(), ensure_ascii=False)

    async def deadline(self, poll_id: int) -> datetime:
        engine = create_engine(self.database_url)
        try:
            poll = await SqlStammtischRepository(create_session_factory(engine)).get_poll(poll_id)
        finally:
            await engine.dispose()
        assert poll is not None
        return poll.deadline

    async def closes_planned(self) -> list[datetime]:
        """When the planned close jobs of the poll are due, in order."""
        engine = create_engine(self.database_url)
        try:
            async with create_session_factory(engine)() as session:
                query = select(ScheduledJob.due_at).where(ScheduledJob.kind == "stammtisch.close")
                return sorted((await session.execute(query)).scalars())
        finally:
            await engine.dispose()


@pytest.fixture
async def channel(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> AsyncIterator[Channel]:
    clock = ManualClock(MONDAY_9)
    async with running_simulator(load_demo_organisation(), clock=clock) as graph_url:
        settings = local_settings(
            database_url, graph_base_url=graph_url, stammtisch_organiser_ids=[SABINE[0]]
        )
        sink.members = [activities.user(aad=aad, name=name) for aad, name in (SABINE, JANA)]
        bot = await bot_factory(settings, clock)
        yield Channel(bot, sink, database_url)


async def test_extending_a_friday_deadline_lands_on_monday_and_says_so(channel: Channel) -> None:
    poll_id = await channel.start()
    assert await channel.deadline(poll_id) == FRIDAY_16
    answer = await channel.post(channel.extend_click(poll_id))
    assert EXTENDED_TO_MONDAY in answer, answer
    assert await channel.deadline(poll_id) == MONDAY_16
    # The close follows the stored deadline (the Friday's close job finds it moved).
    assert await channel.closes_planned() == [FRIDAY_16, MONDAY_16]


async def test_a_re_delivered_click_extends_once_and_a_new_click_again(channel: Channel) -> None:
    poll_id = await channel.start()
    click = channel.extend_click(poll_id)
    first = await channel.post(click)
    again = await channel.post(click)  # Teams re-delivers the same activity
    assert EXTENDED_TO_MONDAY in first and EXTENDED_TO_MONDAY in again, again
    assert await channel.deadline(poll_id) == MONDAY_16
    # A new click (a new activity) is meant: it extends from Monday.
    assert EXTENDED_TO_WEDNESDAY in await channel.post(channel.extend_click(poll_id))
    assert await channel.deadline(poll_id) == WEDNESDAY_16


async def test_two_clicks_at_once_extend_once_each_at_most(channel: Channel) -> None:
    poll_id = await channel.start()
    answers = await asyncio.gather(
        *(channel.post(channel.extend_click(poll_id)) for _ in range(2))
    )
    extended = [a for a in answers if "Die Abstimmung läuft jetzt bis" in a]
    refused = [a for a in answers if "Die Umfrage wurde gerade geändert" in a]
    assert len(extended) + len(refused) == 2 and extended, answers
    # Each confirmed click moved the deadline once, the refused one not at all.
    expected = {1: MONDAY_16, 2: WEDNESDAY_16}[len(extended)]
    assert await channel.deadline(poll_id) == expected
