"""The room broker through the real endpoint, database (SQLite and PostgreSQL) and Graph
simulator: request by text, restricted room, two approvers at once with Graph throttling
(429 + Retry-After, then 503) → one booking; Graph calls counted; a declined request."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import pytest

from bot.adapters.clock import ManualClock
from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.rooms import SqlRoomRequestRepository
from bot.domain.rooms.model import RequestState, RoomRequest
from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator import running_simulator
from tests.conftest import RunningBot, local_settings
from tests.support import activities, rooms_stack
from tests.support.connector_sink import ConnectorSink
from tests.support.queue import drained

SABINE = ("c009aadc-479f-503c-b41a-60b0bbea7223", "Sabine Krüger")
KERSTIN = ("f38180ae-1428-558d-b7ec-fb33fc42d9f1", "Kerstin Vogel")
SOPHIE = ("55a760b1-205b-5fbd-a669-1839c209f8b4", "Sophie Wolf")
JANA = ("3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85", "Jana Becker")
MONDAY_9 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


class Stack:
    def __init__(
        self, bot: RunningBot, sink: ConnectorSink, graph_url: str, clock: ManualClock
    ) -> None:
        self.bot, self.sink, self.clock = bot, sink, clock
        self.sim = graph_url.removesuffix("/v1.0") + "/_sim"

    async def say(self, text: str, who: tuple[str, str]) -> None:
        activity = activities.as_user(activities.message(self.sink.url, text), *who)
        assert (await self.bot.post(activity)).status == 201

    async def invoke(self, verb: str, data: dict[str, Any], who: tuple[str, str]) -> str:
        return await rooms_stack.invoke(self.bot, self.sink, verb, data, who)

    async def sim_json(self, method: str, path: str, body: Any = None) -> Any:
        return await rooms_stack.sim_json(self.sim, method, path, body)

    def last_card_to(self, who: tuple[str, str]) -> dict[str, Any]:
        return rooms_stack.last_card_to(self.sink, who)


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
        stack = Stack(await bot_factory(settings, clock), sink, graph_url, clock)
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


async def test_a_room_request_posted_in_a_channel_gets_room_offers(stack: Stack) -> None:
    # A new channel post as Teams delivers it: its conversation names the post as thread root.
    text = "Ich brauche morgen 10-11 Uhr einen Raum für 13 Personen mit Video"
    post = activities.as_user(activities.channel_mention(stack.sink.url, text), *JANA)
    post["conversation"]["id"] = f"19:general@thread.tacv2;messageid={post['id']}"
    stack.sink.sent.clear()
    assert (await stack.bot.post(post)).status == 201
    [reply] = stack.sink.cards()
    assert any(a.get("verb") == "rooms.choose" for a in reply.get("actions", []))
    assert "Frage von" not in json.dumps(reply, ensure_ascii=False)  # not a routed question


async def test_today_all_day_in_the_morning_means_the_rest_of_the_day(stack: Stack) -> None:
    # Monday 09:00: "heute ganztägig" cannot start at 08:00, it starts now.
    stack.sink.sent.clear()
    await stack.say("Ich brauche heute ganztägig einen Raum für 4 Personen", JANA)
    card = stack.last_card_to(JANA)
    text = json.dumps(card, ensure_ascii=False)
    assert "Vergangenheit" not in text + json.dumps(stack.sink.sent, ensure_ascii=False)
    assert any(a.get("verb") == "rooms.choose" for a in card.get("actions", []))
    assert "09:00" in text and "18:00" in text


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


def _offers(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [a["data"] for a in card.get("actions", []) if a.get("verb") == "rooms.choose"]


async def test_requests_without_the_word_raum_are_offered_rooms_as_asked(stack: Stack) -> None:
    await stack.say("übermorgen ab 14 Uhr für 2 Std, 8 Leute", JANA)
    card = json.dumps(stack.last_card_to(JANA), ensure_ascii=False)
    assert "Diese Räume sind frei:" in card
    assert "8 Personen · Mi, 04.03., 14:00–16:00 Uhr" in card  # what was understood
    await stack.say("next Tuesday 9 to 10 for 4 people with video", SOPHIE)
    card = json.dumps(stack.last_card_to(SOPHIE), ensure_ascii=False)
    assert "4 Personen · Video · Di, 03.03., 09:00–10:00 Uhr" in card
    assert "kenne ich leider noch niemanden" not in " ".join(stack.sink.texts())


async def test_phrasings_that_used_to_be_misread_get_offers_or_a_clear_answer(
    stack: Stack,
) -> None:
    # Monday 02.03.2026 09:00: "10 Uhr 30" is 10:30 and "ganztaegig"/"fuer" read like umlauts.
    await stack.say("Raum morgen 10 Uhr 30 bis 11 Uhr fuer 4 Personen", JANA)
    card = json.dumps(stack.last_card_to(JANA), ensure_ascii=False)
    assert "4 Personen · Di, 03.03., 10:30–11:00 Uhr" in card and "ergänzen" not in card
    await stack.say("Raum uebermorgen ganztaegig fuer 4 Personen", JANA)
    assert _offers(stack.last_card_to(JANA))
    stack.sink.sent.clear()
    await stack.say("Raum morgen 10-11 Uhr für 0 Personen", JANA)
    await stack.say("Raum gestern 10-11 Uhr für 4 Personen", JANA)
    zero, yesterday = stack.sink.texts()[-2:]
    assert "für wie viele Personen" in zero and "–." not in zero
    assert "liegt in der Vergangenheit" in yesterday
    assert not stack.sink.cards()  # no half-empty form


async def test_a_sunday_or_a_public_holiday_gets_a_hint(stack: Stack) -> None:
    await stack.say("Raum Sonntag 10-11 Uhr für 4 Personen", JANA)
    card = json.dumps(stack.last_card_to(JANA), ensure_ascii=False)
    assert "Hinweis: So, 08.03. ist ein Sonntag" in card and _offers(stack.last_card_to(JANA))
    await stack.say("am 3.4. 10-11 Uhr für 4 Personen", JANA)
    card = json.dumps(stack.last_card_to(JANA), ensure_ascii=False)
    assert "Hinweis: Fr, 03.04. ist ein Feiertag (Karfreitag)" in card
    await stack.say("Raum morgen 10-11 Uhr für 4 Personen", JANA)  # a Tuesday: no hint
    assert "Hinweis" not in json.dumps(stack.last_card_to(JANA), ensure_ascii=False)


async def _book_unrestricted(stack: Stack, text: str) -> tuple[dict[str, Any], str]:
    restricted = set(load_demo_organisation().room_policy())
    await stack.say(text, JANA)
    offer = next(o for o in _offers(stack.last_card_to(JANA)) if o["room"] not in restricted)
    return offer, await stack.invoke("rooms.choose", offer, JANA)


async def test_one_booking_confirmation_and_cancelling_from_the_list(stack: Stack) -> None:
    await stack.say("Raum morgen 8-9 Uhr für 2 Personen", JANA)  # offered, never chosen
    sent_before = len(stack.sink.sent)
    offer, answer = await _book_unrestricted(stack, "morgen 10-11 Uhr für 4 Personen")
    assert "Gebucht ✅" in answer and "Erledigt – die Einladung steht in Ihrem Kalender" in answer
    assert "Ich kümmere mich darum" not in answer
    assert "4 Personen · Di, 03.03., 10:00–11:00 Uhr" in answer
    assert len(stack.sink.sent) == sent_before + 1  # the offers card; no second "Gebucht"

    await stack.say("meine räume", JANA)
    listed = stack.last_card_to(JANA)
    mine = json.dumps(listed, ensure_ascii=False)
    assert "08:00–09:00" not in mine and "Raum angeboten" not in mine  # the lapsed offer
    [container] = [b for b in listed["body"] if b["type"] == "Container"]
    [ask] = container["items"][1]["actions"]
    assert ask["type"] == "Action.ShowCard" and ask["title"] == "Stornieren"
    assert "Wirklich stornieren? 4 Personen · Di, 03.03." in json.dumps(ask, ensure_ascii=False)
    [confirm] = ask["card"]["actions"]
    assert confirm["verb"] == "rooms.cancel" and confirm["data"]["view"] == "list"
    assert await stack.sim_json("GET", f"/calendars/{offer['room']}")  # booked until now
    after = json.loads(await stack.invoke("rooms.cancel", confirm["data"], JANA))["value"]
    text = json.dumps(after, ensure_ascii=False)
    assert "Ihre Raumanfragen und Buchungen" in text  # the list stays, updated
    assert "Storniert: 4 Personen · Di, 03.03., 10:00–11:00 Uhr" in text
    assert "– Storniert" in text and "Stornieren" not in text
    events = (await stack.sim_json("GET", f"/calendars/{offer['room']}"))["events"]
    assert not [e for e in events if e["subject"].startswith("Raumbuchung für Jana")]


async def test_the_requesters_card_shows_the_approvers_decision(stack: Stack) -> None:
    restricted = set(load_demo_organisation().room_policy())
    await stack.say("Raum morgen von 15 bis 16 Uhr für 13 Personen", JANA)
    offer = _restricted_offer(stack.last_card_to(JANA), restricted)
    assert "Ich kümmere mich darum" in await stack.invoke("rooms.choose", offer, JANA)
    approver = next(p for p in (SABINE, KERSTIN, SOPHIE) if p[0] in _approvers(offer["room"]))
    decision = next(
        a["data"] for a in stack.last_card_to(approver)["actions"] if a["verb"] == "rooms.approve"
    )
    await stack.invoke("rooms.approve", decision, approver)
    jana_chat = f"a:personal-{JANA[0]}"
    told = [a for a in stack.sink.sent if a["_conversation"] == jana_chat]
    assert "Gebucht ✅" in json.dumps(told[-1], ensure_ascii=False)  # one message
    # The card on which Jana chose the room (activity "1card") now shows the booking.
    [card] = [u for u in stack.sink.updated if u["_activity_id"] == "1card"]
    assert jana_chat in json.dumps(card) and "Gebucht ✅" in json.dumps(card, ensure_ascii=False)


async def test_erasing_my_data_cancels_my_upcoming_bookings(
    stack: Stack, database_url: str
) -> None:
    offer, _ = await _book_unrestricted(stack, "morgen 10-11 Uhr für 4 Personen")
    await stack.say("meine daten löschen", JANA)
    confirm = next(
        a for a in stack.last_card_to(JANA)["actions"] if a["verb"] == "privacy.erase_confirm"
    )
    erased = await stack.invoke("privacy.erase_confirm", confirm["data"], JANA)
    assert "Raumbuchungen, die jetzt storniert werden" in erased
    await drained(database_url, stack.clock.now())  # the release job
    events = (await stack.sim_json("GET", f"/calendars/{offer['room']}"))["events"]
    assert not [e for e in events if e["subject"].startswith("Raumbuchung für Jana")]


async def _store_requests(database_url: str, requests: list[RoomRequest]) -> None:
    engine = create_engine(database_url)
    try:
        repository = SqlRoomRequestRepository(create_session_factory(engine))
        for request in requests:
            await repository.add(request)
    finally:
        await engine.dispose()


def _paging(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [a["data"] for a in card.get("actions", []) if a.get("verb") == "rooms.list"]


async def test_long_lists_page_on_and_forged_pages_are_refused(
    stack: Stack, database_url: str
) -> None:
    """94 bookings and 61 pending requests with long names: each list pages on by "Weitere
    Anfragen" below the message limit; a huge or unknown page is refused kindly."""
    room = "raum.k-dom@nordlicht-demo.de"
    start = MONDAY_9 + timedelta(days=2)
    base = RoomRequest(
        id=0, requester_key=JANA[0], requester_name="Jana Becker", tenant_id=None, place={},
        text="morgen", start=start, end=start + timedelta(hours=1), attendees=4,
        features=("video",), created_at=MONDAY_9, room=room, approvers=(SABINE[0],),
    )  # fmt: skip
    booked = [replace(base, state=RequestState.BOOKED, start=start + timedelta(minutes=n),
                      reason=f"Vorstandsklausur {n}") for n in range(94)]  # fmt: skip
    pending = [replace(base, state=RequestState.PENDING, requester_key=f"p-{n}",
                       requester_name=f"Александра Кузнецова-Петровская {n}")
               for n in range(61)]  # fmt: skip
    await _store_requests(database_url, booked + pending)

    for command, who, view, count in (
        ("meine räume", JANA, "mine", 94),
        ("raumanfragen", SABINE, "inbox", 61),
    ):
        await stack.say(command, who)
        sent = [a for a in stack.sink.sent if a["_conversation"] == f"a:personal-{who[0]}"][-1]
        assert len(json.dumps(sent, ensure_ascii=False).encode("utf-8")) < 28_000
        card, rows, pages = sent["attachments"][0]["content"], 0, 1
        while True:
            rows += sum(1 for b in card["body"] if b["type"] == "Container")
            [*more] = _paging(card)
            if not more:
                break
            assert more == [{"view": view, "start": rows}]
            reply = json.loads(await stack.invoke("rooms.list", more[0], who))
            assert len(json.dumps(reply, ensure_ascii=False).encode("utf-8")) < 28_000
            card, pages = reply["value"], pages + 1
        assert rows == count and pages > 1  # every request once, over several pages

    for forged in ({"view": "mine", "start": 10**12}, {"view": "everyone", "start": 1}):
        assert "ungültig" in await stack.invoke("rooms.list", forged, JANA)
    past = await stack.invoke("rooms.list", {"view": "mine", "start": 99_999}, JANA)
    assert "kürzer geworden" in past and "Ihre Raumanfragen" in past
    # Someone else's inbox is only ever the clicker's own: Jana approves nothing.
    assert "Keine." in await stack.invoke("rooms.list", {"view": "inbox", "start": 0}, JANA)


