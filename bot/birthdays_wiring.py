"""Builds birthdays and jubilees over the real adapters and maps their job kinds to handlers."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.adapters.db.birthdays import SqlBirthdayRepository
from bot.adapters.db.members import SqlMemberRepository
from bot.composition import FeatureModule, Platform
from bot.domain.birthdays.delivery import BirthdayDelivery
from bot.domain.birthdays.ports import Colleague
from bot.domain.birthdays.service import (
    DAILY_JOB,
    GREET_JOB,
    REMIND_JOB,
    BirthdayPolicy,
    BirthdayService,
)
from bot.domain.members.ports import MemberRepository
from bot.domain.ports import Job, JobHandler
from bot.domain.spelling import fold
from bot.i18n import language_of
from bot.teams.network_channel import GeneralChannel
from cards.birthdays import BirthdayCards


class RosterColleagues:
    """The Colleagues port over the roster of the teams the app is in: everyone there can be
    followed, also people who never wrote to the bot."""

    def __init__(self, members: MemberRepository) -> None:
        self._members = members

    async def find(self, name: str) -> Sequence[Colleague]:
        """Active members whose name contains every word of ``name``, by name; umlauts,
        their digraphs and accents alike ("Schroeder" finds "Schröder")."""
        words = fold(name).split()
        found: dict[str, Colleague] = {}
        for team in await self._members.installed_teams():
            for member in await self._members.members_of(team.team_id):
                if words and all(word in fold(member.name) for word in words):
                    found.setdefault(member.user_key, Colleague(member.user_key, member.name))
        return sorted(found.values(), key=lambda c: (c.name.casefold(), c.key))

    async def get(self, key: str) -> Colleague | None:
        """One active member by Entra id."""
        member = await self._members.find(key)
        return Colleague(member.user_key, member.name) if member is not None else None

    async def present(self, keys: Collection[str]) -> set[str]:
        """Those of ``keys`` active in a team the app is still in (one read per team, like
        ``find``: once a day for the daily run, not once per person)."""
        wanted, found = set(keys), set[str]()
        if not wanted:
            return found
        for team in await self._members.installed_teams():
            found |= {m.user_key for m in await self._members.members_of(team.team_id)} & wanted
        return found


@dataclass(frozen=True, slots=True)
class Birthdays:
    """The service, the delivery and the handlers of their jobs."""

    service: BirthdayService
    delivery: BirthdayDelivery
    handlers: dict[str, JobHandler]

    def module(self) -> FeatureModule:
        """Its job handlers; at start, today's daily run is planned (once across replicas)."""
        return FeatureModule("birthdays", self.handlers, self.service.plan)


def build_birthdays(platform: Platform) -> Birthdays:
    """Wire the repository, the roster, the channel and the notifier into the service."""
    settings = platform.settings
    members = SqlMemberRepository(platform.sessions)
    service = BirthdayService(
        repo=SqlBirthdayRepository(platform.sessions),
        colleagues=RosterColleagues(members),
        channel=GeneralChannel(members),
        directory=platform.directory,
        notifier=platform.notifier,
        jobs=platform.queue,
        clock=platform.clock,
        languages=platform.languages,
        views=BirthdayCards(),
        policy=BirthdayPolicy(
            zone=ZoneInfo(settings.time_zone),
            days_before=settings.birthday_remind_days_before,
            channel_language=language_of(settings.default_locale),
        ),
    )
    delivery = BirthdayDelivery(service)

    async def daily(_job: Job) -> None:
        await service.run_daily()

    async def remind(job: Job) -> None:
        await delivery.remind(job.payload)

    async def greet(job: Job) -> None:
        await delivery.greet(job.payload)

    handlers: dict[str, JobHandler] = {DAILY_JOB: daily, REMIND_JOB: remind, GREET_JOB: greet}
    return Birthdays(service, delivery, handlers)
