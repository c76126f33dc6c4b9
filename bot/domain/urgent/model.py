"""The records of an urgent call: who, how long, until when, the offers and the assistants'
answers. ``version`` grows with every change (optimistic concurrency, as for room requests)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any


class CallState(StrEnum):
    """Where an urgent call stands.

    offered (common slots found) or asking (assistants of blocked people asked) → booking
    (the asker clicked "Einladen") → booked. Ends: cancelled (by the asker), expired (nothing
    booked in time). A booking that fails at Graph stays "booking" and a job retries it;
    when the job gives up or the slot begins first, the call is unconfirmed while jobs look
    for the meeting again a few minutes later (a timed-out attempt may still create it) or
    Graph could not be asked: a look that finds it books the call; the last planned look
    that finds nothing expires it with ``booked`` kept (the cards say that the booking
    failed), an earlier one leaves it unconfirmed. With no time left to look again, a call
    whose meeting Graph does not show expires at once. A booking Graph refuses for good
    (no permission on the organiser's mailbox, no such mailbox) fails at once: Graph created
    nothing, so nothing is retried or looked for (refused.py).
    """

    OFFERED = "offered"
    ASKING = "asking"
    BOOKING = "booking"
    BOOKED = "booked"
    CANCELLED = "cancelled"
    EXPIRED = "expired"  # nothing booked in time (with ``booked`` set: the booking failed)
    UNCONFIRMED = "unconfirmed"  # booking given up, and whether it created the meeting unknown
    FAILED = "failed"  # Graph refused the meeting for good: nothing was created


# Open: the asker's erasure cancels these in the database. Unconfirmed is open too: after
# the erasure the planned looks no longer know the organiser's mailbox (the asker's own), so
# they could neither book nor cancel it; the meeting an attempt may have created is looked
# for and cancelled in Graph by a job stored with the erasure (``erasure``), as for a
# call still booking. A booked call is not open: its meeting was confirmed to everyone.
OPEN_STATES = frozenset(
    {CallState.OFFERED, CallState.ASKING, CallState.BOOKING, CallState.UNCONFIRMED}
)


class UrgentError(Exception):
    """A refused action; ``code`` selects the message (urgent.error.*)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True, slots=True)
class Participant:
    """Someone who must be in the call (the executive first, then the named people)."""

    key: str  # Entra object id
    name: str
    mail: str
    # Busy in the asked span, so someone must free their time (with or without an assistant
    # to ask: a blocked person nobody can free keeps every proposal off).
    blocked: bool = False


@dataclass(frozen=True, slots=True)
class Slot:
    """A start and end time (aware UTC)."""

    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class Ask:
    """One assistant asked to free the time of one blocked person, and the answer."""

    assistant_key: str
    assistant_name: str
    for_key: str  # the blocked participant
    answer: str = ""  # "" (waiting) | "yes" | "no"
    free_from: datetime | None = None  # "Ja, ab …"
    answered_at: datetime | None = None

    @property
    def waiting(self) -> bool:
        """True while the assistant has not answered."""
        return not self.answer


@dataclass(frozen=True, slots=True)
class UrgentCall:
    """One urgent call request through its states."""

    id: int
    asker_key: str
    asker_name: str
    tenant_id: str | None
    organiser: str  # the mailbox that sends the invitation
    on_behalf_key: str  # the executive (or the asker, without one)
    on_behalf_name: str
    participants: tuple[Participant, ...]
    minutes: int
    window: Slot  # the asked-for span ("heute noch": now until the end of the working day)
    created_at: datetime
    state: CallState = CallState.OFFERED
    slots: tuple[Slot, ...] = ()  # common free slots offered
    asks: tuple[Ask, ...] = ()
    ask_window: Slot | None = None  # the span the assistants are asked to free time in
    booked: Slot | None = None
    event_id: str | None = None
    # Where the cards were posted: "asker" (the one progress card) and each assistant's id.
    cards: dict[str, Any] = field(default_factory=dict)
    version: int = 1

    @property
    def duration(self) -> timedelta:
        """How long the call is."""
        return timedelta(minutes=self.minutes)

    def participant(self, key: str) -> Participant | None:
        """A participant by key."""
        return next((p for p in self.participants if p.key == key), None)

    @property
    def blocked(self) -> tuple[str, ...]:
        """Keys of the participants whose time must be freed, in participant order (calls
        stored before the flag: those whose assistants were asked)."""
        asked = {ask.for_key for ask in self.asks}
        return tuple(p.key for p in self.participants if p.blocked or p.key in asked)

    @property
    def unassisted(self) -> tuple[str, ...]:
        """The blocked participants nobody was asked for (no assistant): only they themselves
        can free their time, so the asker has to contact them directly."""
        asked = {ask.for_key for ask in self.asks}
        return tuple(key for key in self.blocked if key not in asked)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One line of an urgent call's audit trail."""

    call_id: int
    at: datetime
    actor_key: str
    action: str
    detail: str = ""


def find_ask(call: UrgentCall, assistant: str, for_key: str) -> Ask | None:
    """The request to ``assistant`` for the blocked ``for_key``."""
    return next(
        (a for a in call.asks if a.assistant_key == assistant and a.for_key == for_key), None
    )


def replaced(call: UrgentCall, old: Ask, new: Ask) -> tuple[Ask, ...]:
    """The call's requests with ``old`` answered as ``new``."""
    return tuple(new if a is old else a for a in call.asks)
