"""Dringender Termin through the real endpoint, database (SQLite and PostgreSQL) and Graph
simulator: common slot → "Einladen" → one Teams meeting in everyone's calendar; no common slot
→ the blocked person's assistant answers "Ja, ab 15:00", the asker's one card updates, the asker
books; two assistants at once; bad input sends nothing; a booking given up while Graph could
not say whether it created the meeting is unconfirmed until a later look finds it, and
"Absagen" on it cancels the meeting Graph shows by then."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, time, timedelta
from typing import Any

import aiohttp
import pytest

from bot.adapters.clock import ManualClock
from bot.domain.urgent.parse import parse_urgent
from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator import running_simulator
from tests.conftest import RunningBot, local_settings
from tests.support import activities
from tests.support.connector_sink import ConnectorSink
from tests.support.queue import drained

JANA = ("3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85", "Jana Becker")  # assistant of Melanie Schäfer
SABINE = ("c009aadc-479f-503c-b41a-60b0bbea7223", "Sabine Krüger")  # of Dr. Albrecht
KERSTIN = ("f38180ae-1428-558d-b7ec-fb33fc42d9f1", "Kerstin Vogel")  # of Ralf Meyer
BIRGIT = ("e01e3544-86c5-5cd1-9de4-a550758a6cbc", "Birgit Fischer")  # of Ralf Meyer
MONDAY_9 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # 09:00 in Berlin
ALBRECHT, MEYER = "katharina.albrecht@nordlicht-demo.de", "ralf.meyer@nordlicht-demo.de"
MELANIE, JANA_MAIL = "melanie.schaefer@nordlicht-demo.de", "jana.becker@nordlicht-demo.de"
ASK = "Ich brauche heute noch 30 Minuten mit Dr. Albrecht und Herrn Meyer"


class Stack:
    def __init__(
        self, bot: RunningBot, sink: ConnectorSink, graph_url: str, clock: ManualClock
    ) -> None:
        self.bot, self.sink, self.clock, self.graph = bot, sink, clock, graph_url
        self.sim = graph_url.removesuffix("/v1.0") + "/_sim"
        self.database_url = ""

    async def say(self, text: str, who: tuple[str, str]) -> None:
        activity = activities.as_user(activities.message(self.sink.url, text), *who)
        assert (await self.bot.post(activity)).status == 201

    async def invoke(self, verb: str, data: dict[str, Any], who: tuple[str, str]) -> str:
        activity = activities.as_user(activities.card_invoke(self.sink.url, verb, data), *who)
        response = await self.bot.post(activity)
        assert response.status == 200
        return json.dumps(await response.json(), ensure_ascii=False)

    async def invoke_en(self, verb: str, data: dict[str, Any], who: tuple[str, str]) -> str:
        activity = activities.as_user(activities.card_invoke(self.sink.url, verb, data), *who)
        activity["locale"] = "en-US"
        response = await self.bot.post(activity)
        assert response.status == 200
        return json.dumps(await response.json(), ensure_ascii=False)

    async def calendar(self, mailbox: str) -> list[dict[str, Any]]:
        async with aiohttp.ClientSession() as http:
            response = await http.get(f"{self.sim}/calendars/{mailbox}")
            return list((await response.json())["events"])

    async def requests(self) -> dict[str, int]:
        async with aiohttp.ClientSession() as http:
            response = await http.get(f"{self.sim}/requests")
            return dict((await response.json())["routes"])

    async def busy(self, mailbox: str, start: str, end: str) -> None:
        """A meeting in ``mailbox``'s own calendar (Berlin wall-clock times today)."""
        body = {
            "subject": "Blocker",
            "start": {"dateTime": f"2026-03-02T{start}:00", "timeZone": "Europe/Berlin"},
            "end": {"dateTime": f"2026-03-02T{end}:00", "timeZone": "Europe/Berlin"},
        }
        async with aiohttp.ClientSession() as http:
            response = await http.post(
                f"{self.graph}/users/{mailbox}/calendar/events",
                json=body,
                headers={"Authorization": "Bearer test"},
            )
            assert response.status == 201

    def cards_to(self, who: tuple[str, str]) -> list[dict[str, Any]]:
        sent = [a for a in self.sink.sent if a["_conversation"] == f"a:personal-{who[0]}"]
        return [a["attachments"][0]["content"] for a in sent if a.get("attachments")]

    def asker_updates(self) -> list[dict[str, Any]]:
        cards = [u["attachments"][0]["content"] for u in self.sink.updated]
        return [c for c in cards if "Dringender Termin:" in json.dumps(c, ensure_ascii=False)]

    def last_text_to(self, who: tuple[str, str]) -> str:
        sent = [a for a in self.sink.sent if a["_conversation"] == f"a:personal-{who[0]}"]
        return json.dumps(sent[-1], ensure_ascii=False)


