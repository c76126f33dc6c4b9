"""A booking that cannot succeed ends as "failed": Graph refusing it for good (403, 404, 400)
ends it at once without retries; a booking job the runner gave up ends it too, unless an
attempt did create the event. The requester is told in either case."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.domain.graph_types import CalendarEvent
from bot.domain.ports import Job
from bot.domain.rooms.confirmation import own_event
from bot.domain.rooms.model import RequestState, RoomRequest
from bot.jobs import JobRunner
from bot.rooms_wiring import build_give_ups, build_handlers
from tests.support.refusing_calendar import refuse_cancellations, refuse_new_events
from tests.unit.rooms.test_broker import JANA, World, jana, make_world, tomorrow


async def choose_unrestricted(world: World) -> RoomRequest:
    offers = await world.broker.search(jana(), tomorrow(10, 11, 4))
    room = next(r for r in offers.rooms if r.email.lower() not in world.broker.policy.restricted)
    return await world.broker.choose(offers.request.id, JANA, room.email)


async def run_jobs_for(world: World, hours: int, runner: JobRunner | None = None) -> None:
    for _ in range(hours * 4):
        world.clock.advance(timedelta(minutes=15))
        while await (runner or world.runner).run_once():
            pass


async def test_a_refused_booking_fails_at_once_and_is_not_retried() -> None:
    world = await make_world()
    attempts = refuse_new_events(world.calendar)
    chosen = await choose_unrestricted(world)
    outcome = await world.decisions.after_choice(chosen)
    assert outcome.state is RequestState.FAILED
    await run_jobs_for(world, 3)
    assert len(attempts) == 1
    assert (await world.broker.get(chosen.id)).state is RequestState.FAILED
    trail = await world.broker.requests.audit_of(chosen.id)
    assert [(e.action, e.detail) for e in trail][-1] == ("failed", "refused 403 ErrorAccessDenied")


async def test_a_refusal_in_the_retrying_job_ends_it_and_tells_the_requester() -> None:
    world = await make_world()
    world.calendar.failures = 1  # an outage first: the job retries
    chosen = await choose_unrestricted(world)
    assert (await world.decisions.after_choice(chosen)).state is RequestState.BOOKING
    attempts = refuse_new_events(world.calendar, 404)
    await run_jobs_for(world, 3)
    assert len(attempts) == 1
    assert (await world.broker.get(chosen.id)).state is RequestState.FAILED
    user, card = world.notifier.directs[-1][:2]
    assert user == JANA and "Buchung fehlgeschlagen" in str(card)


def runner_giving_up(world: World) -> JobRunner:
    decisions = world.decisions
    return JobRunner(
        world.broker.jobs,
        world.clock,
        build_handlers(world.broker, decisions),
        give_ups=build_give_ups(decisions),
        max_attempts=2,
    )


async def test_a_booking_job_given_up_ends_the_request_as_failed() -> None:
    world = await make_world()
    world.calendar.failures = 100  # Graph down for hours
    chosen = await choose_unrestricted(world)
    assert (await world.decisions.after_choice(chosen)).state is RequestState.BOOKING
    await run_jobs_for(world, 3, runner_giving_up(world))
    assert (await world.broker.get(chosen.id)).state is RequestState.FAILED
    assert "Buchung fehlgeschlagen" in str(world.notifier.directs[-1][1])


async def test_a_booking_job_given_up_after_a_lost_answer_is_booked() -> None:
    world = await make_world()
    world.calendar.lost_responses = 1  # created, but the answer was lost
    chosen = await choose_unrestricted(world)
    assert (await world.decisions.after_choice(chosen)).state is RequestState.BOOKING
    give_up = build_give_ups(world.decisions)["rooms.book"]
    await give_up(Job(0, "rooms.book", {"request_id": chosen.id}, world.clock.now(), 10))
    assert (await world.broker.get(chosen.id)).state is RequestState.BOOKED


def lookups_fail_until_healed(world: World) -> list[bool]:
    """Reading the organiser's calendar fails (Graph down) until ``healed[0]`` is set."""
    healed = [False]
    read = world.calendar.list_events

    async def down(mailbox: str, start: datetime, end: datetime) -> Sequence[CalendarEvent]:
        if not healed[0]:
            raise ConnectionError("Graph 503 after the SDK's retries")
        return await read(mailbox, start, end)

    world.calendar.list_events = down  # type: ignore[method-assign]
    return healed


