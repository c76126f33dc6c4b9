"""Buddy matching: pick one volunteer for a newcomer, purely and deterministically."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

ChoiceReason = Literal["same_site", "same_floor", "no_recent_pairing", "fewest_buddies"]
Exclusion = Literal[
    "self", "departed", "stopped", "paused", "at_capacity", "managers_assistant",
    "recently_paired",
]  # fmt: skip
NoBuddyReason = Literal["opted_out", "nobody_fits"]


@dataclass(frozen=True)
class Newcomer:
    """A new colleague waiting for a buddy."""

    id: str
    site: str | None = None
    floor: str | None = None
    manager_id: str | None = None
    opted_out: bool = False


@dataclass(frozen=True)
class Volunteer:
    """An opted-in colleague ("Ich werde gern Buddy") and their current load."""

    id: str
    site: str | None = None
    floor: str | None = None
    capacity: int = 1
    active_buddies: int = 0
    paused_until: datetime | None = None
    stopped: bool = False
    assistant_of: frozenset[str] = frozenset()
    # Left the team (or the organisation) since volunteering: their profile stays, but
    # nobody can meet them any more.
    departed: bool = False


@dataclass(frozen=True)
class Pairing:
    """A past or current buddy pairing."""

    buddy_id: str
    newcomer_id: str
    paired_at: datetime


@dataclass(frozen=True)
class MatchPolicy:
    """Tunable preferences of the matcher."""

    repeat_window: timedelta = timedelta(days=180)
    # A buddy looks after a newcomer this long after pairing (up to the last check-in); then
    # that pairing no longer counts against the volunteer's capacity.
    buddy_period: timedelta = timedelta(days=28)
    prefer_same_site: bool = True
    prefer_same_floor: bool = True


@dataclass(frozen=True)
class BuddyChoice:
    """The chosen buddy and machine-readable reasons the chat renders ("gleicher Standort")."""

    buddy_id: str
    reasons: tuple[ChoiceReason, ...]


@dataclass(frozen=True)
class NoBuddy:
    """No automatic pairing; on "nobody_fits" the admins pick someone manually."""

    reason: NoBuddyReason


def _recent(pairing: Pairing, now: datetime, policy: MatchPolicy) -> bool:
    """Whether a pairing lies inside the repeat window (future-dated ones count as recent)."""
    return now - pairing.paired_at < policy.repeat_window


def exclusion(
    newcomer: Newcomer,
    volunteer: Volunteer,
    history: Sequence[Pairing],
    now: datetime,
    policy: MatchPolicy,
) -> Exclusion | None:
    """The hard rule that rules this volunteer out, or None; also used to warn admin overrides."""
    if volunteer.id == newcomer.id:
        return "self"
    if volunteer.departed:
        return "departed"
    if volunteer.stopped:
        return "stopped"
    if volunteer.paused_until is not None and now < volunteer.paused_until:
        return "paused"
    if volunteer.active_buddies >= volunteer.capacity:
        return "at_capacity"
    # The manager's own assistant is a colleague already, not a neutral buddy.
    if newcomer.manager_id is not None and newcomer.manager_id in volunteer.assistant_of:
        return "managers_assistant"
    if any(
        p.buddy_id == volunteer.id and p.newcomer_id == newcomer.id and _recent(p, now, policy)
        for p in history
    ):
        return "recently_paired"
    return None


def choose_buddy(
    newcomer: Newcomer,
    volunteers: Sequence[Volunteer],
    history: Sequence[Pairing],
    now: datetime,
    policy: MatchPolicy,
) -> BuddyChoice | NoBuddy:
    """Pick the best eligible volunteer, or say why there is none."""
    if newcomer.opted_out:
        return NoBuddy("opted_out")
    eligible = [v for v in volunteers if exclusion(newcomer, v, history, now, policy) is None]
    if not eligible:
        return NoBuddy("nobody_fits")

    last_paired: dict[str, datetime] = {}
    busy_recently: set[str] = set()
    for p in history:
        if p.buddy_id not in last_paired or p.paired_at > last_paired[p.buddy_id]:
            last_paired[p.buddy_id] = p.paired_at
        if _recent(p, now, policy):
            busy_recently.add(p.buddy_id)

    def same_site(v: Volunteer) -> bool:
        return policy.prefer_same_site and v.site is not None and v.site == newcomer.site

    def same_floor(v: Volunteer) -> bool:
        # A floor number only means "near" inside the same site.
        return (
            policy.prefer_same_floor
            and same_site(v)
            and v.floor is not None
            and v.floor == newcomer.floor
        )

    def key(v: Volunteer) -> tuple[bool, bool, bool, int, bool, datetime | None, str]:
        last = last_paired.get(v.id)
        # Rotation comes first so newcomers meet different people; then proximity, then
        # load; never-paired volunteers sort before the oldest pairing; the id breaks ties.
        return (
            v.id in busy_recently,
            not same_site(v),
            not same_floor(v),
            v.active_buddies,
            last is not None,
            last,
            v.id,
        )

    best = min(eligible, key=key)
    reasons: list[ChoiceReason] = []
    if same_site(best):
        reasons.append("same_site")
    if same_floor(best):
        reasons.append("same_floor")
    if best.id not in busy_recently:
        reasons.append("no_recent_pairing")
    if best.active_buddies == min(v.active_buddies for v in eligible):
        reasons.append("fewest_buddies")
    return BuddyChoice(best.id, tuple(reasons))