@pytest.fixture
async def stack(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> AsyncIterator[Stack]:
    clock = ManualClock(MONDAY_9)
    org = load_demo_organisation()
    async with running_simulator(org, clock=clock) as graph_url:
        settings = local_settings(database_url, graph_base_url=graph_url)
        stack = Stack(await bot_factory(settings, clock), sink, graph_url, clock)
        stack.database_url = database_url
        for person in (JANA, SABINE, KERSTIN, BIRGIT):
            await stack.say("hilfe", person)  # each has a 1:1 chat with the bot
        yield stack


def _actions(card: dict[str, Any], verb: str) -> list[dict[str, Any]]:
    return [a["data"] for a in card.get("actions", []) if a.get("verb") == verb]


def _meetings(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in events if e["subject"].startswith("Dringender Termin")]


async def test_common_slot_invites_everyone_to_one_teams_meeting(stack: Stack) -> None:
    await stack.say(ASK, JANA)
    routes = await stack.requests()
    assert sum(n for r, n in routes.items() if r.endswith("getSchedule")) == 1
    card = stack.cards_to(JANA)[-1]
    text = json.dumps(card, ensure_ascii=False)
    assert "Melanie Schäfer, Dr. Katharina Albrecht, Ralf Meyer" in text
    offers = _actions(card, "urgent.invite")
    # Dr. Albrecht chairs the board meeting until 11:00: the first common slot is 11:00.
    assert "Einladen: heute 11:00–11:30" in text and len(offers) == 3
    forged = {**offers[0], "start": "2026-03-02T06:00:00+00:00"}
    assert "nicht (mehr) im Angebot" in await stack.invoke("urgent.invite", forged, JANA)
    assert "Nur wer den Termin" in await stack.invoke("urgent.invite", offers[0], SABINE)
    clicks = await asyncio.gather(*(stack.invoke("urgent.invite", offers[0], JANA) for _ in "xy"))
    assert sum("Teams-Besprechung gebucht" in c for c in clicks) == 1
    assert any("bereits entschieden" in c for c in clicks)
    for mailbox in (JANA_MAIL, MELANIE, ALBRECHT, MEYER):
        meetings = _meetings(await stack.calendar(mailbox))
        assert len(meetings) == 1, mailbox
        assert meetings[0]["isOnlineMeeting"] is True
        assert meetings[0]["onlineMeetingProvider"] == "teamsForBusiness"
        assert meetings[0]["start"]["dateTime"].startswith("2026-03-02T10:00:00")  # UTC
    assert not stack.cards_to(SABINE)[1:]  # nobody else was asked


async def test_blocked_person_assistant_frees_a_slot_and_the_asker_books(stack: Stack) -> None:
    await stack.busy(ALBRECHT, "11:00", "17:00")  # with the board meeting: busy all day
    await stack.say(ASK, JANA)
    asker_card = stack.cards_to(JANA)[-1]
    assert "Kein gemeinsamer Termin: Dr. Katharina Albrecht ist belegt" in json.dumps(
        asker_card, ensure_ascii=False
    )
    assert not any("heute" in o["start"] for o in _actions(asker_card, "urgent.invite"))
    ask = stack.cards_to(SABINE)[-1]
    text = json.dumps(ask, ensure_ascii=False)
    assert (
        "Können Sie für Dr. Katharina Albrecht heute 30 Minuten zwischen 09:00 und 17:00" in text
    )
    assert not stack.cards_to(KERSTIN)[1:] and not stack.cards_to(BIRGIT)[1:]
    yes = next(a for a in _actions(ask, "urgent.answer") if a["yes"])
    answer = {**yes, "free_from": "2026-03-02T14:00:00+00:00"}  # 15:00 in Berlin
    assert "Ihre Antwort: Ja, ab 15:00" in await stack.invoke("urgent.answer", answer, SABINE)
    assert "bereits geantwortet" in await stack.invoke("urgent.answer", answer, SABINE)
    assert "ging nicht an Sie" in await stack.invoke("urgent.answer", answer, KERSTIN)
    updated = stack.asker_updates()[-1]
    assert "Möglich: heute 15:00–15:30" in json.dumps(updated, ensure_ascii=False)
    assert not _meetings(await stack.calendar(ALBRECHT))  # nothing booked without the asker
    invite = _actions(updated, "urgent.invite")[0]
    assert "Teams-Besprechung gebucht: heute 15:00–15:30" in await stack.invoke(
        "urgent.invite", invite, JANA
    )
    for mailbox in (JANA_MAIL, MELANIE, ALBRECHT, MEYER):
        meetings = _meetings(await stack.calendar(mailbox))
        assert [m["start"]["dateTime"][:16] for m in meetings] == ["2026-03-02T14:00"], mailbox
        assert meetings[0]["isOnlineMeeting"] is True
    sabine = json.dumps(stack.sink.updated[-1], ensure_ascii=False)
    assert "Die Besprechung ist gebucht" in sabine
    cancel = _actions(updated, "urgent.cancel")
    assert cancel and "Abgesagt" in await stack.invoke("urgent.cancel", cancel[0], JANA)
    assert all(m["isCancelled"] for m in _meetings(await stack.calendar(MEYER)))


async def test_two_assistants_answering_at_once_both_count(stack: Stack) -> None:
    await stack.busy(MEYER, "09:00", "17:00")
    await stack.say(ASK, JANA)
    cards = {who: stack.cards_to(who)[-1] for who in (KERSTIN, BIRGIT)}
    answers = []
    for who, free_from in (
        (KERSTIN, "2026-03-02T13:00:00+00:00"),
        (BIRGIT, "2026-03-02T12:00:00+00:00"),
    ):
        yes = next(a for a in _actions(cards[who], "urgent.answer") if a["yes"])
        answers.append(stack.invoke("urgent.answer", {**yes, "free_from": free_from}, who))
    bodies = await asyncio.gather(*answers)
    assert all("Ihre Antwort: Ja, ab" in b for b in bodies)
    last = json.dumps(stack.asker_updates()[-1], ensure_ascii=False)
    assert "Ja, ab 14:00" in last and "Ja, ab 13:00" in last  # neither answer lost
    assert "Möglich: heute" in last


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich brauche heute noch 30 Minuten mit Herrn Niemand", "finde ich im Verzeichnis nicht"),
        ("Ich brauche heute noch 30 Minuten mit Herrn Meyer und Ralf Meyer", "zweimal genannt"),
        ("Ich brauche heute noch 30 Minuten mit Meyer und Meyer", "zweimal genannt"),
        ("Ich brauche heute noch 12 Stunden mit Herrn Meyer", "So lang ist kein Arbeitstag"),
        ("Ich brauche bis heute 8 Uhr 30 Minuten mit Herrn Meyer", "in der Vergangenheit"),
        ("I need 30 minutes with Mr Nobody today", "nicht"),
        ("dringend 30 Minuten mit Herrn Meyer gestern", "Dieser Tag liegt in der Vergangenheit"),
        ("Ich brauche vorgestern 30 Minuten mit Herrn Meyer", "Dieser Tag liegt in der"),
    ],
)
async def test_bad_input_is_refused_and_nothing_is_sent(
    stack: Stack, text: str, expected: str
) -> None:
    before = len(stack.sink.sent)
    await stack.say(text, JANA)
    assert expected in stack.last_text_to(JANA)
    assert len(stack.sink.sent) == before + 1  # only the refusal to the asker
    routes = await stack.requests()
    assert not any("events" in r and r.startswith("POST") for r in routes)


