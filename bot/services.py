"""The composition root: builds every feature of one bot process over the real adapters, from
one ``Platform``, and collects their job handlers and recurring jobs (``FeatureModule``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from bot.adapters.db.decisions import SqlDecisionLog
from bot.adapters.db.experts import SqlExpertRepository
from bot.adapters.db.ledger import SqlActivityLedger
from bot.adapters.db.members import SqlMemberRepository
from bot.adapters.db.questions import SqlQuestionRepository
from bot.birthdays_wiring import build_birthdays
from bot.composition import FeatureModule, Platform, give_up_handlers, job_handlers
from bot.domain.business_hours import BusinessCalendar
from bot.domain.members.sync import DAILY_JOB as MEMBERS_DAILY_JOB
from bot.domain.members.sync import LEFT_JOB as MEMBERS_LEFT_JOB
from bot.domain.members.sync import SYNC_JOB as MEMBERS_SYNC_JOB
from bot.domain.members.sync import MemberSync
from bot.domain.ports import Clock, Job, JobQueue
from bot.domain.privacy.service import PrivacyService
from bot.domain.recurring import plan_daily
from bot.domain.routing.delivery import ANSWERED_JOB
from bot.domain.routing.pauses import hand_on_while_paused
from bot.domain.routing.returns import look_for_returns
from bot.domain.routing.router_cache import RouterCache
from bot.domain.routing.service import ESCALATE_JOB, RETURN_JOB, RoutingService
from bot.jobs import JobRunner
from bot.onboarding_wiring import Onboarding, build_onboarding
from bot.privacy_wiring import build_privacy, privacy_module
from bot.rooms_wiring import Rooms, build_rooms
from bot.roulette_wiring import Roulette, build_roulette
from bot.settings import Settings
from bot.stammtisch_wiring import Stammtisch, build_stammtisch
from bot.status import StatusService
from bot.urgent_wiring import build_urgent
from cards.routing import RoutingCards
from dialogs.birthdays import BirthdayDialogServices
from dialogs.experts import ExpertDialogServices
from dialogs.privacy import PrivacyDialogServices
from dialogs.registry import BotDialogs, FeatureServices, build_dialogs
from dialogs.rooms import RoomDialogServices
from dialogs.stammtisch import StammtischDialogServices
from dialogs.urgent import UrgentDialogServices

PURGE_JOB = "maintenance.purge_ledger"


@dataclass
class Services:
    """The services of one bot process and the job runner that drives their scheduled work."""

    routing: RoutingService
    stammtisch: Stammtisch
    rooms: Rooms
    onboarding: Onboarding
    roulette: Roulette
    privacy: PrivacyService
    dialogs: BotDialogs
    jobs: JobRunner
    queue: JobQueue
    clock: Clock
    member_sync: MemberSync
    modules: tuple[FeatureModule, ...]

    async def schedule_maintenance(self) -> None:
        """Plan every feature's recurring work once (several replicas: dedup keys keep it
        single)."""
        for module in self.modules:
            await module.plan()


def business_calendar(settings: Settings) -> BusinessCalendar:
    """Working days and hours of the organisation (time zone, public holidays)."""
    return BusinessCalendar(
        settings.time_zone,
        settings.holiday_state,
        settings.routing_business_day_start,
        settings.routing_business_day_end,
    )


def build_services(platform: Platform, member_sync: MemberSync) -> Services:
    """Every feature over the real adapters, their job handlers in one runner, and the dialogs
    bound to their services; built in one pass, before the Teams endpoint that serves them."""
    settings, sessions, clock, queue = (
        platform.settings, platform.sessions, platform.clock, platform.queue
    )  # fmt: skip
    experts = SqlExpertRepository(sessions, clock)
    questions = SqlQuestionRepository(sessions)
    routing = RoutingService(
        experts=experts,
        questions=questions,
        notifier=platform.notifier,
        jobs=queue,
        directory=platform.directory,
        clock=clock,
        calendar=platform.calendar,
        views=RoutingCards(),
        escalation_delay=timedelta(hours=settings.routing_escalation_hours),
        clarify_delay=timedelta(hours=settings.routing_clarify_hours),
        ledger=SqlActivityLedger(sessions),
        routers=RouterCache(experts, questions, clock, decisions=SqlDecisionLog(sessions)),
        languages=platform.languages,
    )
    stammtisch = build_stammtisch(platform)
    rooms = build_rooms(platform)
    onboarding = build_onboarding(platform)
    birthdays = build_birthdays(platform)
    roulette = build_roulette(platform)
    privacy = build_privacy(platform)
    urgent = build_urgent(platform)
    modules = (
        maintenance_module(platform),
        routing_module(routing),
        stammtisch.module(),
        rooms.module(),
        onboarding.module(),
        birthdays.module(),
        roulette.module(),
        privacy_module(privacy),
        member_sync_module(
            member_sync, (onboarding.service.newcomer_left, roulette.service.member_left)
        ),
        urgent.module(),
    )
    features = FeatureServices(
        routing=routing,
        experts=ExpertDialogServices(
            experts, routing.routers, partial(hand_on_while_paused, routing)
        ),
        stammtisch=StammtischDialogServices(stammtisch.service, stammtisch.lifecycle),
        birthdays=BirthdayDialogServices(birthdays.service, birthdays.delivery),
        rooms=RoomDialogServices(rooms.broker, rooms.decisions),
        onboarding=onboarding.service,
        roulette=roulette.service,
        privacy=PrivacyDialogServices(privacy, rooms.decisions, urgent.decisions),
        urgent=UrgentDialogServices(urgent.service, urgent.decisions, urgent.cards),
        status=StatusService(
            sessions,
            platform.directory,
            clock,
            platform.calendar.zone,
            SqlMemberRepository(sessions),
        ),
    )
    return Services(
        routing=routing,
        stammtisch=stammtisch,
        rooms=rooms,
        onboarding=onboarding,
        roulette=roulette,
        privacy=privacy,
        dialogs=build_dialogs(settings, clock, features),
        jobs=JobRunner(queue, clock, job_handlers(modules), give_ups=give_up_handlers(modules)),
        queue=queue,
        clock=clock,
        member_sync=member_sync,
        modules=modules,
    )


def routing_module(routing: RoutingService) -> FeatureModule:
    """Escalation of questions nobody took in time; asking experts back from an absence."""

    async def escalate(job: Job) -> None:
        await routing.escalate(int(job.payload["question_id"]), int(job.payload["version"]))

    async def look(job: Job) -> None:
        await look_for_returns(routing, int(job.payload["question_id"]))

    async def tell_answered(job: Job) -> None:
        await routing.delivery.tell_answered_again(int(job.payload["question_id"]))

    handlers = {ESCALATE_JOB: escalate, RETURN_JOB: look, ANSWERED_JOB: tell_answered}
    return FeatureModule("routing", handlers)


def maintenance_module(platform: Platform) -> FeatureModule:
    """The daily purge of re-delivery ids from the activity ledger."""
    ledger = SqlActivityLedger(platform.sessions)
    window = timedelta(seconds=platform.settings.dedup_window_seconds)
    clock, queue = platform.clock, platform.queue

    async def purge(job: Job) -> None:
        # Re-delivery ids are only needed for a while; keeping them longer keeps personal
        # traces (conversation ids) longer than needed. Runs daily and plans the next run.
        now = clock.now()
        await ledger.purge_before(now - window)
        await plan_daily(queue, PURGE_JOB, now + timedelta(days=1))

    async def plan() -> None:
        await plan_daily(queue, PURGE_JOB, clock.now())

    return FeatureModule("maintenance", {PURGE_JOB: purge}, plan)


def member_sync_module(
    sync: MemberSync, on_left: Sequence[Callable[[str], Awaitable[object]]] = ()
) -> FeatureModule:
    """Roster reads (resumable, paged), the daily refresh of every installed team, and
    ``on_left``: what each feature ends when someone left every team with the bot (each
    checks that they did; a retried job calls them all again, so each must be idempotent)."""

    async def read_roster(job: Job) -> None:
        await sync.run_sync(str(job.payload["team_id"]))

    async def left(job: Job) -> None:
        for end in on_left:
            await end(str(job.payload["user_key"]))

    async def daily(_job: Job) -> None:
        await sync.run_daily()

    async def plan() -> None:
        await sync.plan_daily(first=True)

    return FeatureModule(
        "members",
        {MEMBERS_SYNC_JOB: read_roster, MEMBERS_DAILY_JOB: daily, MEMBERS_LEFT_JOB: left},
        plan,
    )