async def test_each_person_gets_room_messages_in_their_own_language(stack: Stack) -> None:
    # Kerstin's Teams client is English (her latest activity says so); Jana writes German.
    restricted = set(load_demo_organisation().room_policy())
    english = activities.message(stack.sink.url, "help", locale="en-US")
    assert (await stack.bot.post(activities.as_user(english, *KERSTIN))).status == 201
    await stack.say("Ich brauche morgen 10-11 Uhr einen Raum für 13 Personen mit Video", JANA)
    offer = _restricted_offer(stack.last_card_to(JANA), restricted)
    approvers = _approvers(offer["room"])
    assert KERSTIN[0] in approvers and len(approvers) > 1
    assert "Warte auf Freigabe" in await stack.invoke("rooms.choose", offer, JANA)

    kerstins = json.dumps(stack.last_card_to(KERSTIN), ensure_ascii=False)
    assert "Room request for approval" in kerstins and "Raumanfrage" not in kerstins
    german = next(p for p in (SABINE, SOPHIE) if p[0] in approvers)
    assert "Room request for approval" not in json.dumps(stack.last_card_to(german))

    approval = stack.last_card_to(KERSTIN)
    decision = next(a["data"] for a in approval["actions"] if a["verb"] == "rooms.approve")
    click = activities.as_user(
        activities.card_invoke(stack.sink.url, "rooms.approve", decision), *KERSTIN
    )
    click["locale"] = "en-US"
    assert (await stack.bot.post(click)).status == 200
    # The requester learns the outcome in German although an English approver decided.
    told = json.dumps(stack.last_card_to(JANA), ensure_ascii=False)
    assert "Gebucht" in told and "Booked" not in told
    updated = [json.dumps(a, ensure_ascii=False) for a in stack.sink.updated]
    assert any("Approved by Kerstin Vogel" in card for card in updated)  # hers, in English
    assert any("Freigegeben von Kerstin Vogel" in card for card in updated)  # the others'