async def test_a_give_up_whose_lookup_fails_too_ends_the_request_as_failed() -> None:
    # Graph down for good: the booking fails on every attempt and so does the look for an
    # event an attempt might have created. Before, the give-up raised, the job ended, and the
    # requester's card said "Buchung läuft" for good.
    world = await make_world()
    world.calendar.failures = 100
    lookups_fail_until_healed(world)
    chosen = await choose_unrestricted(world)
    assert (await world.decisions.after_choice(chosen)).state is RequestState.BOOKING
    await run_jobs_for(world, 6, runner_giving_up(world))
    assert (await world.broker.get(chosen.id)).state is RequestState.FAILED
    user, card = world.notifier.directs[-1][:2]
    assert user == JANA and "Buchung fehlgeschlagen" in str(card)
    assert "Buchung läuft" not in str(card)


async def given_up_while_graph_lost_an_answer(
    world: World,
) -> tuple[RoomRequest, JobRunner, list[bool]]:
    """An attempt created the event but its answer was lost, and lookups failed until the
    booking was given up: the request, the runner and the switch that heals the lookups."""
    world.calendar.lost_responses = 1
    healed = lookups_fail_until_healed(world)
    chosen = await choose_unrestricted(world)
    runner = runner_giving_up(world)
    assert (await world.decisions.after_choice(chosen)).state is RequestState.BOOKING
    for _ in range(3 * 4):
        if (await world.broker.get(chosen.id)).state is not RequestState.BOOKING:
            break
        world.clock.advance(timedelta(minutes=15))
        while await runner.run_once():
            pass
    return chosen, runner, healed


async def test_an_event_created_unseen_is_withdrawn_once_graph_answers_again() -> None:
    # The lost answer: an attempt did create the event, but the give-up could not look for it
    # and ended the request as failed. Once Graph answers again that booking is withdrawn, so
    # the room is not held by a booking the bot calls failed.
    world = await make_world()
    chosen, runner, healed = await given_up_while_graph_lost_an_answer(world)
    request = await world.broker.get(chosen.id)
    assert request.state is RequestState.FAILED
    healed[0] = True
    organiser, transaction = "jana.becker@nordlicht-demo.de", f"room-request-{chosen.id}"
    assert await own_event(world.calendar, organiser, request, transaction)
    await run_jobs_for(world, 1, runner)
    assert not await own_event(world.calendar, organiser, request, transaction)
    assert (await world.broker.get(chosen.id)).state is RequestState.FAILED
    trail = await world.broker.requests.audit_of(chosen.id)
    assert trail[-1].action == "withdrawn"


async def test_an_unseen_event_graph_refuses_to_withdraw_is_left_and_the_requester_told_once() -> (
    None
):
    # As above, but Graph refuses the cancellation for good (403). Before, the withdraw job
    # raised and was retried like an outage for hours; now it ends, and Jana is told once to
    # cancel the event in Outlook.
    world = await make_world()
    chosen, runner, healed = await given_up_while_graph_lost_an_answer(world)
    assert (await world.broker.get(chosen.id)).state is RequestState.FAILED
    healed[0] = True
    attempts = refuse_cancellations(world.calendar)
    told = len(world.notifier.directs)
    await run_jobs_for(world, 6, runner)
    assert len(attempts) == 1
    [(user, card, *_)] = world.notifier.directs[told:]
    assert user == JANA and "Termin nicht storniert" in str(card) and "Outlook" in str(card)
    trail = await world.broker.requests.audit_of(chosen.id)
    assert (trail[-1].action, trail[-1].detail) == (
        "cancel_refused",
        "refused 403 ErrorAccessDenied",
    )
