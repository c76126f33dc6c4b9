"""A person's room bookings when they erase their data.

Erasure pseudonymises their requests, so afterwards nobody can find or cancel their bookings
through the bot, while the rooms stay blocked in Exchange in a deleted person's name. So the
bookings that have not ended yet are cancelled as part of the erasure (the confirmation card
says so): collected before the erasure, one job per request stored in the erasure's own
transaction (``releases``), and that job cancels it (``release``). Stored with the erasure, a
crash right after its commit loses no cancellation, and none runs for an erasure that did not
happen; the job queue runs each job on one replica at a time, and while Graph fails for a
while (503, timeouts) the job raises and is retried with backoff.

Graph may refuse such a cancellation for good (no permission on the organiser's mailbox), or
keep failing until the job is given up: then the booking still stands in Outlook, and nobody
could learn of it through the bot. The request ends as cancelled in the bot (it manages it no
more; the event still blocks the room in free/busy until it is gone), and those who can act
are told once, each in their own language, to cancel it in Outlook: the room's approvers, for
a room everyone may book the admins. The message names the room and the time, never the
erased person.

A request still being booked when the erasure cancels it may have its event in Exchange
already without the bot knowing (the booking's answer was lost, or another replica is inside
``book`` and loses its save to the erasure). Its release looks for that event by the
booking's transaction id in the organiser's calendar and cancels it, like a booking. The
organiser's mailbox is read before the erasure and kept in the job (``organiser``): afterwards
the bot could not name it any more, and without it the event would stay.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from bot.domain.graph_types import CalendarRefusedError
from bot.domain.ports import PlannedJob
from bot.domain.rooms.confirmation import own_event
from bot.domain.rooms.decisions import RoomDecisions
from bot.domain.rooms.model import BrokerError, RequestState, RoomRequest
from bot.domain.rooms.search import BrokerPolicy

_HELD = frozenset({RequestState.PENDING, RequestState.BOOKING, RequestState.BOOKED})
# Cancels one request of an erased person (payload: request id and "skip", see releases).
RELEASE_JOB = "rooms.erased_release"
# The message that a booking of an erased person stands in Outlook (outbox: see outbox.py).
LEFT_JOB = "rooms.erased_booking_left"


async def releases(decisions: RoomDecisions, requester_key: str) -> list[PlannedJob]:
    """The jobs that cancel the person's requests that still hold (or wait for) a room, to
    be stored with the erasure; one per request (its dedup key keeps it single)."""
    broker = decisions.broker
    requests = await broker.requests.of_requester(requester_key, broker.clock.now())
    jobs = []
    for request in requests:
        if request.state not in _HELD:
            continue
        payload: dict[str, object] = {
            "request_id": request.id,
            "skip": _positions(broker.policy, request, requester_key),
        }
        if request.state is RequestState.BOOKING:
            payload["organiser"] = await _organiser(decisions, requester_key)
        elif request.event_id:
            # The erasure replaces the person's mail wherever it is stored, the event id
            # ("<organiser mailbox>|<id>") too, once the roster or a profile gave it the mail;
            # the cancellation needs it as it was.
            payload["event"] = request.event_id
        jobs.append(PlannedJob(RELEASE_JOB, payload, f"{RELEASE_JOB}:{request.id}"))
    return jobs


async def _organiser(decisions: RoomDecisions, requester_key: str) -> str:
    # The mailbox a booking of theirs is made in ("": none, they are not in the directory,
    # so no booking could create an event).
    broker = decisions.broker
    try:
        return broker.policy.booking_mailbox or await broker.mailbox_of(requester_key)
    except BrokerError:
        return ""


def _positions(policy: BrokerPolicy, request: RoomRequest, erased_key: str) -> list[int]:
    # The erased person may approve the room themself (or be an admin): they are no one to
    # tell any more. The job must not name them (the erasure forgets their key), so it keeps
    # only where they stand among the room's approvers followed by the admins.
    candidates = (*policy.approvers_of(request.room or ""), *policy.admins)
    return [position for position, key in enumerate(candidates) if key == erased_key]


async def release(
    decisions: RoomDecisions,
    request_id: int,
    skip: Sequence[int],
    organiser: str = "",
    event: str = "",
) -> None:
    """Job: cancel the request of an erased person (its Graph event too; ``organiser``: the
    mailbox of a request that was being booked, see the module; ``event``: the event id of a
    booked one as it was before the erasure). Graph refusing for good
    tells the room's approvers (or the admins) to cancel it in Outlook; any other Graph
    failure raises, and the job runner retries with backoff."""
    request = await decisions.broker.requests.get(request_id)
    if request is not None and _unrecorded(request, organiser):
        await _cancel_unrecorded(decisions, request, organiser, skip)
        return
    if request is None or request.state not in _HELD:
        return  # decided, cancelled or gone meanwhile (or an earlier attempt cancelled it)
    try:
        await decisions.withdraw(request, "bot", event)
    except BrokerError as error:
        if error.code == "cancel_refused":
            await _left_standing(decisions, request_id, skip)
        # else: decided meanwhile


def _unrecorded(request: RoomRequest, organiser: str) -> bool:
    # Cancelled by the erasure while being booked: its event, if any, is not recorded.
    return bool(organiser) and request.state is RequestState.CANCELLED and not request.event_id


async def _cancel_unrecorded(
    decisions: RoomDecisions, request: RoomRequest, organiser: str, skip: Sequence[int]
) -> None:
    broker = decisions.broker
    try:
        # Cancelled events are not found: a retry after a cancellation does nothing.
        mine = await own_event(broker.calendar, organiser, request, f"room-request-{request.id}")
        if mine is None:
            return  # no attempt created it
        lang = await broker.languages.language_of(request.requester_key)
        comment = broker.views.cancellation_comment(lang)
        await broker.calendar.cancel_event(organiser, mine.id, comment)
    except CalendarRefusedError as error:  # for good: left to those who can act in Outlook
        await broker.audit(request, "bot", "cancel_refused", error.detail)
        await _left_standing(decisions, request.id, skip)
        return
    await broker.audit(request, "bot", "withdrawn", "erasure; event of the booking under way")


async def release_given_up(
    decisions: RoomDecisions, request_id: int, skip: Sequence[int], organiser: str = ""
) -> None:
    """The release job failed on every attempt (Graph kept failing): as for a refusal, the
    booking is left to those who can cancel it in Outlook, and they are told (for a request
    that was being booked: its event may stand, unseen)."""
    request = await decisions.broker.requests.get(request_id)
    if request is not None and (request.state in _HELD or _unrecorded(request, organiser)):
        await _left_standing(decisions, request_id, skip)


async def _left_standing(decisions: RoomDecisions, request_id: int, skip: Sequence[int]) -> None:
    broker = decisions.broker
    request = await broker.get(request_id)
    if request.state is RequestState.BOOKED:
        request = await broker.save(request, state=RequestState.CANCELLED)
        await broker.audit(request, "bot", "cancelled", "erasure; event left for Outlook")
    policy = broker.policy
    approvers, admins = policy.approvers_of(request.room or ""), policy.admins
    skipped = set(skip)
    recipients = [key for i, key in enumerate(approvers) if i not in skipped]
    offset = len(approvers)
    for to in recipients or [key for i, key in enumerate(admins) if i + offset not in skipped]:
        # Keyed per request and person: the same message is on its way once (a job sends it
        # if Teams refuses it now).
        await decisions.outbox.deliver(
            LEFT_JOB,
            {"request_id": request.id, "to": to},
            f"{LEFT_JOB}:{request.id}:{to}",
            partial(_tell, decisions, request, to),
        )


async def tell_left_again(decisions: RoomDecisions, request_id: int, to: str) -> None:
    """Job: the message that a booking stands in Outlook, whose sending failed; none once
    the request is gone (retention)."""
    request = await decisions.broker.requests.get(request_id)
    if request is not None:
        await _tell(decisions, request, to)


async def _tell(decisions: RoomDecisions, request: RoomRequest, to: str) -> None:
    broker = decisions.broker
    lang = await broker.languages.language_of(to)
    card = broker.views.left_in_outlook_card(request, await broker.rooms_by_mail(), lang)
    await broker.notifier.send_direct(to, card, request.tenant_id)
