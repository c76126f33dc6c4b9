"""After the offers: the assistants' cards and answers, the asker's one card updated live,
the booking (one Teams meeting, nothing booked without the asker's click) and cancelling.

Every change is version-checked; answers that meet re-read and try again, so two assistants
answering at once both count and one "Einladen" books once (Graph transaction id)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any

from bot.domain.graph_types import CalendarRefusedError, NewEvent
from bot.domain.outbox import Outbox
from bot.domain.urgent import given_up, refused, unreachable
from bot.domain.urgent import slots as slot_rules
from bot.domain.urgent.model import Ask, CallState, UrgentCall, UrgentError, find_ask, replaced
from bot.domain.urgent.service import ASK_JOB, ASKER_CARD, BOOK_JOB, UrgentService

log = logging.getLogger(__name__)
ATTEMPTS = 8  # re-reads when answers meet (each one wins a version in turn)


@dataclass
class UrgentDecisions:
    """Everything that happens to a call once it is stored."""

    service: UrgentService
    outbox: Outbox = field(init=False)

    def __post_init__(self) -> None:
        self.outbox = Outbox(self.service.jobs, self.service.clock)

    async def posted(self, call_id: int, handle: dict[str, object]) -> None:
        """The asker's card is out: remember it, then ask the assistants (each by DM, through
        the outbox: a failed send is sent again by a job)."""
        service = self.service
        await service.calls.record_card(call_id, ASKER_CARD, dict(handle))
        call = await service.get(call_id)
        if call.state is not CallState.ASKING:
            return
        for ask in call.asks:
            await self.outbox.deliver(
                ASK_JOB,
                {"call_id": call.id, "assistant": ask.assistant_key, "for": ask.for_key},
                f"{ASK_JOB}:{call.id}:{ask.assistant_key}:{ask.for_key}",
                partial(self._send_ask, call.id, ask.assistant_key, ask.for_key),
            )

    async def send_again(self, call_id: int, assistant: str, for_key: str) -> None:
        """Job: the assistant's card whose sending failed, while the call still waits."""
        call = await self.service.get(call_id)
        ask = find_ask(call, assistant, for_key)
        if call.state is CallState.ASKING and ask is not None and ask.waiting:
            await self._send_ask(call_id, assistant, for_key)

    async def _send_ask(self, call_id: int, assistant: str, for_key: str) -> None:
        service = self.service
        call = await service.get(call_id)
        ask = find_ask(call, assistant, for_key)
        if ask is None:
            return
        lang = await service.languages.language_of(assistant)
        card = service.views.assistant_card(call, ask, lang, service.clock.now())
        handle = await service.notifier.send_direct(assistant, card, call.tenant_id)
        if handle is not None:
            await service.calls.record_card(call.id, _card_key(assistant, for_key), handle)
        else:
            await unreachable.mark(self, call_id, assistant, for_key)

    async def answer(
        self, call_id: int, assistant: str, for_key: str, free_from: datetime | None
    ) -> UrgentCall:
        """An assistant's "Ja, ab …" (``free_from``) or "Leider nicht" (None)."""
        service = self.service
        for _ in range(ATTEMPTS):
            call = await service.get(call_id)
            ask = find_ask(call, assistant, for_key)
            if ask is None:
                raise UrgentError("not_asked")
            if call.state is not CallState.ASKING:
                raise UrgentError("decided")
            if not ask.waiting:
                raise UrgentError("answered")
            if free_from is not None and free_from not in slot_rules.start_choices(call):
                raise UrgentError("forged")
            if free_from is not None and free_from + call.duration <= service.clock.now():
                raise UrgentError("past")
            answered = Ask(
                ask.assistant_key, ask.assistant_name, ask.for_key,
                "yes" if free_from else "no", free_from, service.clock.now(),
            )  # fmt: skip
            try:
                saved = await service.save(call, asks=replaced(call, ask, answered))
            except UrgentError:
                continue  # another answer came first: read it and add this one
            detail = free_from.isoformat() if free_from else "no"
            await service.audit(saved, assistant, "answered", detail)
            await self.refresh(saved, skip=_card_key(assistant, for_key))
            return saved
        raise UrgentError("busy")

    async def invite(self, call_id: int, asker: str, start: datetime) -> UrgentCall:
        """The asker's "Einladen": the slot must be on offer now; one Teams meeting is booked."""
        service = self.service
        for _ in range(ATTEMPTS):
            call = await service.get(call_id)
            if call.asker_key != asker:
                raise UrgentError("not_asker")
            if call.state not in (CallState.OFFERED, CallState.ASKING):
                raise UrgentError("decided")
            now = service.clock.now()
            slot = next((s for s in slot_rules.options(call, now) if s.start == start), None)
            if slot is None:
                raise UrgentError("not_offered")
            if slot.start < now:
                raise UrgentError("past")
            try:
                chosen = await service.save(call, state=CallState.BOOKING, booked=slot)
            except UrgentError:
                continue  # an answer came in meanwhile: check the slot again
            await service.audit(chosen, asker, "chosen", slot.start.isoformat())
            return await self.book_or_queue(chosen, skip=ASKER_CARD)
        raise UrgentError("busy")

    async def book_or_queue(self, call: UrgentCall, skip: str | None = None) -> UrgentCall:
        """Book now; when Graph fails (after its own retries), a job books later. A refusal
        for good fails the call at once (the clicked card shows it)."""
        try:
            return await self.book(call.id, skip=skip)
        except UrgentError:
            raise
        except CalendarRefusedError as error:
            return await refused.refused(self, call.id, error, skip, tell=False)
        except Exception as error:
            log.warning("urgent booking failed, retried by a job: %s", type(error).__name__)
            await self.service.audit(call, "bot", "failed", type(error).__name__)
            now = self.service.clock.now()
            await self.service.jobs.schedule(
                BOOK_JOB, {"call_id": call.id}, now, f"{BOOK_JOB}:{call.id}"
            )
            return call

    async def book(self, call_id: int, skip: str | None = None) -> UrgentCall:
        """Create the Teams meeting in the organiser's mailbox with everyone invited; the
        transaction id keeps a retried booking from booking twice. Raises on Graph errors."""
        service = self.service
        call = await service.get(call_id)
        if call.state is not CallState.BOOKING or call.booked is None:
            return call
        if call.booked.start <= service.clock.now():
            # Graph failed until the slot began: a meeting in the past helps nobody, and
            # every card says how the booking ended instead of "wird gebucht" for ever.
            return await given_up.end_booking(self, call, skip)
        lang = await service.languages.language_of(call.asker_key)
        attendees = tuple(p.mail for p in call.participants if p.mail != call.organiser)
        created = await service.calendar.create_event(
            call.organiser,
            NewEvent(
                subject=service.views.event_subject(call, lang),
                start=call.booked.start,
                end=call.booked.end,
                attendees=attendees,
                time_zone=service.hours.time_zone,
                transaction_id=given_up.transaction_id(call),
                online_meeting=True,
            ),
        )
        return await self.record_booked(call, created.id, skip)

    async def record_booked(self, call: UrgentCall, event_id: str, skip: str | None) -> UrgentCall:
        """Store the call as booked with its meeting, audit it and refresh every card."""
        booked = await self.service.save(
            call, state=CallState.BOOKED, event_id=f"{call.organiser}|{event_id}"
        )
        await self.service.audit(
            booked, "bot", "booked", booked.booked.start.isoformat() if booked.booked else ""
        )
        await self.refresh(booked, skip=skip)
        return booked

    async def booking_failed(self, call_id: int) -> UrgentCall:
        """Job given up: the booking's last attempt failed too. The call ends instead of
        "wird gebucht" for good (see ``given_up.end_booking``)."""
        call = await self.service.get(call_id)
        if call.state is not CallState.BOOKING:
            return call  # booked, cancelled or ended meanwhile
        return await given_up.end_booking(self, call)

    async def look_again(self, call_id: int, final: bool = True) -> UrgentCall | None:
        """Job: a given-up booking's meeting looked for once more (``given_up.look_again``;
        only the ``final`` look expires a call it finds no meeting for)."""
        return await given_up.look_again(self, call_id, final)

    async def cancel(self, call_id: int, asker: str) -> UrgentCall:
        """The asker withdraws; a booked meeting is cancelled in Graph (attendees notified),
        and so is the meeting of a given-up booking or of one still being tried, if Graph
        shows it now or a planned look finds it later. A cancellation Graph refuses for good
        (no permission on the asker's mailbox) changes nothing: UrgentError "cancel_refused"
        tells the asker to cancel the meeting in Outlook."""
        service = self.service
        call = await service.get(call_id)
        if call.asker_key != asker:
            raise UrgentError("not_asker")
        if call.state is CallState.CANCELLED:
            raise UrgentError("decided")
        if call.event_id:
            organiser, _, event_id = call.event_id.rpartition("|")
            comment = service.views.cancellation_comment(
                await service.languages.language_of(asker)
            )
            try:
                await service.calendar.cancel_event(organiser, event_id, comment)
            except CalendarRefusedError as error:  # for good: nothing changes, no retry
                await service.audit(call, asker, "cancel_refused", error.detail)
                raise UrgentError("cancel_refused") from error
        cancelled = await service.save(call, state=CallState.CANCELLED)
        await service.audit(cancelled, asker, "cancelled")
        # Stored as cancelled first: a look running meanwhile cancels what it finds instead
        # of booking the call, and a booking job no longer tries.
        if given_up.may_have_meeting(call):
            cancelled = await given_up.cancel_found(self, cancelled)
        elif call.state is CallState.BOOKING and not call.event_id:
            cancelled = await given_up.cancel_booking(self, cancelled)
        await self.refresh(cancelled, skip=ASKER_CARD)
        return cancelled

    async def expire(self, call_id: int) -> None:
        """Job: a call nobody booked by the end of its last slot expires; every card says so."""
        call = await self.service.get(call_id)
        if call.state not in (CallState.OFFERED, CallState.ASKING):
            return
        await self.settle(call, CallState.EXPIRED)

    async def settle(
        self, call: UrgentCall, state: CallState, skip: str | None = None
    ) -> UrgentCall:
        """Store how the bot ended a call (expired, unconfirmed), audit it, refresh the cards."""
        ended = await self.service.save(call, state=state)
        await self.service.audit(ended, "bot", state.value)
        await self.refresh(ended, skip=skip)
        return ended

    async def refresh(self, call: UrgentCall, skip: str | None = None) -> None:
        """Every posted card shows the call as it is now, each in its reader's language
        (``skip``: the card just clicked, which the click's answer replaces)."""
        for _ in range(ATTEMPTS):
            stored = await self.service.calls.get(call.id)
            if stored is None:
                return
            for key, handle in stored.cards.items():
                if key != skip:
                    await self._update(call, key, handle)
            # Two decisions at once (two assistants answering) each refresh the cards, and
            # Teams keeps whichever update arrives last: the older one may land after the
            # newer. Whoever finds a newer version after sending sends that one too, so the
            # last update is always the newest state.
            newer = await self.service.calls.get(call.id)
            if newer is None or newer.version == call.version:
                return
            call = newer

    async def _update(self, call: UrgentCall, key: str, handle: dict[str, object]) -> None:
        service = self.service
        now = service.clock.now()
        build: Callable[[str], dict[str, Any]]
        if key == ASKER_CARD:
            reader = call.asker_key
            build = partial(service.views.asker_card, call, slot_rules.proposal(call, now))
        else:
            reader, _, for_key = key.partition("|")
            ask = find_ask(call, reader, for_key)
            if ask is None:
                return
            build = partial(service.views.assistant_card, call, ask)
        try:
            card = build(await service.languages.language_of(reader), now)
            await service.notifier.update_card(dict(handle), card)
        except Exception:
            log.warning("urgent card not updated", exc_info=True)


def _card_key(assistant: str, for_key: str) -> str:
    return f"{assistant}|{for_key}"
