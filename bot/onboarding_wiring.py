"""Builds buddy onboarding over the real adapters and maps its job kinds to handlers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.adapters.db.members import SqlMemberRepository
from bot.adapters.db.onboarding import SqlOnboardingRepository
from bot.composition import FeatureModule, Platform
from bot.domain.onboarding import service as kinds
from bot.domain.onboarding.matching import MatchPolicy
from bot.domain.onboarding.service import OnboardingPolicy, OnboardingService
from bot.domain.ports import Job, JobHandler
from cards.onboarding import OnboardingCards


@dataclass(frozen=True, slots=True)
class Onboarding:
    """The onboarding service, the group to poll, and the handlers of its jobs."""

    service: OnboardingService
    group_id: str
    poll_every: timedelta
    handlers: dict[str, JobHandler]

    async def plan_group_poll(self) -> None:
        """Poll the Entra group now and then every ``poll_every`` (once across replicas)."""
        if self.group_id:
            await schedule_poll(self.service, self.group_id, self.poll_every, first=True)

    def module(self) -> FeatureModule:
        """Its job handlers; at start, the group poll is planned (if a group is set)."""
        return FeatureModule("onboarding", self.handlers, self.plan_group_poll)


async def schedule_poll(
    service: OnboardingService, group_id: str, every: timedelta, *, first: bool = False
) -> None:
    """Plan the next group poll in its time slot (the dedup key is the slot)."""
    now = service.clock.now()
    width = every.total_seconds()
    slot = int(now.timestamp() // width) + (0 if first else 1)
    due = now if first else now + every
    await service.jobs.schedule(
        kinds.POLL_GROUP_JOB,
        {"group_id": group_id},
        due,
        dedup_key=f"{kinds.POLL_GROUP_JOB}:{group_id}:{slot}",
    )


def build_onboarding(platform: Platform) -> Onboarding:
    """Wire the repository, directory and notifier into the onboarding service."""
    settings = platform.settings
    service = OnboardingService(
        repo=SqlOnboardingRepository(platform.sessions),
        departures=SqlMemberRepository(platform.sessions),
        directory=platform.directory,
        notifier=platform.notifier,
        jobs=platform.queue,
        clock=platform.clock,
        views=OnboardingCards(),
        languages=platform.languages,
        policy=OnboardingPolicy(
            admins=frozenset(settings.admin_ids),
            check_in_days=tuple(settings.onboarding_check_in_days),
            match=MatchPolicy(
                repeat_window=timedelta(days=settings.onboarding_repeat_window_days),
                buddy_period=timedelta(days=max(settings.onboarding_check_in_days, default=28)),
            ),
        ),
    )
    every = timedelta(minutes=settings.onboarding_group_poll_minutes)
    return Onboarding(service, settings.onboarding_group_id, every, build_handlers(service, every))


def build_handlers(service: OnboardingService, every: timedelta) -> dict[str, JobHandler]:
    """The job kind -> handler map of onboarding (UndeliverableError → retried with backoff)."""

    def onboarding_id(job: Job) -> int:
        return int(job.payload["onboarding_id"])

    def version(job: Job) -> int | None:
        # Set on the jobs of an admin's pick, planned before the pick is saved.
        value = job.payload.get("version")
        return int(value) if value is not None else None

    async def pair(job: Job) -> None:
        resumed = job.payload.get("resumed")  # planned by a rejoin that resumed it
        await service.pair_and_welcome(
            onboarding_id(job), int(resumed) if resumed is not None else None
        )

    async def welcome(job: Job) -> None:
        buddy = job.payload.get("buddy")
        await service.welcome(
            onboarding_id(job), str(buddy) if buddy is not None else None, version(job)
        )

    async def intro(job: Job) -> None:
        await service.introduce_buddy(onboarding_id(job), str(job.payload["to"]), version(job))

    async def check_in(job: Job) -> None:
        payload = job.payload
        buddy = payload.get("buddy")
        await service.check_in(
            onboarding_id(job),
            int(payload["days"]),
            str(payload["side"]),
            str(buddy) if buddy is not None else None,
        )

    async def replaced(job: Job) -> None:
        await service.tell_replaced(onboarding_id(job), str(job.payload["to"]), version(job))

    async def opted_out(job: Job) -> None:
        await service.tell_opted_out(onboarding_id(job), str(job.payload["to"]))

    async def newcomer_left(job: Job) -> None:
        await service.tell_newcomer_left(onboarding_id(job), str(job.payload["to"]))

    async def pair_waiting(job: Job) -> None:
        after = int(job.payload.get("after", 0))  # a continuing run: after this onboarding
        await service.pair_waiting(datetime.fromisoformat(str(job.payload["since"])), after)

    async def ask_admins(job: Job) -> None:
        await service.ask_admins(onboarding_id(job))

    async def poll_group(job: Job) -> None:
        group_id = str(job.payload["group_id"])
        await service.poll_group(group_id)
        await schedule_poll(service, group_id, every)

    return {
        kinds.PAIR_JOB: pair,
        kinds.WELCOME_JOB: welcome,
        kinds.INTRO_JOB: intro,
        kinds.CHECK_IN_JOB: check_in,
        kinds.REPLACED_JOB: replaced,
        kinds.OPTED_OUT_JOB: opted_out,
        kinds.NEWCOMER_LEFT_JOB: newcomer_left,
        kinds.PAIR_WAITING_JOB: pair_waiting,
        kinds.ADMIN_JOB: ask_admins,
        kinds.POLL_GROUP_JOB: poll_group,
    }
