"""Ports: the Protocols through which the domain talks to the outside world."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from bot.domain.graph_types import (
    AutomaticReplies,
    CreatedEvent,
    NewEvent,
    Person,
    Room,
    Schedule,
)


class Clock(Protocol):
    """Source of the current time; tests control it."""

    def now(self) -> datetime:
        """Return the current time as an aware UTC datetime."""
        ...


class Directory(Protocol):
    """People and groups in the organisation (Graph users and groups)."""

    async def get_person(self, user_id_or_mail: str) -> Person | None:
        """Return one person by Entra object id or mail, or None when unknown."""
        ...

    async def list_group_members(self, group_id: str) -> Sequence[Person]:
        """Return the (transitive user) members of an Entra group."""
        ...

    async def get_automatic_replies(self, user_id_or_mail: str) -> AutomaticReplies:
        """Return the mailbox's out-of-office state."""
        ...


class RoomCalendar(Protocol):
    """Room catalogue, free/busy and bookings (Graph places and calendars)."""

    async def list_rooms(self) -> Sequence[Room]:
        """Return every room of the tenant."""
        ...

    async def get_schedules(
        self, mailboxes: Sequence[str], start: datetime, end: datetime, requester: str
    ) -> Sequence[Schedule]:
        """Return free/busy for up to 20 mailboxes in one call."""
        ...

    async def create_event(self, organizer: str, event: NewEvent) -> CreatedEvent:
        """Create an event in the organiser's calendar and return its id."""
        ...

    async def cancel_event(self, organizer: str, event_id: str, comment: str) -> None:
        """Cancel (organiser) an existing event; attendees are notified."""
        ...

    async def delete_event(self, organizer: str, event_id: str) -> None:
        """Delete an event from a calendar without notification."""
        ...
