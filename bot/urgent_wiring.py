"""Builds the urgent call over the real adapters and maps its job kinds to handlers."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.adapters.db.ledger import SqlActivityLedger
from bot.adapters.db.urgent import SqlUrgentCallRepository
from bot.composition import FeatureModule, Platform
from bot.domain.graph_types import CalendarRefusedError
from bot.domain.ports import GiveUpHandler, Job, JobHandler
from bot.domain.urgent import erasure, refused
from bot.domain.urgent.decisions import UrgentDecisions
from bot.domain.urgent.model import CallState
from bot.domain.urgent.service import ASK_JOB, BOOK_JOB, EXPIRE_JOB, LOOK_JOB, UrgentService
from bot.observability import count
from cards.urgent import UrgentCards


@dataclass(frozen=True, slots=True)
class Urgent:
    """The service, its decisions, its cards and the handlers of its jobs (and of a booking
    job given up)."""

    service: UrgentService
    decisions: UrgentDecisions
    cards: UrgentCards
    handlers: dict[str, JobHandler]
    give_ups: dict[str, GiveUpHandler]

    def module(self) -> FeatureModule:
        """Its job handlers and what ends a given-up booking (nothing recurring to plan)."""
        return FeatureModule("urgent", self.handlers, give_ups=self.give_ups)


def build_urgent(platform: Platform) -> Urgent:
    """Wire the calls' storage, Graph, Teams and cards into the urgent call."""
    cards = UrgentCards(ZoneInfo(platform.settings.time_zone))
    service = UrgentService(
        calls=SqlUrgentCallRepository(platform.sessions),
        directory=platform.directory,
        calendar=platform.room_calendar,
        notifier=platform.notifier,
        jobs=platform.queue,
        clock=platform.clock,
        hours=platform.calendar,
        languages=platform.languages,
        views=cards,
        ledger=SqlActivityLedger(platform.sessions),
    )
    decisions = UrgentDecisions(service)
    handlers, give_ups = build_handlers(decisions), build_give_ups(decisions)
    return Urgent(service, decisions, cards, handlers, give_ups)


def build_handlers(decisions: UrgentDecisions) -> dict[str, JobHandler]:
    """The job kind -> handler map of the urgent call."""

    async def ask_again(job: Job) -> None:
        payload = job.payload
        await decisions.send_again(
            int(payload["call_id"]), str(payload["assistant"]), str(payload["for"])
        )

    async def book(job: Job) -> None:
        # Raises while Graph fails: the runner retries; the transaction id keeps it single.
        call_id = int(job.payload["call_id"])
        try:
            booked = await decisions.book(call_id)
        except CalendarRefusedError as error:  # for good: the call fails, no more retries
            booked = await refused.refused(decisions, call_id, error)
        if booked.state is CallState.BOOKED:
            count("urgent.booked")

    async def tell_refused(job: Job) -> None:
        await refused.tell_asker(decisions, int(job.payload["call_id"]))

    async def tell_cancel_refused(job: Job) -> None:
        await refused.tell_cancel_refused(decisions, int(job.payload["call_id"]))

    async def expire(job: Job) -> None:
        await decisions.expire(int(job.payload["call_id"]))

    async def look_again(job: Job) -> None:
        # A Graph error while looking ends the look (the next planned one tries again); a
        # concurrent change of the call or a failed cancellation raises: the retry looks anew.
        # Only the last planned look may expire the call (jobs planned before the flag: any).
        final = bool(job.payload.get("final", True))
        changed = await decisions.look_again(int(job.payload["call_id"]), final)
        if changed is not None and changed.state is CallState.BOOKED:
            count("urgent.booked")  # the meeting turned up after the give-up

    async def cancel_erased(job: Job) -> None:
        # Raises while Graph fails for a while: the job runner retries with backoff.
        payload = job.payload
        await erasure.cancel_meeting(
            decisions, int(payload["call_id"]), str(payload["mailbox"]), str(payload["lang"])
        )

    async def withdraw_erased(job: Job) -> None:
        await erasure.withdraw_ask(decisions, str(job.payload["reader"]), job.payload["handle"])

    return {
        ASK_JOB: ask_again,
        erasure.CANCEL_JOB: cancel_erased,
        erasure.WITHDRAW_JOB: withdraw_erased,
        BOOK_JOB: book,
        EXPIRE_JOB: expire,
        LOOK_JOB: look_again,
        refused.TELL_JOB: tell_refused,
        refused.CANCEL_TELL_JOB: tell_cancel_refused,
    }


def build_give_ups(decisions: UrgentDecisions) -> dict[str, GiveUpHandler]:
    """What ends a call whose booking job the runner gave up (however its last attempt
    failed: Graph error, timeout), instead of "wird gebucht" for good; and what stays of an
    erased asker's follow-up given up (logged, the meeting audited as not cancelled)."""

    async def booking_given_up(job: Job) -> None:
        ended = await decisions.booking_failed(int(job.payload["call_id"]))
        if ended.state is CallState.BOOKED:
            count("urgent.booked")  # an attempt had booked it, only its answer was lost

    async def cancel_given_up(job: Job) -> None:
        await erasure.cancel_given_up(decisions, int(job.payload["call_id"]))

    async def withdraw_given_up(job: Job) -> None:
        erasure.withdraw_given_up(int(job.payload["call_id"]))

    return {
        BOOK_JOB: booking_given_up,
        erasure.CANCEL_JOB: cancel_given_up,
        erasure.WITHDRAW_JOB: withdraw_given_up,
    }
