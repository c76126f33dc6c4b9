"""The birthday service over fakes: in-memory store and queue, recording notifier, demo
directory, a fixed roster and a channel."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.adapters.clock import ManualClock
from bot.domain.birthdays.delivery import BirthdayDelivery
from bot.domain.birthdays.ports import Colleague
from bot.domain.birthdays.service import BirthdayPolicy, BirthdayService
from bot.domain.ports import MessageHandle
from cards.birthdays import BirthdayCards
from devkit.demo.organisation import load_demo_organisation
from devkit.fakes.graph import FakeDirectory
from devkit.fakes.memory_birthdays import InMemoryBirthdayRepository
from devkit.fakes.memory_jobs import InMemoryJobQueue
from tests.support.fake_notifier import RecordingNotifier

SABINE = ("c009aadc-479f-503c-b41a-60b0bbea7223", "Sabine Krüger")
JANA = ("3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85", "Jana Becker")
MELANIE = ("2b86549a-01f9-5f68-8b62-6230b0f81209", "Melanie Schäfer")
ZONE = ZoneInfo("Europe/Berlin")
CHANNEL: MessageHandle = {"reference": {"conversation": {"id": "19:general"}}}


@dataclass
class FixedColleagues:
    people: list[Colleague] = field(
        default_factory=lambda: [Colleague(k, n) for k, n in (SABINE, JANA, MELANIE)]
    )

    async def find(self, name: str) -> Sequence[Colleague]:
        words = name.casefold().split()
        return [p for p in self.people if all(w in p.name.casefold() for w in words)]

    async def get(self, key: str) -> Colleague | None:
        return next((p for p in self.people if p.key == key), None)

    async def present(self, keys: Collection[str]) -> set[str]:
        return {p.key for p in self.people} & set(keys)


@dataclass
class FixedChannel:
    handle: MessageHandle | None = field(default_factory=lambda: dict(CHANNEL))

    async def place(self) -> MessageHandle | None:
        return self.handle


class English:
    """Jana reads English, everyone else German."""

    async def language_of(self, user_key: str) -> str:
        return "en" if user_key == JANA[0] else "de"


def build(
    now: datetime = datetime(2027, 2, 26, 7, 0, tzinfo=UTC), days_before: int = 1
) -> tuple[BirthdayService, BirthdayDelivery, RecordingNotifier, InMemoryJobQueue, ManualClock]:
    clock = ManualClock(now)
    notifier, jobs = RecordingNotifier(), InMemoryJobQueue()
    service = BirthdayService(
        repo=InMemoryBirthdayRepository(),
        colleagues=FixedColleagues(),
        channel=FixedChannel(),
        directory=FakeDirectory(load_demo_organisation(), clock),
        notifier=notifier,
        jobs=jobs,
        clock=clock,
        languages=English(),
        views=BirthdayCards(),
        policy=BirthdayPolicy(ZONE, days_before),
    )
    return service, BirthdayDelivery(service), notifier, jobs, clock
