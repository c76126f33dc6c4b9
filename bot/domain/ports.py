"""Ports: the Protocols through which the domain talks to the outside world."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from bot.domain.conversation_refs import StoredReference
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


class ActivityLedger(Protocol):
    """Remembers processed activity ids so that Teams re-deliveries are handled once."""

    async def claim(self, activity_key: str, now: datetime) -> bool:
        """Record the key; False when it was already claimed (a re-delivery)."""
        ...

    async def release(self, activity_key: str) -> None:
        """Forget a claim whose turn failed, so that a re-delivery is processed again."""
        ...

    async def purge_before(self, cutoff: datetime) -> int:
        """Drop claims older than ``cutoff``; returns how many were removed."""
        ...


class ConversationReferences(Protocol):
    """Stored conversation references, needed to message people and channels proactively."""

    async def save(self, reference: StoredReference) -> None:
        """Insert or update the reference for (conversation, user)."""
        ...

    async def for_conversation(self, conversation_id: str) -> StoredReference | None:
        """The newest reference of a conversation (any user)."""
        ...

    async def personal_for_user(self, user_aad_id: str) -> StoredReference | None:
        """The 1:1 conversation reference of a user, when the bot has one."""
        ...
