"""Builds the room broker over the real adapters and maps its job kinds to handlers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.rooms import SqlRoomCatalogue, SqlRoomRequestRepository
from bot.domain.ports import (
    Clock,
    Directory,
    Job,
    JobQueue,
    Notifier,
    RecipientLanguages,
    RoomCalendar,
)
from bot.domain.rooms import service as kinds
from bot.domain.rooms.decisions import RoomDecisions
from bot.domain.rooms.model import RequestState
from bot.domain.rooms.search import BrokerPolicy
from bot.domain.rooms.service import RoomBroker
from bot.jobs import JobHandler
from bot.observability import count
from bot.settings import Settings
from cards.rooms import BrokerCards


@dataclass(frozen=True, slots=True)
class Rooms:
    """The broker, its decisions, and the handlers of its scheduled jobs."""

    broker: RoomBroker
    decisions: RoomDecisions
    handlers: dict[str, JobHandler]

    async def plan_refresh(self) -> None:
        """Read the catalogue from Graph once a day (several replicas: once per day)."""
        now = self.broker.clock.now()
        key = f"{kinds.REFRESH_JOB}:{now.date()}"
        await self.broker.jobs.schedule(kinds.REFRESH_JOB, {}, now, dedup_key=key)


def build_rooms(
    settings: Settings,
    sessions: async_sessionmaker[AsyncSession],
    clock: Clock,
    ports: tuple[Notifier, Directory, RoomCalendar, RecipientLanguages],
    queue: JobQueue,
) -> Rooms:
    """Wire catalogue, requests, Graph and cards into the room broker."""
    notifier, directory, calendar, languages = ports
    policy = BrokerPolicy(
        restricted={
            mailbox.lower(): tuple(approvers)
            for mailbox, approvers in settings.rooms_restricted.items()
        },
        requester_group=settings.rooms_requester_group,
        max_duration=timedelta(hours=settings.rooms_max_hours),
        max_ahead=timedelta(days=settings.rooms_max_days_ahead),
        booking_mailbox=settings.rooms_booking_mailbox,
        reminder_after=timedelta(hours=settings.rooms_approval_reminder_hours),
    )
    broker = RoomBroker(
        catalogue=SqlRoomCatalogue(sessions),
        requests=SqlRoomRequestRepository(sessions),
        calendar=calendar,
        directory=directory,
        notifier=notifier,
        jobs=queue,
        clock=clock,
        views=BrokerCards(calendar_zone(settings), frozenset(policy.restricted)),
        policy=policy,
        languages=languages,
        time_zone=settings.time_zone,
        holiday_state=settings.holiday_state,
    )
    decisions = RoomDecisions(broker)
    return Rooms(broker, decisions, build_handlers(broker, decisions))


def calendar_zone(settings: Settings) -> ZoneInfo:
    """The configured time zone."""
    return ZoneInfo(settings.time_zone)


def build_handlers(broker: RoomBroker, decisions: RoomDecisions) -> dict[str, JobHandler]:
    """The job kind -> handler map of the room broker."""

    def request_id(job: Job) -> int:
        return int(job.payload["request_id"])

    async def remind(job: Job) -> None:
        await decisions.approvers.remind(request_id(job), int(job.payload["version"]))

    async def ask_again(job: Job) -> None:
        await decisions.approvers.send_again(
            request_id(job),
            int(job.payload["version"]),
            str(job.payload["approver"]),
            reminder=bool(job.payload["reminder"]),
        )

    async def expire(job: Job) -> None:
        await decisions.expire(request_id(job))

    async def book(job: Job) -> None:
        # Raises while Graph fails: the job runner retries with backoff; the transaction id
        # of the booking keeps a retry from booking twice.
        booked = await decisions.book(
            request_id(job), str(job.payload.get("lang", "de")), recheck=True
        )
        if booked.state is RequestState.BOOKED:
            count("rooms.booked")

    async def refresh(job: Job) -> None:
        await broker.refresh_catalogue()
        tomorrow = broker.clock.now() + timedelta(days=1)
        key = f"{kinds.REFRESH_JOB}:{tomorrow.date()}"
        await broker.jobs.schedule(kinds.REFRESH_JOB, {}, tomorrow, dedup_key=key)

    return {
        kinds.REMIND_JOB: remind,
        kinds.ASK_JOB: ask_again,
        kinds.EXPIRE_JOB: expire,
        kinds.BOOK_JOB: book,
        kinds.REFRESH_JOB: refresh,
    }
