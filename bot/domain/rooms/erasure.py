"""A person's room bookings when they erase their data.

Erasure pseudonymises their requests, so afterwards nobody can find or cancel their bookings
through the bot, while the rooms stay blocked in Exchange in a deleted person's name. So the
bookings that have not ended yet are cancelled as part of the erasure (the confirmation card
says so): collected before the erasure, cancelled once it went through.

Graph may refuse such a cancellation for good (no permission on the organiser's mailbox):
then the booking still stands in Outlook, and nobody could learn of it through the bot. The
request ends as cancelled in the bot (it manages it no more; the event still blocks the room
in free/busy until it is gone), and those who can act are told once, each in their own
language, to cancel it in Outlook: the room's approvers, for a room everyone may book the
admins. The message names the room and the time, never the erased person.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from bot.domain.rooms.decisions import RoomDecisions
from bot.domain.rooms.model import BrokerError, RequestState, RoomRequest

log = logging.getLogger(__name__)

_HELD = frozenset({RequestState.PENDING, RequestState.BOOKING, RequestState.BOOKED})
# The message that a booking of an erased person stands in Outlook (outbox: see outbox.py).
LEFT_JOB = "rooms.erased_booking_left"


@dataclass(frozen=True, slots=True)
class Released:
    """What the erasure did to the person's bookings: cancelled, or left standing in Outlook
    because Graph refused the cancellation (those who can cancel it there are told)."""

    cancelled: int = 0
    left: int = 0


async def held_by(decisions: RoomDecisions, requester_key: str) -> list[int]:
    """Ids of the person's requests that still hold (or wait for) a room."""
    broker = decisions.broker
    requests = await broker.requests.of_requester(requester_key, broker.clock.now())
    return [request.id for request in requests if request.state in _HELD]


async def release(
    decisions: RoomDecisions, request_ids: Sequence[int], erased_key: str
) -> Released:
    """Cancel these requests of ``erased_key`` (the Graph events too). A cancellation Graph
    refuses for good is reported to the room's approvers (or the admins); any other failure
    is logged and skipped: the erasure itself has already happened."""
    cancelled = left = 0
    for request_id in request_ids:
        try:
            request = await decisions.broker.get(request_id)
            if request.state not in _HELD:
                continue
            await decisions.withdraw(request, "bot")
            cancelled += 1
        except BrokerError as error:
            if error.code == "cancel_refused":
                await _left_standing(decisions, request_id, erased_key)
                left += 1
            # else: decided or gone meanwhile
        except Exception:
            log.warning("booking of an erased person not cancelled", exc_info=True)
    return Released(cancelled, left)


async def _left_standing(decisions: RoomDecisions, request_id: int, erased_key: str) -> None:
    broker = decisions.broker
    request = await broker.get(request_id)
    if request.state is RequestState.BOOKED:
        request = await broker.save(request, state=RequestState.CANCELLED)
        await broker.audit(request, "bot", "cancelled", "erasure; event left for Outlook")
    policy = broker.policy
    # The erased person may approve the room themself: they are no one to tell any more.
    recipients = [key for key in policy.approvers_of(request.room or "") if key != erased_key]
    for to in recipients or [key for key in policy.admins if key != erased_key]:
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
