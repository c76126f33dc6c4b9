"""The Stammtisch's records: the organiser's rule, a poll, a member's stored vote."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

from bot.domain.stammtisch.poll import Answer, Ballot, merge_ballot


class PollState(StrEnum):
    """Open for votes, closed with a winner (or none), or called off by the organiser."""

    OPEN = "open"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class PollError(Exception):
    """A refused poll action; ``code`` selects the user-facing message (stammtisch.error.*)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True, slots=True)
class Rule:
    """When the bot posts the monthly poll by itself, and what the poll looks like.

    "Am 1. Montag im Monat um 9 Uhr eine Umfrage für den Folgemonat, Mittag 12:00–13:30,
    Abstimmung bis Freitag 16 Uhr": post_week=1, post_weekday=0, post_time=09:00, …
    """

    team_key: str  # the team (or chat) the poll belongs to; one rule per team
    place: dict[str, Any]  # where the poll card is posted (a stored conversation reference)
    organiser_key: str
    organiser_name: str
    tenant_id: str | None
    post_week: int = 1  # 1..4: n-th occurrence of the weekday in the month; 5: the last one
    post_weekday: int = 0  # Monday = 0
    post_time: time = time(9, 0)
    deadline_weekday: int = 4  # votes until the next such weekday after posting …
    deadline_time: time = time(16, 0)  # … at this local time
    lunch_start: time = time(12, 0)
    lunch_end: time = time(13, 30)
    candidate_weekdays: tuple[int, ...] = (1, 2, 3)
    candidate_count: int = 4
    places: tuple[str, ...] = ()
    language: str = "de"
    active: bool = True


@dataclass(frozen=True, slots=True)
class Poll:
    """One month's poll; ``version`` grows with every state change (close, extend, cancel)."""

    id: int
    key: str  # "<team_key>:<YYYY-MM>": one poll per team and month, whoever starts it
    team_key: str
    place: dict[str, Any]
    month: date
    dates: tuple[date, ...]
    places: tuple[str, ...]
    lunch_start: time
    lunch_end: time
    deadline: datetime
    organiser_key: str
    organiser_name: str
    tenant_id: str | None
    language: str
    created_at: datetime
    state: PollState = PollState.OPEN
    card: dict[str, Any] | None = None
    winner_day: date | None = None
    winner_place: str | None = None
    event_id: str | None = None
    closed_at: datetime | None = None
    version: int = 1

    @property
    def is_open(self) -> bool:
        """True while members can vote."""
        return self.state is PollState.OPEN


@dataclass(frozen=True, slots=True)
class Vote:
    """A member's stored vote; a new ballot is merged into it (see ``over``)."""

    poll_id: int
    member_key: str  # Entra object id
    member_name: str
    teams_id: str  # Teams user id ("29:…"), needed for the card's refresh list
    answers: dict[date, Answer]
    place: str | None
    updated_at: datetime

    def ballot(self) -> Ballot:
        """The vote as the tally rules see it."""
        return Ballot(self.member_key, self.answers, self.place)

    def over(self, previous: Vote | None) -> Vote:
        """This (possibly partial) ballot applied to the member's stored vote."""
        if previous is None:
            return self
        merged = merge_ballot(previous.ballot(), self.ballot())
        return replace(self, answers=dict(merged.answers), place=merged.place)


@dataclass(frozen=True, slots=True)
class Member:
    """A member of the team the poll was posted in."""

    key: str  # Entra object id
    name: str
    teams_id: str
