"""A booking that cannot succeed ends as "failed" instead of "Buchung läuft" for good.

Graph refusing the event for good (no permission on the organiser's mailbox, no such
mailbox) ends the request at once: retrying for hours changes nothing and the requester would
never hear of it. A booking job the runner gave up (Graph failed on every attempt) ends the
same way, unless an attempt did create the event and only its answer was lost. Either way
the requester and the approvers are told, each in their own language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.domain.graph_types import CalendarRefusedError
from bot.domain.rooms.confirmation import own_event
from bot.domain.rooms.model import RequestState, RoomRequest

if TYPE_CHECKING:
    from bot.domain.rooms.decisions import RoomDecisions


async def refused(
    decisions: RoomDecisions, request_id: int, error: CalendarRefusedError, tell: bool = True
) -> RoomRequest:
    """Graph refused the booking for good: the request fails now (no retry)."""
    return await fail(decisions, request_id, f"refused {error.status} {error.code}".strip(), tell)


async def given_up(decisions: RoomDecisions, request_id: int) -> RoomRequest:
    """The booking job's last attempt failed too: booked if an attempt created the event
    (found by its transaction id), else failed."""
    broker = decisions.broker
    request = await broker.get(request_id)
    if request.state is not RequestState.BOOKING or request.room is None:
        return request
    organiser = broker.policy.booking_mailbox or await broker.mailbox_of(request.requester_key)
    mine = await own_event(broker.calendar, organiser, request, f"room-request-{request.id}")
    if mine is not None:
        return await decisions.answered(request, organiser, mine.id, mine.room_response, True)
    return await fail(decisions, request_id, "gave up", tell=True)


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