async def test_yesterday_is_refused_in_english_and_nothing_is_read(stack: Stack) -> None:
    """A past day is never read as today: no free/busy is read, no slot offered."""
    before = len(stack.sink.sent)
    activity = activities.message(
        stack.sink.url, "urgent 30 minutes with Mr Meyer yesterday", locale="en-US"
    )
    assert (await stack.bot.post(activities.as_user(activity, *JANA))).status == 201
    reply = stack.last_text_to(JANA)
    assert "That day is in the past" in reply and "Nothing was sent" in reply
    assert len(stack.sink.sent) == before + 1  # only the refusal, no card with slots
    routes = await stack.requests()
    assert not any(r.endswith("getSchedule") for r in routes)


async def test_urgent_calls_run_only_in_the_personal_chat(stack: Stack) -> None:
    """An executive's free slots and the people asked are nobody else's business: the urgent
    sentence @mentioned in a channel and "dringend …" in a group chat get a pointer to the
    personal chat (not the routing reply, not the card with slots); nothing is read or sent."""
    before = len(stack.sink.sent)
    said = [
        activities.channel_mention(stack.sink.url, ASK),
        activities.group_chat_mention(stack.sink.url, "dringend 30 Minuten mit Dr. Albrecht"),
        activities.group_chat_mention(stack.sink.url, "dringender Termin"),
    ]
    english = activities.channel_mention(stack.sink.url, "I need 45 minutes with Mr Meyer today")
    english["locale"] = "en-US"
    form = activities.card_submit(
        stack.sink.url, "urgent.form", {"names": "Dr. Albrecht", "minutes": 30}
    )
    form["conversation"] = activities.group_chat_conversation()
    for activity in (*said, english, form):
        assert (await stack.bot.post(activities.as_user(activity, *JANA))).status == 201
    replies = stack.sink.sent[before:]
    texts = [a.get("text") or "" for a in replies]
    assert len(replies) == 5 and not any(a.get("attachments") for a in replies)
    assert all("nur in unserem persönlichen Chat" in text for text in texts[:3] + texts[4:])
    assert "only in our personal chat" in texts[3]
    everything = json.dumps(replies, ensure_ascii=False)
    assert "Netzwerk" not in everything and "Einladen" not in everything
    routes = await stack.requests()
    assert not any(r.endswith("getSchedule") for r in routes)

    await stack.say(ASK, JANA)  # the personal chat: the card with the slots
    assert "Einladen: heute 11:00–11:30" in json.dumps(
        stack.cards_to(JANA)[-1], ensure_ascii=False
    )


