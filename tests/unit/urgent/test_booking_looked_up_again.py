"""A given-up booking whose meeting could not be confirmed is looked for again by a job: a
meeting Graph created late makes the call booked (once); until a look settles it (Graph shows
no meeting yet, or cannot be asked) the call is unconfirmed and no card says that nobody was
invited; a call cancelled meanwhile stays cancelled, its meeting too."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.adapters.clock import ManualClock
from bot.domain.graph_types import CalendarEvent, CreatedEvent, NewEvent
from bot.domain.ports import Job
from bot.domain.urgent.decisions import UrgentDecisions
from bot.domain.urgent.model import CallState, UrgentCall
from bot.domain.urgent.service import BOOK_JOB, LOOK_JOB
from bot.jobs import JobRunner
from bot.urgent_wiring import build_give_ups, build_handlers
from devkit.fakes.graph import FakeRoomCalendar
from devkit.fakes.memory_jobs import InMemoryJobQueue, StoredJob
from tests.support.fake_notifier import RecordingNotifier
from tests.unit.urgent.test_service import ALBRECHT, JANA, SABINE, _block, _start, _world

FAILED, UNCONFIRMED = "Die Buchung ist fehlgeschlagen", "Die Buchung ist nicht bestätigt"
BOOKED, NOBODY = "Teams-Besprechung gebucht", "niemand wurde eingeladen"


@dataclass
class Booking:
    """A call whose booking job gave up: every attempt refused, the last one timed out while
    Graph went on creating the meeting (``late`` finishes that)."""

    call: UrgentCall
    decisions: UrgentDecisions
    calendar: FakeRoomCalendar
    notifier: RecordingNotifier
    runner: JobRunner
    clock: ManualClock
    jobs: InMemoryJobQueue
    late: Callable[[], Awaitable[CreatedEvent]]
    graph_down: list[bool] = field(default_factory=lambda: [False])

    def cards(self) -> dict[str, str]:
        """The last version of each card (asker's and Sabine's)."""
        last = {handle["activity_id"]: str(card) for handle, card in self.notifier.updates}
        sabine = next(
            h["activity_id"]
            for h, _ in self.notifier.updates
            if h["reference"] == {"user": SABINE}
        )
        return {"asker": last["asker-card"], "sabine": last[sabine]}

    def looks(self) -> list[StoredJob]:
        return [j for j in self.jobs.jobs.values() if j.kind == LOOK_JOB]

    async def run_looks_until(self, at: datetime) -> None:
        """Time passes to ``at``; the runner does what is due."""
        self.clock.advance(at - self.clock.now())
        await self.runner.run_once()

    async def minutes_later(self, minutes: int) -> None:
        """``minutes`` pass; the runner does what is due."""
        await self.run_looks_until(self.clock.now() + timedelta(minutes=minutes))

    async def audit(self) -> list[str]:
        return [e.action for e in await self.decisions.service.calls.audit_of(self.call.id)]

    async def meetings(self) -> list[CalendarEvent]:
        assert self.call.booked is not None
        events = await self.calendar.list_events(
            ALBRECHT, self.call.booked.start, self.call.booked.end
        )
        return [e for e in events if e.transaction_id == f"urgent-call-{self.call.id}"]


async def _given_up(*, graph_down: bool) -> Booking:
    decisions, calendar, notifier = _world()
    await _block(calendar, ALBRECHT)
    call = await _start(decisions, "Ich brauche heute noch 30 Minuten mit Dr. Albrecht")
    create, list_events = calendar.create_event, calendar.list_events
    pending: list[tuple[str, NewEvent]] = []
    down = [graph_down]

    attempts: list[NewEvent] = []

    async def refused_then_lost(organizer: str, event: NewEvent) -> CreatedEvent:
        attempts.append(event)
        if len(attempts) > 10:  # the click and the job's nine retries refused; the last is slow
            pending.append((organizer, event))
            raise TimeoutError
        raise PermissionError("Graph 403")

    async def maybe_down(mailbox: str, start: datetime, end: datetime) -> Sequence[CalendarEvent]:
        if down[0]:
            raise ConnectionError("Graph unreachable")
        return await list_events(mailbox, start, end)

    async def late() -> CreatedEvent:
        [(organizer, event)] = pending
        return await create(organizer, event)

    calendar.create_event = refused_then_lost  # type: ignore[method-assign]
    calendar.list_events = maybe_down  # type: ignore[method-assign]
    chosen = await decisions.invite(call.id, JANA.key, call.slots[0].start)
    assert chosen.state is CallState.BOOKING
    clock, jobs = decisions.service.clock, decisions.service.jobs
    assert isinstance(clock, ManualClock) and isinstance(jobs, InMemoryJobQueue)
    runner = JobRunner(jobs, clock, build_handlers(decisions), give_ups=build_give_ups(decisions))
    booking = next(j for j in jobs.jobs.values() if j.kind == BOOK_JOB)
    while booking.done_at is None:
        await runner.run_once()
        clock.advance(max(booking.due_at - clock.now(), timedelta(0)))
    assert booking.failed_at is not None and len(pending) == 1
    given = Booking(
        chosen, decisions, calendar, notifier, runner, clock, jobs, late, graph_down=down
    )
    return given


def count_cancels(given: Booking) -> list[str]:
    """Record the ids of the events cancelled in Graph from now on."""
    cancels: list[str] = []
    cancel_event = given.calendar.cancel_event

    async def counted(organizer: str, event_id: str, comment: str) -> None:
        cancels.append(event_id)
        await cancel_event(organizer, event_id, comment)

    given.calendar.cancel_event = counted  # type: ignore[method-assign]
    return cancels


async def test_a_meeting_graph_created_after_the_give_up_makes_the_call_booked_once() -> None:
    given = await _given_up(graph_down=False)
    # Graph answered: no meeting yet, but the timed-out attempt may still create it.
    assert (await given.decisions.service.get(given.call.id)).state is CallState.UNCONFIRMED
    assert UNCONFIRMED in given.cards()["asker"] and NOBODY not in given.cards()["asker"]
    assert FAILED not in given.cards()["asker"]
    created = await given.late()  # Graph finishes the timed-out attempt
    after = [j.due_at - given.clock.now() for j in given.looks()]
    assert after == [timedelta(minutes=2), timedelta(minutes=10)]
    first, second = given.looks()
    await given.run_looks_until(first.due_at)
    booked = await given.decisions.service.get(given.call.id)
    assert booked.state is CallState.BOOKED
    assert booked.event_id == f"{given.call.organiser}|{created.id}"
    assert BOOKED in given.cards()["asker"] and FAILED not in given.cards()["asker"]
    assert "Die Besprechung ist gebucht" in given.cards()["sabine"]
    updates = len(given.notifier.updates)
    await given.run_looks_until(second.due_at)  # the second look finds it booked
    assert first.done_at is not None and second.done_at is not None
    assert (await given.audit()).count("booked") == 1
    assert (await given.audit())[-2:] == ["unconfirmed", "booked"]
    assert len(given.notifier.updates) == updates
    assert len(await given.meetings()) == 1


async def test_an_empty_first_look_leaves_the_call_unconfirmed_for_the_last_one() -> None:
    given = await _given_up(graph_down=False)
    await given.minutes_later(2)  # the first look: Graph shows no meeting yet
    assert (await given.decisions.service.get(given.call.id)).state is CallState.UNCONFIRMED
    assert UNCONFIRMED in given.cards()["asker"]
    await given.late()  # the timed-out attempt creates it after all
    await given.minutes_later(8)  # the last look finds it
    assert (await given.decisions.service.get(given.call.id)).state is CallState.BOOKED
    assert BOOKED in given.cards()["asker"]
    # Never "fehlgeschlagen" and then "gebucht": no card ever said that nobody was invited.
    shown = [str(card) for _handle, card in given.notifier.updates]
    assert not any(FAILED in card or NOBODY in card for card in shown)
    assert "expired" not in await given.audit()
    assert [j.payload.get("final") for j in given.looks()] == [False, True]


async def test_graph_down_at_the_give_up_is_unconfirmed_then_failed_when_nothing_is_found() -> (
    None
):
    given = await _given_up(graph_down=True)
    assert (await given.decisions.service.get(given.call.id)).state is CallState.UNCONFIRMED
    cards = given.cards()
    assert UNCONFIRMED in cards["asker"] and "prüfen Sie Ihren Kalender" in cards["asker"]
    assert NOBODY not in cards["asker"] and FAILED not in cards["asker"]
    assert "nicht erreichbar" not in cards["asker"]  # true whatever left it unconfirmed
    assert "nicht bestätigt" in cards["sabine"]
    assert "nicht gebucht" not in cards["sabine"]
    assert "urgent.cancel" in cards["asker"]  # the meeting may exist: the asker can withdraw
    await given.minutes_later(2)  # still down: it stays unconfirmed
    assert (await given.decisions.service.get(given.call.id)).state is CallState.UNCONFIRMED
    assert [j.failed_at for j in given.looks() if j.done_at] == [None]
    given.graph_down[0] = False  # Graph answers again; the slow attempt never created it
    await given.minutes_later(8)
    assert (await given.decisions.service.get(given.call.id)).state is CallState.EXPIRED
    assert FAILED in given.cards()["asker"] and NOBODY in given.cards()["asker"]
    assert "Die Besprechung konnte nicht gebucht werden" in given.cards()["sabine"]
    assert (await given.audit())[-2:] == ["unconfirmed", "expired"]


async def test_graph_down_at_the_give_up_and_the_meeting_there_is_booked_by_the_look() -> None:
    given = await _given_up(graph_down=True)
    await given.late()
    given.graph_down[0] = False
    await given.minutes_later(2)
    assert (await given.decisions.service.get(given.call.id)).state is CallState.BOOKED
    assert BOOKED in given.cards()["asker"]
    assert (await given.audit())[-2:] == ["unconfirmed", "booked"]


async def test_a_look_run_again_changes_nothing_twice() -> None:
    given = await _given_up(graph_down=True)
    await given.late()
    given.graph_down[0] = False
    job = Job(1000, LOOK_JOB, {"call_id": given.call.id}, given.clock.now(), 1)
    look = build_handlers(given.decisions)[LOOK_JOB]
    await look(job)
    updates = len(given.notifier.updates)
    await look(job)  # the same job once more (a replica whose lease ran out, a crash)
    await look(job)
    assert (await given.decisions.service.get(given.call.id)).state is CallState.BOOKED
    assert (await given.audit()).count("booked") == 1
    assert len(given.notifier.updates) == updates
    assert len(await given.meetings()) == 1


async def test_a_call_cancelled_meanwhile_stays_cancelled_and_its_late_meeting_too() -> None:
    given = await _given_up(graph_down=True)
    await given.late()  # the invitations went out, but the bot could not see it
    cancelled = await given.decisions.cancel(given.call.id, JANA.key)
    assert cancelled.state is CallState.CANCELLED and cancelled.event_id is None
    given.graph_down[0] = False
    cancels = count_cancels(given)
    await given.minutes_later(2)
    await given.minutes_later(8)
    assert (await given.decisions.service.get(given.call.id)).state is CallState.CANCELLED
    assert len(cancels) == 1  # cancelled in Graph once, attendees told
    assert [e.is_cancelled for e in await given.meetings()] == [True]
    assert (await given.audit())[-2:] == ["cancelled", "meeting_cancelled"]


async def _refused_until(minutes_after_the_end: int) -> tuple[UrgentDecisions, UrgentCall]:
    """Graph refused every attempt until ``minutes_after_the_end`` past the chosen slot."""
    decisions, calendar, _notifier = _world()
    call = await _start(decisions, "Ich brauche heute noch 30 Minuten mit Dr. Albrecht")

    async def refused(organizer: str, event: NewEvent) -> CreatedEvent:
        raise PermissionError("Graph 403")

    calendar.create_event = refused  # type: ignore[method-assign]
    chosen = await decisions.invite(call.id, JANA.key, call.slots[0].start)
    assert chosen.booked is not None
    clock = decisions.service.clock
    assert isinstance(clock, ManualClock)
    clock.advance(chosen.booked.end + timedelta(minutes=minutes_after_the_end) - clock.now())
    return decisions, chosen


async def test_no_look_is_planned_past_the_slot_and_a_late_look_does_nothing() -> None:
    decisions, call = await _refused_until(9)
    clock, jobs = decisions.service.clock, decisions.service.jobs
    assert isinstance(jobs, InMemoryJobQueue)
    # One look still fits: the call is unconfirmed until it has looked.
    assert (await decisions.book(call.id)).state is CallState.UNCONFIRMED
    [look] = [j for j in jobs.jobs.values() if j.kind == LOOK_JOB]  # +10 min is too late
    assert look.due_at == clock.now() + timedelta(minutes=2)
    assert isinstance(clock, ManualClock)
    clock.advance(timedelta(hours=1))  # the job runs late (the bot was down)
    assert await decisions.look_again(call.id) is None


async def test_a_give_up_with_no_time_left_to_look_expires_when_graph_shows_nothing() -> None:
    decisions, call = await _refused_until(14)  # +2 min is past the slot's end + 15 min
    jobs = decisions.service.jobs
    assert isinstance(jobs, InMemoryJobQueue)
    assert (await decisions.book(call.id)).state is CallState.EXPIRED
    assert [j for j in jobs.jobs.values() if j.kind == LOOK_JOB] == []
