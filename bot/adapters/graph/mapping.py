"""msgraph-sdk models to and from the domain's value types."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

from msgraph.generated.models.attendee import Attendee
from msgraph.generated.models.attendee_type import AttendeeType
from msgraph.generated.models.body_type import BodyType
from msgraph.generated.models.date_time_time_zone import DateTimeTimeZone
from msgraph.generated.models.email_address import EmailAddress
from msgraph.generated.models.event import Event
from msgraph.generated.models.item_body import ItemBody
from msgraph.generated.models.location import Location
from msgraph.generated.models.location_type import LocationType
from msgraph.generated.models.online_meeting_provider_type import OnlineMeetingProviderType
from msgraph.generated.models.room import Room as GraphRoom
from msgraph.generated.models.user import User

from bot.adapters.graph.timezones import parse_instant, zone
from bot.domain.graph_types import CalendarEvent, NewEvent, Person, Room

USER_FIELDS = [
    "id", "displayName", "mail", "userPrincipalName", "department", "jobTitle",
    "officeLocation", "preferredLanguage", "employeeHireDate",
]  # fmt: skip


def enum_value(value: Enum | str | None, default: str) -> str:
    """The wire value of a kiota enum (or a plain string)."""
    if value is None:
        return default
    return str(value.value) if isinstance(value, Enum) else str(value)


def to_person(user: User) -> Person:
    """Graph user to Person; mail falls back to the UPN."""
    return Person(
        id=user.id or "",
        display_name=user.display_name or "",
        mail=user.mail or user.user_principal_name or "",
        department=user.department,
        job_title=user.job_title,
        office_location=user.office_location,
        preferred_language=user.preferred_language,
        employee_hire_date=user.employee_hire_date,
    )


def to_room(room: GraphRoom) -> Room:
    """Graph room place to Room."""
    return Room(
        id=room.id or "",
        email=room.email_address or "",
        display_name=room.display_name or "",
        capacity=room.capacity,
        building=room.building,
        city=room.address.city if room.address else None,
        floor_number=room.floor_number,
        floor_label=room.floor_label,
        tags=tuple(room.tags or ()),
        is_wheelchair_accessible=bool(room.is_wheel_chair_accessible),
        video_device_name=room.video_device_name,
        audio_device_name=room.audio_device_name,
        display_device_name=room.display_device_name,
        booking_type=enum_value(room.booking_type, "standard"),
    )


def from_dtz(value: DateTimeTimeZone | None) -> datetime | None:
    """Graph dateTimeTimeZone to an aware UTC datetime."""
    if value is None or not value.date_time:
        return None
    return parse_instant(value.date_time, zone(value.time_zone))


def to_dtz(instant: datetime, time_zone: str) -> DateTimeTimeZone:
    """An aware datetime as local wall time in `time_zone`."""
    local = instant.astimezone(zone(time_zone))
    return DateTimeTimeZone(date_time=local.strftime("%Y-%m-%dT%H:%M:%S"), time_zone=time_zone)


def _attendee(address: str, kind: AttendeeType) -> Attendee:
    return Attendee(email_address=EmailAddress(address=address), type=kind)


def to_graph_event(event: NewEvent) -> Event:
    """NewEvent to a Graph event; rooms go in as resource attendees and as the location."""
    attendees = [_attendee(a, AttendeeType.Required) for a in event.attendees]
    resources = [*([event.room_email] if event.room_email else []), *event.resource_attendees]
    attendees += [_attendee(r, AttendeeType.Resource) for r in dict.fromkeys(resources)]
    location = None
    if event.room_email or event.location:
        location = Location(
            display_name=event.location or event.room_email,
            location_email_address=event.room_email,
            location_type=LocationType.ConferenceRoom if event.room_email else None,
        )
    return Event(
        subject=event.subject,
        body=ItemBody(content_type=BodyType.Html, content=event.body_html),
        start=to_dtz(event.start, event.time_zone),
        end=to_dtz(event.end, event.time_zone),
        attendees=attendees,
        location=location,
        transaction_id=event.transaction_id,
        is_online_meeting=True if event.online_meeting else None,
        online_meeting_provider=(
            OnlineMeetingProviderType.TeamsForBusiness if event.online_meeting else None
        ),
    )


def room_response(event: Event, room_email: str | None = None) -> str:
    """Response of the given room attendee (or the first resource attendee), else "none"."""
    for attendee in event.attendees or ():
        address = (attendee.email_address.address or "") if attendee.email_address else ""
        is_room = enum_value(attendee.type, "") == "resource"
        if (room_email and address.lower() == room_email.lower()) or (not room_email and is_room):
            return enum_value(attendee.status.response if attendee.status else None, "none")
    return "none"


def to_calendar_event(event: Event) -> CalendarEvent:
    """Graph event to CalendarEvent."""
    organizer = event.organizer.email_address if event.organizer else None
    start, end = from_dtz(event.start), from_dtz(event.end)
    if start is None or end is None:
        raise ValueError(f"event {event.id} has no start or end")
    return CalendarEvent(
        id=event.id or "",
        subject=event.subject or "",
        start=start,
        end=end,
        organizer=(organizer.address or "") if organizer else "",
        show_as=enum_value(event.show_as, "busy"),
        is_cancelled=bool(event.is_cancelled),
        room_response=room_response(event),
        transaction_id=event.transaction_id,
        online_meeting=bool(event.is_online_meeting),
    )