async def test_an_approval_card_that_teams_refuses_once_arrives_by_a_job(
    stack: Stack, database_url: str
) -> None:
    restricted = set(load_demo_organisation().room_policy())
    await stack.say("Ich brauche morgen 10-11 Uhr einen Raum für 13 Personen mit Video", JANA)
    offer = _restricted_offer(stack.last_card_to(JANA), restricted)
    approvers = _approvers(offer["room"])
    sent_before = len(stack.sink.sent)
    stack.sink.fail_next = [502]  # the first approval card: a POST after 502 is not re-sent
    assert "Warte auf Freigabe" in await stack.invoke("rooms.choose", offer, JANA)
    first_round = {a["_conversation"] for a in stack.sink.sent[sent_before:]}
    assert len(first_round) == len(approvers) - 1  # the others got theirs at once

    stack.clock.advance(timedelta(minutes=1))  # the outbox job's first retry
    await drained(database_url, stack.clock.now())
    got = [a["_conversation"] for a in stack.sink.sent[sent_before:]]
    assert sorted(got) == sorted(f"a:personal-{key}" for key in approvers)  # each exactly once


async def test_a_room_that_declines_after_the_booking_is_told_and_freed(
    stack: Stack, database_url: str
) -> None:
    # Real Exchange answers for the room after the event is created ("none" first). Kerstin's
    # Outlook request for the slot reached the room first; it declines Jana's booking after
    # she saw "Gebucht". She is told, gets the rooms free now, and the bot's event is gone.
    restricted = set(load_demo_organisation().room_policy())
    await stack.say("morgen 10-11 Uhr Raum für 4 Personen", JANA)
    offer = next(o for o in _offers(stack.last_card_to(JANA)) if o["room"] not in restricted)
    await stack.sim_json("POST", f"/rooms/{offer['room']}/defer")
    day = (MONDAY_9 + timedelta(days=1)).date().isoformat()
    outlook = {
        "subject": "Direkt in Outlook gebucht",
        "start": {"dateTime": f"{day}T10:00:00", "timeZone": "Europe/Berlin"},
        "end": {"dateTime": f"{day}T11:00:00", "timeZone": "Europe/Berlin"},
        "attendees": [{"type": "resource", "emailAddress": {"address": offer["room"]}}],
    }
    async with aiohttp.ClientSession() as http:
        graph = stack.sim.removesuffix("/_sim") + "/v1.0"
        kerstin = f"{graph}/users/kerstin.vogel@nordlicht-demo.de/events"
        created = await http.post(kerstin, json=outlook, headers={"Authorization": "Bearer sim"})
        assert created.status == 201, await created.text()
    assert "Gebucht ✅" in await stack.invoke("rooms.choose", offer, JANA)
    stack.clock.advance(timedelta(minutes=1))
    await drained(database_url, stack.clock.now())  # one check: no answer yet
    assert (await stack.sim_json("POST", f"/rooms/{offer['room']}/process"))["answered"] == 2
    stack.clock.advance(timedelta(minutes=2))
    await drained(database_url, stack.clock.now())
    told = json.dumps(stack.sink.sent[-2:], ensure_ascii=False)
    assert "Raum inzwischen belegt" in told and "Diese Räume sind frei" in told
    events = (await stack.sim_json("GET", f"/calendars/{offer['room']}"))["events"]
    assert [e["subject"] for e in events] == ["Direkt in Outlook gebucht"]
    jana = (await stack.sim_json("GET", "/calendars/jana.becker@nordlicht-demo.de"))["events"]
    assert not [e for e in jana if e["subject"].startswith("Raumbuchung")]


