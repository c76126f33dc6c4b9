""" "Absagen" (from an older card) while the booking is still being tried: no attempt books
the call any more, and a meeting an attempt did create (or creates later: it timed out, Graph
went on) is looked for by its transaction id and cancelled in Graph, now or by a look."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.adapters.clock import ManualClock
from bot.domain.graph_types import CalendarEvent, CreatedEvent, NewEvent
from bot.domain.urgent.decisions import UrgentDecisions
from bot.domain.urgent.model import CallState, UrgentCall
from bot.domain.urgent.service import LOOK_JOB
from bot.jobs import JobRunner
from bot.urgent_wiring import build_give_ups, build_handlers
from devkit.fakes.graph import FakeRoomCalendar
from devkit.fakes.memory_jobs import InMemoryJobQueue
from tests.unit.urgent.test_service import ALBRECHT, JANA, _block, _start, _world


@dataclass
class Booking:
    """A call in "booking": the click's attempt timed out while Graph went on creating the
    meeting (``late`` finishes it); a job is to try again."""

    call: UrgentCall
    decisions: UrgentDecisions
    calendar: FakeRoomCalendar
    runner: JobRunner
    clock: ManualClock
    late: Callable[[], Awaitable[CreatedEvent]]
    down: list[bool]

    async def minutes_later(self, minutes: int) -> None:
        self.clock.advance(timedelta(minutes=minutes))
        await self.runner.run_once()

    async def meetings(self) -> list[CalendarEvent]:
        assert self.call.booked is not None
        events = await self.calendar.list_events(
            ALBRECHT, self.call.booked.start, self.call.booked.end
        )
        return [e for e in events if e.transaction_id == f"urgent-call-{self.call.id}"]

    async def audit(self) -> list[str]:
        return [e.action for e in await self.decisions.service.calls.audit_of(self.call.id)]


async def _booking() -> Booking:
    decisions, calendar, _notifier = _world()
    await _block(calendar, ALBRECHT)
    call = await _start(decisions, "Ich brauche heute noch 30 Minuten mit Dr. Albrecht")
    create, list_events = calendar.create_event, calendar.list_events
    pending: list[tuple[str, NewEvent]] = []
    down = [False]

    async def times_out(organizer: str, event: NewEvent) -> CreatedEvent:
        pending.append((organizer, event))
        raise TimeoutError

    async def maybe_down(mailbox: str, start: datetime, end: datetime) -> Sequence[CalendarEvent]:
        if down[0]:
            raise ConnectionError("Graph unreachable")
        return await list_events(mailbox, start, end)

    async def late() -> CreatedEvent:
        organizer, event = pending[0]
        return await create(organizer, event)

    calendar.create_event = times_out  # type: ignore[method-assign]
    calendar.list_events = maybe_down  # type: ignore[method-assign]
    chosen = await decisions.invite(call.id, JANA.key, call.slots[0].start)
    assert chosen.state is CallState.BOOKING and len(pending) == 1
    clock, jobs = decisions.service.clock, decisions.service.jobs
    assert isinstance(clock, ManualClock) and isinstance(jobs, InMemoryJobQueue)
    runner = JobRunner(jobs, clock, build_handlers(decisions), give_ups=build_give_ups(decisions))
    return Booking(chosen, decisions, calendar, runner, clock, late, down)


async def test_a_meeting_the_attempt_created_is_cancelled_with_the_call() -> None:
    given = await _booking()
    await given.late()  # the invitations went out; the bot never saw the answer
    cancelled = await given.decisions.cancel(given.call.id, JANA.key)
    assert cancelled.state is CallState.CANCELLED
    assert [e.is_cancelled for e in await given.meetings()] == [True]  # attendees told
    assert (cancelled.event_id or "").startswith(f"{given.call.organiser}|")
    assert (await given.audit())[-2:] == ["cancelled", "meeting_cancelled"]
    await given.minutes_later(2)  # the booking job and the looks leave it alone
    await given.minutes_later(8)
    assert [e.is_cancelled for e in await given.meetings()] == [True]
    assert (await given.decisions.service.get(given.call.id)).state is CallState.CANCELLED


async def test_a_meeting_the_attempt_creates_after_the_cancel_is_cancelled_by_a_look() -> None:
    given = await _booking()
    cancelled = await given.decisions.cancel(given.call.id, JANA.key)
    assert cancelled.state is CallState.CANCELLED and cancelled.event_id is None
    jobs = given.decisions.service.jobs
    assert isinstance(jobs, InMemoryJobQueue)
    looks = [j for j in jobs.jobs.values() if j.kind == LOOK_JOB]
    assert [j.due_at - given.clock.now() for j in looks] == [
        timedelta(minutes=2),
        timedelta(minutes=10),
    ]
    await given.late()  # Graph finishes the timed-out attempt
    await given.minutes_later(2)
    assert [e.is_cancelled for e in await given.meetings()] == [True]
    assert (await given.decisions.service.get(given.call.id)).state is CallState.CANCELLED
    assert (await given.audit())[-2:] == ["cancelled", "meeting_cancelled"]


async def test_cancelling_while_graph_is_down_looks_again_later() -> None:
    given = await _booking()
    await given.late()
    given.down[0] = True
    cancelled = await given.decisions.cancel(given.call.id, JANA.key)
    assert cancelled.state is CallState.CANCELLED and cancelled.event_id is None
    given.down[0] = False
    await given.minutes_later(2)
    assert [e.is_cancelled for e in await given.meetings()] == [True]
    assert (await given.audit()).count("meeting_cancelled") == 1
