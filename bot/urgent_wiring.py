"""Builds the urgent call over the real adapters and maps its job kinds to handlers."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.adapters.db.urgent import SqlUrgentCallRepository
from bot.composition import FeatureModule, Platform
from bot.domain.ports import Job, JobHandler
from bot.domain.urgent.decisions import UrgentDecisions
from bot.domain.urgent.model import CallState
from bot.domain.urgent.service import ASK_JOB, BOOK_JOB, EXPIRE_JOB, UrgentService
from bot.observability import count
from cards.urgent import UrgentCards


@dataclass(frozen=True, slots=True)
class Urgent:
    """The service, its decisions, its cards and the handlers of its jobs."""

    service: UrgentService
    decisions: UrgentDecisions
    cards: UrgentCards
    handlers: dict[str, JobHandler]

    def module(self) -> FeatureModule:
        """Its job handlers (nothing recurring to plan)."""
        return FeatureModule("urgent", self.handlers)


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
    )
    decisions = UrgentDecisions(service)
    return Urgent(service, decisions, cards, build_handlers(decisions))


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
        except Exception:
            if job.last_attempt:
                # No retry follows: the call ends, and the runner still records the failure.
                await decisions.booking_failed(call_id)
            raise
        if booked.state is CallState.BOOKED:
            count("urgent.booked")

    async def expire(job: Job) -> None:
        await decisions.expire(int(job.payload["call_id"]))

    return {ASK_JOB: ask_again, BOOK_JOB: book, EXPIRE_JOB: expire}