async def test_a_room_booked_but_not_yet_answered_is_not_offered_again(
    stack: Stack, database_url: str
) -> None:
    # Exchange has not answered Jana's booking yet, so getSchedule still shows the room free:
    # the bot's own booking holds it, and Sophie is not promised the same room.
    restricted = set(load_demo_organisation().room_policy())
    await stack.say("raum freitag 10-11 Uhr für 4 Personen", JANA)
    offer = next(o for o in _offers(stack.last_card_to(JANA)) if o["room"] not in restricted)
    await stack.sim_json("POST", f"/rooms/{offer['room']}/defer")
    assert "Gebucht ✅" in await stack.invoke("rooms.choose", offer, JANA)

    await stack.say("raum freitag 10-11 Uhr für 4 Personen", SOPHIE)
    offered = [o["room"] for o in _offers(stack.last_card_to(SOPHIE))]
    assert offered and offer["room"] not in offered, offered
    await stack.invoke("rooms.choose", _offers(stack.last_card_to(SOPHIE))[0], SOPHIE)

    assert (await stack.sim_json("POST", f"/rooms/{offer['room']}/process"))["answered"] == 1
    stack.clock.advance(timedelta(minutes=1))
    await drained(database_url, stack.clock.now())
    engine = create_engine(database_url)
    try:
        repo = SqlRoomRequestRepository(create_session_factory(engine))
        mine = await repo.of_requester(JANA[0], stack.clock.now())
        theirs = await repo.of_requester(SOPHIE[0], stack.clock.now())
    finally:
        await engine.dispose()
    assert [r.state for r in mine if r.room] == [RequestState.BOOKED]
    assert [r.state for r in theirs if r.room] == [RequestState.BOOKED]


