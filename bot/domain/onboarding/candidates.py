"""Who could be a newcomer's buddy: the inputs of :func:`choose_buddy`, read from the
directory (sites, floors, managers) and from the pairing history.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from bot.domain.graph_types import Person
from bot.domain.members.ports import Departures
from bot.domain.onboarding.matching import (
    BuddyChoice,
    MatchPolicy,
    Newcomer,
    NoBuddy,
    Pairing,
    Volunteer,
    choose_buddy,
)
from bot.domain.onboarding.model import Onboarding, OnboardingState
from bot.domain.onboarding.ports import OnboardingRepository
from bot.domain.ports import Directory


def site_and_floor(person: Person | None) -> tuple[str | None, str | None]:
    """ "Hamburg, Haus Alster, 6. OG" → ("Hamburg, Haus Alster", "6. OG")."""
    if person is None or not person.office_location:
        return None, None
    site, _, floor = person.office_location.rpartition(",")
    if not site:
        return person.office_location.strip(), None
    return site.strip(), floor.strip() or None


def has_left(user_key: str, person: Person | None, departed: Collection[str]) -> bool:
    """Whether a (former) buddy left: removed from every team with the bot (``departed``, the
    member store's answer), or unknown to the directory (``person`` None; a lookup that fails
    raises): the account is gone, the person left the organisation."""
    return user_key in departed or person is None


async def left(user_key: str, departures: Departures, directory: Directory) -> bool:
    """:func:`has_left` for one person, read from the member store and the directory."""
    person = await directory.get_person(user_key)
    return has_left(user_key, person, await departures.departed([user_key]))


def active_buddies(history: Sequence[Onboarding], busy_since: datetime) -> dict[str, int]:
    """How many newcomers each buddy looks after now: their PAIRED onboardings paired after
    ``busy_since`` (the capacity the matcher, the admins' pick and the save all count)."""
    # Pairings stay PAIRED for good (nothing ends them); only those still in their buddy
    # period use up capacity, or each volunteer would look after one newcomer a year.
    active: dict[str, int] = {}
    for o in history:
        if o.buddy_key and o.state is OnboardingState.PAIRED and o.paired_since > busy_since:
            active[o.buddy_key] = active.get(o.buddy_key, 0) + 1
    return active


async def _volunteers(
    repo: OnboardingRepository,
    departures: Departures,
    directory: Directory,
    history: Sequence[Onboarding],
    busy_since: datetime,
) -> list[Volunteer]:
    active = active_buddies(history, busy_since)
    profiles = await repo.volunteers()
    departed = await departures.departed([profile.user_key for profile in profiles])
    result = []
    for profile in profiles:
        person = await directory.get_person(profile.user_key)
        site, floor = site_and_floor(person)
        # In Entra ID an assistant's manager is usually the executive they assist.
        manager = await directory.get_manager(profile.user_key)
        result.append(
            Volunteer(
                id=profile.user_key,
                site=site,
                floor=floor,
                capacity=profile.capacity,
                active_buddies=active.get(profile.user_key, 0),
                paused_until=profile.paused_until,
                stopped=profile.stopped,
                assistant_of=frozenset({manager.id}) if manager else frozenset(),
                departed=has_left(profile.user_key, person, departed),
            )
        )
    return result


def _pairings(history: Sequence[Onboarding]) -> list[Pairing]:
    return [Pairing(o.buddy_key, o.newcomer_key, o.paired_since) for o in history if o.buddy_key]


async def find_buddy(
    onboarding: Onboarding,
    person: Person | None,
    *,
    repo: OnboardingRepository,
    departures: Departures,
    directory: Directory,
    now: datetime,
    policy: MatchPolicy,
) -> BuddyChoice | NoBuddy:
    """The best volunteer for the newcomer (``person`` from the directory), or why none fits."""
    site, floor = site_and_floor(person)
    manager = await directory.get_manager(onboarding.newcomer_key)
    newcomer = Newcomer(onboarding.newcomer_key, site, floor, manager.id if manager else None)
    history = await repo.with_buddy()  # pairing history: load and count from once
    return choose_buddy(
        newcomer,
        await _volunteers(repo, departures, directory, history, now - policy.buddy_period),
        _pairings(history),
        now,
        policy,
    )
