"""Builds the application services (domain services over the real adapters) for one process."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.experts import SqlExpertRepository
from bot.adapters.db.jobs import SqlJobQueue
from bot.adapters.db.questions import SqlQuestionRepository
from bot.domain.business_hours import BusinessCalendar
from bot.domain.ports import Clock, Directory, Job, Notifier
from bot.domain.routing.router_cache import RouterCache
from bot.domain.routing.service import ESCALATE_JOB, RoutingService
from bot.jobs import JobRunner
from bot.settings import Settings
from cards.routing import RoutingCards
from dialogs.context import DialogContext


@dataclass
class Services:
    """The services of one bot process and the job runner that drives their scheduled work."""

    routing: RoutingService
    context: DialogContext
    jobs: JobRunner


def build_services(
    settings: Settings,
    sessions: async_sessionmaker[AsyncSession],
    clock: Clock,
    notifier: Notifier,
    directory: Directory,
) -> Services:
    """Wire repositories, calendar and notifier into the services and the job runner."""
    experts = SqlExpertRepository(sessions, clock)
    questions = SqlQuestionRepository(sessions)
    queue = SqlJobQueue(sessions)
    routing = RoutingService(
        experts=experts,
        questions=questions,
        notifier=notifier,
        jobs=queue,
        directory=directory,
        clock=clock,
        calendar=BusinessCalendar(
            settings.time_zone,
            settings.holiday_state,
            settings.routing_business_day_start,
            settings.routing_business_day_end,
        ),
        views=RoutingCards(),
        escalation_delay=timedelta(hours=settings.routing_escalation_hours),
        routers=RouterCache(experts, questions, clock),
    )

    async def escalate(job: Job) -> None:
        await routing.escalate(int(job.payload["question_id"]), int(job.payload["version"]))

    runner = JobRunner(queue, clock, {ESCALATE_JOB: escalate})
    context = DialogContext(settings=settings, clock=clock, routing=routing, experts=experts)
    return Services(routing=routing, context=context, jobs=runner)