async def test_a_booking_graph_refuses_for_good_fails_at_once_and_everyone_is_told(
    stack: Stack, database_url: str
) -> None:
    # The organiser's mailbox may not be written (403): no retry changes that. Instead of
    # "Buchung läuft" for hours, the request fails at once; Jana (German) and Kerstin
    # (English) are told, each in their language, and no job tries again.
    restricted = set(load_demo_organisation().room_policy())
    english = activities.message(stack.sink.url, "help", locale="en-US")
    assert (await stack.bot.post(activities.as_user(english, *KERSTIN))).status == 201
    await stack.say("Ich brauche morgen 10-11 Uhr einen Raum für 13 Personen mit Video", JANA)
    offer = _restricted_offer(stack.last_card_to(JANA), restricted)
    assert KERSTIN[0] in _approvers(offer["room"])
    assert "Warte auf Freigabe" in await stack.invoke("rooms.choose", offer, JANA)
    approval = stack.last_card_to(KERSTIN)
    decision = next(a["data"] for a in approval["actions"] if a["verb"] == "rooms.approve")
    fault = {"path_prefix": "/users/jana.becker@nordlicht-demo.de/calendar/events",
             "method": "POST", "status": 403, "count": 100}  # fmt: skip
    await stack.sim_json("POST", "/faults", fault)
    await stack.sim_json("DELETE", "/requests")
    click = activities.as_user(
        activities.card_invoke(stack.sink.url, "rooms.approve", decision), *KERSTIN
    )
    click["locale"] = "en-US"
    response = await stack.bot.post(click)
    assert response.status == 200
    answer = json.dumps(await response.json(), ensure_ascii=False)
    assert "Microsoft 365 did not accept the booking" in answer, answer

    told = json.dumps(stack.last_card_to(JANA), ensure_ascii=False)
    assert "Buchung fehlgeschlagen" in told and "Buchung nicht angenommen" in told
    for _ in range(4):  # the planned booking job finds the request failed and does nothing
        stack.clock.advance(timedelta(minutes=30))
        await drained(database_url, stack.clock.now())
    routes = (await stack.sim_json("GET", "/requests"))["routes"]
    assert sum(n for r, n in routes.items() if r.startswith("POST") and "events" in r) == 1
    await stack.say("meine räume", JANA)
    listed = json.dumps(stack.last_card_to(JANA), ensure_ascii=False)
    assert "Buchung fehlgeschlagen" in listed and "Buchung läuft" not in listed
    others = [json.dumps(a, ensure_ascii=False) for a in stack.sink.updated]
    assert any("aber Microsoft 365 hat die Buchung nicht" in card for card in others)


