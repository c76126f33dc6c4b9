"""Ports of birthdays and jubilees: the opt-ins, the people to follow, the network channel."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from bot.domain.birthdays.model import BirthdayProfile, Follow
from bot.domain.ports import MessageHandle


class BirthdayRepository(Protocol):
    """Profiles (one per person) and follow relations."""

    async def get(self, user_key: str) -> BirthdayProfile | None:
        """One person's profile, or None."""
        ...

    async def save(self, profile: BirthdayProfile) -> None:
        """Insert or replace the profile; an empty one (nothing opted in) is deleted."""
        ...

    async def profiles(self) -> Sequence[BirthdayProfile]:
        """Every profile, by user key."""
        ...

    async def follow(self, follow: Follow) -> bool:
        """Store the relation; False when it existed already."""
        ...

    async def unfollow(self, follower_key: str, followed_key: str) -> bool:
        """Drop the relation; False when there was none."""
        ...

    async def following(self, follower_key: str) -> Sequence[Follow]:
        """Whom the person follows, by name."""
        ...

    async def followers(self, followed_key: str) -> Sequence[Follow]:
        """Who follows the person, by follower key."""
        ...

    async def forget(self, user_key: str) -> int:
        """Delete the profile and every relation in both directions; rows removed."""
        ...

    async def announced_through(self) -> date | None:
        """The last day the daily run planned reminders for, or None before its first run."""
        ...

    async def announced(self, day: date) -> None:
        """Record that reminders up to ``day`` are planned (never moves back)."""
        ...


@dataclass(frozen=True, slots=True)
class Colleague:
    """A person one can follow, as the roster of the teams with the app knows them."""

    key: str
    name: str


class Colleagues(Protocol):
    """The people of the network (members of the teams the app is in), found by name."""

    async def find(self, name: str) -> Sequence[Colleague]:
        """Everyone whose name contains every word of ``name`` (case-insensitive)."""
        ...

    async def get(self, key: str) -> Colleague | None:
        """One colleague by Entra id, or None when not in the network."""
        ...

    async def present(self, keys: Collection[str]) -> set[str]:
        """Those of ``keys`` who are in the network now: members of a team with the app (not
        who left every such team, nor who was never in one)."""
        ...


class NetworkChannel(Protocol):
    """Where greetings are posted: the network's channel."""

    async def place(self) -> MessageHandle | None:
        """A new post in the channel, or None when the app is in no team."""
        ...
