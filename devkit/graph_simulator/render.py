"""Graph JSON shapes for the demo organisation's objects."""

from __future__ import annotations

from typing import Any

from bot.adapters.graph.timezones import iso_utc, render_dtz
from devkit.demo.organisation import DemoGroup, DemoOrganisation, DemoPerson, DemoRoom
from devkit.graph_simulator.calendar import Mailbox, StoredEvent

Json = dict[str, Any]
# What Graph returns for a user without $select (department is not among them).
USER_DEFAULT_FIELDS = (
    "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone",
    "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id",
)  # fmt: skip


def user_json(org: DemoOrganisation, person: DemoPerson) -> Json:
    """Every user property the simulator knows."""
    site = org.site_of(person.office_location)
    return {
        "@odata.type": "#microsoft.graph.user",
        "id": person.id,
        "businessPhones": [],
        "displayName": person.display_name,
        "givenName": person.given_name,
        "surname": person.surname,
        "jobTitle": person.job_title,
        "mail": person.mail,
        "mobilePhone": None,
        "officeLocation": person.office_location,
        "preferredLanguage": person.preferred_language,
        "userPrincipalName": person.user_principal_name,
        "department": person.department,
        "companyName": org.name,
        "city": site.city if site else None,
        "country": site.country_or_region if site else None,
        "usageLocation": "DE",
        "accountEnabled": True,
        # Not in the default view: Graph returns it only on $select.
        "employeeHireDate": person.employee_hire_date,
    }


def default_user_view(item: Json) -> Json:
    """Only the properties Graph returns without $select."""
    return {k: v for k, v in item.items() if k in USER_DEFAULT_FIELDS or k == "@odata.type"}


def group_json(group: DemoGroup) -> Json:
    """A group object."""
    return {
        "@odata.type": "#microsoft.graph.group",
        "id": group.id,
        "displayName": group.display_name,
        "description": group.description,
        "mail": group.mail,
        "mailNickname": group.mail_nickname,
        "mailEnabled": True,
        "securityEnabled": "Unified" not in group.group_types,
        "groupTypes": list(group.group_types),
        "visibility": "Private" if "Unified" in group.group_types else None,
    }


def room_json(org: DemoOrganisation, room: DemoRoom) -> Json:
    """A microsoft.graph.room place (without the bot's policy fields)."""
    site = org.site_of(room.building)
    address = (
        {
            "street": site.street,
            "city": site.city,
            "state": "",
            "countryOrRegion": site.country_or_region,
            "postalCode": site.postal_code,
        }
        if site
        else None
    )
    return {
        "@odata.type": "#microsoft.graph.room",
        "id": room.id,
        "emailAddress": room.email_address,
        "displayName": room.display_name,
        "address": address,
        "geoCoordinates": None,
        "phone": None,
        "nickname": room.display_name,
        "label": None,
        "capacity": room.capacity,
        "building": room.building,
        "floorLabel": room.floor_label,
        "floorNumber": room.floor_number,
        "isWheelChairAccessible": room.is_wheel_chair_accessible,
        "bookingType": room.booking_type,
        "tags": list(room.tags),
        "audioDeviceName": room.audio_device_name,
        "videoDeviceName": room.video_device_name,
        "displayDeviceName": room.display_device_name,
    }


def _address(box: Mailbox) -> Json:
    return {"emailAddress": {"name": box.name, "address": box.mail}}


def _online_meeting(event: StoredEvent) -> Json | None:
    if event.online_meeting_provider is None:
        return None
    meeting = event.ical_uid[-16:].lower()
    return {
        "joinUrl": f"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{meeting}%40thread.v2/0"
    }


def event_json(event: StoredEvent, tz_name: str) -> Json:
    """An event item as GET/POST return it, times rendered in `tz_name`."""
    content = str(event.body.get("content") or "")
    return {
        "@odata.etag": f'W/"{event.id[-12:]}"',
        "id": event.id,
        "createdDateTime": iso_utc(event.created),
        "lastModifiedDateTime": iso_utc(event.created),
        "changeKey": event.id[-12:],
        "categories": [],
        "transactionId": event.transaction_id,
        "originalStartTimeZone": event.time_zone,
        "originalEndTimeZone": event.time_zone,
        "iCalUId": event.ical_uid,
        "uid": event.ical_uid,
        "reminderMinutesBeforeStart": 15,
        "isReminderOn": not event.is_organizer,
        "hasAttachments": False,
        "subject": event.subject,
        "bodyPreview": content[:255],
        "importance": "normal",
        "sensitivity": "normal",
        "isAllDay": False,
        "isCancelled": event.is_cancelled,
        "isOrganizer": event.is_organizer,
        "responseRequested": True,
        "showAs": event.show_as,
        "type": "singleInstance",
        "webLink": f"https://outlook.office365.com/owa/?itemid={event.id}&exvsurl=1&path=/calendar/item",
        "isOnlineMeeting": event.online_meeting_provider is not None,
        "onlineMeetingProvider": event.online_meeting_provider or "unknown",
        "onlineMeeting": _online_meeting(event),
        "responseStatus": {"response": event.response, "time": "0001-01-01T00:00:00Z"},
        "body": event.body,
        "start": render_dtz(event.start, tz_name),
        "end": render_dtz(event.end, tz_name),
        "location": event.location,
        "locations": [event.location] if event.location else [],
        "attendees": event.attendees,
        "organizer": _address(event.organizer),
    }
