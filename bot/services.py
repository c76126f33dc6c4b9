"""Builds the application services (domain services over the real adapters) for one process."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.experts import SqlExpertRepository
from bot.adapters.db.jobs import SqlJobQueue
from bot.adapters.db.ledger import SqlActivityLedger
from bot.adapters.db.members import SqlMemberRepository
from bot.adapters.db.questions import SqlQuestionRepository
from bot.adapters.db.references import SqlConversationReferences
from bot.domain.business_hours import BusinessCalendar
from bot.domain.members.sync import DAILY_JOB as MEMBERS_DAILY_JOB
from bot.domain.members.sync import SYNC_JOB as MEMBERS_SYNC_JOB
from bot.domain.members.sync import MemberSync
from bot.domain.ports import Clock, Directory, Job, JobQueue, Notifier, RoomCalendar
from bot.domain.privacy.service import PrivacyService
from bot.domain.routing.router_cache import RouterCache
from bot.domain.routing.service import ESCALATE_JOB, RoutingService
from bot.domain.stammtisch.ports import TeamRoster
from bot.i18n import language_of
from bot.jobs import JobHandler, JobRunner
from bot.onboarding_wiring import Onboarding, build_onboarding
from bot.privacy_wiring import build_privacy
from bot.rooms_wiring import Rooms, build_rooms
from bot.settings import Settings
from bot.stammtisch_wiring import Stammtisch, build_stammtisch
from bot.status import StatusService
from bot.teams.recipient_language import TeamsRecipientLanguages
from cards.routing import RoutingCards
from dialogs.context import DialogContext

PURGE_JOB = "maintenance.purge_ledger"


@dataclass
class Services:
    """The services of one bot process and the job runner that drives their scheduled work."""

    routing: RoutingService
    stammtisch: Stammtisch
    rooms: Rooms
    onboarding: Onboarding
    privacy: PrivacyService
    context: DialogContext
    jobs: JobRunner
    queue: JobQueue
    clock: Clock
    member_sync: MemberSync

    async def schedule_maintenance(self) -> None:
        """Plan today's housekeeping once (several replicas: the dedup key keeps it single)."""
        now = self.clock.now()
        await self.queue.schedule(PURGE_JOB, {}, now, dedup_key=f"{PURGE_JOB}:{now.date()}")
        await self.stammtisch.plan_rules()
        await self.rooms.plan_refresh()
        await self.onboarding.plan_group_poll()
        await self.privacy.plan_retention()
        await self.member_sync.plan_daily(first=True)


def build_services(
    settings: Settings,
    sessions: async_sessionmaker[AsyncSession],
    clock: Clock,
    teams: tuple[Notifier, TeamRoster, MemberSync],
    directory: Directory,
    rooms: RoomCalendar,
) -> Services:
    """Wire repositories, calendar and notifier into the services and the job runner."""
    notifier, roster, member_sync = teams
    experts = SqlExpertRepository(sessions, clock)
    questions = SqlQuestionRepository(sessions)
    queue = SqlJobQueue(sessions)
    calendar = BusinessCalendar(
        settings.time_zone,
        settings.holiday_state,
        settings.routing_business_day_start,
        settings.routing_business_day_end,
    )
    routing = RoutingService(
        experts=experts,
        questions=questions,
        notifier=notifier,
        jobs=queue,
        directory=directory,
        clock=clock,
        calendar=calendar,
        views=RoutingCards(),
        escalation_delay=timedelta(hours=settings.routing_escalation_hours),
        routers=RouterCache(experts, questions, clock),
    )

    async def escalate(job: Job) -> None:
        await routing.escalate(int(job.payload["question_id"]), int(job.payload["version"]))

    ledger = SqlActivityLedger(sessions)
    window = timedelta(seconds=settings.dedup_window_seconds)

    async def purge(job: Job) -> None:
        # Re-delivery ids are only needed for a while; keeping them longer keeps personal
        # traces (conversation ids) longer than needed. Runs daily and plans the next run.
        now = clock.now()
        await ledger.purge_before(now - window)
        tomorrow = now + timedelta(days=1)
        await queue.schedule(PURGE_JOB, {}, tomorrow, dedup_key=f"{PURGE_JOB}:{tomorrow.date()}")

    stammtisch = build_stammtisch(
        settings, sessions, clock, (notifier, roster, directory, rooms), queue, calendar
    )
    languages = TeamsRecipientLanguages(
        SqlConversationReferences(sessions),
        directory,
        pinned=None if settings.bot_language == "auto" else settings.bot_language,
        default=language_of(settings.default_locale),
    )
    rooms_ = build_rooms(settings, sessions, clock, (notifier, directory, rooms, languages), queue)
    onboarding = build_onboarding(settings, sessions, clock, (notifier, directory), queue)
    privacy = build_privacy(settings, sessions, clock, queue)
    handlers = {
        ESCALATE_JOB: escalate,
        PURGE_JOB: purge,
        **stammtisch.handlers,
        **rooms_.handlers,
        **onboarding.handlers,
        **privacy.handlers(),
        **member_sync_handlers(member_sync),
    }
    runner = JobRunner(queue, clock, handlers)
    context = DialogContext(
        settings=settings,
        clock=clock,
        routing=routing,
        experts=experts,
        stammtisch=stammtisch.service,
        stammtisch_end=stammtisch.lifecycle,
        rooms=rooms_.broker,
        room_decisions=rooms_.decisions,
        onboarding=onboarding.service,
        status=StatusService(
            sessions, directory, clock, calendar.zone, SqlMemberRepository(sessions)
        ),
        privacy=privacy,
    )
    return Services(
        routing=routing,
        stammtisch=stammtisch,
        rooms=rooms_,
        onboarding=onboarding,
        privacy=privacy,
        context=context,
        jobs=runner,
        queue=queue,
        clock=clock,
        member_sync=member_sync,
    )


def member_sync_handlers(sync: MemberSync) -> dict[str, JobHandler]:
    """Roster reads (resumable, paged) and the daily refresh of every installed team."""

    async def read_roster(job: Job) -> None:
        await sync.run_sync(str(job.payload["team_id"]))

    async def daily(_job: Job) -> None:
        await sync.run_daily()

    return {MEMBERS_SYNC_JOB: read_roster, MEMBERS_DAILY_JOB: daily}
