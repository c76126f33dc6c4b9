"""Ports: the Protocols through which the domain talks to the outside world."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from bot.domain.conversation_refs import StoredReference
from bot.domain.graph_types import (
    AutomaticReplies,
    CalendarEvent,
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

    async def get_manager(self, user_id_or_mail: str) -> Person | None:
        """Return the person's manager in Entra ID, or None (no manager or unknown person)."""
        ...

    async def list_group_members(self, group_id: str) -> Sequence[Person]:
        """Return the (transitive user) members of an Entra group."""
        ...

    async def get_automatic_replies(self, user_id_or_mail: str) -> AutomaticReplies:
        """Return the mailbox's out-of-office state (status "unknown": no such mailbox)."""
        ...

    async def find_people(self, name: str) -> Sequence[Person]:
        """People whose surname, given name or display name starts with ``name`` (a few)."""
        ...

    async def direct_reports(self, user_id_or_mail: str) -> Sequence[Person]:
        """The people whose manager is this person (an executive's assistants among them)."""
        ...


class RecipientLanguages(Protocol):
    """The language ("de", "en") in which a person reads what the bot sends them: their own,
    not that of whoever caused the message (an approver's card is not in the requester's)."""

    async def language_of(self, user_key: str) -> str:
        """The person's language; the deployment's default when nothing is known."""
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

    async def list_events(
        self, mailbox: str, start: datetime, end: datetime
    ) -> Sequence[CalendarEvent]:
        """Events of a mailbox overlapping [start, end) (with their transaction ids)."""
        ...

    async def get_event(self, mailbox: str, event_id: str) -> CalendarEvent | None:
        """One event of a mailbox (to re-read the room's answer), None when it is gone."""
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

    async def any_for_user(self, user_aad_id: str) -> StoredReference | None:
        """The newest reference of any conversation in which the user wrote to the bot."""
        ...


@dataclass(frozen=True, slots=True)
class Job:
    """A claimed unit of scheduled work."""

    id: int
    kind: str
    payload: dict[str, Any]
    due_at: datetime
    attempts: int


@dataclass(frozen=True, slots=True)
class PlannedJob:
    """A job to store in the transaction of another change (due at once): the work that must
    follow it is never lost to a crash right after its commit, and never runs without it."""

    kind: str
    payload: dict[str, Any]
    dedup_key: str


class JobQueue(Protocol):
    """Durable scheduled jobs: each due job is handed to exactly one worker at a time."""

    async def schedule(
        self, kind: str, payload: dict[str, Any], due_at: datetime, dedup_key: str | None = None
    ) -> bool:
        """Add a job; False when a job with the same ``dedup_key`` exists already.

        Pending, done and failed jobs all hold their key, so a key that failed for good is
        not scheduled again (only ``cancel`` of a pending job frees a key).
        """
        ...

    async def claim_due(self, now: datetime, limit: int, lease: timedelta) -> Sequence[Job]:
        """Lease up to ``limit`` due jobs that nobody holds; others will not get them."""
        ...

    async def complete(self, job_id: int, now: datetime) -> None:
        """Mark a claimed job done."""
        ...

    async def retry(self, job_id: int, due_at: datetime, error: str) -> None:
        """Release a failed job for another attempt at ``due_at``."""
        ...

    async def give_up(self, job_id: int, now: datetime, error: str) -> None:
        """Mark a claimed job failed for good at ``now``, in one step.

        It never runs again and counts as done (``cancel`` leaves it), keeps ``error`` as its
        last error and counts as failed in the status; its dedup key stays taken.
        """
        ...

    async def cancel(self, dedup_key: str) -> None:
        """Drop a pending job by its dedup key (no-op when absent or done)."""
        ...


JobHandler = Callable[[Job], Awaitable[None]]
"""Does the work of one claimed job; raising hands it back to the runner for a retry."""

GiveUpHandler = Callable[[Job], Awaitable[None]]
"""Ends what a job leaves half done when the runner gives it up for good (its last attempt
raised or timed out). Called before the give-up is stored, so after a crash in between the job
runs once more and this again: it must be idempotent. Raising only gets logged."""


MessageHandle = dict[str, Any]
"""Where a card was posted: JSON-able (stored with the question) and opaque to the domain."""


class Notifier(Protocol):
    """Proactive messages: post and update cards in threads and personal chats."""

    async def post_card(self, place: MessageHandle, card: dict[str, Any]) -> MessageHandle:
        """Post a card into the conversation (or thread) of ``place``; returns its handle."""
        ...

    async def update_card(self, handle: MessageHandle, card: dict[str, Any]) -> None:
        """Replace a posted card in place (for everyone who sees it)."""
        ...

    def thread_of(self, card: MessageHandle, place: MessageHandle) -> MessageHandle:
        """Where replies to ``card`` (posted into ``place``) go: the card's thread in a
        channel, else the conversation. Only the channel knows how a thread is addressed."""
        ...

    def is_posted(self, handle: MessageHandle) -> bool:
        """True when ``handle`` names a message that was posted, so ``update_card`` can replace
        it; False for an empty handle (nothing posted yet) or a send the channel gave no id."""
        ...

    def conversation_of(self, handle: MessageHandle) -> str | None:
        """The id of the conversation ``handle``'s message went to, as a turn there names it
        (``Turn.conversation_id``); None when the handle names no conversation."""
        ...

    def place_of(self, handle: MessageHandle) -> str | None:
        """The conversation ``handle``'s message went to without its thread: in a channel the
        channel (``Turn.channel_conversation_id``), else as ``conversation_of``."""
        ...

    def message_id_of(self, handle: MessageHandle) -> str | None:
        """The id of ``handle``'s message, as a quote of it names it (``Turn.quoted_message_id``);
        None when nothing was posted."""
        ...

    async def send_direct(
        self, user_key: str, card: dict[str, Any], tenant_id: str | None
    ) -> MessageHandle | None:
        """Send a card to a person's 1:1 chat; None when the bot cannot reach them (yet)."""
        ...

    async def mention_in_thread(
        self, place: MessageHandle, user_key: str, name: str, text: str
    ) -> bool:
        """Post ``text`` into a channel thread with the person @mentioned at ``{person}``.

        For people the bot cannot message directly; False when ``place`` is no channel or
        group chat (a mention in someone else's 1:1 chat would reach nobody).
        """
        ...
