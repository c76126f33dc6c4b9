"""Decisions on room requests: approve/decline (first wins), book, expire, cancel; the
approvers' cards and reminders live in ``approvals``. Every state change is version-checked,
so two approvers clicking at once end in one decision and one Graph booking; the booking
carries a transaction id, so a retried booking job cannot book twice."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import timedelta
from functools import partial
from typing import Any

from bot.domain.graph_types import CalendarRefusedError, NewEvent
from bot.domain.outbox import Outbox
from bot.domain.rooms import failure
from bot.domain.rooms.approvals import ApproverCards, requester_card_key
from bot.domain.rooms.confirmation import event_parts, own_event, plan_check, unanswered
from bot.domain.rooms.model import OPEN_STATES, BrokerError, RequestState, RoomRequest
from bot.domain.rooms.search import free_rooms
from bot.domain.rooms.service import (
    ALTERNATIVES_JOB,
    BOOK_JOB,
    TELL_JOB,
    Requester,
    RoomBroker,
    Wish,
)

log = logging.getLogger(__name__)

# When the planned booking job runs if the booking in hand did not finish (see book_or_queue).
RETRY_AFTER = timedelta(minutes=1)


@dataclass
class RoomDecisions:
    """Everything that happens to a request after the requester picked a room."""

    broker: RoomBroker
    approvers: ApproverCards = field(init=False)
    outbox: Outbox = field(init=False)

    def __post_init__(self) -> None:
        self.outbox = Outbox(self.broker.jobs, self.broker.clock)
        self.approvers = ApproverCards(self.broker, self.outbox)

    async def after_choice(self, request: RoomRequest) -> RoomRequest:
        """Restricted: send the approval cards. Unrestricted: book now."""
        if request.state is RequestState.PENDING:
            await self.approvers.ask(request)
            return request
        # The requester is looking at the card they clicked: it shows the outcome, so no
        # second message says "Gebucht" again.
        return await self.book_or_queue(request, tell=False)

    async def decide(
        self, request_id: int, approver: str, version: int, approve: bool
    ) -> RoomRequest:
        """An approver's decision; stale cards, outsiders and expired requests are refused."""
        broker = self.broker
        request = await broker.get(request_id)
        if approver not in request.approvers:
            raise BrokerError("not_approver")
        if request.state is not RequestState.PENDING:
            raise BrokerError("decided")
        if request.version != version:
            raise BrokerError("stale")
        if broker.expired(request):
            raise BrokerError("expired")
        state = RequestState.BOOKING if approve else RequestState.DECLINED
        decided = await broker.save(
            request, state=state, decided_by=approver, decided_at=broker.clock.now()
        )
        await broker.audit(decided, approver, "approved" if approve else "declined")
        await self.approvers.update_cards(decided)
        if approve:
            return await self.book_or_queue(decided, recheck=True)
        await self.tell_requester(decided)
        return decided

    async def tell_requester(self, request: RoomRequest) -> None:
        """The outcome goes to the requester's 1:1 chat, in their language, and the card on
        which they chose the room (still "Warte auf Freigabe") shows it too; through the
        outbox, so a refused message still arrives."""
        await self.outbox.deliver(
            TELL_JOB,
            {"request_id": request.id, "state": request.state.value},
            f"{TELL_JOB}:{request.id}:{request.version}",
            partial(self._tell, request),
        )

    async def tell_again(self, request_id: int, state: str) -> None:
        """Job: the outcome whose message failed, unless a later change superseded it (that
        change tells the requester itself where there is something to tell)."""
        request = await self.broker.get(request_id)
        if request.state.value == state:
            await self._tell(request)

    async def _tell(self, request: RoomRequest) -> None:
        broker = self.broker
        lang = await broker.languages.language_of(request.requester_key)
        card = broker.views.status_card(request, await broker.rooms_by_mail(), lang)
        await broker.notifier.send_direct(request.requester_key, card, request.tenant_id)
        await self.update_requester_card(request, card)

    async def update_requester_card(self, request: RoomRequest, card: dict[str, Any]) -> None:
        """The requester's chosen card, if recorded, in the request's current state."""
        stored = await self.broker.requests.get(request.id)
        handle = (stored.cards if stored else {}).get(requester_card_key(request.requester_key))
        if handle is None:
            return
        try:
            await self.broker.notifier.update_card(handle, card)
        except Exception:
            log.warning("requester card not updated", exc_info=True)

    async def book_or_queue(
        self, request: RoomRequest, *, recheck: bool = False, tell: bool = True
    ) -> RoomRequest:
        """Book now; if Graph fails, the request stays "booking" and a job retries it (and
        tells the requester). ``tell``: send the outcome to the requester's chat."""
        # Planned before Graph is called: should this process die mid-booking, the job books
        # (after a booking, it finds the request booked and does nothing).
        await self.broker.jobs.schedule(
            BOOK_JOB,
            {"request_id": request.id},
            self.broker.clock.now() + RETRY_AFTER,
            f"{BOOK_JOB}:{request.id}",
        )
        try:
            return await self.book(request.id, recheck=recheck, tell=tell)
        except CalendarRefusedError as error:  # no permission, no mailbox: no retry helps
            return await failure.refused(self, request.id, error, tell)
        except BrokerError as error:
            if error.code != "decided":
                raise
            # Lost the save: Graph answered this call so slowly that the planned job booked
            # (or the requester cancelled) meanwhile. That outcome stands and was told.
            return await self.broker.get(request.id)
        except Exception as error:
            log.warning("booking failed, retried by a job: %s", type(error).__name__)
            await self.broker.audit(request, "bot", "failed", type(error).__name__)
            return request

    async def book(
        self, request_id: int, *, recheck: bool = True, tell: bool = True
    ) -> RoomRequest:
        """Create the Graph event (room as resource, requester invited; its subject in the
        requester's language); on a conflict the requester gets alternatives. Raises on Graph
        failures (the job retries)."""
        broker = self.broker
        request = await broker.get(request_id)
        if request.state is not RequestState.BOOKING or request.room is None:
            return request  # already booked, cancelled or expired meanwhile
        rooms = await broker.rooms_by_mail()
        requester_mail = await broker.mailbox_of(request.requester_key)
        room = rooms.get(request.room)
        if room is None:
            return await self._conflict(request, tell)
        organiser = broker.policy.booking_mailbox or requester_mail
        transaction = f"room-request-{request.id}"
        if recheck:
            # A retry after a lost response finds its own event, which would block the
            # free/busy check below: that event is the booking.
            mine = await own_event(broker.calendar, organiser, request, transaction)
            if mine is not None:
                return await self.answered(request, organiser, mine.id, mine.room_response, tell)
            free = await free_rooms(
                broker.calendar, [room], request.start, request.end, requester_mail
            )
            if not free:
                return await self._conflict(request, tell)
        attendees = () if organiser == requester_mail else (requester_mail,)
        lang = await broker.languages.language_of(request.requester_key)
        event = NewEvent(
            subject=broker.views.event_subject(request, lang), start=request.start,
            end=request.end, attendees=attendees, room_email=room.email,
            location=room.display_name, body_html=request.reason, transaction_id=transaction,
        )  # fmt: skip
        created = await broker.calendar.create_event(organiser, event)
        return await self.answered(request, organiser, created.id, created.room_response, tell)

    async def answered(
        self, request: RoomRequest, organiser: str, event_id: str, answer: str, tell: bool
    ) -> RoomRequest:
        # The room's answer: declined, a conflict; not given yet, read again (confirmation.py).
        if answer == "declined":  # saved first: a lost race must not delete the winner's event
            conflict = await self._conflict(request, tell)
            await failure.drop_declined(self.broker, organiser, event_id)
            return conflict
        if unanswered(answer):  # planned first: a crash after saving must not lose the check
            await plan_check(self.broker.jobs, self.broker.clock, request.id, 1)
        event_ref = f"{organiser}|{event_id}"
        booked = await self.broker.save(request, state=RequestState.BOOKED, event_id=event_ref)
        await self.broker.audit(booked, "bot", "booked", request.room or "")
        if tell:
            await self.tell_requester(booked)
        if booked.approvers:
            await self.approvers.update_cards(booked)  # "… und gebucht" for everyone
        return booked

    async def confirm(self, request_id: int, check: int) -> None:
        """Job: read the room's answer to a booking again (see confirmation.py)."""
        request = await self.broker.get(request_id)
        if request.state is not RequestState.BOOKED or not request.event_id:
            return  # cancelled meanwhile
        organiser, event_id = event_parts(request.event_id)
        event = await self.broker.calendar.get_event(organiser, event_id)
        if event is None or event.is_cancelled:  # deleted in Outlook: nothing is booked
            cancelled = await self.broker.save(request, state=RequestState.CANCELLED)
            await self.broker.audit(cancelled, "bot", "cancelled", "event gone")
        elif event.room_response == "declined":
            await self.broker.audit(request, "bot", "room_declined", request.room or "")
            await self.answered(request, organiser, event_id, "declined", tell=True)
        elif unanswered(event.room_response):
            await plan_check(self.broker.jobs, self.broker.clock, request.id, check + 1)

    async def _conflict(self, request: RoomRequest, tell: bool) -> RoomRequest:
        conflict = await self.broker.save(request, state=RequestState.CONFLICT)
        await self.broker.audit(conflict, "bot", "conflict", request.room or "")
        if tell:
            await self.tell_requester(conflict)
        if conflict.approvers:
            await self.approvers.update_cards(conflict)
        await self._offer_alternatives(conflict)
        return conflict

    async def _offer_alternatives(self, request: RoomRequest) -> None:
        """The room was taken meanwhile: a new request with the rooms free now, by DM."""
        await self.outbox.deliver(
            ALTERNATIVES_JOB,
            {"request_id": request.id},
            f"{ALTERNATIVES_JOB}:{request.id}",
            partial(self._send_alternatives, request),
        )

    async def alternatives_again(self, request_id: int) -> None:
        """Job: the alternatives whose search or message failed, while still in conflict."""
        request = await self.broker.get(request_id)
        if request.state is RequestState.CONFLICT:
            await self._send_alternatives(request)

    async def _send_alternatives(self, request: RoomRequest) -> None:
        broker = self.broker
        requester = Requester(
            request.requester_key, request.requester_name, request.tenant_id, request.place
        )
        wish = Wish(
            request.start, request.end, request.attendees, request.features, request.reason,
            request.text,
        )  # fmt: skip
        try:
            offers = await broker.search(requester, wish)
        except BrokerError:
            return  # nothing free (or too late): the conflict card said so already
        taken = request.room or ""
        rooms = [room for room in offers.rooms if room.email.lower() != taken]
        if rooms:
            lang = await broker.languages.language_of(request.requester_key)
            card = broker.views.offers_card(
                offers.request, rooms, lang, elsewhere=offers.elsewhere
            )
            await broker.notifier.send_direct(request.requester_key, card, request.tenant_id)

    async def cancel(self, request_id: int, requester_key: str) -> RoomRequest:
        """The requester withdraws; a booked event is cancelled in Graph."""
        broker = self.broker
        request = await broker.get(request_id)
        if request.requester_key != requester_key:
            raise BrokerError("not_requester")
        return await self.withdraw(request, requester_key)

    async def withdraw(self, request: RoomRequest, actor: str, event_id: str = "") -> RoomRequest:
        """Cancel a request still open or booked (its Graph event too, ``event_id`` if an
        erasure pseudonymised the stored one; never stored again); ``actor`` goes to the
        audit trail. The cancellation goes to the requester, so it is in their language."""
        broker = self.broker
        if request.state not in (*OPEN_STATES, RequestState.BOOKED):
            raise BrokerError("decided")
        booked = replace(request, event_id=event_id) if event_id else request
        await failure.cancel_booked(broker, booked)  # refused for good: nothing changes
        cancelled = await broker.save(request, state=RequestState.CANCELLED)
        await broker.audit(cancelled, actor, "cancelled")
        if request.approvers:
            await self.approvers.update_cards(cancelled)
        return cancelled

    async def expire(self, request_id: int) -> None:
        """Job at the start time: an undecided request expires; the requester is told."""
        request = await self.broker.get(request_id)
        if request.state not in (RequestState.OFFERED, RequestState.PENDING):
            return
        expired = await self.broker.save(request, state=RequestState.EXPIRED)
        await self.broker.audit(expired, "bot", "expired")
        if request.state is RequestState.PENDING:
            await self.approvers.update_cards(expired)
            await self.tell_requester(expired)
