"""Framework-free value types for what the bot reads from and writes to Microsoft Graph."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Person:
    """A member of the organisation as Graph knows them."""

    id: str
    display_name: str
    mail: str
    department: str | None = None
    job_title: str | None = None
    office_location: str | None = None
    preferred_language: str | None = None
    # Graph's employeeHireDate (returned only on $select); read for service jubilees.
    employee_hire_date: datetime | None = None


@dataclass(frozen=True, slots=True)
class Room:
    """A bookable room from Graph places."""

    id: str
    email: str
    display_name: str
    capacity: int | None = None
    building: str | None = None
    floor_number: int | None = None
    city: str | None = None  # from the place's postal address
    floor_label: str | None = None
    tags: tuple[str, ...] = ()
    is_wheelchair_accessible: bool = False
    video_device_name: str | None = None
    audio_device_name: str | None = None
    display_device_name: str | None = None
    booking_type: str = "standard"


@dataclass(frozen=True, slots=True)
class BusySlot:
    """One busy interval in a schedule (UTC, aware datetimes)."""

    start: datetime
    end: datetime
    status: str = "busy"


@dataclass(frozen=True, slots=True)
class Schedule:
    """Free/busy of one mailbox over the requested window."""

    mailbox: str
    busy: tuple[BusySlot, ...] = ()
    error: str | None = None


@dataclass(frozen=True, slots=True)
class AutomaticReplies:
    """Out-of-office state from a mailbox's settings."""

    # "disabled" | "alwaysEnabled" | "scheduled"; "unknown": no such mailbox (no mailbox, or
    # the account is gone: the directory tells which).
    status: str
    scheduled_start: datetime | None = None
    scheduled_end: datetime | None = None
    # The note colleagues inside the company get; it often names who stands in.
    internal_message: str = ""

    def active_at(self, when: datetime) -> bool:
        """True when the out-of-office reply is in effect at ``when``."""
        if self.status == "alwaysEnabled":
            return True
        if self.status == "scheduled" and self.scheduled_start and self.scheduled_end:
            return self.scheduled_start <= when < self.scheduled_end
        return False


@dataclass(frozen=True, slots=True)
class NewEvent:
    """A calendar event the bot wants to create in an organiser's mailbox."""

    subject: str
    start: datetime
    end: datetime
    attendees: tuple[str, ...] = ()
    room_email: str | None = None
    location: str | None = None
    body_html: str = ""
    time_zone: str = "Europe/Berlin"
    transaction_id: str | None = None
    resource_attendees: tuple[str, ...] = field(default=())
    # A Teams meeting (isOnlineMeeting, onlineMeetingProvider teamsForBusiness).
    online_meeting: bool = False


@dataclass(frozen=True, slots=True)
class CreatedEvent:
    """What Graph returned for a created event.

    ``room_response`` is the room attendee's Graph response ("none", "accepted", "declined",
    "tentativelyAccepted", "notResponded"); a busy or reserved room mailbox declines. Real
    Exchange processes the room asynchronously ("none" first, re-read with ``get_event``);
    the simulator and the fake answer at once unless a test defers the room.
    """

    id: str
    organizer: str
    web_link: str | None = None
    room_response: str = "none"

    @property
    def room_declined(self) -> bool:
        """True when the room mailbox declined the booking."""
        return self.room_response == "declined"


class CalendarRefusedError(Exception):
    """Graph refused an event for good (400, 403 no permission, 404 no such mailbox), or its
    cancellation (400 not the organiser, 403 no permission; a 404 there means already gone):
    trying again changes nothing, unlike throttling or an outage."""

    def __init__(self, status: int, code: str = "") -> None:
        super().__init__(f"Graph refused the event: {status} {code}".strip())
        self.status = status
        self.code = code

    @property
    def detail(self) -> str:
        """What the audit trails record: "refused 403 ErrorAccessDenied"."""
        return f"refused {self.status} {self.code}".strip()


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """An event as seen in one mailbox's calendar (aware UTC datetimes)."""

    id: str
    subject: str
    start: datetime
    end: datetime
    organizer: str
    show_as: str = "busy"
    is_cancelled: bool = False
    room_response: str = "none"
    transaction_id: str | None = None
    online_meeting: bool = False  # a Teams meeting
