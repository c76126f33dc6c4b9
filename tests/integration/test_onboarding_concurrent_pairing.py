"""Two pairing jobs at once (two bot replicas on PostgreSQL, two jobs of one process on
SQLite) both find the same capacity-1 volunteer free: only one of them may pair with her."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.clock import ManualClock
from bot.adapters.db.engine import create_engine, create_session_factory, is_sqlite
from bot.adapters.db.members import SqlMemberRepository
from bot.adapters.db.onboarding import SqlOnboardingRepository
from bot.domain.onboarding.model import Onboarding, OnboardingState
from bot.domain.onboarding.service import OnboardingPolicy, OnboardingService
from bot.teams.recipient_language import TeamsRecipientLanguages
from cards.onboarding import OnboardingCards
from devkit.demo.organisation import load_demo_organisation
from devkit.fakes.graph import FakeDirectory
from devkit.fakes.memory import InMemoryConversationReferences
from devkit.fakes.memory_jobs import InMemoryJobQueue
from tests.support.fake_notifier import RecordingNotifier
from tests.unit.onboarding.test_onboarding_service import ADMIN, AYLIN, MELANIE, NOW, SABINE


class Rendezvous:
    """The first ``parties`` callers of ``meet`` wait for each other; later ones pass."""

    def __init__(self, parties: int) -> None:
        self._missing = parties
        self._everybody = asyncio.Event()

    async def meet(self) -> None:
        if self._missing > 0:
            self._missing -= 1
            if self._missing == 0:
                self._everybody.set()
            await asyncio.wait_for(self._everybody.wait(), timeout=10)


class ChoosingTogether(SqlOnboardingRepository):
    """The first two reads of the pairing history wait for each other, so both jobs choose
    before either saves (the race, made certain instead of left to the scheduler)."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], gate: Rendezvous) -> None:
        super().__init__(sessions)
        self._gate = gate

    async def with_buddy(self) -> Sequence[Onboarding]:
        history = await super().with_buddy()
        await self._gate.meet()
        return history


def service_on(
    sessions: async_sessionmaker[AsyncSession], gate: Rendezvous, jobs: InMemoryJobQueue
) -> OnboardingService:
    clock = ManualClock(NOW)
    directory = FakeDirectory(load_demo_organisation(), clock=clock)
    return OnboardingService(
        repo=ChoosingTogether(sessions, gate),
        departures=SqlMemberRepository(sessions),
        directory=directory,
        notifier=RecordingNotifier(),
        jobs=jobs,
        clock=clock,
        views=OnboardingCards(),
        languages=TeamsRecipientLanguages(
            InMemoryConversationReferences(), directory, pinned=None
        ),
        policy=OnboardingPolicy(admins=frozenset({ADMIN})),
    )


async def test_two_pairing_jobs_at_once_give_a_capacity_one_buddy_one_newcomer(
    database_url: str,
) -> None:
    # SQLite runs in one process (one engine); PostgreSQL serves replicas with their own.
    engines = [create_engine(database_url) for _ in range(1 if is_sqlite(database_url) else 2)]
    try:
        gate = Rendezvous(2)
        jobs = InMemoryJobQueue()
        services = [service_on(create_session_factory(e), gate, jobs) for e in engines]
        first, second = services[0], services[-1]
        await first.volunteer(SABINE, "Sabine Krüger")  # capacity 1, the only volunteer
        melanie = await first.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
        aylin = await second.member_joined(AYLIN, "Aylin Demir", "t", "team")
        assert melanie is not None and aylin is not None

        # Both jobs run to the end (gather waits for both) before anything is checked.
        await asyncio.gather(first.pair_and_welcome(melanie.id), second.pair_and_welcome(aylin.id))

        history = await first.repo.with_buddy()
        assert [o.buddy_key for o in history] == [SABINE]
        states = {o.newcomer_key: o.state for o in await first.repo.recent()}
        assert sorted(states.values()) == [OnboardingState.PAIRED, OnboardingState.UNPAIRED]
    finally:
        for engine in engines:
            await engine.dispose()
