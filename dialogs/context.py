"""What a dialog handler may use besides the turn: settings and the application services."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.onboarding.service import OnboardingService
from bot.domain.ports import Clock
from bot.domain.privacy.service import PrivacyService
from bot.domain.rooms.decisions import RoomDecisions
from bot.domain.rooms.service import RoomBroker
from bot.domain.routing.ports import ExpertRepository
from bot.domain.routing.service import RoutingService
from bot.domain.stammtisch.lifecycle import PollLifecycle
from bot.domain.stammtisch.service import StammtischService
from bot.settings import Settings
from bot.status import StatusService


@dataclass(frozen=True, slots=True)
class DialogContext:
    """Per-turn access to configuration and services; handlers never see a DB session."""

    settings: Settings
    clock: Clock
    routing: RoutingService | None = None
    experts: ExpertRepository | None = None
    stammtisch: StammtischService | None = None
    stammtisch_end: PollLifecycle | None = None
    rooms: RoomBroker | None = None
    room_decisions: RoomDecisions | None = None
    privacy: PrivacyService | None = None
    onboarding: OnboardingService | None = None
    status: StatusService | None = None