ANJA = ("565fec57-5c3a-50c3-8a5a-fe0f73ff1e08", "Anja Werner")  # office in Köln


async def test_a_site_named_in_the_request_is_where_the_rooms_are_offered(stack: Stack) -> None:
    # Anja works in Köln but needs a room in Hamburg: one click must not book Köln.
    org = load_demo_organisation()
    city = {room.email_address: room.building.split(",")[0] for room in org.rooms}
    await stack.say("hilfe", ANJA)
    for text in (
        "raum morgen 10-11 Uhr für 4 Personen in Hamburg",
        "Ich brauche einen Raum am Standort Hamburg morgen 10-11 Uhr für 4 Personen",
        "Hamburg: raum morgen 10-11 Uhr für 4 Personen",
        "room in Hamburg tomorrow 10-11 for 4 people",
    ):
        await stack.say(text, ANJA)
        card = stack.last_card_to(ANJA)
        offered = [o["room"] for o in _offers(card)]
        assert offered and {city[o] for o in offered} == {"Hamburg"}, (text, offered)
        assert "anderer Standort" not in json.dumps(card, ensure_ascii=False)

    await stack.say("raum morgen 10-11 Uhr für 30 Personen in Köln", JANA)
    sent = stack.sink.sent[-1]
    assert "In Köln hat kein Raum genug Plätze" in json.dumps(sent, ensure_ascii=False)
    assert not sent.get("attachments")  # no offers from Hamburg instead


