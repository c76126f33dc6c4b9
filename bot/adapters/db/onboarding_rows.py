"""Conversions between buddy onboarding's records and their rows (tuples are JSON lists)."""

from __future__ import annotations

from typing import Any

from bot.adapters.db.models import BuddyVolunteerRow, OnboardingRow
from bot.domain.onboarding.model import Onboarding, OnboardingState, VolunteerProfile

_ONBOARDING_PLAIN = (
    "newcomer_key", "newcomer_name", "tenant_id", "source", "created_at", "buddy_key",
    "buddy_name", "paired_at", "welcomed_at", "introduced_at", "left_at",
)  # fmt: skip
_VOLUNTEER_PLAIN = ("user_key", "name", "capacity", "paused_until", "stopped", "updated_at")


def onboarding_values(onboarding: Onboarding) -> dict[str, Any]:
    """Every column but id and version."""
    values = {name: getattr(onboarding, name) for name in _ONBOARDING_PLAIN}
    values.update(
        state=onboarding.state.value,
        reasons=list(onboarding.reasons),
        check_ins=dict(onboarding.check_ins),
    )
    return values


def onboarding_of(row: OnboardingRow) -> Onboarding:
    """The onboarding of a row."""
    return Onboarding(
        id=row.id,
        state=OnboardingState(row.state),
        reasons=tuple(row.reasons),
        check_ins=dict(row.check_ins),
        version=row.version,
        **{name: getattr(row, name) for name in _ONBOARDING_PLAIN},
    )


def volunteer_values(volunteer: VolunteerProfile) -> dict[str, Any]:
    """The row of a volunteer's profile."""
    return {name: getattr(volunteer, name) for name in _VOLUNTEER_PLAIN}


def volunteer_of(row: BuddyVolunteerRow) -> VolunteerProfile:
    """The volunteer's profile of a row."""
    return VolunteerProfile(**{name: getattr(row, name) for name in _VOLUNTEER_PLAIN})
