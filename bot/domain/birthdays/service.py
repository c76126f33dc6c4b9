"""Application service of birthdays and jubilees: a person's own opt-ins, follows, and the
daily job that plans one durable job per reminder DM (exactly once across replicas)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.birthdays.dates import occurs_on, parse_day
from bot.domain.birthdays.model import (
    BirthdayError,
    BirthdayProfile,
    Follow,
    Visibility,
)
from bot.domain.birthdays.planning import Planned, catch_up, missed_days, plan_reminders
from bot.domain.birthdays.ports import BirthdayRepository, Colleague, Colleagues, NetworkChannel
from bot.domain.birthdays.views import BirthdayViews
from bot.domain.ports import Clock, Directory, JobQueue, Notifier, RecipientLanguages
from bot.domain.recurring import plan_daily

log = logging.getLogger(__name__)
DAILY_JOB = "birthdays.daily"
REMIND_JOB = "birthdays.remind"
GREET_JOB = "birthdays.greet"
# Reminders go out in the morning, local time, not at midnight.
SEND_AT = time(8, 0)


class UndeliverableError(Exception):
    """The recipient cannot be reached yet; the job runner retries with backoff."""


@dataclass(frozen=True, slots=True)
class BirthdayPolicy:
    """Deployment settings: the organisation's time zone, how many days ahead birthdays are
    reminded, and the language of posts in the shared channel."""

    zone: ZoneInfo
    days_before: int = 1
    channel_language: str = "de"


@dataclass
class BirthdayService:
    """Opt-ins of one person, follows, and the reminder planning."""

    repo: BirthdayRepository
    colleagues: Colleagues
    channel: NetworkChannel
    directory: Directory
    notifier: Notifier
    jobs: JobQueue
    clock: Clock
    languages: RecipientLanguages
    views: BirthdayViews
    policy: BirthdayPolicy

    def today(self) -> date:
        """Today in the organisation's time zone."""
        return self.clock.now().astimezone(self.policy.zone).date()

    async def profile(self, user_key: str, name: str, tenant: str | None) -> BirthdayProfile:
        """The person's profile, or a fresh one with nothing opted in."""
        stored = await self.repo.get(user_key)
        fresh = BirthdayProfile(user_key, name[:200], tenant)
        return replace(stored, name=name[:200] or stored.name) if stored else fresh

    async def _save(self, profile: BirthdayProfile) -> BirthdayProfile:
        saved = replace(profile, updated_at=self.clock.now())
        await self.repo.save(saved)
        return saved

    async def set_birthday(
        self, user_key: str, name: str, tenant: str | None, day: int, month: int
    ) -> BirthdayProfile:
        """Store day and month (never a year); an impossible date stores nothing."""
        birthday = parse_day(day, month)
        if birthday is None:
            raise BirthdayError("invalid_date")
        current = await self.profile(user_key, name, tenant)
        return await self._save(replace(current, birthday=birthday))

    async def save_form(
        self, who: tuple[str, str, str | None], day: int, month: int, choices: BirthdayProfile
    ) -> BirthdayProfile:
        """The form: birthday and every choice at once; an impossible date stores nothing."""
        birthday = parse_day(day, month)
        if birthday is None:
            raise BirthdayError("invalid_date")
        current = await self.profile(*who)
        return await self._save(
            replace(
                current,
                birthday=birthday,
                visibility=choices.visibility,
                jubilee=choices.jubilee,
                remind_network=choices.remind_network,
            )
        )

    async def set_visibility(
        self, user_key: str, name: str, tenant: str | None, visibility: Visibility
    ) -> BirthdayProfile:
        """Who may learn the birthday; refused while none is stored (an empty profile is not
        kept, so "now visible to the network" would be untrue and forgotten)."""
        current = await self.profile(user_key, name, tenant)
        if current.birthday is None:
            raise BirthdayError("no_birthday")
        return await self._save(replace(current, visibility=visibility))

    async def delete_birthday(self, user_key: str) -> bool:
        """Forget the birthday (other opt-ins stay); False when none was stored."""
        current = await self.repo.get(user_key)
        if current is None or current.birthday is None:
            return False
        await self._save(replace(current, birthday=None))
        return True

    async def set_jubilee(self, user_key: str, name: str, tenant: str | None, on: bool) -> None:
        """Opt in or out of service jubilees (read from the directory only when in)."""
        current = await self.profile(user_key, name, tenant)
        await self._save(replace(current, jubilee=on))

    async def hire_date_missing(self, user_key: str) -> bool:
        """True when the directory answers but knows no hire date (employeeHireDate in Entra
        ID) for the person: an opted-in jubilee cannot come true until it is entered there. A
        directory that cannot be asked now is no answer (the daily run reads it again)."""
        try:
            return await self._hire_date(user_key) is None
        except Exception:
            log.warning("hire date of %s unknown: directory not reachable", user_key)
            return False

    async def set_remind_network(
        self, user_key: str, name: str, tenant: str | None, on: bool
    ) -> None:
        """Reminders of every birthday shared with the network, on or off."""
        current = await self.profile(user_key, name, tenant)
        await self._save(replace(current, remind_network=on))

    async def in_network(self, user_key: str) -> bool:
        """True when the person is a member of a team with the app: only then are their
        birthday and jubilees told to anyone (reminders, greetings in the team's channel)."""
        return await self.colleagues.get(user_key) is not None

    async def find(self, name: str) -> list[Colleague]:
        """Colleagues whose name matches (a disambiguation lists several)."""
        return list(await self.colleagues.find(name))

    async def follow(self, user_key: str, tenant: str | None, person_key: str) -> Colleague:
        """Follow a colleague of the network (checked here, never trusted from a card)."""
        colleague = await self.colleagues.get(person_key)
        if colleague is None:
            raise BirthdayError("unknown_person")
        if colleague.key == user_key:
            raise BirthdayError("self")
        follow = Follow(user_key, colleague.key, colleague.name[:200], tenant, self.clock.now())
        await self.repo.follow(follow)
        return colleague

    async def unfollow(self, user_key: str, person_key: str) -> bool:
        """Stop following; False when the person was not followed."""
        return await self.repo.unfollow(user_key, person_key)

    async def following(self, user_key: str) -> list[Follow]:
        """Whom the person follows."""
        return list(await self.repo.following(user_key))

    def _run_at(self, day: date) -> datetime:
        return datetime.combine(day, SEND_AT, self.policy.zone).astimezone(self.clock.now().tzinfo)

    async def plan(self) -> None:
        """At start: today's run (now, if the morning has passed), once across replicas."""
        await plan_daily(self.jobs, DAILY_JOB, max(self.clock.now(), self._run_at(self.today())))

    async def run_daily(self) -> int:
        """Job: tomorrow's run, then one reminder job per recipient and occasion due today
        and on the days since the last run that were missed (at most ``CATCH_UP_DAYS``)."""
        today = self.today()
        # First: a day that fails for good (ten attempts) must not end the daily runs.
        await plan_daily(self.jobs, DAILY_JOB, self._run_at(today + timedelta(days=1)))
        profiles = await self.repo.profiles()
        followers = {p.user_key: await self.repo.followers(p.user_key) for p in profiles}
        # Who left every team with the app keeps their opt-ins and follows (until the members
        # retention), but is neither announced nor reminded while away; back in a team, they
        # count again. Followers count as much as the people followed.
        keys = {p.user_key for p in profiles}
        keys.update(f.follower_key for fans in followers.values() for f in fans)
        present = await self.colleagues.present(sorted(keys))
        hire_dates = {}
        for profile in profiles:
            if profile.jubilee and followers[profile.user_key] and profile.user_key in present:
                hired = await self._hire_date(profile.user_key)
                if hired is not None:
                    hire_dates[profile.user_key] = hired

        def due(day: date) -> list[Planned]:
            days_before = self.policy.days_before
            return plan_reminders(day, profiles, followers, hire_dates, days_before,
                                  in_network=present)  # fmt: skip

        planned = due(today)
        # Days no run announced (the bot was down that morning): caught up now, belatedly.
        # Read before and written after scheduling: a run that stops in between is caught up
        # again by the next one, and the dedup keys send nothing twice.
        for missed in missed_days(await self.repo.announced_through(), today):
            planned += catch_up(missed, today, due(missed))
        now = self.clock.now()
        for item in planned:
            payload = {
                "to": item.to, "tenant": item.tenant_id, "person": item.person,
                "occasion": str(item.occasion), "day": item.day.isoformat(),
                "ahead": item.ahead_now, "years": item.years,
            }  # fmt: skip
            await self.jobs.schedule(REMIND_JOB, payload, now, f"{REMIND_JOB}:{item.key}")
        await self.repo.announced(today)
        return len(planned)

    async def _hire_date(self, user_key: str) -> date | None:
        person = await self.directory.get_person(user_key)
        hired = person.employee_hire_date if person else None
        return hired.astimezone(self.policy.zone).date() if hired else None

    def celebrated(self, profile: BirthdayProfile | None, day: date) -> bool:
        """True when ``profile``'s stored birthday falls on ``day``."""
        birthday = profile.birthday if profile else None
        return birthday is not None and occurs_on(birthday, day.year) == day
