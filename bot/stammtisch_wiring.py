"""Builds the Stammtisch services over the real adapters and maps its job kinds to handlers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.adapters.db.ledger import SqlActivityLedger
from bot.adapters.db.members import SqlMemberRepository
from bot.adapters.db.stammtisch import SqlStammtischRepository
from bot.adapters.graph.invitations import GraphInvitations
from bot.composition import FeatureModule, Platform
from bot.domain.ports import Job, JobHandler
from bot.domain.stammtisch import schedule
from bot.domain.stammtisch import service as jobs
from bot.domain.stammtisch.lifecycle import PollLifecycle
from bot.domain.stammtisch.membership import RosterMembership
from bot.domain.stammtisch.monthly import SKIPPED_JOB
from bot.domain.stammtisch.service import StammtischPolicy, StammtischService
from cards.stammtisch import StammtischCards


@dataclass(frozen=True, slots=True)
class Stammtisch:
    """The poll service, its lifecycle, and the handlers of its scheduled jobs."""

    service: StammtischService
    lifecycle: PollLifecycle
    handlers: dict[str, JobHandler]

    async def plan_rules(self) -> None:
        """Make sure every active rule has its next posting planned (idempotent)."""
        svc = self.service
        for rule in await svc.repo.list_rules():
            month, due = schedule.next_posting(rule, svc.clock.now(), svc.calendar)
            await svc.schedule_monthly(rule.team_key, month, due)

    def module(self) -> FeatureModule:
        """Its job handlers; at start, every active rule's next posting is planned."""
        return FeatureModule("stammtisch", self.handlers, self.plan_rules)


def build_stammtisch(platform: Platform) -> Stammtisch:
    """Wire repository, roster, Graph invitations and cards into the Stammtisch services."""
    settings, sessions, clock = platform.settings, platform.sessions, platform.clock
    roster, calendar = platform.roster, platform.calendar
    service = StammtischService(
        repo=SqlStammtischRepository(sessions),
        roster=roster,
        notifier=platform.notifier,
        invitations=GraphInvitations(
            platform.room_calendar, platform.directory, settings.stammtisch_mailbox
        ),
        jobs=platform.queue,
        clock=clock,
        calendar=calendar,
        views=StammtischCards(calendar.zone),
        members=RosterMembership(SqlMemberRepository(sessions), roster, clock),
        languages=platform.languages,
        policy=StammtischPolicy(
            organisers=frozenset(settings.stammtisch_organiser_ids) | set(settings.admin_ids),
            blackout=settings.stammtisch_blackout_days,
            reminder_lead=timedelta(hours=settings.stammtisch_reminder_hours),
            card_interval=timedelta(seconds=settings.stammtisch_card_update_seconds),
        ),
    )
    lifecycle = PollLifecycle(service, SqlActivityLedger(sessions))
    return Stammtisch(service, lifecycle, build_handlers(service, lifecycle))


def build_handlers(service: StammtischService, lifecycle: PollLifecycle) -> dict[str, JobHandler]:
    """The job kind -> handler map of the Stammtisch."""

    def poll_id(job: Job) -> int:
        return int(job.payload["poll_id"])

    async def monthly(job: Job) -> None:
        payload = job.payload
        # Jobs planned before postings carried their date have no "due".
        planned = datetime.fromisoformat(str(payload["due"])) if payload.get("due") else None
        await service.run_monthly(str(payload["team_key"]), str(payload["period"]), planned)

    async def skipped(job: Job) -> None:
        await service.announce_skipped(str(job.payload["team_key"]), str(job.payload["period"]))

    async def card(job: Job) -> None:
        await service.update_card(poll_id(job))

    async def close(job: Job) -> None:
        await lifecycle.close_due(poll_id(job), str(job.payload["deadline"]))

    async def remind(job: Job) -> None:
        await lifecycle.remind_non_voters(poll_id(job), str(job.payload["deadline"]))

    async def direct(job: Job) -> None:
        payload = job.payload
        await lifecycle.send_direct(
            poll_id(job),
            str(payload["member_key"]),
            str(payload["kind"]),
            str(payload.get("name") or ""),
        )

    async def invite(job: Job) -> None:
        await lifecycle.invite(poll_id(job))

    async def day_before(job: Job) -> None:
        await lifecycle.day_before(poll_id(job))

    async def uninvite(job: Job) -> None:
        # Jobs queued before "by" was carried tell the poll's organiser.
        await lifecycle.uninvite(poll_id(job), str(job.payload.get("by") or "") or None)

    return {
        jobs.MONTHLY_JOB: monthly,
        SKIPPED_JOB: skipped,
        jobs.CARD_JOB: card,
        jobs.CLOSE_JOB: close,
        jobs.REMIND_JOB: remind,
        jobs.DIRECT_JOB: direct,
        jobs.INVITE_JOB: invite,
        jobs.DAY_BEFORE_JOB: day_before,
        jobs.UNINVITE_JOB: uninvite,
    }
