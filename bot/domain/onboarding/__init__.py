"""Welcome and buddy onboarding for new colleagues (pure domain code)."""

from bot.domain.onboarding.matching import (
    BuddyChoice,
    ChoiceReason,
    Exclusion,
    MatchPolicy,
    Newcomer,
    NoBuddy,
    NoBuddyReason,
    Pairing,
    Volunteer,
    choose_buddy,
    exclusion,
)

__all__ = [
    "BuddyChoice",
    "ChoiceReason",
    "Exclusion",
    "MatchPolicy",
    "Newcomer",
    "NoBuddy",
    "NoBuddyReason",
    "Pairing",
    "Volunteer",
    "choose_buddy",
    "exclusion",
]
