"""In-memory BirthdayRepository with the same semantics as the SQL one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.domain.birthdays.model import BirthdayProfile, Follow


class InMemoryBirthdayRepository:
    """Dict-backed; no method awaits, so each one is atomic on the event loop like a txn."""

    def __init__(self) -> None:
        self._profiles: dict[str, BirthdayProfile] = {}
        self._follows: dict[tuple[str, str], Follow] = {}
        self._announced: date | None = None

    async def get(self, user_key: str) -> BirthdayProfile | None:
        """One person's profile, or None."""
        return self._profiles.get(user_key)

    async def save(self, profile: BirthdayProfile) -> None:
        """Insert or replace the profile; an empty one (nothing opted in) is deleted."""
        if profile.is_empty:
            self._profiles.pop(profile.user_key, None)
        else:
            self._profiles[profile.user_key] = profile

    async def profiles(self) -> Sequence[BirthdayProfile]:
        """Every profile, by user key."""
        return [self._profiles[key] for key in sorted(self._profiles)]

    async def follow(self, follow: Follow) -> bool:
        """Store the relation; False when it existed already."""
        key = (follow.follower_key, follow.followed_key)
        if key in self._follows:
            return False
        self._follows[key] = follow
        return True

    async def unfollow(self, follower_key: str, followed_key: str) -> bool:
        """Drop the relation; False when there was none."""
        return self._follows.pop((follower_key, followed_key), None) is not None

    async def following(self, follower_key: str) -> Sequence[Follow]:
        """Whom the person follows, by name."""
        found = [f for f in self._follows.values() if f.follower_key == follower_key]
        return sorted(found, key=lambda f: (f.followed_name, f.followed_key))

    async def followers(self, followed_key: str) -> Sequence[Follow]:
        """Who follows the person, by follower key."""
        found = [f for f in self._follows.values() if f.followed_key == followed_key]
        return sorted(found, key=lambda f: f.follower_key)

    async def forget(self, user_key: str) -> int:
        """Delete the profile and every relation in both directions; rows removed."""
        gone = [k for k in self._follows if user_key in k]
        for key in gone:
            del self._follows[key]
        return len(gone) + (self._profiles.pop(user_key, None) is not None)

    async def announced_through(self) -> date | None:
        """The last day the daily run planned reminders for, or None before its first run."""
        return self._announced

    async def announced(self, day: date) -> None:
        """Record that reminders up to ``day`` are planned (never moves back)."""
        if self._announced is None or day > self._announced:
            self._announced = day