async def test_english_request_with_an_ambiguous_name_asks_whom_first(stack: Stack) -> None:
    activity = activities.message(
        stack.sink.url, "I need 45 minutes with Vog today", locale="en-US"
    )
    assert (await stack.bot.post(activities.as_user(activity, *JANA))).status == 201
    card = stack.cards_to(JANA)[-1]
    text = json.dumps(card, ensure_ascii=False)
    assert (
        "Whom do you mean by “Vog”?" in text and "Henrik Vogt" in text and "Kerstin Vogel" in text
    )
    routes = await stack.requests()
    assert not any(r.endswith("getSchedule") for r in routes)  # nothing read before the choice
    picks = _actions(card, "urgent.pick")
    henrik = next(p for p in picks if "Kerstin" not in json.dumps(p) and p["picks"])
    forged = {**henrik, "picks": {"vog": "f6e4bd59-0000-0000-0000-000000000000"}}
    before = len(stack.sink.sent)
    refused = await stack.invoke_en("urgent.pick", forged, JANA)
    assert "does not belong" in refused + json.dumps(stack.sink.sent[before:])
    await stack.invoke_en("urgent.pick", henrik, JANA)
    offered = json.dumps(stack.cards_to(JANA)[-1], ensure_ascii=False)
    assert "Urgent call: 45 minutes with Melanie Schäfer, Henrik Vogt" in offered
    assert "Invite: today" in offered


