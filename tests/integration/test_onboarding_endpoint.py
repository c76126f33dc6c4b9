"""Buddy onboarding through the real endpoint and database (SQLite and PostgreSQL), with two
bot instances on one database: a colleague added to the team (membersAdded without a name)
gets exactly one welcome, the buddy one introduction, and each check-in goes out once."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.adapters.clock import ManualClock
from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.onboarding import SqlOnboardingRepository
from bot.domain.onboarding.model import Onboarding, OnboardingState, VolunteerProfile
from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator import running_simulator
from tests.conftest import RunningBot, local_settings
from tests.support import activities
from tests.support.connector_sink import ConnectorSink

MELANIE = ("2b86549a-01f9-5f68-8b62-6230b0f81209", "Melanie Schäfer")
JANA = ("3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85", "Jana Becker")
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def member_added(sink: ConnectorSink, teams_id: str) -> dict[str, Any]:
    """conversationUpdate as Teams sends it: only the new member's id, no name."""
    activity = activities.bot_added_to_team(sink.url)
    activity["membersAdded"] = [{"id": teams_id}]
    return activity


def cards_to(sink: ConnectorSink, who: tuple[str, str]) -> list[str]:
    return [
        json.dumps(a.get("attachments"), ensure_ascii=False)
        for a in sink.sent
        if a["_conversation"] == f"a:personal-{who[0]}"
    ]


async def _eventually(check: Callable[[], bool]) -> None:
    for _ in range(100):
        if check():
            return
        await asyncio.sleep(0.1)
    raise AssertionError("timed out")


async def test_two_instances_welcome_once_and_check_in_once(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    sink.members = [activities.user(aad=aad, name=name) for aad, name in (MELANIE, JANA)]
    clock = ManualClock(NOW)
    async with running_simulator(load_demo_organisation(), clock=clock) as graph_url:
        settings = local_settings(database_url, graph_base_url=graph_url)
        first = await bot_factory(settings, clock)
        second = await bot_factory(settings, clock)
        volunteer = activities.as_user(activities.message(sink.url, "ich werde gern buddy"), *JANA)
        assert (await first.post(volunteer)).status == 201
        assert "als Buddy gemeldet" in sink.texts()[-1]

        added = member_added(sink, f"29:{MELANIE[0]}")
        rejoined = {**member_added(sink, f"29:{MELANIE[0]}"), "id": "another-activity"}
        # Both replicas get the activity (a re-delivery), and she re-joins the same day.
        statuses = await asyncio.gather(
            first.post(added), second.post(added), second.post(rejoined)
        )
        assert all(s.status in (200, 201) for s in statuses)

        await _eventually(lambda: bool(cards_to(sink, MELANIE)) and len(cards_to(sink, JANA)) > 0)
        await asyncio.sleep(1.5)  # both job runners had time to (wrongly) send again
        welcome = cards_to(sink, MELANIE)
        assert len(welcome) == 1 and "Willkommen im Assistenz-Netzwerk, Melanie" in welcome[0]
        assert "Ihr Buddy ist Jana Becker" in welcome[0]
        intro = [c for c in cards_to(sink, JANA) if "Sie sind Buddy für" in c]
        assert len(intro) == 1 and "Melanie Schäfer" in intro[0]

        clock.advance(timedelta(days=7, minutes=1))

        def check_ins() -> int:
            return sum(
                "Haben Sie sich getroffen?" in c
                for who in (MELANIE, JANA)
                for c in cards_to(sink, who)
            )

        await _eventually(lambda: check_ins() >= 2)
        await asyncio.sleep(1.5)
        assert check_ins() == 2


async def _seed(database_url: str, onboardings: int, volunteers: int) -> None:
    engine = create_engine(database_url)
    try:
        repository = SqlOnboardingRepository(create_session_factory(engine))
        for n in range(volunteers):
            name = f"Maximiliane Freifrau von Hohenberg-Lüdenscheidt {n}"
            await repository.save_volunteer(VolunteerProfile(f"v-{n}", name, 3))
        for n in range(onboardings):
            await repository.start(
                Onboarding(
                    id=0,
                    newcomer_key=f"n-{n}",
                    tenant_id=None,
                    source="team",
                    newcomer_name=f"欧阳娜娜（上海办公室，董事会助理） {n}",
                    # Paired two months ago: v-0 is free again (else full and not offered).
                    created_at=NOW - timedelta(days=60),
                    state=OnboardingState.PAIRED,
                    buddy_key="v-0",
                    buddy_name="Maximiliane",
                )
            )
    finally:
        await engine.dispose()


async def test_the_overview_pages_on_and_volunteers_are_found_by_typeahead(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """30 onboardings and 6 volunteers with long names: the admins' overview pages on below
    the message limit, the buddy inputs search the volunteers; forged pages are refused."""
    await _seed(database_url, 30, 6)
    clock = ManualClock(NOW)
    async with running_simulator(load_demo_organisation(), clock=clock) as graph_url:
        settings = local_settings(database_url, graph_base_url=graph_url, admin_ids=[JANA[0]])
        bot = await bot_factory(settings, clock)
        ask = activities.as_user(activities.message(sink.url, "willkommen offen"), *JANA)
        assert (await bot.post(ask)).status == 201
        [sent] = sink.sent
        assert len(json.dumps(sent, ensure_ascii=False).encode("utf-8")) < 28_000
        card, names, pages = sent["attachments"][0]["content"], set(), 1
        while True:
            names |= {b["items"][0]["text"] for b in card["body"] if b["type"] == "Container"}
            more = [
                a["data"] for a in card.get("actions", []) if a["verb"] == "onboarding.overview"
            ]
            if not more:
                break
            assert more == [{"start": len(names)}]
            click = activities.card_invoke(sink.url, "onboarding.overview", more[0])
            response = await bot.post(activities.as_user(click, *JANA))
            assert len(await response.read()) < 28_000
            card, pages = (await response.json())["value"], pages + 1
        assert len(names) == 30 and pages > 1

        async def invoke(verb: str, data: dict[str, Any], who: tuple[str, str]) -> str:
            click = activities.as_user(activities.card_invoke(sink.url, verb, data), *who)
            return json.dumps(await (await bot.post(click)).json(), ensure_ascii=False)

        assert "ungültig" in await invoke("onboarding.overview", {"start": 10**12}, JANA)
        assert "kürzer geworden" in await invoke("onboarding.overview", {"start": 999}, JANA)
        assert "Übersicht" not in await invoke("onboarding.overview", {"start": 0}, MELANIE)

        async def search(text: str, who: tuple[str, str]) -> list[dict[str, str]]:
            activity = activities.as_user(activities.card_invoke(sink.url, "-", {}), *who)
            activity.update(
                name="application/search",
                value={"dataset": "onboarding.volunteers", "queryText": text},
            )
            body = await (await bot.post(activity)).json()
            return list(body["value"]["results"])  # fmt: skip

        assert [r["value"] for r in await search("HOHENBERG 3", JANA)] == ["v-3"]
        assert len(await search("", JANA)) == 6
        assert await search("", MELANIE) == []  # the volunteer list is for admins
