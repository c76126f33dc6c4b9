"""A booking job given up ends its call whatever its last attempt did: timed out, the call is
unconfirmed (the attempt may still create the meeting) until the last look finds nothing and
expires it; created the meeting but lost the save, the call is booked with that meeting."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime, timedelta

import pytest

from bot.adapters.clock import ManualClock
from bot.domain.graph_types import CalendarEvent, CreatedEvent, NewEvent
from bot.domain.urgent.decisions import UrgentDecisions
from bot.domain.urgent.model import CallState, UrgentCall
from bot.domain.urgent.service import BOOK_JOB
from bot.jobs import JobRunner
from bot.urgent_wiring import build_give_ups, build_handlers
from devkit.fakes.graph import FakeRoomCalendar
from devkit.fakes.memory_jobs import InMemoryJobQueue
from devkit.fakes.memory_urgent import InMemoryUrgentCallRepository
from tests.support.fake_notifier import RecordingNotifier
from tests.unit.urgent.test_service import ALBRECHT, JANA, _block, _start, _world


async def test_a_last_booking_attempt_that_times_out_is_unconfirmed_until_a_look_ends_it() -> None:
    decisions, calendar, notifier = _world()
    await _block(calendar, ALBRECHT)
    call = await _start(decisions, "Ich brauche heute noch 30 Minuten mit Dr. Albrecht")
    tomorrow = call.slots[0]
    attempts = 0

    async def refused_then_hangs(organizer: str, event: NewEvent) -> CreatedEvent:
        nonlocal attempts
        attempts += 1
        if attempts > 9:  # the click and eight retries refused; the last retry hangs
            await asyncio.sleep(30)
        raise PermissionError("Graph 403")

    calendar.create_event = refused_then_hangs  # type: ignore[method-assign]
    assert (await decisions.invite(call.id, JANA.key, tomorrow.start)).state is CallState.BOOKING
    clock, jobs = decisions.service.clock, decisions.service.jobs
    assert isinstance(clock, ManualClock) and isinstance(jobs, InMemoryJobQueue)
    runner = JobRunner(
        jobs,
        clock,
        build_handlers(decisions),
        give_ups=build_give_ups(decisions),
        lease=timedelta(milliseconds=200),  # the handler is stopped after 180 ms
    )
    booking = next(j for j in jobs.jobs.values() if j.kind == BOOK_JOB)
    while booking.done_at is None:
        await runner.run_once()
        clock.advance(max(booking.due_at - clock.now(), timedelta(0)))
    assert booking.failed_at is not None and booking.attempts == 10
    assert booking.last_error is not None and booking.last_error.startswith("TimeoutError")
    # Graph shows no meeting yet, but the timed-out attempt may still create it: no card may
    # say that nobody was invited (the asker would invite everyone a second time).
    assert (await decisions.service.get(call.id)).state is CallState.UNCONFIRMED
    last = {handle["activity_id"]: str(card) for handle, card in notifier.updates}
    assert "Die Buchung ist nicht bestätigt" in last["asker-card"]
    assert "niemand wurde eingeladen" not in last["asker-card"]
    assert "nicht erreichbar" not in last["asker-card"]  # Graph did answer
    clock.advance(timedelta(minutes=2))
    await runner.run_once()  # the first look: Graph answers, and shows no meeting yet
    assert (await decisions.service.get(call.id)).state is CallState.UNCONFIRMED
    clock.advance(timedelta(minutes=8))
    await runner.run_once()  # the last look: still no meeting
    assert (await decisions.service.get(call.id)).state is CallState.EXPIRED
    last = {handle["activity_id"]: str(card) for handle, card in notifier.updates}
    assert "Die Buchung ist fehlgeschlagen" in last["asker-card"]


World = tuple[UrgentCall, UrgentDecisions, FakeRoomCalendar, RecordingNotifier]


async def _created_but_not_saved() -> World:
    """The click creates the meeting, then saving the booked call fails (a job is queued)."""
    decisions, calendar, notifier = _world()
    call = await _start(decisions, "Ich brauche heute noch 30 Minuten mit Dr. Albrecht")
    calls = decisions.service.calls
    assert isinstance(calls, InMemoryUrgentCallRepository)
    save = calls.save

    async def lost(changed: UrgentCall) -> bool:
        if changed.state is CallState.BOOKED:
            raise ConnectionError("database restarting")
        return await save(changed)

    calls.save = lost  # type: ignore[assignment, method-assign]
    chosen = await decisions.invite(call.id, JANA.key, call.slots[0].start)
    calls.save = save  # type: ignore[method-assign]
    assert chosen.state is CallState.BOOKING and chosen.booked is not None
    return chosen, decisions, calendar, notifier


async def _own(calendar: FakeRoomCalendar, call: UrgentCall) -> list[CalendarEvent]:
    assert call.booked is not None
    events = await calendar.list_events(call.organiser, call.booked.start, call.booked.end)
    return [e for e in events if e.transaction_id == f"urgent-call-{call.id}"]


async def test_a_meeting_created_before_the_lost_save_counts_as_booked_when_given_up() -> None:
    call, decisions, calendar, notifier = await _created_but_not_saved()
    [event] = await _own(calendar, call)  # the invitations went out
    ended = await decisions.booking_failed(call.id)
    assert ended.state is CallState.BOOKED
    assert ended.event_id == f"{call.organiser}|{event.id}"
    assert [e.action for e in await decisions.service.calls.audit_of(call.id)][-1] == "booked"
    last = {handle["activity_id"]: str(card) for handle, card in notifier.updates}
    assert "Teams-Besprechung gebucht" in last["asker-card"]
    assert "fehlgeschlagen" not in last["asker-card"]
    await decisions.cancel(call.id, JANA.key)  # the stored event id is the meeting's
    assert await _own(calendar, call) == []


async def test_a_meeting_created_before_the_lost_save_is_the_booking_when_the_slot_began() -> None:
    call, decisions, calendar, _notifier = await _created_but_not_saved()
    assert call.booked is not None
    clock = decisions.service.clock
    assert isinstance(clock, ManualClock)
    clock.advance(call.booked.start - clock.now())  # later retries all failed
    booked = await decisions.book(call.id)
    assert booked.state is CallState.BOOKED
    assert booked.event_id == f"{call.organiser}|{(await _own(calendar, call))[0].id}"


async def test_a_given_up_booking_is_unconfirmed_when_its_meeting_cannot_be_looked_up() -> None:
    call, decisions, calendar, _notifier = await _created_but_not_saved()

    async def down(mailbox: str, start: datetime, end: datetime) -> Sequence[CalendarEvent]:
        raise ConnectionError("Graph unreachable")

    calendar.list_events = down  # type: ignore[method-assign]
    # The meeting is there (the save was lost): no card may say that nobody was invited.
    assert (await decisions.booking_failed(call.id)).state is CallState.UNCONFIRMED


@pytest.mark.parametrize("state", [CallState.BOOKED, CallState.CANCELLED])
async def test_a_given_up_booking_leaves_a_call_that_ended_meanwhile(state: CallState) -> None:
    call, decisions, _calendar, _notifier = await _created_but_not_saved()
    await decisions.service.save(call, state=state)
    assert (await decisions.booking_failed(call.id)).state is state