async def test_the_form_with_an_ambiguous_name_goes_on_after_the_choice(stack: Stack) -> None:
    form = {"minutes": 45, "names": "Vog, Melanie Schäfer", "deadline": "tomorrow_noon"}
    card = json.loads(await stack.invoke("urgent.form", form, JANA))["value"]
    assert "Kerstin Vogel" in json.dumps(card, ensure_ascii=False)
    henrik = next(
        p for p in _actions(card, "urgent.pick") if "Kerstin" not in json.dumps(p) and p["picks"]
    )
    # The choice carries the request as text: read again, it keeps the form's deadline.
    again = parse_urgent(henrik["text"])
    assert (again.minutes, again.days_ahead, again.until) == (45, 1, time(12, 0))
    await stack.invoke("urgent.pick", henrik, JANA)
    offered = json.dumps(stack.cards_to(JANA)[-1], ensure_ascii=False)
    assert "45 Minuten mit Melanie Schäfer, Henrik Vogt" in offered and "Mit wem" not in offered


async def test_when_every_assistant_says_no_the_asker_sees_it_and_decides(stack: Stack) -> None:
    await stack.busy(MEYER, "09:00", "17:00")
    await stack.say(ASK, JANA)
    for who in (KERSTIN, BIRGIT):
        no = next(a for a in _actions(stack.cards_to(who)[-1], "urgent.answer") if not a["yes"])
        assert "Ihre Antwort: Leider nicht" in await stack.invoke("urgent.answer", no, who)
    last = stack.asker_updates()[-1]
    text = json.dumps(last, ensure_ascii=False)
    assert "Für Ralf Meyer kann leider niemand Zeit freimachen." in text
    assert "Möglich" not in text and "Oder morgen Vormittag" in text
    tomorrow = _actions(last, "urgent.invite")[0]
    assert "gebucht: morgen 08:00–08:30" in await stack.invoke("urgent.invite", tomorrow, JANA)
    assert [m["start"]["dateTime"][:16] for m in _meetings(await stack.calendar(MEYER))] == [
        "2026-03-03T07:00"
    ]


async def test_an_unbooked_call_expires_and_every_card_says_so(stack: Stack) -> None:
    await stack.busy(ALBRECHT, "09:00", "17:00")
    await stack.say(ASK, JANA)
    yes = next(a for a in _actions(stack.cards_to(SABINE)[-1], "urgent.answer") if a["yes"])
    # Past the last offer (tomorrow morning until 12:00): the expiry job runs once.
    stack.clock.advance(timedelta(days=1, hours=4))
    await drained(stack.database_url, stack.clock.now())
    texts = [json.dumps(u, ensure_ascii=False) for u in stack.sink.updated]
    assert any("Abgelaufen: Es wurde kein Termin gebucht." in t for t in texts)
    assert any("Die Zeit ist vorbei" in t for t in texts)
    late = {**yes, "free_from": "2026-03-02T14:00:00+00:00"}
    assert "bereits entschieden" in await stack.invoke("urgent.answer", late, SABINE)
    assert not _meetings(await stack.calendar(ALBRECHT))


UNCONFIRMED = "Die Buchung ist nicht bestätigt"


async def _sim(stack: Stack, method: str, path: str, body: Any = None) -> None:
    async with (
        aiohttp.ClientSession() as http,
        http.request(method, f"{stack.sim}/{path}", json=body) as response,
    ):
        assert response.status < 300


def _asker_texts(stack: Stack) -> list[str]:
    return [json.dumps(card, ensure_ascii=False) for card in stack.asker_updates()]


