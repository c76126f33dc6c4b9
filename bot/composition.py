"""The two shapes every feature is wired with (see bot/services.py, the one place that does it):
``Platform``, what a feature is built from, and ``FeatureModule``, what it gives back."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.domain.business_hours import BusinessCalendar
from bot.domain.ports import (
    Clock,
    Directory,
    GiveUpHandler,
    JobHandler,
    JobQueue,
    Notifier,
    RecipientLanguages,
    RoomCalendar,
)
from bot.domain.stammtisch.ports import TeamRoster
from bot.settings import Settings


@dataclass(frozen=True, slots=True)
class Platform:
    """Settings, storage, time and the outbound ports (Teams, Graph) of one bot process; each
    feature takes what it needs by name."""

    settings: Settings
    sessions: async_sessionmaker[AsyncSession]
    clock: Clock
    queue: JobQueue
    calendar: BusinessCalendar
    notifier: Notifier
    roster: TeamRoster
    directory: Directory
    room_calendar: RoomCalendar
    languages: RecipientLanguages


async def _nothing_to_plan() -> None:
    return None


@dataclass(frozen=True, slots=True)
class FeatureModule:
    """A feature's scheduled work: the handler of each job kind it queues, ``plan``, run at
    every start, which plans its recurring jobs (idempotent across replicas), and ``give_ups``:
    for a job kind whose failure must not leave work half done, what ends it when the runner
    gives such a job up."""

    name: str
    handlers: Mapping[str, JobHandler]
    plan: Callable[[], Awaitable[None]] = _nothing_to_plan
    give_ups: Mapping[str, GiveUpHandler] = field(default_factory=dict)


def job_handlers(modules: Sequence[FeatureModule]) -> dict[str, JobHandler]:
    """Every module's handlers in one map; a job kind claimed twice is a wiring error, found
    when the app is built rather than when the job first runs."""
    return _by_kind(modules, lambda module: module.handlers)


def give_up_handlers(modules: Sequence[FeatureModule]) -> dict[str, GiveUpHandler]:
    """Every module's give-up handlers in one map (a kind claimed twice: a wiring error)."""
    return _by_kind(modules, lambda module: module.give_ups)


def _by_kind(
    modules: Sequence[FeatureModule],
    of: Callable[[FeatureModule], Mapping[str, JobHandler]],
) -> dict[str, JobHandler]:
    handlers: dict[str, JobHandler] = {}
    for module in modules:
        for kind, handler in of(module).items():
            if kind in handlers:
                raise ValueError(f"job kind {kind!r} of {module.name} is handled twice")
            handlers[kind] = handler
    return handlers
