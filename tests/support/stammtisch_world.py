"""The Stammtisch services over fakes: memory repository and jobs, recording notifier,
a fixed roster, the fake Graph calendar and directory of the demo organisation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bot.adapters.clock import ManualClock
from bot.adapters.graph.invitations import GraphInvitations
from bot.domain.business_hours import BusinessCalendar
from bot.domain.stammtisch.lifecycle import PollLifecycle
from bot.domain.stammtisch.membership import RosterMembership
from bot.domain.stammtisch.model import Member, Rule
from bot.domain.stammtisch.service import StammtischPolicy, StammtischService
from bot.jobs import JobRunner
from bot.stammtisch_wiring import Stammtisch, build_handlers
from bot.teams.recipient_language import TeamsRecipientLanguages
from cards.stammtisch import StammtischCards
from devkit.demo.organisation import load_demo_organisation
from devkit.fakes.graph import FakeDirectory, FakeRoomCalendar
from devkit.fakes.memory import InMemoryConversationReferences
from devkit.fakes.memory_jobs import InMemoryJobQueue
from devkit.fakes.memory_members import InMemoryMemberRepository
from devkit.fakes.memory_stammtisch import InMemoryStammtischRepository
from tests.support.fake_notifier import RecordingNotifier

# Monday 2026-03-02, 09:00 in Berlin.
MONDAY_9 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
SABINE = "c009aadc-479f-503c-b41a-60b0bbea7223"
JANA = "3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85"
HENRIK = "6692252b-53d3-5751-a595-e233dfe3b4c9"
MELANIE = "2b86549a-01f9-5f68-8b62-6230b0f81209"
TEAM = "19:880d8d59ae03544a9df35ee7a975c124@thread.tacv2"
PLACE: dict[str, Any] = {
    "reference": {"conversation": {"id": TEAM, "conversationType": "channel"}}
}
NAMES = {SABINE: "Sabine Krüger", JANA: "Jana Becker", HENRIK: "Henrik Vogt",
         MELANIE: "Melanie Schäfer"}  # fmt: skip


@dataclass
class FixedRoster:
    """The team's members, as Teams would list them."""

    people: Sequence[str] = (SABINE, JANA, HENRIK, MELANIE)
    calls: list[dict[str, Any]] = field(default_factory=list)

    async def members(self, place: dict[str, Any]) -> Sequence[Member]:
        self.calls.append(place)
        return [Member(key, NAMES.get(key, key), f"29:{key}") for key in self.people]


@dataclass
class World:
    stammtisch: Stammtisch
    notifier: RecordingNotifier
    clock: ManualClock
    jobs: InMemoryJobQueue
    runner: JobRunner
    repo: InMemoryStammtischRepository
    calendar: FakeRoomCalendar
    roster: FixedRoster
    references: InMemoryConversationReferences  # where a member's Teams locale is kept

    @property
    def service(self) -> StammtischService:
        return self.stammtisch.service

    @property
    def lifecycle(self) -> PollLifecycle:
        return self.stammtisch.lifecycle

    async def run_due(self) -> None:
        """Run every due job, including jobs that due jobs schedule for now."""
        while await self.runner.run_once():
            pass


def rule(**changes: Any) -> Rule:
    """Sabine's rule for the demo team."""
    base = Rule(TEAM, PLACE, SABINE, "Sabine Krüger", "tenant", places=("Brauhaus", "Italiener"))
    return Rule(**{**{f: getattr(base, f) for f in base.__dataclass_fields__}, **changes})


def make_world(
    clock: ManualClock | None = None, organisers: frozenset[str] = frozenset()
) -> World:
    clock = clock or ManualClock(MONDAY_9)
    org = load_demo_organisation()
    calendar = FakeRoomCalendar(org, clock=clock)
    notifier, jobs, repo, roster = (
        RecordingNotifier(), InMemoryJobQueue(), InMemoryStammtischRepository(), FixedRoster()
    )  # fmt: skip
    business = BusinessCalendar("Europe/Berlin", "NW")
    references = InMemoryConversationReferences()
    service = StammtischService(
        repo=repo,
        roster=roster,
        notifier=notifier,
        invitations=GraphInvitations(calendar, FakeDirectory(org, clock=clock)),
        jobs=jobs,
        clock=clock,
        calendar=business,
        views=StammtischCards(business.zone),
        members=RosterMembership(InMemoryMemberRepository(), roster, clock),
        languages=TeamsRecipientLanguages(
            references, FakeDirectory(org, clock=clock), pinned=None
        ),
        policy=StammtischPolicy(organisers=organisers),
    )
    lifecycle = PollLifecycle(service)
    stammtisch = Stammtisch(service, lifecycle, build_handlers(service, lifecycle))
    runner = JobRunner(jobs, clock, stammtisch.handlers)
    return World(stammtisch, notifier, clock, jobs, runner, repo, calendar, roster, references)