async def _given_up_unconfirmed(stack: Stack) -> dict[str, Any]:
    """Graph fails the click and every retry of the job (500, an outage; a refusal for good
    would fail the call at once), then cannot list the calendar when the bot looks for the
    meeting after the give-up; returns the offer clicked."""
    await stack.busy(ALBRECHT, "09:00", "17:00")  # no slot today: tomorrow's are offered
    await stack.say(ASK, JANA)
    assert stack.cards_to(SABINE)  # Sabine is asked to free time today
    offer = _actions(stack.cards_to(JANA)[-1], "urgent.invite")[0]
    events = f"/users/{JANA_MAIL}/calendar"
    failing = {"path_prefix": f"{events}/events", "method": "POST", "status": 500, "count": 99}
    down = {"path_prefix": f"{events}/calendarView", "method": "GET", "status": 500, "count": 1}
    await _sim(stack, "POST", "faults", failing)
    await _sim(stack, "POST", "faults", down)
    assert "Wird gebucht" in await stack.invoke("urgent.invite", offer, JANA)
    for _ in range(15):  # each retry when due (the backoff is at most an hour)
        stack.clock.advance(timedelta(hours=1))
        await drained(stack.database_url, stack.clock.now())
        if any(UNCONFIRMED in text for text in _asker_texts(stack)):
            break
    last = _asker_texts(stack)[-1]
    assert UNCONFIRMED in last and "niemand wurde eingeladen" not in last
    assert "prüfen Sie Ihren Kalender" in last
    return offer


async def _created_by_graph(stack: Stack, offer: dict[str, Any]) -> None:
    """Graph had created the meeting after all (the invitations went out)."""
    await _sim(stack, "DELETE", "faults")
    start = offer["start"]
    meeting = {
        "subject": "Dringender Termin: Melanie Schäfer", "isOnlineMeeting": True,
        "onlineMeetingProvider": "teamsForBusiness",
        "start": {"dateTime": start[:19], "timeZone": "UTC"},
        "end": {"dateTime": start[:11] + "07:30:00", "timeZone": "UTC"},
        "attendees": [{"emailAddress": {"address": ALBRECHT}, "type": "required"}],
        "transactionId": f"urgent-call-{offer['call_id']}",
    }  # fmt: skip
    assert start.startswith("2026-03-03T07:00")  # tomorrow 08:00 in Berlin
    async with aiohttp.ClientSession() as http:
        created = await http.post(
            f"{stack.graph}/users/{JANA_MAIL}/calendar/events",
            json=meeting,
            headers={"Authorization": "Bearer test"},
        )
        assert created.status == 201


async def test_a_given_up_booking_graph_did_create_is_unconfirmed_then_booked(
    stack: Stack,
) -> None:
    offer = await _given_up_unconfirmed(stack)
    await _created_by_graph(stack, offer)
    for minutes in (2, 8):  # both looks; the second finds the call booked
        stack.clock.advance(timedelta(minutes=minutes))
        await drained(stack.database_url, stack.clock.now())
    booked = [t for t in _asker_texts(stack) if "Teams-Besprechung gebucht" in t]
    assert len(booked) == 1 and "Teams-Besprechung gebucht" in _asker_texts(stack)[-1]
    assert len(_meetings(await stack.calendar(ALBRECHT))) == 1


async def test_absagen_on_an_unconfirmed_booking_cancels_the_meeting_graph_shows(
    stack: Stack,
) -> None:
    offer = await _given_up_unconfirmed(stack)
    await _created_by_graph(stack, offer)
    cancel = _actions(stack.asker_updates()[-1], "urgent.cancel")
    answer = await stack.invoke("urgent.cancel", cancel[0], JANA)
    assert "Abgesagt (" in answer and "nicht bestätigt" not in answer
    # At once, not only when a planned look is still ahead: attendees are told.
    assert [m["isCancelled"] for m in _meetings(await stack.calendar(ALBRECHT))] == [True]


