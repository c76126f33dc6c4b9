"""The urgent call's service and decisions over fakes (directory and calendars of the demo
organisation, in-memory calls and jobs, a recording notifier): two blocked people, each with
an assistant; the proposal needs both answers; nothing is booked before the asker's click."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest

from bot.adapters.clock import ManualClock
from bot.domain.business_hours import BusinessCalendar
from bot.domain.graph_types import NewEvent
from bot.domain.ports import MessageHandle
from bot.domain.urgent import slots as rules
from bot.domain.urgent.decisions import UrgentDecisions
from bot.domain.urgent.model import CallState, UrgentCall, UrgentError
from bot.domain.urgent.parse import parse_urgent
from bot.domain.urgent.people import Ambiguous
from bot.domain.urgent.service import BOOK_JOB, EXPIRE_JOB, Asker, UrgentService
from bot.jobs import JobRunner
from bot.urgent_wiring import build_give_ups, build_handlers
from cards.urgent import UrgentCards
from devkit.demo.organisation import load_demo_organisation
from devkit.fakes.graph import FakeDirectory, FakeRoomCalendar
from devkit.fakes.memory_jobs import InMemoryJobQueue
from devkit.fakes.memory_urgent import InMemoryUrgentCallRepository
from tests.support.fake_notifier import RecordingNotifier

MONDAY_9 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
JANA = Asker("3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85", "Jana Becker", "t1")
SABINE, KERSTIN = "c009aadc-479f-503c-b41a-60b0bbea7223", "f38180ae-1428-558d-b7ec-fb33fc42d9f1"
BIRGIT = "e01e3544-86c5-5cd1-9de4-a550758a6cbc"
ALBRECHT, MEYER = "katharina.albrecht@nordlicht-demo.de", "ralf.meyer@nordlicht-demo.de"


class German:
    async def language_of(self, user_key: str) -> str:
        return "de"


def _world() -> tuple[UrgentDecisions, FakeRoomCalendar, RecordingNotifier]:
    org, clock = load_demo_organisation(), ManualClock(MONDAY_9)
    calendar = FakeRoomCalendar(org, clock)
    notifier = RecordingNotifier()
    service = UrgentService(
        calls=InMemoryUrgentCallRepository(), directory=FakeDirectory(org, clock),
        calendar=calendar, notifier=notifier, jobs=InMemoryJobQueue(), clock=clock,
        hours=BusinessCalendar("Europe/Berlin", "NW", time(8), time(17)), languages=German(),
        views=UrgentCards(BusinessCalendar().zone),
    )  # fmt: skip
    return UrgentDecisions(service), calendar, notifier


async def _block(calendar: FakeRoomCalendar, mailbox: str) -> None:
    day = NewEvent("Blocker", MONDAY_9, MONDAY_9 + timedelta(hours=8))
    await calendar.create_event(mailbox, day)


async def _start(decisions: UrgentDecisions, text: str) -> UrgentCall:
    started = await decisions.service.start(JANA, parse_urgent(text), {})
    assert isinstance(started, UrgentCall)
    await decisions.posted(started.id, {"reference": {}, "activity_id": "asker-card"})
    return await decisions.service.get(started.id)


async def test_two_blocked_people_need_both_answers_and_the_asker_books() -> None:
    decisions, calendar, notifier = _world()
    await _block(calendar, ALBRECHT)
    await _block(calendar, MEYER)
    call = await _start(
        decisions, "Ich brauche heute noch 30 Minuten mit Dr. Albrecht und Herrn Meyer"
    )
    assert call.state is CallState.ASKING and len(call.blocked) == 2
    assert sorted(notifier.dm_recipients()) == sorted([SABINE, KERSTIN, BIRGIT])
    assert call.slots  # tomorrow morning, when everyone is free
    albrecht, meyer = call.blocked[0], call.blocked[1]
    at_15 = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
    call = await decisions.answer(call.id, SABINE, albrecht, at_15)
    assert rules.proposal(call, MONDAY_9) is None  # Ralf Meyer's assistants have not answered
    call = await decisions.answer(call.id, BIRGIT, meyer, None)
    call = await decisions.answer(call.id, KERSTIN, meyer, at_15 + timedelta(minutes=30))
    proposal = rules.proposal(call, MONDAY_9)
    assert proposal is not None and proposal.start == at_15 + timedelta(minutes=30)
    assert notifier.updates  # the asker's card (and the others) show each answer
    around = await calendar.list_events(ALBRECHT, at_15, at_15 + timedelta(hours=2))
    assert [e.subject for e in around] == ["Blocker"]  # nothing booked before the click
    with pytest.raises(UrgentError, match="not_asker"):
        await decisions.invite(call.id, SABINE, proposal.start)
    booked = await decisions.invite(call.id, JANA.key, proposal.start)
    assert booked.state is CallState.BOOKED and booked.booked == proposal
    for mailbox in (ALBRECHT, MEYER, "melanie.schaefer@nordlicht-demo.de"):
        events = await calendar.list_events(mailbox, proposal.start, proposal.end)
        assert [e.online_meeting for e in events if e.subject.startswith("Dringender")] == [True]
    with pytest.raises(UrgentError, match="decided"):
        await decisions.answer(call.id, BIRGIT, meyer, at_15)
    trail = [e.action for e in await decisions.service.calls.audit_of(call.id)]
    assert trail == ["requested", "answered", "answered", "answered", "chosen", "booked"]
    jobs = decisions.service.jobs
    assert isinstance(jobs, InMemoryJobQueue)
    assert [j.kind for j in jobs.jobs.values() if j.kind == EXPIRE_JOB] == [EXPIRE_JOB]


async def test_a_blocked_executive_is_freed_by_the_asker_not_by_other_reports() -> None:
    decisions, calendar, notifier = _world()
    await _block(calendar, "melanie.schaefer@nordlicht-demo.de")  # Jana's own executive
    call = await _start(decisions, "Ich brauche heute noch 30 Minuten mit Herrn Meyer")
    assert [(a.assistant_key, a.for_key) for a in call.asks] == [(JANA.key, call.on_behalf_key)]
    assert notifier.dm_recipients() == [JANA.key]  # not Tobias Wagner, Melanie's other report


async def test_an_ambiguous_name_is_asked_back_and_a_pick_must_be_a_candidate() -> None:
    decisions, _, notifier = _world()
    started = await decisions.service.start(JANA, parse_urgent("30 Minuten mit Vog"), {})
    assert isinstance(started, Ambiguous)
    assert {p.display_name for p in started.candidates} == {"Henrik Vogt", "Kerstin Vogel"}
    with pytest.raises(UrgentError, match="forged"):
        await decisions.service.start(JANA, parse_urgent("30 Minuten mit Vog"), {"vog": SABINE})
    assert not notifier.posts and not notifier.directs


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("30 Minuten mit Herrn Niemand", "unknown"),
        ("30 Minuten mit Herrn Meyer und Ralf Meyer", "duplicate"),
        ("10 Stunden mit Herrn Meyer", "too_long"),
        ("30 Minuten mit Herrn Meyer bis heute 8 Uhr", "past"),
    ],
)
async def test_bad_input_sends_nothing(text: str, code: str) -> None:
    decisions, _, notifier = _world()
    with pytest.raises(UrgentError) as raised:
        await decisions.service.start(JANA, parse_urgent(text), {})
    assert raised.value.code == code
    assert not notifier.posts and not notifier.directs and not notifier.updates


async def test_a_booking_graph_refused_until_the_slot_began_expires_instead_of_hanging() -> None:
    decisions, calendar, _notifier = _world()
    call = await _start(decisions, "Ich brauche heute noch 30 Minuten mit Dr. Albrecht")
    assert call.state is CallState.OFFERED and call.slots
    proposal = call.slots[0]

    async def refused(organizer: str, event: NewEvent) -> object:
        raise PermissionError("Graph 403")

    calendar.create_event = refused  # type: ignore[assignment, method-assign]
    queued = await decisions.invite(call.id, JANA.key, proposal.start)
    assert queued.state is CallState.BOOKING
    clock = decisions.service.clock
    assert isinstance(clock, ManualClock)
    clock.advance(proposal.start - clock.now())  # the retries failed until the slot began
    # Graph shows no meeting, but the bot looks once more before saying none was created.
    assert (await decisions.book(call.id)).state is CallState.UNCONFIRMED
    clock.advance(timedelta(minutes=2))
    expired = await decisions.look_again(call.id)
    assert expired is not None and expired.state is CallState.EXPIRED
    assert "expired" in [e.action for e in await decisions.service.calls.audit_of(call.id)]


async def test_a_booking_job_that_gives_up_before_the_slot_ends_the_call_and_says_so() -> None:
    decisions, calendar, notifier = _world()
    await _block(calendar, ALBRECHT)
    call = await _start(decisions, "Ich brauche heute noch 30 Minuten mit Dr. Albrecht")
    assert call.state is CallState.ASKING and call.slots  # Sabine asked; tomorrow as fallback
    tomorrow = call.slots[0]

    async def refused(organizer: str, event: NewEvent) -> object:
        raise PermissionError("Graph 403")

    calendar.create_event = refused  # type: ignore[assignment, method-assign]
    assert (await decisions.invite(call.id, JANA.key, tomorrow.start)).state is CallState.BOOKING
    service, clock, jobs = decisions.service, decisions.service.clock, decisions.service.jobs
    assert isinstance(clock, ManualClock) and isinstance(jobs, InMemoryJobQueue)
    runner = JobRunner(jobs, clock, build_handlers(decisions), give_ups=build_give_ups(decisions))
    booking = next(j for j in jobs.jobs.values() if j.kind == BOOK_JOB)
    while booking.done_at is None:  # every retry when it is due, as the runner's loop does
        await runner.run_once()
        clock.advance(max(booking.due_at - clock.now(), timedelta(0)))
    assert booking.failed_at is not None and booking.attempts == 10
    assert clock.now() < tomorrow.start  # the retries were used up before the slot began
    assert (await service.get(call.id)).state is CallState.UNCONFIRMED  # until a look
    clock.advance(timedelta(minutes=2))
    await runner.run_once()  # the first look: Graph shows no meeting (yet)
    assert (await service.get(call.id)).state is CallState.UNCONFIRMED
    clock.advance(timedelta(minutes=8))
    await runner.run_once()  # the last look: still none
    ended = await service.get(call.id)
    assert ended.state is CallState.EXPIRED
    assert "expired" in [e.action for e in await service.calls.audit_of(call.id)]
    last = {handle["activity_id"]: str(card) for handle, card in notifier.updates}
    assert "Die Buchung ist fehlgeschlagen" in last["asker-card"]
    assert "Wird gebucht" not in last["asker-card"]
    sabine = next(
        h["activity_id"] for h, _ in notifier.updates if h["reference"] == {"user": SABINE}
    )
    assert "Die Besprechung konnte nicht gebucht werden" in last[sabine]


class HeldFirstAskerUpdate(RecordingNotifier):
    """Holds the first update of the asker's card until ``release`` is set: it then arrives
    after a later decision's updates, as Teams may deliver two refreshes out of order."""

    def __init__(self) -> None:
        super().__init__()
        self.release = asyncio.Event()
        self.held = asyncio.Event()

    async def update_card(self, handle: MessageHandle, card: dict[str, Any]) -> None:
        if handle.get("activity_id") == "asker-card" and not self.held.is_set():
            self.held.set()
            await self.release.wait()
        await super().update_card(handle, card)


async def test_the_asker_card_ends_showing_both_answers_given_at_once() -> None:
    decisions, calendar, _ = _world()
    notifier = HeldFirstAskerUpdate()
    decisions.service.notifier = notifier
    await _block(calendar, ALBRECHT)
    await _block(calendar, MEYER)
    call = await _start(
        decisions, "Ich brauche heute noch 30 Minuten mit Dr. Albrecht und Herrn Meyer"
    )
    albrecht, meyer = call.blocked[0], call.blocked[1]
    at_14, at_15 = (datetime(2026, 3, 2, h, 0, tzinfo=UTC) for h in (13, 14))
    first = asyncio.create_task(decisions.answer(call.id, SABINE, albrecht, at_15))
    await notifier.held.wait()  # saved, its asker card update on the way
    await decisions.answer(call.id, BIRGIT, meyer, at_14)
    notifier.release.set()
    await first
    asker = [
        card for handle, card in notifier.updates if handle.get("activity_id") == "asker-card"
    ]
    last = json.dumps(asker[-1], ensure_ascii=False)
    assert "Ja, ab 15:00" in last and "Ja, ab 14:00" in last  # not the first answer's view