async def test_a_cancellation_graph_refuses_for_good_says_so_once_and_changes_nothing(
    stack: Stack, database_url: str
) -> None:
    # 403 on cancelling: the bot may no longer write Jana's mailbox. Before, the click failed
    # like an outage with no word on what to do. Now Jana is told at once that the booking
    # still stands and to cancel it in Outlook; nothing changes and nothing tries again.
    offer, answer = await _book_unrestricted(stack, "morgen 10-11 Uhr für 4 Personen")
    assert "Gebucht ✅" in answer
    await stack.say("meine räume", JANA)
    [container] = [b for b in stack.last_card_to(JANA)["body"] if b["type"] == "Container"]
    [confirm] = container["items"][1]["actions"][0]["card"]["actions"]
    fault = {"path_prefix": "/users/jana.becker@nordlicht-demo.de/events",
             "method": "POST", "status": 403, "count": 100}  # fmt: skip
    await stack.sim_json("POST", "/faults", fault)
    await stack.sim_json("DELETE", "/requests")
    sent_before = len(stack.sink.sent)
    refused = await stack.invoke("rooms.cancel", confirm["data"], JANA)
    assert "konnte nicht storniert werden" in refused and "in Outlook ab" in refused, refused
    assert "Storniert:" not in refused
    for _ in range(4):  # nothing was planned that tries again
        stack.clock.advance(timedelta(minutes=30))
        await drained(database_url, stack.clock.now())
    routes = (await stack.sim_json("GET", "/requests"))["routes"]
    assert sum(n for r, n in routes.items() if r.endswith("/cancel")) == 1, routes
    assert len(stack.sink.sent) == sent_before  # the click's answer is the one message
    events = (await stack.sim_json("GET", f"/calendars/{offer['room']}"))["events"]
    assert [e for e in events if e["subject"].startswith("Raumbuchung für Jana")]
    await stack.sim_json("DELETE", "/faults")
    await stack.say("meine räume", JANA)
    listed = json.dumps(stack.last_card_to(JANA), ensure_ascii=False)
    assert "Stornieren" in listed and "– Storniert" not in listed  # still booked
