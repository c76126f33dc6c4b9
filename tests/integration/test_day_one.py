"""Day one in a real tenant: the app is installed in the team by one member and nobody else has
ever written to the bot. Through the real endpoint, database (SQLite and PostgreSQL), Graph
simulator and a connector stand-in that answers the paged members API and opens 1:1 chats:
an expert, both approvers of a restricted room, a Stammtisch non-voter and a newcomer all get
their cards. No "hilfe" warm-up anywhere."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import aiohttp
import pytest

from bot.adapters.clock import ManualClock
from bot.app import RUNTIME
from bot.seeding import import_experts_file
from devkit.demo.organisation import load_demo_organisation
from devkit.demo.runner import DEMO_EXPERTS
from devkit.graph_simulator import running_simulator
from tests.conftest import RunningBot, local_settings
from tests.support import activities
from tests.support.connector_sink import ConnectorSink
from tests.support.queue import drained, eventually

MONDAY_9 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
TEAM = "19:team@thread.tacv2"
ORG = load_demo_organisation()
PEOPLE = {p.display_name: p for p in ORG.people}
NEWCOMER = "Melanie Schäfer"


def who(name: str) -> tuple[str, str]:
    return PEOPLE[name].id, name


def account(name: str) -> dict[str, Any]:
    """A roster entry as the paged members API returns it."""
    person = PEOPLE[name]
    return {
        **activities.user(aad=person.id, name=name),
        "userPrincipalName": person.mail,
        "email": person.mail,
        "tenantId": activities.TENANT_ID,
    }


class DayOne:
    def __init__(self, bot: RunningBot, sink: ConnectorSink, url: str, clock: ManualClock):
        self.bot, self.sink, self.database_url, self.clock = bot, sink, url, clock
        self.sim = ""

    async def sim_call(self, method: str, path: str, body: Any = None) -> Any:
        async with aiohttp.ClientSession() as http:
            response = await http.request(method, self.sim + path, json=body)
            assert response.status < 400, await response.text()
            return await response.json() if response.status != 204 else None

    def cards_to(self, name: str) -> list[str]:
        return [
            json.dumps(a.get("attachments"), ensure_ascii=False)
            for a in self.sink.sent
            if a["_conversation"] == f"a:personal-{PEOPLE[name].id}"
        ]

    def opened_chats(self) -> list[str]:
        return [body["members"][0]["id"] for body in self.sink.created]

    async def post(self, activity: dict[str, Any]) -> None:
        assert (await self.bot.post(activity)).status in (200, 201)

    async def say(self, text: str, name: str) -> None:
        await self.post(activities.as_user(activities.message(self.sink.url, text), *who(name)))

    async def settle(self) -> None:
        await drained(self.database_url, self.clock.now())


@pytest.fixture
async def day_one(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> AsyncIterator[DayOne]:
    clock = ManualClock(MONDAY_9)
    async with running_simulator(ORG, clock=clock) as graph_url:
        settings = local_settings(
            database_url,
            graph_base_url=graph_url,
            rooms_restricted=ORG.room_policy(),
            admin_ids=[PEOPLE["Sabine Krüger"].id],
            stammtisch_organiser_ids=[PEOPLE["Sabine Krüger"].id],
        )
        await import_experts_file(settings, DEMO_EXPERTS, "default")
        # Everyone but the newcomer is in the team already; a page holds 7 (several pages).
        sink.members = [account(name) for name in PEOPLE if name != NEWCOMER]
        sink.page_size_cap = 7
        bot = await bot_factory(settings, clock)
        world = DayOne(bot, sink, database_url, clock)
        world.sim = graph_url.removesuffix("/v1.0") + "/_sim"
        install = activities.as_user(activities.bot_added_to_team(sink.url), *who("Sabine Krüger"))
        await world.post(install)
        members = bot.app[RUNTIME].services.member_sync.repo

        async def roster_stored() -> bool:
            return len(await members.members_of(TEAM)) == len(sink.members)

        await eventually(roster_stored)
        await world.settle()
        yield world


async def test_cold_expert_approvers_non_voter_and_newcomer_get_their_cards(
    day_one: DayOne,
) -> None:
    sink = day_one.sink
    assert sink.paged_requests >= 5  # 30 members at 7 per page: read page by page

    # Know-how routing: a colleague asks in the channel; the expert never wrote to the bot.
    ask = activities.as_user(
        activities.channel_mention(
            sink.url, "Wer kann mir bei der Raumplanung in Hamburg helfen?"
        ),
        *who("Jana Becker"),
    )
    await day_one.post(ask)
    await day_one.settle()
    assert any("Frage übernehmen" in card for card in day_one.cards_to("Kerstin Vogel"))

    # Rooms: a restricted room; both approvers (Sabine, Kerstin) have never written.
    await day_one.say("räume aktualisieren", "Sabine Krüger")
    await day_one.settle()
    requester = "Jana Becker"
    await day_one.say(
        "Ich brauche morgen 10-11 Uhr einen Raum für 13 Personen mit Video", requester
    )
    offers = [
        a["data"]
        for a in sink.sent[-1]["attachments"][0]["content"].get("actions", [])
        if a.get("verb") == "rooms.choose"
    ]
    elbblick = next(o for o in offers if o["room"] == "raum.hh-elbblick@nordlicht-demo.de")
    invoke = activities.as_user(
        activities.card_invoke(sink.url, "rooms.choose", elbblick), *who(requester)
    )
    await day_one.post(invoke)
    await day_one.settle()
    for approver in ("Sabine Krüger", "Kerstin Vogel"):
        assert any("rooms.approve" in card for card in day_one.cards_to(approver)), approver

    # Stammtisch: the reminder before the deadline reaches a member who never wrote.
    start = activities.as_user(
        activities.channel_mention(sink.url, "stammtisch neu"), *who("Sabine Krüger")
    )
    await day_one.post(start)
    await day_one.settle()
    before = len(day_one.cards_to("Monika Schröder"))
    lifecycle = day_one.bot.app[RUNTIME].services.stammtisch.lifecycle
    poll = await lifecycle.service.repo.latest_poll(TEAM)
    assert poll is not None
    assert await lifecycle.remind_non_voters(poll.id, poll.deadline.isoformat()) >= 25
    await day_one.settle()
    assert len(day_one.cards_to("Monika Schröder")) == before + 1

    # Onboarding: a colleague joins; she gets the welcome, though she never wrote.
    await day_one.say("ich werde gern buddy", "Sophie Wolf")
    sink.members.append(account(NEWCOMER))
    joined = activities.bot_added_to_team(sink.url)
    joined["membersAdded"] = [{"id": f"29:{PEOPLE[NEWCOMER].id}"}]
    await day_one.post(joined)
    await day_one.settle()
    welcome = day_one.cards_to(NEWCOMER)
    assert len(welcome) == 1 and "Willkommen im Assistenz-Netzwerk" in welcome[0]

    # Every DM went to a chat the bot opened from the roster's Teams ids, each chat once.
    opened = day_one.opened_chats()
    assert f"29:{PEOPLE['Kerstin Vogel'].id}" in opened
    assert len(opened) == len(set(opened))


def mentions_in(sink: ConnectorSink, aad: str) -> list[dict[str, Any]]:
    """Messages that @mention the person (by Teams id or Entra id)."""
    return [
        activity
        for activity in sink.sent
        if any(
            entity.get("type") == "mention"
            and entity.get("mentioned", {}).get("id") in (aad, f"29:{aad}")
            for entity in activity.get("entities") or []
        )
    ]


async def test_unreachable_people_are_mentioned_in_the_thread(day_one: DayOne) -> None:
    sink = day_one.sink
    kerstin, monika = PEOPLE["Kerstin Vogel"].id, PEOPLE["Monika Schröder"].id
    # Kerstin left the team and an app policy forbids installing the bot for her; Monika
    # blocked the bot (Teams refuses to open her chat).
    leave = activities.bot_added_to_team(sink.url)
    leave.pop("membersAdded")
    leave["membersRemoved"] = [{"id": f"29:{kerstin}"}]
    await day_one.post(leave)
    await day_one.sim_call("PUT", f"/users/{kerstin}/app-install-policy", {"blocked": True})
    sink.refuse_chats.add(f"29:{monika}")

    ask = activities.as_user(
        activities.channel_mention(
            sink.url, "Wer kann mir bei der Raumplanung in Hamburg helfen?"
        ),
        *who("Jana Becker"),
    )
    await day_one.post(ask)
    await day_one.settle()
    [note] = mentions_in(sink, kerstin)
    assert "<at>Kerstin Vogel</at>, diese Frage ist für Sie gedacht" in note["text"]
    assert note["_conversation"].startswith("19:general@thread.tacv2")
    assert day_one.cards_to("Kerstin Vogel") == []
    # The question moved on to the next expert, who is reachable.
    assert any("Frage übernehmen" in card for card in day_one.cards_to("Birgit Fischer"))
    # The thread card tells the asker she was not reachable – not that it is not her topic.
    thread_card = json.dumps(sink.updated[-1].get("attachments"), ensure_ascii=False)
    assert "**Kerstin Vogel** (per Chat nicht erreichbar)" in thread_card
    assert "Thema)" not in thread_card and "zuständig" not in thread_card

    start = activities.as_user(
        activities.channel_mention(sink.url, "stammtisch neu"), *who("Sabine Krüger")
    )
    await day_one.post(start)
    await day_one.settle()
    lifecycle = day_one.bot.app[RUNTIME].services.stammtisch.lifecycle
    poll = await lifecycle.service.repo.latest_poll(TEAM)
    assert poll is not None
    await lifecycle.remind_non_voters(poll.id, poll.deadline.isoformat())
    await day_one.settle()
    [reminder] = mentions_in(sink, monika)
    assert "<at>Monika Schröder</at>, Sie haben für den Stammtisch" in reminder["text"]
    reach = await day_one.bot.app[RUNTIME].services.member_sync.repo.reach_overview()
    assert (monika, False, "blocked") in {(r.user_key, r.reachable, r.reason) for r in reach}
    assert (kerstin, False, "install_forbidden") in {
        (r.user_key, r.reachable, r.reason) for r in reach
    }


async def test_approvers_outside_the_team_get_the_app_installed_and_the_card(
    day_one: DayOne,
) -> None:
    """Approvers configured by id who are in no team with the app: Graph installs the
    personal app for them; the card goes into that chat; the requester gets the decision."""
    sink = day_one.sink
    birgit, aylin = PEOPLE["Birgit Fischer"].id, PEOPLE["Aylin Demir"].id
    leave = activities.bot_added_to_team(sink.url)
    leave.pop("membersAdded")
    leave["membersRemoved"] = [{"id": f"29:{birgit}"}, {"id": f"29:{aylin}"}]
    await day_one.post(leave)
    await day_one.say("räume aktualisieren", "Sabine Krüger")
    await day_one.settle()

    requester = "Ralf Meyer"
    await day_one.say("Ich brauche morgen 10-11 Uhr einen Raum in Köln für 10 Personen", requester)
    offers = [
        a["data"]
        for a in sink.sent[-1]["attachments"][0]["content"].get("actions", [])
        if a.get("verb") == "rooms.choose"
    ]
    kranhaus = next(o for o in offers if o["room"] == "raum.k-studio-kranhaus@nordlicht-demo.de")
    choose = activities.card_invoke(sink.url, "rooms.choose", kranhaus)
    await day_one.post(activities.as_user(choose, *who(requester)))
    await day_one.settle()

    for aad in (birgit, aylin):
        assert await day_one.sim_call("GET", f"/users/{aad}/installed-apps"), aad
        chats = [a for a in sink.sent if a["_conversation"].endswith("@unq.gbl.spaces")]
        assert any(aad in a["_conversation"] and "rooms.approve" in json.dumps(a) for a in chats)
    approval = next(
        a for a in sink.sent if birgit in a["_conversation"] and "rooms.approve" in json.dumps(a)
    )
    card = approval["attachments"][0]["content"]
    approve = next(a for a in card["actions"] if a.get("verb") == "rooms.approve")
    click = activities.card_invoke(sink.url, "rooms.approve", approve["data"])
    click["conversation"] = {"id": approval["_conversation"], "conversationType": "personal"}
    await day_one.post(activities.as_user(click, *who("Birgit Fischer")))
    await day_one.settle()
    assert any("Gebucht" in card for card in day_one.cards_to(requester))