async def test_uebermorgen_offers_that_day_and_koenig_is_koenig(stack: Stack) -> None:
    # Monday: "übermorgen" is Wednesday (not today), "Koenig" is Andreas König.
    await stack.say("Ich brauche übermorgen 45 Minuten mit Herrn Vogt und Herrn Koenig", JANA)
    card = stack.cards_to(JANA)[-1]
    text = json.dumps(card, ensure_ascii=False)
    assert "45 Minuten mit Melanie Schäfer, Henrik Vogt, Andreas König" in text
    offers = _actions(card, "urgent.invite")
    assert offers and all(o["start"].startswith("2026-03-04") for o in offers)
    assert "Einladen: Mi, 04.03. 08:00–08:45" in text and "heute" not in text
    before = len(stack.sink.sent)
    await stack.say("Ich brauche am Donnerstag 45 Minuten mit Herrn Vogt", JANA)
    assert "heute, morgen oder übermorgen" in stack.last_text_to(JANA)
    assert len(stack.sink.sent) == before + 1  # only the refusal


REFUSED = "Microsoft 365 hat die Teams-Besprechung nicht angenommen"


def _meeting_posts(routes: dict[str, int]) -> int:
    return sum(n for r, n in routes.items() if r.startswith("POST") and "/events" in r)


async def _refuse_meetings(stack: Stack, status: int = 403) -> None:
    """Graph refuses every meeting in Jana's calendar (no permission on her mailbox)."""
    events = f"/users/{JANA_MAIL}/calendar/events"
    fault = {"path_prefix": events, "method": "POST", "status": status, "count": 99}
    await _sim(stack, "POST", "faults", fault)
    await _sim(stack, "DELETE", "requests")


async def test_a_meeting_graph_refuses_for_good_fails_at_once_and_is_not_retried(
    stack: Stack,
) -> None:
    # 403: the asker's mailbox may not be written. Before, the booking job retried it for
    # hours while the card said "Wird gebucht", then the call sat unconfirmed.
    await stack.say(ASK, JANA)
    offer = _actions(stack.cards_to(JANA)[-1], "urgent.invite")[0]
    await _refuse_meetings(stack)
    answer = await stack.invoke("urgent.invite", offer, JANA)
    assert REFUSED in answer and "Wird gebucht" not in answer, answer
    assert "urgent.cancel" not in answer  # nothing stands that could be cancelled
    for _ in range(12):  # a retry would be due within the hour
        stack.clock.advance(timedelta(hours=1))
        await drained(stack.database_url, stack.clock.now())
    assert _meeting_posts(await stack.requests()) == 1
    assert not [t for t in _asker_texts(stack) if "nicht bestätigt" in t or "Wird gebucht" in t]


async def test_a_refusal_in_the_retrying_job_ends_the_call_and_tells_the_asker_once(
    stack: Stack,
) -> None:
    await stack.say(ASK, JANA)
    offer = _actions(stack.cards_to(JANA)[-1], "urgent.invite")[0]
    events = f"/users/{JANA_MAIL}/calendar/events"
    outage = {"path_prefix": events, "method": "POST", "status": 500, "count": 1}
    await _sim(stack, "POST", "faults", outage)  # the click fails, a job tries again
    assert "Wird gebucht" in await stack.invoke("urgent.invite", offer, JANA)
    await _refuse_meetings(stack)
    before = len(stack.cards_to(JANA))
    for _ in range(12):
        stack.clock.advance(timedelta(hours=1))
        await drained(stack.database_url, stack.clock.now())
    assert _meeting_posts(await stack.requests()) == 1
    told = [json.dumps(c, ensure_ascii=False) for c in stack.cards_to(JANA)[before:]]
    assert len(told) == 1 and REFUSED in told[0], told
    assert REFUSED in _asker_texts(stack)[-1]  # the card she clicked says so too


async def _refuse_cancellations(stack: Stack) -> None:
    """Graph refuses every cancellation in Jana's calendar for good (403 no permission)."""
    fault = {"path_prefix": f"/users/{JANA_MAIL}/events", "method": "POST", "status": 403,
             "count": 99}  # fmt: skip
    await _sim(stack, "POST", "faults", fault)
    await _sim(stack, "DELETE", "requests")


def _cancel_posts(routes: dict[str, int]) -> int:
    return sum(n for r, n in routes.items() if r.endswith("/cancel"))


