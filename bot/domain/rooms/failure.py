"""A booking that cannot succeed ends as "failed" instead of "Buchung läuft" for good.

Graph refusing the event for good (no permission on the organiser's mailbox, no such
mailbox) ends the request at once: retrying for hours changes nothing and the requester would
never hear of it. A booking job the runner gave up (Graph failed on every attempt) ends the
same way, unless an attempt did create the event and only its answer was lost. Either way
the requester and the approvers are told, each in their own language. Should Graph fail
the look for that event too, the request fails all the same (a "Buchung läuft" nobody ends is
worse) and a job withdraws the event once Graph answers, if an unseen attempt created it.

Cancelling works the other way round: Graph refusing a cancellation for good (403, no
permission on the organiser's mailbox) is not retried like an outage either; the requester
is told at once that the event still stands and to cancel it in Outlook."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.domain.graph_types import CalendarEvent, CalendarRefusedError
from bot.domain.rooms.confirmation import event_parts, own_event
from bot.domain.rooms.model import BrokerError, RequestState, RoomRequest

if TYPE_CHECKING:
    from bot.domain.rooms.decisions import RoomDecisions
    from bot.domain.rooms.service import RoomBroker

log = logging.getLogger(__name__)

WITHDRAW_JOB = "rooms.withdraw_unseen"
# Graph has just failed every attempt: look again a little later (then the runner's backoff).
WITHDRAW_AFTER = timedelta(minutes=5)


async def refused(
    decisions: RoomDecisions, request_id: int, error: CalendarRefusedError, tell: bool = True
) -> RoomRequest:
    """Graph refused the booking for good: the request fails now (no retry)."""
    return await fail(decisions, request_id, error.detail, tell)


async def given_up(decisions: RoomDecisions, request_id: int) -> RoomRequest:
    """The booking job's last attempt failed too: booked if an attempt created the event
    (found by its transaction id), else failed."""
    broker = decisions.broker
    request = await broker.get(request_id)
    if request.state is not RequestState.BOOKING or request.room is None:
        return request
    try:
        organiser, mine = await _booked_event(decisions, request)
    except Exception as error:
        log.warning("booking given up, its event not looked for: %s", type(error).__name__)
        # Planned before the request fails: a crash in between must not leave the event.
        await broker.jobs.schedule(
            WITHDRAW_JOB,
            {"request_id": request.id},
            broker.clock.now() + WITHDRAW_AFTER,
            f"{WITHDRAW_JOB}:{request.id}",
        )
        detail = f"gave up, event not looked for ({type(error).__name__})"
        return await fail(decisions, request_id, detail, tell=True)
    if mine is not None:
        return await decisions.answered(request, organiser, mine.id, mine.room_response, True)
    return await fail(decisions, request_id, "gave up", tell=True)


async def withdraw_unseen(decisions: RoomDecisions, request_id: int) -> None:
    """Job: cancel the event an unseen attempt created for a request that failed without
    looking for it (raises while Graph fails: the runner tries again)."""
    broker = decisions.broker
    request = await broker.get(request_id)
    if request.state is not RequestState.FAILED or request.room is None:
        return
    try:
        organiser, mine = await _booked_event(decisions, request)
    except BrokerError:
        return  # the requester is no longer in the directory: no event was made in their name
    if mine is None:
        return
    lang = await broker.languages.language_of(request.requester_key)
    comment = broker.views.cancellation_comment(lang)
    try:
        await broker.calendar.cancel_event(organiser, mine.id, comment)
    except CalendarRefusedError as error:
        # For good: the job ends here; the requester removes the event herself, told once.
        await broker.audit(request, "bot", "cancel_refused", error.detail)
        card = broker.views.cancel_refused_card(request, lang)
        await broker.notifier.send_direct(request.requester_key, card, request.tenant_id)
        return
    await broker.audit(request, "bot", "withdrawn", "event of the failed booking")


async def cancel_booked(broker: RoomBroker, request: RoomRequest) -> None:
    """Cancel the request's Graph event, if it has one. Graph refusing for good (no
    permission on the organiser's mailbox) raises BrokerError "cancel_refused" and nothing
    changes: the booking still stands, and the requester is told to cancel it in Outlook
    instead of an error no retry fixes."""
    if not request.event_id:
        return
    organiser, event_id = event_parts(request.event_id)
    lang = await broker.languages.language_of(request.requester_key)
    try:
        await broker.calendar.cancel_event(
            organiser, event_id, broker.views.cancellation_comment(lang)
        )
    except CalendarRefusedError as error:
        log.warning("room booking not cancelled, refused: %s", error.detail)
        await broker.audit(request, "bot", "cancel_refused", error.detail)
        raise BrokerError("cancel_refused") from error


async def drop_declined(broker: RoomBroker, organiser: str, event_id: str) -> None:
    """Delete the event a room declined. Refused for good, it is left: it books nothing
    (the room declined) and the requester was told of the conflict; no retry helps."""
    try:
        await broker.calendar.delete_event(organiser, event_id)
    except CalendarRefusedError as error:
        log.warning("declined room event not deleted, refused: %s", error.detail)


async def _booked_event(
    decisions: RoomDecisions, request: RoomRequest
) -> tuple[str, CalendarEvent | None]:
    """(organiser, the event an attempt created, if any), found by the transaction id."""
    broker = decisions.broker
    organiser = broker.policy.booking_mailbox or await broker.mailbox_of(request.requester_key)
    mine = await own_event(broker.calendar, organiser, request, f"room-request-{request.id}")
    return organiser, mine


async def fail(decisions: RoomDecisions, request_id: int, detail: str, tell: bool) -> RoomRequest:
    """Store "failed" (if still booking), audit it, tell the requester (``tell``: by DM; the
    card they clicked shows it anyway) and update the approvers' cards."""
    broker = decisions.broker
    request = await broker.get(request_id)
    if request.state is not RequestState.BOOKING:
        return request  # booked, cancelled or expired meanwhile
    failed = await broker.save(request, state=RequestState.FAILED)
    await broker.audit(failed, "bot", "failed", detail)
    if tell:
        await decisions.tell_requester(failed)
    if failed.approvers:
        await decisions.approvers.update_cards(failed)
    return failed
