"""Builds the Kaffee- und Mittags-Roulette over the real adapters and maps its job kinds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.adapters.db.members import SqlMemberRepository
from bot.adapters.db.roulette import SqlRouletteRepository
from bot.composition import FeatureModule, Platform
from bot.domain.ports import Job, JobHandler
from bot.domain.roulette import service as kinds
from bot.domain.roulette.rounds import RouletteRounds
from bot.domain.roulette.service import RoulettePolicy, RouletteService
from cards.roulette import RouletteCards


@dataclass(frozen=True, slots=True)
class Roulette:
    """The roulette's service (opt-in, answers), its rounds, and the handlers of its jobs."""

    service: RouletteService
    rounds: RouletteRounds

    def module(self) -> FeatureModule:
        """Its job handlers; at start, the next round is planned (once across replicas)."""
        return FeatureModule("roulette", build_handlers(self.rounds), self.rounds.plan_next)


def build_roulette(platform: Platform) -> Roulette:
    """Wire repository, directory, free/busy, languages and notifier into the roulette."""
    service = RouletteService(
        repo=SqlRouletteRepository(platform.sessions),
        directory=platform.directory,
        notifier=platform.notifier,
        jobs=platform.queue,
        clock=platform.clock,
        calendar=platform.calendar,
        free_busy=platform.room_calendar,
        languages=platform.languages,
        views=RouletteCards(platform.calendar.zone),
        departures=SqlMemberRepository(platform.sessions),
        policy=RoulettePolicy(interval_weeks=platform.settings.roulette_interval_weeks),
    )
    return Roulette(service, RouletteRounds(service))


def build_handlers(rounds: RouletteRounds) -> dict[str, JobHandler]:
    """The job kind -> handler map (an unreachable person raises: retried with backoff)."""

    def group_id(job: Job) -> int:
        return int(job.payload["group_id"])

    async def run_round(job: Job) -> None:
        # The start the round was planned for; jobs planned before it was stored carry none.
        at = job.payload.get("at")
        start = datetime.fromisoformat(str(at)) if at else None
        await rounds.run_round(int(job.payload["round_no"]), start)

    async def plan_group(job: Job) -> None:
        await rounds.plan_group(group_id(job), job.attempts)

    async def introduce(job: Job) -> None:
        await rounds.introduce(group_id(job), str(job.payload["to"]))

    async def suggest(job: Job) -> None:
        payload = job.payload
        await rounds.suggest(group_id(job), int(payload["index"]), str(payload["to"]))

    async def follow_up(job: Job) -> None:
        await rounds.follow_up(group_id(job), str(job.payload["to"]))

    async def tell_unmatched(job: Job) -> None:
        await rounds.tell_unmatched(str(job.payload["to"]))

    return {
        kinds.ROUND_JOB: run_round,
        kinds.PLAN_JOB: plan_group,
        kinds.INTRO_JOB: introduce,
        kinds.SUGGEST_JOB: suggest,
        kinds.FOLLOW_UP_JOB: follow_up,
        kinds.UNMATCHED_JOB: tell_unmatched,
    }
