"""An admin's buddy pick through the real endpoint and database (SQLite and PostgreSQL): the
server accepts only a volunteer the cards offer (a forged key or a colleague who never
volunteered changes nothing and plans nothing), the same pick again claims nothing, and a
newcomer already welcomed gets a short note with the new buddy, not the welcome again."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from bot.adapters.clock import ManualClock
from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.models import ScheduledJob
from bot.adapters.db.onboarding import SqlOnboardingRepository
from bot.domain.onboarding.model import Onboarding
from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator import running_simulator
from tests.conftest import RunningBot, local_settings
from tests.integration.test_onboarding_endpoint import JANA, MELANIE, NOW, cards_to, member_added
from tests.support import activities
from tests.support.connector_sink import ConnectorSink
from tests.support.queue import drained

SABINE = ("c009aadc-479f-503c-b41a-60b0bbea7223", "Sabine Krüger")
AYLIN = ("97c01f7c-be03-57c5-bcea-f50c09d4e486", "Aylin Demir")  # the admin; no volunteer
TOBIAS = ("e080b594-810e-58b7-b078-b55e771bf867", "Tobias Wagner")
EMILY = ("57ef7766-ff5c-5b47-85cc-541f0babf98c", "Emily Clarke")  # admin too, reads English
CLAUDIA = ("464c55b0-d735-5051-ad79-3444426eeacc", "Claudia Neumann")  # Hamburg, 3. OG
PRIYA = ("05f2ebcb-c1be-5b0b-aef1-afe5e9b481ad", "Dr. Priya Raman")  # Köln, reads English


@dataclass
class Day:
    """A bot with Jana and Sabine volunteering and Melanie welcomed with Jana as buddy."""

    bot: RunningBot
    sink: ConnectorSink
    database_url: str
    onboarding: Onboarding

    async def settle(self) -> None:
        await drained(self.database_url, self.bot.clock.now())

    async def say(self, text: str, who: tuple[str, str], kind: str = "personal") -> str:
        if kind == "personal":
            activity = activities.message(self.sink.url, text)
        elif kind == "channel":
            activity = activities.channel_mention(self.sink.url, text)
        else:
            activity = activities.group_chat_mention(self.sink.url, text)
        before = len(self.sink.sent)
        assert (await self.bot.post(activities.as_user(activity, *who))).status in (200, 201)
        await self.settle()
        return json.dumps(self.sink.sent[before:], ensure_ascii=False)

    async def click(
        self, verb: str, data: dict[str, Any], who: tuple[str, str], locale: str = "de-DE"
    ) -> str:
        activity = activities.as_user(activities.card_invoke(self.sink.url, verb, data), *who)
        activity["locale"] = locale
        body = await (await self.bot.post(activity)).json()
        await self.settle()
        return json.dumps(body, ensure_ascii=False)

    async def stored(self) -> Onboarding:
        engine = create_engine(self.database_url)
        try:
            repo = SqlOnboardingRepository(create_session_factory(engine))
            onboarding = await repo.get(self.onboarding.id)
        finally:
            await engine.dispose()
        assert onboarding is not None
        return onboarding

    async def job_keys(self) -> list[str]:
        engine = create_engine(self.database_url)
        try:
            async with create_session_factory(engine)() as session:
                keys = await session.scalars(select(ScheduledJob.dedup_key))
                return sorted(k for k in keys if k)
        finally:
            await engine.dispose()


@asynccontextmanager
async def welcomed_day(
    bot_factory: Callable[..., Awaitable[RunningBot]],
    sink: ConnectorSink,
    database_url: str,
    volunteers: tuple[tuple[str, str], ...] = (JANA, SABINE),
) -> AsyncIterator[Day]:
    """Melanie joins the team; the first of ``volunteers`` becomes her buddy."""
    people = (MELANIE, JANA, SABINE, AYLIN, TOBIAS, EMILY, CLAUDIA, PRIYA)
    sink.members = [activities.user(aad=aad, name=name) for aad, name in people]
    clock = ManualClock(NOW)
    async with running_simulator(load_demo_organisation(), clock=clock) as graph_url:
        admins = [AYLIN[0], EMILY[0]]
        settings = local_settings(database_url, graph_base_url=graph_url, admin_ids=admins)
        bot = await bot_factory(settings, clock)
        day = Day(bot, sink, database_url, None)  # type: ignore[arg-type]
        for who in volunteers:
            await day.say("ich werde gern buddy", who)
        assert (await bot.post(member_added(sink, f"29:{MELANIE[0]}"))).status in (200, 201)
        await day.settle()
        engine = create_engine(database_url)
        try:
            repo = SqlOnboardingRepository(create_session_factory(engine))
            onboarding = await repo.of_newcomer(MELANIE[0])
        finally:
            await engine.dispose()
        assert onboarding is not None and onboarding.welcomed_at is not None
        day.onboarding = onboarding
        yield day


async def test_only_a_volunteer_the_cards_offer_can_be_picked(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with welcomed_day(bot_factory, sink, database_url) as day:
        assert (await day.stored()).buddy_key == JANA[0]
        sent, jobs = len(sink.sent), await day.job_keys()
        oid = day.onboarding.id
        # A forged key in the overview's input, and a colleague who never volunteered.
        forged = {"onboarding_id": oid, f"buddy_key_{oid}": "nonsense"}
        reply = await day.click("onboarding.assign", forged, AYLIN)
        assert "nicht als Buddy gemeldet" in reply and "ist jetzt Buddy" not in reply
        tobias = {"onboarding_id": oid, "buddy_key": TOBIAS[0]}
        assert "nicht als Buddy gemeldet" in await day.click("onboarding.assign", tobias, AYLIN)
        english = await day.click("onboarding.assign", forged, EMILY, "en-US")
        assert "have not volunteered" in english
        # The same buddy again: nothing is sent, and the reply does not claim it.
        jana = {"onboarding_id": oid, "buddy_key": JANA[0]}
        again = await day.click("onboarding.assign", jana, AYLIN)
        assert "bereits Buddy" in again and "Beide werden informiert" not in again
        assert (await day.stored()).buddy_key == JANA[0]
        assert len(sink.sent) == sent and await day.job_keys() == jobs


async def test_a_welcomed_newcomer_gets_a_short_note_about_the_new_buddy(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with welcomed_day(bot_factory, sink, database_url) as day:
        oid = day.onboarding.id
        for buddy in (SABINE, JANA):  # an admin changes the buddy, and back
            reply = await day.click(
                "onboarding.assign", {"onboarding_id": oid, "buddy_key": buddy[0]}, AYLIN
            )
            assert f"{buddy[1]} ist jetzt Buddy. Beide werden informiert." in reply
        to_melanie = cards_to(sink, MELANIE)
        assert len(to_melanie) == 3 and "Willkommen" in to_melanie[0]
        for note, buddy in zip(to_melanie[1:], (SABINE, JANA), strict=True):
            assert f"Ihr Buddy ist jetzt {buddy[1]}" in note and "Willkommen" not in note
            assert "Stammtisch" not in note and "Ich möchte keinen Buddy" in note
        assert any("Sie sind Buddy für Melanie" in c for c in cards_to(sink, SABINE))
