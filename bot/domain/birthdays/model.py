"""Records of birthdays and jubilees: a person's own opt-ins, and who follows whom."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Visibility(StrEnum):
    """Who may learn a stored birthday: the whole network (and its channel), or only the
    colleagues who follow the person."""

    NETWORK = "network"
    FOLLOWERS = "followers"


class Occasion(StrEnum):
    """What a reminder is about."""

    BIRTHDAY = "birthday"
    JUBILEE = "jubilee"


class BirthdayError(Exception):
    """A refused action; ``code`` selects the message (birthdays.error.*)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True, slots=True)
class DayOfYear:
    """A birthday without its year (the bot never stores the year)."""

    day: int
    month: int


@dataclass(frozen=True, slots=True)
class BirthdayProfile:
    """What one person chose: their birthday (or none), who may learn it, whether their
    service jubilees count, and whether they want reminders of the network's birthdays."""

    user_key: str  # Entra object id
    name: str
    tenant_id: str | None = None
    birthday: DayOfYear | None = None
    visibility: Visibility = Visibility.FOLLOWERS
    jubilee: bool = False
    remind_network: bool = False
    updated_at: datetime | None = None

    @property
    def is_empty(self) -> bool:
        """True when nothing is opted in any more (the record can go)."""
        return self.birthday is None and not self.jubilee and not self.remind_network


@dataclass(frozen=True, slots=True)
class Follow:
    """``follower_key`` wants reminders about ``followed_key``."""

    follower_key: str
    followed_key: str
    followed_name: str
    follower_tenant: str | None = None
    created_at: datetime | None = None
