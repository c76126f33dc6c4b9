"""The room broker over fakes: search with batched free/busy, booking, approval (first
decision wins), refusals, expiry, cancel, and Graph failures retried by a job."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.adapters.clock import ManualClock
from bot.domain.graph_types import CreatedEvent, NewEvent, Schedule
from bot.domain.rooms.decisions import RoomDecisions
from bot.domain.rooms.model import BrokerError, RequestState, RoomRequest
from bot.domain.rooms.search import BrokerPolicy
from bot.domain.rooms.service import Requester, RoomBroker, Wish
from bot.jobs import JobRunner
from bot.rooms_wiring import build_handlers
from bot.teams.recipient_language import TeamsRecipientLanguages
from cards.rooms import BrokerCards
from devkit.demo.organisation import load_demo_organisation
from devkit.fakes.graph import FakeDirectory, FakeRoomCalendar
from devkit.fakes.memory import InMemoryConversationReferences
from devkit.fakes.memory_jobs import InMemoryJobQueue
from devkit.fakes.memory_rooms import InMemoryRoomCatalogue, InMemoryRoomRequestRepository
from tests.support.fake_notifier import RecordingNotifier

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # Monday 09:00 in Berlin
JANA = "3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85"
SABINE = "c009aadc-479f-503c-b41a-60b0bbea7223"
KERSTIN = "f38180ae-1428-558d-b7ec-fb33fc42d9f1"
ELBBLICK = "raum.hh-elbblick@nordlicht-demo.de"  # restricted: Sabine and Kerstin decide


@dataclass
class CountingCalendar(FakeRoomCalendar):
    """The fake calendar, counting calls and failing the next bookings on demand."""

    calls: list[tuple[str, int]] = field(default_factory=list)
    failures: int = 0
    lost_responses: int = 0  # the event is created, but the response never arrives

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        FakeRoomCalendar.__init__(self, *args, **kwargs)
        self.calls, self.failures, self.lost_responses = [], 0, 0

    async def get_schedules(
        self, mailboxes: Sequence[str], start: datetime, end: datetime, requester: str
    ) -> Sequence[Schedule]:
        self.calls.append(("getSchedule", len(mailboxes)))
        return await super().get_schedules(mailboxes, start, end, requester)

    async def create_event(self, organizer: str, event: NewEvent) -> CreatedEvent:
        self.calls.append(("createEvent", 1))
        if self.failures:
            self.failures -= 1
            raise ConnectionError("Graph 503 after the SDK's retries")
        created = await super().create_event(organizer, event)
        if self.lost_responses:
            self.lost_responses -= 1
            raise TimeoutError("the event was created, its response was lost")
        return created


@dataclass
class World:
    broker: RoomBroker
    decisions: RoomDecisions
    calendar: CountingCalendar
    notifier: RecordingNotifier
    clock: ManualClock
    runner: JobRunner


async def make_world() -> World:
    clock = ManualClock(NOW)
    org = load_demo_organisation()
    calendar = CountingCalendar(org, clock=clock)
    notifier = RecordingNotifier()
    policy = BrokerPolicy(restricted={k: tuple(v) for k, v in org.room_policy().items()})
    broker = RoomBroker(
        catalogue=InMemoryRoomCatalogue(),
        requests=InMemoryRoomRequestRepository(),
        calendar=calendar,
        directory=FakeDirectory(org, clock=clock),
        notifier=notifier,
        jobs=InMemoryJobQueue(),
        languages=TeamsRecipientLanguages(
            InMemoryConversationReferences(), FakeDirectory(org, clock=clock), pinned=None
        ),
        clock=clock,
        views=BrokerCards(BERLIN, frozenset(policy.restricted)),
        policy=policy,
    )
    await broker.refresh_catalogue()
    decisions = RoomDecisions(broker)
    runner = JobRunner(broker.jobs, clock, build_handlers(broker, decisions))
    return World(broker, decisions, calendar, notifier, clock, runner)


def jana() -> Requester:
    return Requester(JANA, "Jana Becker", "tenant", {"reference": {"user": JANA}})


def tomorrow(start: int, end: int, people: int = 6, features: tuple[str, ...] = ()) -> Wish:
    day = (NOW + timedelta(days=1)).astimezone(BERLIN).date()
    return Wish(
        datetime.combine(day, datetime.min.time().replace(hour=start), tzinfo=BERLIN),
        datetime.combine(day, datetime.min.time().replace(hour=end), tzinfo=BERLIN),
        people,
        features,
        "Kundentermin",
    )


async def elbblick_free_hour(world: World, after: int = 8) -> int:
    """An hour tomorrow at which the restricted Elbblick room is free (the demo seeds
    recurring meetings into room calendars)."""
    for hour in range(after, 17):
        wish = tomorrow(hour, hour + 1)
        schedules = await world.calendar.get_schedules([ELBBLICK], wish.start, wish.end, JANA)
        if not schedules[0].busy:
            world.calendar.calls.clear()
            return hour
    raise AssertionError("Elbblick is busy all day tomorrow")


async def test_search_uses_the_stored_catalogue_and_one_schedule_call() -> None:
    world = await make_world()
    offers = await world.broker.search(jana(), tomorrow(14, 15, 6, ("video",)))

    request, rooms = offers.request, offers.rooms
    assert 1 <= len(rooms) <= 3 and all((r.capacity or 0) >= 6 for r in rooms)
    assert request.options == tuple(r.email.lower() for r in rooms)
    assert world.calendar.calls == [("getSchedule", world.calendar.calls[0][1])]
    assert world.calendar.calls[0][1] <= 20


@pytest.mark.parametrize(
    ("wish", "code"),
    [
        (tomorrow(15, 14), "end_before_start"),
        (Wish(NOW - timedelta(days=1), NOW - timedelta(hours=23), 2), "in_past"),
        (tomorrow(7, 19), "too_long"),
        (Wish(NOW + timedelta(days=200), NOW + timedelta(days=200, hours=1), 2), "too_far"),
        (tomorrow(14, 15, 400), "too_many"),
    ],
)
async def test_impossible_wishes_are_refused(wish: Wish, code: str) -> None:
    world = await make_world()
    with pytest.raises(BrokerError) as refused:
        await world.broker.search(jana(), wish)
    assert refused.value.code == code


async def test_unrestricted_room_is_booked_at_once_with_one_event() -> None:
    world = await make_world()
    offers = await world.broker.search(jana(), tomorrow(10, 11, 4))

    request, rooms = offers.request, offers.rooms
    room = next(r for r in rooms if r.email.lower() not in world.broker.policy.restricted)
    chosen = await world.broker.choose(request.id, JANA, room.email)
    booked = await world.decisions.after_choice(chosen)
    assert booked.state is RequestState.BOOKED and booked.event_id
    assert [c for c in world.calendar.calls if c[0] == "createEvent"] == [("createEvent", 1)]
    assert world.notifier.dm_recipients() == []  # the clicked card shows it: no second "Gebucht"


async def test_restricted_room_first_decision_wins_and_books_once() -> None:
    world = await make_world()
    hour = await elbblick_free_hour(world)
    request = (await world.broker.search(jana(), tomorrow(hour, hour + 1, 8, ("video",)))).request
    request = await world.broker.save(request, options=(ELBBLICK,))  # as if it was offered
    with pytest.raises(BrokerError) as forged:
        await world.broker.choose(request.id, JANA, "raum.k-dom@nordlicht-demo.de")
    assert forged.value.code == "unknown_room"
    with pytest.raises(BrokerError) as other:
        await world.broker.choose(request.id, SABINE, ELBBLICK)
    assert other.value.code == "not_requester"
    chosen = await world.broker.choose(request.id, JANA, ELBBLICK)
    pending = await world.decisions.after_choice(chosen)
    assert pending.state is RequestState.PENDING
    assert sorted(world.notifier.dm_recipients()) == sorted([SABINE, KERSTIN])

    with pytest.raises(BrokerError) as outsider:
        await world.decisions.decide(request.id, JANA, pending.version, True)
    assert outsider.value.code == "not_approver"
    with pytest.raises(BrokerError) as stale:
        await world.decisions.decide(request.id, SABINE, pending.version - 1, True)
    assert stale.value.code == "stale"

    results = await asyncio.gather(
        *(
            world.decisions.decide(request.id, who, pending.version, True)
            for who in (SABINE, KERSTIN, SABINE, KERSTIN)
        ),
        return_exceptions=True,
    )
    winners = [r for r in results if not isinstance(r, BaseException)]
    assert len(winners) == 1 and winners[0].state is RequestState.BOOKED
    losers = [r for r in results if r not in winners]
    assert all(isinstance(r, BrokerError) and r.code == "decided" for r in losers)
    assert [c for c in world.calendar.calls if c[0] == "createEvent"] == [("createEvent", 1)]
    # Both approvers' cards now show who decided.
    decided_text = str(world.notifier.updates[-1][1])
    assert "Freigegeben von" in decided_text and "Freigeben" not in str(
        world.notifier.updates[-1][1].get("actions", [])
    )


async def test_decline_tells_the_requester_and_expiry_ends_undecided_requests() -> None:
    world = await make_world()
    hour = await elbblick_free_hour(world)
    request = (await world.broker.search(jana(), tomorrow(hour, hour + 1, 8))).request
    request = await world.broker.save(request, options=(ELBBLICK,))
    pending = await world.decisions.after_choice(
        await world.broker.choose(request.id, JANA, ELBBLICK)
    )
    declined = await world.decisions.decide(request.id, KERSTIN, pending.version, False)
    assert declined.state is RequestState.DECLINED
    assert world.notifier.dm_recipients()[-1] == JANA
    assert "Abgelehnt" in str(world.notifier.directs[-1][1])

    later = await elbblick_free_hour(world, hour + 1)
    second = (await world.broker.search(jana(), tomorrow(later, later + 1, 8))).request
    second = await world.broker.save(second, options=(ELBBLICK,))
    waiting = await world.decisions.after_choice(
        await world.broker.choose(second.id, JANA, ELBBLICK)
    )
    world.clock.current = waiting.start.astimezone(UTC)
    while await world.runner.run_once():
        pass
    assert (await world.broker.get(second.id)).state is RequestState.EXPIRED
    with pytest.raises(BrokerError):
        await world.decisions.decide(second.id, SABINE, waiting.version, True)


async def test_failed_booking_stays_pending_and_a_job_books_it_once() -> None:
    world = await make_world()
    offers = await world.broker.search(jana(), tomorrow(10, 11, 4))

    request, rooms = offers.request, offers.rooms
    room = next(r for r in rooms if r.email.lower() not in world.broker.policy.restricted)
    world.calendar.failures = 2
    chosen = await world.broker.choose(request.id, JANA, room.email)
    queued = await world.decisions.after_choice(chosen)
    assert queued.state is RequestState.BOOKING
    for _ in range(4):
        while await world.runner.run_once():
            pass
        world.clock.advance(timedelta(minutes=5))
    final = await world.broker.get(request.id)
    assert final.state is RequestState.BOOKED
    created = [c for c in world.calendar.calls if c[0] == "createEvent"]
    assert len(created) == 3  # two failures, one success
    events = await world.calendar.list_events(room.email, final.start, final.end)
    assert len([e for e in events if not e.is_cancelled]) == 1


async def test_a_lost_booking_response_is_found_on_retry_not_taken_for_a_conflict() -> None:
    # Approved restricted room: Graph creates the event, the response is lost; the retry's
    # free/busy recheck sees that very event. It is the booking, not someone else's.
    world = await make_world()
    offers = await world.broker.search(jana(), tomorrow(10, 11, 13))
    restricted = world.broker.policy.restricted
    room = next(r for r in offers.rooms if r.email.lower() in restricted)
    pending = await world.decisions.after_choice(
        await world.broker.choose(offers.request.id, JANA, room.email)
    )
    approver = sorted(pending.approvers)[0]
    world.calendar.lost_responses = 1
    queued = await world.decisions.decide(pending.id, approver, pending.version, approve=True)
    assert queued.state is RequestState.BOOKING
    world.clock.advance(timedelta(minutes=2))  # the retry is due
    while await world.runner.run_once():
        pass
    final = await world.broker.get(pending.id)
    assert final.state is RequestState.BOOKED and final.event_id
    events = await world.calendar.list_events(room.email, final.start, final.end)
    assert len([e for e in events if not e.is_cancelled]) == 1
    assert [c for c in world.calendar.calls if c[0] == "createEvent"] == [("createEvent", 1)]


async def test_a_booking_interrupted_mid_call_is_finished_by_the_planned_job() -> None:
    # The process dies while Graph creates the event (a deploy, a crash): the job planned
    # before the call books the room; a booking that finished leaves that job nothing to do.
    world = await make_world()
    offers = await world.broker.search(jana(), tomorrow(10, 11, 4))
    room = next(r for r in offers.rooms if r.email.lower() not in world.broker.policy.restricted)
    chosen = await world.broker.choose(offers.request.id, JANA, room.email)

    async def dies(organizer: str, event: object) -> object:
        raise asyncio.CancelledError  # not an error the booking handles: the process is gone

    original = world.calendar.create_event
    world.calendar.create_event = dies  # type: ignore[assignment, method-assign]
    with pytest.raises(asyncio.CancelledError):
        await world.decisions.after_choice(chosen)
    world.calendar.create_event = original  # type: ignore[method-assign]
    assert (await world.broker.get(chosen.id)).state is RequestState.BOOKING
    world.clock.advance(timedelta(minutes=2))
    while await world.runner.run_once():
        pass
    assert (await world.broker.get(chosen.id)).state is RequestState.BOOKED


async def test_requester_cancels_a_booking_and_the_event_is_cancelled() -> None:
    world = await make_world()
    offers = await world.broker.search(jana(), tomorrow(10, 11, 4))

    request, rooms = offers.request, offers.rooms
    room = next(r for r in rooms if r.email.lower() not in world.broker.policy.restricted)
    booked = await world.decisions.after_choice(
        await world.broker.choose(request.id, JANA, room.email)
    )
    with pytest.raises(BrokerError):
        await world.decisions.cancel(request.id, SABINE)
    cancelled = await world.decisions.cancel(request.id, JANA)
    assert cancelled.state is RequestState.CANCELLED
    events = await world.calendar.list_events(room.email, booked.start, booked.end)
    assert events == []
    trail = [e.action for e in await world.broker.requests.audit_of(request.id)]
    assert trail == ["requested", "chose", "booked", "cancelled"]


async def test_room_taken_before_approval_offers_alternatives() -> None:
    world = await make_world()
    hour = await elbblick_free_hour(world)
    request = (await world.broker.search(jana(), tomorrow(hour, hour + 1, 8))).request
    request = await world.broker.save(request, options=(ELBBLICK,))
    pending = await world.decisions.after_choice(
        await world.broker.choose(request.id, JANA, ELBBLICK)
    )
    # Someone books the room directly in Outlook meanwhile.
    await world.calendar.create_event(
        "kerstin.vogel@nordlicht-demo.de",
        NewEvent("Direkt gebucht", pending.start, pending.end, room_email=ELBBLICK),
    )
    decided = await world.decisions.decide(request.id, SABINE, pending.version, True)
    assert decided.state is RequestState.CONFLICT
    conflict_card, offers_card = (card for user, card in world.notifier.directs[-2:])
    assert "Raum inzwischen belegt" in str(conflict_card)
    assert "Diese Räume sind frei" in str(offers_card) and ELBBLICK not in str(offers_card)
    assert [d for d in world.notifier.dm_recipients()[-2:]] == [JANA, JANA]


async def test_an_approver_books_their_own_room_without_approving_themselves() -> None:
    world = await make_world()
    hour = await elbblick_free_hour(world)
    sabine = Requester(SABINE, "Sabine Krüger", "tenant", {"reference": {"user": SABINE}})
    request = (await world.broker.search(sabine, tomorrow(hour, hour + 1, 8))).request
    request = await world.broker.save(request, options=(ELBBLICK,))
    chosen = await world.broker.choose(request.id, SABINE, ELBBLICK)
    booked = await world.decisions.after_choice(chosen)
    assert booked.state is RequestState.BOOKED
    assert KERSTIN not in world.notifier.dm_recipients()  # nobody was asked


async def test_a_room_that_declines_after_the_booking_frees_the_request() -> None:
    # Exchange answers for the room after the event is created ("none" first). Someone's
    # Outlook request for the slot reached the room first, so it declines the bot's booking
    # minutes after Jana was told "gebucht": she learns it and gets the rooms free now.
    world = await make_world()
    offers = await world.broker.search(jana(), tomorrow(10, 11, 4))
    room = next(r for r in offers.rooms if r.email.lower() not in world.broker.policy.restricted)
    world.calendar.defer_room(room.email)
    start, end = offers.request.start, offers.request.end
    outlook = NewEvent("Direkt gebucht", start, end, room_email=room.email)
    await world.calendar.create_event("kerstin.vogel@nordlicht-demo.de", outlook)
    chosen = await world.broker.choose(offers.request.id, JANA, room.email)
    booked = await world.decisions.after_choice(chosen)
    assert booked.state is RequestState.BOOKED  # the room has not answered yet
    world.clock.advance(timedelta(minutes=1))
    assert await world.runner.run_once() == 2  # the booking job (nothing to do), one check
    assert (await world.broker.get(booked.id)).state is RequestState.BOOKED  # still no answer
    assert world.calendar.process_room(room.email) == 2
    world.clock.advance(timedelta(minutes=2))
    assert await world.runner.run_once() == 1
    final = await world.broker.get(booked.id)
    assert final.state is RequestState.CONFLICT
    organiser, _, event_id = (booked.event_id or "").rpartition("|")
    assert await world.calendar.get_event(organiser, event_id) is None  # deleted
    conflict_card, offers_card = (card for user, card in world.notifier.directs[-2:])
    assert "Raum inzwischen belegt" in str(conflict_card)
    assert "Diese Räume sind frei" in str(offers_card)
    trail = [e.action for e in await world.broker.requests.audit_of(booked.id)]
    assert trail[-3:] == ["booked", "room_declined", "conflict"]
    world.clock.advance(timedelta(hours=8))
    assert await world.runner.run_once() == 0  # no further checks


async def _book_in_a_room_answering_later(world: World) -> tuple[Any, RoomRequest]:
    """Jana books an unrestricted room tomorrow 10-11 whose answer Exchange defers."""
    offers = await world.broker.search(jana(), tomorrow(10, 11, 4))
    room = next(r for r in offers.rooms if r.email.lower() not in world.broker.policy.restricted)
    world.calendar.defer_room(room.email)
    booked = await world.decisions.after_choice(
        await world.broker.choose(offers.request.id, JANA, room.email)
    )
    return room, booked


async def test_a_room_that_accepts_later_keeps_the_booking_and_the_checks_stop() -> None:
    world = await make_world()
    room, booked = await _book_in_a_room_answering_later(world)
    assert world.calendar.process_room(room.email) == 1
    world.clock.advance(timedelta(minutes=1))
    assert await world.runner.run_once() == 2
    assert (await world.broker.get(booked.id)).state is RequestState.BOOKED
    world.clock.advance(timedelta(hours=8))
    assert await world.runner.run_once() == 0


async def test_a_booking_whose_graph_call_outlasts_the_planned_job_shows_the_jobs_booking() -> (
    None
):
    # Graph creates the event but answers after more than a minute; meanwhile the planned job
    # finds that event (same transaction id) and books. The click's own save then loses: the
    # requester's card must show the booking, not "bereits entschieden".
    world = await make_world()
    offers = await world.broker.search(jana(), tomorrow(10, 11, 4))
    room = next(r for r in offers.rooms if r.email.lower() not in world.broker.policy.restricted)
    chosen = await world.broker.choose(offers.request.id, JANA, room.email)
    created, answer = asyncio.Event(), asyncio.Event()
    original = world.calendar.create_event

    async def slow(organizer: str, event: NewEvent) -> CreatedEvent:
        result = await original(organizer, event)
        created.set()
        await answer.wait()
        return result

    world.calendar.create_event = slow  # type: ignore[method-assign]
    click = asyncio.create_task(world.decisions.after_choice(chosen))
    await created.wait()
    world.clock.advance(timedelta(minutes=2))
    assert await world.runner.run_once() == 1  # the planned job books meanwhile
    assert (await world.broker.get(chosen.id)).state is RequestState.BOOKED
    answer.set()
    shown = await click
    assert shown.state is RequestState.BOOKED and shown.event_id
    assert world.notifier.dm_recipients() == [JANA]  # told once, by the job
    events = await world.calendar.list_events(room.email, chosen.start, chosen.end)
    assert len(events) == 1


async def test_a_booking_deleted_in_outlook_before_the_room_answered_is_cancelled() -> None:
    world = await make_world()
    _room, booked = await _book_in_a_room_answering_later(world)
    organiser, _, event_id = (booked.event_id or "").rpartition("|")
    await world.calendar.delete_event(organiser, event_id)  # Jana deletes it in Outlook
    world.clock.advance(timedelta(minutes=1))
    assert await world.runner.run_once() == 2
    assert (await world.broker.get(booked.id)).state is RequestState.CANCELLED
    world.clock.advance(timedelta(hours=8))
    assert await world.runner.run_once() == 0  # no further checks, no messages
    assert world.notifier.dm_recipients() == []


async def test_a_tentative_answer_is_read_again_until_the_room_decides() -> None:
    world = await make_world()
    offers = await world.broker.search(jana(), tomorrow(10, 11, 4))
    room = next(r for r in offers.rooms if r.email.lower() not in world.broker.policy.restricted)
    original = world.calendar.create_event

    async def tentative(organizer: str, event: NewEvent) -> CreatedEvent:
        created = await original(organizer, event)
        return replace(created, room_response="tentativelyAccepted")

    world.calendar.create_event = tentative  # type: ignore[method-assign]
    booked = await world.decisions.after_choice(
        await world.broker.choose(offers.request.id, JANA, room.email)
    )
    assert booked.state is RequestState.BOOKED
    world.clock.advance(timedelta(minutes=1))
    assert await world.runner.run_once() == 2  # the booking job and the first reading