async def test_absagen_graph_refuses_for_good_says_so_once_and_changes_nothing(
    stack: Stack,
) -> None:
    # 403 on cancelling the booked meeting: the bot may no longer write Jana's mailbox.
    # Before, the click answered "etwas schiefgegangen … gleich noch einmal", which no retry
    # fixes. Now Jana is told at once to cancel it in Outlook, and nothing changes.
    await stack.say(ASK, JANA)
    offer = _actions(stack.cards_to(JANA)[-1], "urgent.invite")[0]
    booked = json.loads(await stack.invoke("urgent.invite", offer, JANA))["value"]
    [cancel] = _actions(booked, "urgent.cancel")
    await _refuse_cancellations(stack)
    sent_before = len(stack.sink.sent)
    answer = await stack.invoke("urgent.cancel", cancel, JANA)
    assert "konnte nicht abgesagt werden" in answer and "direkt in Outlook ab" in answer, answer
    for _ in range(4):  # nothing was planned that tries again
        stack.clock.advance(timedelta(minutes=30))
        await drained(stack.database_url, stack.clock.now())
    assert _cancel_posts(await stack.requests()) == 1
    assert len(stack.sink.sent) == sent_before  # the click's answer is the one message
    assert [m["isCancelled"] for m in _meetings(await stack.calendar(ALBRECHT))] == [False]
    await _sim(stack, "DELETE", "faults")
    assert "Abgesagt (" in await stack.invoke("urgent.cancel", cancel, JANA)  # still possible


async def test_absagen_whose_found_meeting_graph_refuses_to_cancel_tells_the_asker_once(
    stack: Stack,
) -> None:
    # A given-up booking Graph did create, then "Absagen" while Graph refuses to cancel it
    # (403). Before, a look was planned that retried the cancellation for hours and nobody
    # heard that the meeting still stood; now Jana gets one DM to cancel it in Outlook.
    offer = await _given_up_unconfirmed(stack)
    await _created_by_graph(stack, offer)
    await _refuse_cancellations(stack)
    cancel = _actions(stack.asker_updates()[-1], "urgent.cancel")
    assert "Abgesagt (" in await stack.invoke("urgent.cancel", cancel[0], JANA)
    for _ in range(8):  # every planned look, and the retries of any that raised
        stack.clock.advance(timedelta(minutes=30))
        await drained(stack.database_url, stack.clock.now())
    assert _cancel_posts(await stack.requests()) == 1
    notes = [t for t in map(json.dumps, stack.cards_to(JANA)) if "nicht abgesagt" in t]
    assert len(notes) == 1
    assert [m["isCancelled"] for m in _meetings(await stack.calendar(ALBRECHT))] == [False]


async def test_a_booking_whose_answer_was_lost_is_retried_into_one_meeting(stack: Stack) -> None:
    # Graph creates the meeting, but its answer is lost (504 after the work, also on
    # msgraph's own retries): the click says "Wird gebucht" and the booking job tries again.
    # The retry must not invite everyone a second time: one meeting, and the call is booked.
    await stack.say(ASK, JANA)
    offer = _actions(stack.cards_to(JANA)[-1], "urgent.invite")[0]
    lost = {"path_prefix": f"/users/{JANA_MAIL}/calendar/events", "method": "POST",
            "status": 504, "retry_after": 0, "count": 4, "after": True}  # fmt: skip
    await _sim(stack, "POST", "faults", lost)
    assert "Wird gebucht" in await stack.invoke("urgent.invite", offer, JANA)
    assert len(_meetings(await stack.calendar(ALBRECHT))) == 1  # Graph did create it
    for _ in range(4):
        stack.clock.advance(timedelta(minutes=1))
        await drained(stack.database_url, stack.clock.now())
    assert "Teams-Besprechung gebucht" in _asker_texts(stack)[-1]
    for mailbox in (JANA_MAIL, MELANIE, ALBRECHT, MEYER):
        assert len(_meetings(await stack.calendar(mailbox))) == 1, mailbox
