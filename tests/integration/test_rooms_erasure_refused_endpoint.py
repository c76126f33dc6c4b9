"""A booking that "meine daten löschen" cannot cancel, through the real endpoint, database
(SQLite and PostgreSQL) and the Graph simulator's fault mode.

Before, when Graph refused the cancellation (403: no permission on the organiser's mailbox),
the refusal was only logged: the room stayed booked in Outlook in the name of a person whose
data was gone, and nobody learnt of it. Now the room's approvers (for a room everyone may book:
the admins) each get one message, in their own language, naming the room and the time but not
the person, to cancel it in Outlook; a message Teams refuses at first arrives by a job, once."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import pytest

from bot.adapters.clock import ManualClock
from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator import running_simulator
from tests.conftest import RunningBot, local_settings
from tests.support import activities, rooms_stack
from tests.support.connector_sink import ConnectorSink
from tests.support.queue import drained

SABINE = ("c009aadc-479f-503c-b41a-60b0bbea7223", "Sabine Krüger")  # admin
KERSTIN = ("f38180ae-1428-558d-b7ec-fb33fc42d9f1", "Kerstin Vogel")  # English Teams
SOPHIE = ("55a760b1-205b-5fbd-a669-1839c209f8b4", "Sophie Wolf")
JANA = ("3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85", "Jana Becker")
MONDAY_9 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
TITLES = ("Raumbuchung bitte in Outlook stornieren", "Please cancel a room booking in Outlook")
REFUSE_CANCEL = {"path_prefix": "/users/jana.becker@nordlicht-demo.de/events",
                 "method": "POST", "status": 403, "count": 100}  # fmt: skip


class Stack:
    def __init__(
        self, bot: RunningBot, sink: ConnectorSink, graph_url: str, clock: ManualClock, url: str
    ) -> None:
        self.bot, self.sink, self.clock, self.database_url = bot, sink, clock, url
        self.sim = graph_url.removesuffix("/v1.0") + "/_sim"

    async def say(self, text: str, who: tuple[str, str], locale: str = "de-DE") -> None:
        message = activities.message(self.sink.url, text, locale=locale)
        assert (await self.bot.post(activities.as_user(message, *who))).status == 201

    async def invoke(
        self, verb: str, data: dict[str, Any], who: tuple[str, str], locale: str = "de-DE"
    ) -> str:
        return await rooms_stack.invoke(self.bot, self.sink, verb, data, who, locale)

    async def sim_json(self, method: str, path: str, body: Any = None) -> Any:
        return await rooms_stack.sim_json(self.sim, method, path, body)

    def last_card_to(self, who: tuple[str, str]) -> dict[str, Any]:
        return rooms_stack.last_card_to(self.sink, who)

    def notices(self) -> dict[str, list[str]]:
        """The "cancel it in Outlook" messages sent so far, per recipient's chat."""
        found: dict[str, list[str]] = {}
        for activity in self.sink.sent:
            body = json.dumps(activity, ensure_ascii=False)
            if any(title in body for title in TITLES):
                found.setdefault(activity["_conversation"], []).append(body)
        return found

    async def later(self, minutes: int) -> None:
        self.clock.advance(timedelta(minutes=minutes))
        await drained(self.database_url, self.clock.now())

    async def erase(
        self, who: tuple[str, str], refuse_sends: list[int] | None = None
    ) -> tuple[str, dict[str, Any]]:
        """ "meine daten löschen" confirmed; ``refuse_sends``: Teams answers the bot's next
        messages after the confirmation with these statuses."""
        await self.say("meine daten löschen", who)
        [confirm] = [
            a["data"] for a in self.last_card_to(who)["actions"]
            if a["verb"] == "privacy.erase_confirm"
        ]  # fmt: skip
        self.sink.fail_next_send = list(refuse_sends or [])
        return await self.invoke("privacy.erase_confirm", confirm, who), confirm


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
        stack = Stack(await bot_factory(settings, clock), sink, graph_url, clock, database_url)
        for person in (SABINE, SOPHIE, JANA):
            await stack.say("hilfe", person)  # each has a 1:1 chat with the bot
        await stack.say("help", KERSTIN, locale="en-US")
        await stack.say("räume aktualisieren", SABINE)
        yield stack


