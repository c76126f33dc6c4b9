"""Questions nobody is asked for: they wait for an absent expert's return, or the asker learns
that nobody is left to ask.

When every expert named for a question is away (paused in "Meine Themen" or out of office) and
nobody stands in, nobody is asked. Without this watch such a question would wait until
someone happened to look at its card. A durable job looks again on the morning an absence is
due to end (every business morning for an absence without an end date) and asks the first
named expert who is back, as if the question had just been routed to them. It stops as soon
as the question is no longer waiting unassigned, or nobody it waits for is left (declined,
unreachable, erased, gone from the directory).

When the last expert a question could ask declined, did not react, handed it back or cannot be
reached, and nobody it named is away, the bot has nobody left: the asker is told so (in the
thread, or by DM for a 1:1 chat) instead of finding out from a card they may not look at.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from bot.domain.business_hours import BusinessCalendar
from bot.domain.ports import JobQueue
from bot.domain.routing.delivery import QuestionDelivery
from bot.domain.routing.questions import (
    DecisionError,
    Question,
    QuestionState,
    Step,
    awaited,
)
from bot.domain.routing.views import QuestionViews

if TYPE_CHECKING:
    from bot.domain.routing.service import RoutingService

RETURN_JOB = "routing.look_for_returns"


@dataclass
class ReturnWatch:
    """Plans and runs the look for experts back from an absence; tells an asker nobody is left."""

    jobs: JobQueue
    calendar: BusinessCalendar
    delivery: QuestionDelivery
    views: QuestionViews

    async def settled(self, before: Question, after: Question, now: datetime) -> None:
        """A decision saved ``after`` over ``before``: if it left the question unassigned, plan
        the look for the absent, or (nobody away, it just became unassigned) tell the asker."""
        if after.state is not QuestionState.UNASSIGNED:
            return
        if awaited(after):
            await self.plan(after, now)
        elif before.state is not QuestionState.UNASSIGNED:
            text = self.views.nobody_left_mention(after.language)
            await self.delivery.tell_asker(after, text)

    async def plan(
        self, question: Question, now: datetime, *, skip: frozenset[str] = frozenset()
    ) -> None:
        """Plan the next look when ``question`` waits unassigned for someone away (``skip``:
        experts found gone for good); a no-op otherwise, and for a look already planned."""
        waiting = [e for e in awaited(question) if e.expert_key not in skip]
        if question.state is not QuestionState.UNASSIGNED or not waiting:
            return
        today = now.astimezone(self.calendar.zone).date()
        ends = [date.fromisoformat(e.absent_until) for e in waiting if e.absent_until]
        # The morning after the earliest last day away; tomorrow when an absence has no end
        # (or its end has passed and the expert is still away: the out-of-office reply is on).
        back = min(ends) + timedelta(days=1) if len(ends) == len(waiting) else today
        day = max(back, today + timedelta(days=1))
        due = self.calendar.next_business_start(
            datetime.combine(day, time.min, tzinfo=self.calendar.zone)
        )
        await self.jobs.schedule(
            RETURN_JOB,
            {"question_id": question.id},
            due,
            dedup_key=f"{RETURN_JOB}:{question.id}:{due.isoformat()}",
        )


async def look_for_returns(service: RoutingService, question_id: int) -> None:
    """Job: ask the first expert the question waits for who is back; plan the next look
    while it still waits for someone."""
    question = await service.questions.get(question_id)
    if question is None or question.state is not QuestionState.UNASSIGNED:
        return
    now = service.clock.now()
    gone: set[str] = set()
    for expert in awaited(question):
        record = await service.experts.get(question.pool_id, expert.expert_key)
        away = None if record is None else await service.selection.absence(record, now)
        if record is None or (away is not None and away.left):
            gone.add(expert.expert_key)  # no longer an expert of the pool, or left
        elif away is None:
            # Decided meanwhile (taken, withdrawn): that decision stands.
            with suppress(DecisionError):
                await service.move_on(question_id, _returned(expert.expert_key), expert.expert_key)
            return
    await service.returns.plan(question, now, skip=frozenset(gone))


def _returned(expert_key: str) -> Step:
    return lambda question, due: question.ask_returned(expert_key, due)
