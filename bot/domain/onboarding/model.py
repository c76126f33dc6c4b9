"""Records of buddy onboarding: one onboarding per newcomer, and the buddy volunteers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class OnboardingState(StrEnum):
    """Paired with a buddy, waiting for an admin to pick one, opted out, finished, or left."""

    PAIRED = "paired"
    UNPAIRED = "unpaired"  # nobody fits: the admins were asked to pick someone
    OPTED_OUT = "opted_out"
    DONE = "done"
    LEFT = "left"  # the newcomer left every team with the bot: no check-ins, the buddy is free


class OnboardingError(Exception):
    """A refused onboarding action; ``code`` selects the message (onboarding.error.*)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True, slots=True)
class Onboarding:
    """A newcomer's onboarding; ``version`` grows with every change."""

    id: int
    newcomer_key: str  # Entra object id; one onboarding per person
    newcomer_name: str
    tenant_id: str | None
    source: str  # "team" (added to a team with the bot) or "group" (Entra group)
    created_at: datetime
    state: OnboardingState = OnboardingState.UNPAIRED
    buddy_key: str | None = None
    buddy_name: str = ""
    reasons: tuple[str, ...] = ()  # why this buddy (matcher reasons, or "admin")
    paired_at: datetime | None = None
    welcomed_at: datetime | None = None
    introduced_at: datetime | None = None  # when the buddy's introduction went out
    left_at: datetime | None = None  # when it ended because the newcomer left (LEFT)
    # "<days>:<newcomer|buddy>" -> answer ("ja", "noch_nicht", "hilfe"); "<days>:missed" ->
    # "newcomer_left": that check-in found them gone (core.missed_check_in_key)
    check_ins: dict[str, str] = field(default_factory=dict)
    version: int = 1

    @property
    def paired_since(self) -> datetime:
        """When the buddy time began: the pairing, or the start while nobody is paired (the
        buddy period, the check-ins and a buddy's capacity count from here)."""
        return self.paired_at or self.created_at


@dataclass(frozen=True, slots=True)
class VolunteerProfile:
    """Someone who said "Ich werde gern Buddy"."""

    user_key: str
    name: str
    capacity: int = 1
    paused_until: datetime | None = None
    stopped: bool = False
    updated_at: datetime | None = None