def _offers(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [a["data"] for a in card.get("actions", []) if a.get("verb") == "rooms.choose"]


def _room_name(mailbox: str) -> str:
    return next(r.display_name for r in load_demo_organisation().rooms
                if r.email_address == mailbox)  # fmt: skip


async def _room_events(stack: Stack, room: str) -> list[dict[str, Any]]:
    events = (await stack.sim_json("GET", f"/calendars/{room}"))["events"]
    return [e for e in events if e["subject"].startswith("Raumbuchung für")]


async def test_a_restricted_booking_graph_will_not_cancel_is_reported_to_its_approvers_once(
    stack: Stack,
) -> None:
    policy = load_demo_organisation().room_policy()
    await stack.say("Ich brauche morgen 10-11 Uhr einen Raum für 13 Personen mit Video", JANA)
    offer = next(o for o in _offers(stack.last_card_to(JANA)) if o["room"] in policy)
    assert "Warte auf Freigabe" in await stack.invoke("rooms.choose", offer, JANA)
    approvers = policy[offer["room"]]
    assert KERSTIN[0] in approvers and JANA[0] not in approvers
    approval = stack.last_card_to(KERSTIN)
    decision = next(a["data"] for a in approval["actions"] if a["verb"] == "rooms.approve")
    approved = await stack.invoke("rooms.approve", decision, KERSTIN, locale="en-US")
    assert "and booked" in approved, approved
    assert await _room_events(stack, offer["room"])  # booked

    await stack.sim_json("POST", "/faults", REFUSE_CANCEL)
    erased, confirm = await stack.erase(JANA, [502])  # Teams refuses the first message once
    assert "Ihre Daten sind gelöscht" in erased
    assert "Raumbuchungen, die jetzt storniert werden" in erased, erased
    await stack.later(0)  # the release job: Graph refuses the cancellation
    assert len(stack.notices()) == len(approvers) - 1  # the other one is on its way by a job

    await stack.later(1)  # the outbox job's retry
    again = await stack.invoke("privacy.erase_confirm", confirm, JANA)  # Teams delivers it again
    assert "schon gelöscht worden" in again
    for _ in range(3):
        await stack.later(30)
    notices = stack.notices()
    assert sorted(notices) == sorted(f"a:personal-{key}" for key in approvers)
    assert all(len(sent) == 1 for sent in notices.values()), notices  # each exactly once
    room = _room_name(offer["room"])
    for key, [notice] in notices.items():
        assert room in notice and "Jana" not in notice and "Becker" not in notice
        if key == f"a:personal-{KERSTIN[0]}":
            assert "please cancel it in Outlook" in notice and "Tue, 03.03." in notice, notice
        else:
            assert "bitte stornieren Sie ihn direkt in Outlook" in notice
            assert "am Di, 03.03., 10:00–11:00 Uhr" in notice, notice
    assert await _room_events(stack, offer["room"])  # still booked in Exchange, as told
    routes = (await stack.sim_json("GET", "/requests"))["routes"]
    assert sum(n for r, n in routes.items() if r.endswith("/cancel")) == 1, routes


async def test_a_booking_of_a_room_everyone_may_book_is_reported_to_the_admins(
    stack: Stack,
) -> None:
    policy = load_demo_organisation().room_policy()
    await stack.say("morgen 10-11 Uhr Raum für 4 Personen", JANA)
    offer = next(o for o in _offers(stack.last_card_to(JANA)) if o["room"] not in policy)
    assert "Gebucht ✅" in await stack.invoke("rooms.choose", offer, JANA)
    await stack.sim_json("POST", "/faults", REFUSE_CANCEL)
    erased, _ = await stack.erase(JANA)
    assert "Raumbuchungen, die jetzt storniert werden" in erased
    await stack.later(30)
    notices = stack.notices()
    assert list(notices) == [f"a:personal-{SABINE[0]}"]
    [notice] = notices[f"a:personal-{SABINE[0]}"]
    assert _room_name(offer["room"]) in notice and "Jana" not in notice
    # The bot holds the room no more: once cancelled in Outlook, it is offered again.
    await stack.sim_json("DELETE", "/faults")
    jana = (await stack.sim_json("GET", "/calendars/jana.becker@nordlicht-demo.de"))["events"]
    [event] = [e for e in jana if e["subject"].startswith("Raumbuchung für")]
    async with aiohttp.ClientSession() as http:
        graph = stack.sim.removesuffix("/_sim") + "/v1.0"
        cancel = f"{graph}/users/jana.becker@nordlicht-demo.de/events/{event['id']}/cancel"
        answer = await http.post(cancel, json={}, headers={"Authorization": "Bearer sim"})
        assert answer.status == 202, await answer.text()
    await stack.say("morgen 10-11 Uhr Raum für 4 Personen in Hamburg", SOPHIE)
    assert offer["room"] in [o["room"] for o in _offers(stack.last_card_to(SOPHIE))]
