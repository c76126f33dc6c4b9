"""Builds the room broker over the real adapters and maps its job kinds to handlers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.adapters.db.rooms import SqlRoomCatalogue, SqlRoomRequestRepository
from bot.composition import FeatureModule, Platform
from bot.domain.graph_types import CalendarRefusedError
from bot.domain.ports import GiveUpHandler, Job, JobHandler
from bot.domain.recurring import plan_daily
from bot.domain.rooms import erasure, failure
from bot.domain.rooms import service as kinds
from bot.domain.rooms.confirmation import CONFIRM_JOB
from bot.domain.rooms.decisions import RoomDecisions
from bot.domain.rooms.model import RequestState
from bot.domain.rooms.search import BrokerPolicy
from bot.domain.rooms.service import RoomBroker
from bot.observability import count
from bot.settings import Settings
from cards.rooms import BrokerCards


@dataclass(frozen=True, slots=True)
class Rooms:
    """The broker, its decisions, and the handlers of its scheduled jobs."""

    broker: RoomBroker
    decisions: RoomDecisions
    handlers: dict[str, JobHandler]
    give_ups: dict[str, GiveUpHandler]

    async def plan_refresh(self) -> None:
        """Read the catalogue from Graph once a day (several replicas: once per day)."""
        await plan_daily(self.broker.jobs, kinds.REFRESH_JOB, self.broker.clock.now())

    def module(self) -> FeatureModule:
        """Its job handlers and give-ups; at start, today's catalogue refresh is planned."""
        return FeatureModule("rooms", self.handlers, self.plan_refresh, self.give_ups)


def build_rooms(platform: Platform) -> Rooms:
    """Wire catalogue, requests, Graph and cards into the room broker."""
    settings, sessions = platform.settings, platform.sessions
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
        admins=tuple(settings.admin_ids),
    )
    broker = RoomBroker(
        catalogue=SqlRoomCatalogue(sessions),
        requests=SqlRoomRequestRepository(sessions),
        calendar=platform.room_calendar,
        directory=platform.directory,
        notifier=platform.notifier,
        jobs=platform.queue,
        clock=platform.clock,
        views=BrokerCards(calendar_zone(settings), frozenset(policy.restricted)),
        policy=policy,
        languages=platform.languages,
        time_zone=settings.time_zone,
        holiday_state=settings.holiday_state,
    )
    decisions = RoomDecisions(broker)
    return Rooms(broker, decisions, build_handlers(broker, decisions), build_give_ups(decisions))


def build_give_ups(decisions: RoomDecisions) -> dict[str, GiveUpHandler]:
    """A booking job given up (Graph failed on every attempt) ends the request as failed,
    unless an attempt did book it, instead of "Buchung läuft" for good. A release of an
    erased person's booking given up is left to those who can cancel it in Outlook."""

    async def booking_given_up(job: Job) -> None:
        ended = await failure.given_up(decisions, int(job.payload["request_id"]))
        if ended.state is RequestState.BOOKED:
            count("rooms.booked")

    async def release_given_up(job: Job) -> None:
        request, skip, organiser, _event = _release_of(job)
        await erasure.release_given_up(decisions, request, skip, organiser)

    return {kinds.BOOK_JOB: booking_given_up, erasure.RELEASE_JOB: release_given_up}


def _release_of(job: Job) -> tuple[int, list[int], str, str]:
    # "organiser": only for a request that was being booked, "event": for a booked one (jobs
    # stored before: neither).
    skip = [int(i) for i in job.payload.get("skip", [])]
    organiser, event = (str(job.payload.get(k) or "") for k in ("organiser", "event"))
    return int(job.payload["request_id"]), skip, organiser, event


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

    async def tell_again(job: Job) -> None:
        await decisions.tell_again(request_id(job), str(job.payload["state"]))

    async def alternatives_again(job: Job) -> None:
        await decisions.alternatives_again(request_id(job))

    async def expire(job: Job) -> None:
        await decisions.expire(request_id(job))

    async def book(job: Job) -> None:
        # Raises while Graph fails: the job runner retries with backoff; the transaction id
        # of the booking keeps a retry from booking twice.
        # (Jobs queued before 2026-12 also carry the actor's "lang"; the subject now
        # follows the requester's own language, so it is ignored.)
        try:
            booked = await decisions.book(request_id(job), recheck=True)
        except CalendarRefusedError as error:  # for good: the request fails, no more retries
            booked = await failure.refused(decisions, request_id(job), error)
        if booked.state is RequestState.BOOKED:
            count("rooms.booked")

    async def withdraw_unseen(job: Job) -> None:
        await failure.withdraw_unseen(decisions, request_id(job))

    async def release(job: Job) -> None:
        # Raises while Graph fails for a while: the job runner retries with backoff.
        await erasure.release(decisions, *_release_of(job))

    async def left_in_outlook(job: Job) -> None:
        await erasure.tell_left_again(decisions, request_id(job), str(job.payload["to"]))

    async def confirm(job: Job) -> None:
        await decisions.confirm(request_id(job), int(job.payload["check"]))

    async def refresh(job: Job) -> None:
        await broker.refresh_catalogue()
        await plan_daily(broker.jobs, kinds.REFRESH_JOB, broker.clock.now() + timedelta(days=1))

    return {
        kinds.REMIND_JOB: remind,
        kinds.ASK_JOB: ask_again,
        kinds.TELL_JOB: tell_again,
        kinds.ALTERNATIVES_JOB: alternatives_again,
        kinds.EXPIRE_JOB: expire,
        kinds.BOOK_JOB: book,
        CONFIRM_JOB: confirm,
        failure.WITHDRAW_JOB: withdraw_unseen,
        erasure.RELEASE_JOB: release,
        erasure.LEFT_JOB: left_in_outlook,
        kinds.REFRESH_JOB: refresh,
    }
