"""The room broker through the real endpoint, database (SQLite and PostgreSQL) and Graph
simulator: request by text, restricted room, two approvers at once with Graph throttling
(429 + Retry-After, then 503) → one booking; Graph calls counted; a declined request."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import aiohttp
import pytest

from bot.adapters.clock import ManualClock
from bot.adapters.graph.simulator import running_simulator
from bot.demo.organisation import load_demo_organisation
from tests.conftest import RunningBot, local_settings
from tests.support import activities
from tests.support.connector_sink import ConnectorSink

SABINE = ("c009aadc-479f-503c-b41a-60b0bbea7223", "Sabine Krüger")
KERSTIN = ("f38180ae-1428-558d-b7ec-fb33fc42d9f1", "Kerstin Vogel")
SOPHIE = ("55a760b1-205b-5fbd-a669-1839c209f8b4", "Sophie Wolf")
JANA = ("3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85", "Jana Becker")
MONDAY_9 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


class Stack:
    def __init__(self, bot: RunningBot, sink: ConnectorSink, graph_url: str) -> None:
        self.bot, self.sink = bot, sink
        self.sim = graph_url.removesuffix("/v1.0") + "/_sim"

    async def say(self, text: str, who: tuple[str, str]) -> None:
        activity = activities.as_user(activities.message(self.sink.url, text), *who)
        assert (await self.bot.post(activity)).status == 201

    async def invoke(self, verb: str, data: dict[str, Any], who: tuple[str, str]) -> str:
        activity = activities.as_user(activities.card_invoke(self.sink.url, verb, data), *who)
        response = await self.bot.post(activity)
        assert response.status == 200
        return json.dumps(await response.json(), ensure_ascii=False)

    async def sim_json(self, method: str, path: str, body: Any = None) -> Any:
        async with aiohttp.ClientSession() as http:
            response = await http.request(method, self.sim + path, json=body)
            return await response.json() if response.status != 204 else None

    def last_card_to(self, who: tuple[str, str]) -> dict[str, Any]:
        sent = [a for a in self.sink.sent if a["_conversation"] == f"a:personal-{who[0]}"]
        return dict(sent[-1]["attachments"][0]["content"])


@pytest.fixture
async def stack(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> AsyncIterator[Stack]:
    clock = ManualClock(MONDAY_9)
    org = load_demo_organisation()
    async with running_simulator(org, clock=clock) as graph_url:
        settings = local_settings(
            database_url,
            graph_base_url=graph_url,
            rooms_restricted=org.room_policy(),
            admin_ids=[SABINE[0]],
        )
        stack = Stack(await bot_factory(settings, clock), sink, graph_url)
        for person in (SABINE, KERSTIN, SOPHIE, JANA):
            await stack.say("hilfe", person)  # each has a 1:1 chat with the bot
        await stack.say("räume aktualisieren", SABINE)
        assert "13 Räume" in sink.texts()[-1]
        yield stack


def _restricted_offer(card: dict[str, Any], restricted: set[str]) -> dict[str, Any]:
    offers = [a["data"] for a in card.get("actions", []) if a.get("verb") == "rooms.choose"]
    assert offers, f"no offers in {card}"
    return next(o for o in offers if o["room"] in restricted)


async def test_two_approvers_at_once_under_throttling_book_exactly_once(stack: Stack) -> None:
    restricted = set(load_demo_organisation().room_policy())
    await stack.sim_json("DELETE", "/requests")
    await stack.say("Ich brauche morgen 10-11 Uhr einen Raum für 13 Personen mit Video", JANA)
    offer = _restricted_offer(stack.last_card_to(JANA), restricted)
    counts = (await stack.sim_json("GET", "/requests"))["routes"]
    assert not any("places" in route for route in counts)  # catalogue from the database
    schedule_calls = sum(n for r, n in counts.items() if r.endswith("getSchedule"))
    assert schedule_calls == 1

    forged = {"request_id": offer["request_id"], "room": "raum.k-dom@nordlicht-demo.de"}
    assert "nicht angeboten" in await stack.invoke("rooms.choose", forged, JANA)
    assert "Warte auf Freigabe" in await stack.invoke("rooms.choose", offer, JANA)
    approval = stack.last_card_to(KERSTIN)
    decision = next(a["data"] for a in approval["actions"] if a["verb"] == "rooms.approve")
    assert "nicht zuständig" in await stack.invoke("rooms.approve", decision, JANA)

    # Graph throttles the booking twice; msgraph-sdk's retry handler waits and retries.
    for status in (429, 503):
        fault = {"path_prefix": "/users/jana.becker@nordlicht-demo.de/calendar/events",
                 "method": "POST", "status": status, "retry_after": 1, "count": 1}  # fmt: skip
        await stack.sim_json("POST", "/faults", fault)
    approvers = [p for p in (SABINE, KERSTIN, SOPHIE) if p[0] in _approvers(offer["room"])]
    clicks = [stack.invoke("rooms.approve", decision, who) for who in approvers * 4]
    bodies = await asyncio.gather(*clicks)
    assert sum("Sie haben freigegeben" in b for b in bodies) == 1
    assert all("bereits entschieden" in b for b in bodies if "Sie haben freigegeben" not in b)

    events = (await stack.sim_json("GET", f"/calendars/{offer['room']}"))["events"]
    booked = [e for e in events if e["subject"].startswith("Raumbuchung für Jana Becker")]
    assert len(booked) == 1
    routes = (await stack.sim_json("GET", "/requests"))["routes"]
    creations = sum(n for r, n in routes.items() if r.startswith("POST") and "events" in r)
    assert creations == 3  # two throttled attempts and one creation
    assert "Gebucht" in json.dumps(stack.last_card_to(JANA), ensure_ascii=False)
    # The other approver's card shows the decision.
    updated = json.dumps(stack.sink.updated[-1], ensure_ascii=False)
    assert "Freigegeben von" in updated


async def test_declined_request_and_stale_cards(stack: Stack) -> None:
    restricted = set(load_demo_organisation().room_policy())
    await stack.say("Raum morgen von 15 bis 16 Uhr für 13 Personen", JANA)
    offer = _restricted_offer(stack.last_card_to(JANA), restricted)
    await stack.invoke("rooms.choose", offer, JANA)
    approver = next(p for p in (SABINE, KERSTIN, SOPHIE) if p[0] in _approvers(offer["room"]))
    approval = stack.last_card_to(approver)
    decision = next(a["data"] for a in approval["actions"] if a["verb"] == "rooms.decline")
    await stack.say("raumanfragen", approver)  # the approver's inbox lists it with both buttons
    inbox = json.dumps(stack.last_card_to(approver), ensure_ascii=False)
    assert "Offene Raumanfragen" in inbox and "angefragt von Jana Becker" in inbox
    assert "Freigeben" in inbox and "Ablehnen" in inbox
    await stack.say("meine räume", JANA)
    mine = json.dumps(stack.last_card_to(JANA), ensure_ascii=False)
    assert "Warte auf Freigabe" in mine and "Stornieren" in mine
    stale = {**decision, "version": decision["version"] - 1}
    assert "veraltet" in await stack.invoke("rooms.decline", stale, approver)
    assert "abgelehnt" in await stack.invoke("rooms.decline", decision, approver)
    assert "Abgelehnt" in json.dumps(stack.last_card_to(JANA), ensure_ascii=False)
    again = await stack.invoke("rooms.approve", decision, approver)
    assert "bereits entschieden" in again


def _approvers(room: str) -> list[str]:
    return load_demo_organisation().room_policy()[room]


async def test_a_hamburg_requester_is_offered_hamburg_rooms_smallest_first(stack: Stack) -> None:
    org = load_demo_organisation()
    in_hamburg = {room.email_address for room in org.rooms if room.building.startswith("Hamburg")}
    await stack.say("Ich brauche morgen 10-11 Uhr einen Raum für 4 Personen", JANA)
    card = stack.last_card_to(JANA)
    offered = [a["data"]["room"] for a in card["actions"] if a.get("verb") == "rooms.choose"]
    assert offered and set(offered) <= in_hamburg, offered
    capacities = [next(r.capacity for r in org.rooms if r.email_address == o) for o in offered]
    assert capacities == sorted(capacities) and capacities[0] == 4
    assert "anderer Standort" not in json.dumps(card, ensure_ascii=False)
