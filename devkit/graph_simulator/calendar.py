"""Mailbox calendars of the simulator: events, free/busy and room auto-accept.

Rooms answer at once, unless a test defers a room: then, like Exchange's booking attendant,
the room's response stays "none" until ``process`` works through its pending requests in the
order they arrived (the first request for a slot wins, later ones are declined)."""

from __future__ import annotations

import base64
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from bot.adapters.graph.timezones import parse_dtz

Json = dict[str, Any]
BLOCKING = frozenset({"busy", "tentative", "oof", "workingElsewhere"})


@dataclass(frozen=True, slots=True)
class Mailbox:
    """A resolvable mailbox: a person or a room."""

    mail: str
    name: str
    kind: str  # "user" | "room"
    booking_type: str = "standard"


@dataclass(slots=True)
class StoredEvent:
    """One event item in one mailbox (each attendee's copy is its own item, like Exchange)."""

    id: str
    ical_uid: str
    mailbox: str
    subject: str
    start: datetime
    end: datetime
    time_zone: str
    organizer: Mailbox
    is_organizer: bool
    response: str
    show_as: str
    created: datetime
    attendees: list[Json] = field(default_factory=list)
    location: Json = field(default_factory=dict)
    body: Json = field(default_factory=lambda: {"contentType": "html", "content": ""})
    transaction_id: str | None = None
    is_cancelled: bool = False
    online_meeting_provider: str | None = None  # "teamsForBusiness" for a Teams meeting


def _address(attendee: Json) -> str:
    return str((attendee.get("emailAddress") or {}).get("address") or "").lower()


def new_item_id() -> str:
    """An opaque, URL-safe id shaped like Exchange ids."""
    raw = uuid.uuid4().bytes + uuid.uuid4().bytes
    return "AAMkAGNvcmRsaWNodA" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _online_provider(payload: Json) -> str | None:
    """A Teams meeting when isOnlineMeeting is set (Graph's default provider in Teams
    tenants is teamsForBusiness)."""
    if not payload.get("isOnlineMeeting"):
        return None
    return str(payload.get("onlineMeetingProvider") or "teamsForBusiness")


class CalendarStore:
    """All calendars, keyed by lower-case mailbox address."""

    def __init__(self, resolve: Callable[[str], Mailbox | None]) -> None:
        self._resolve = resolve
        self._items: dict[str, dict[str, StoredEvent]] = {}
        self.deferred: set[str] = set()  # rooms that answer only when processed
        self._pending: list[tuple[StoredEvent, Json]] = []  # (organiser item, room attendee)

    def resolve(self, key: str) -> Mailbox | None:
        """Resolve an id, mail or UPN to a mailbox."""
        return self._resolve(key)

    def events(self, mailbox: Mailbox) -> list[StoredEvent]:
        """Every item in a mailbox's calendar, by start."""
        return sorted(self._items.get(mailbox.mail, {}).values(), key=lambda e: e.start)

    def find(self, mailbox: Mailbox, event_id: str) -> StoredEvent | None:
        """One item by id."""
        return self._items.get(mailbox.mail, {}).get(event_id)

    def overlapping(self, mailbox: Mailbox, start: datetime, end: datetime) -> list[StoredEvent]:
        """Items that make the mailbox busy (or tentative/oof) within [start, end)."""
        return [
            e
            for e in self.events(mailbox)
            if not e.is_cancelled and e.show_as in BLOCKING and e.start < end and start < e.end
        ]

    def add(self, event: StoredEvent) -> None:
        """Store an item."""
        self._items.setdefault(event.mailbox, {})[event.id] = event

    def create(self, organizer: Mailbox, payload: Json, now: datetime) -> StoredEvent:
        """Create an organiser item and deliver copies; rooms accept or decline at once."""
        transaction_id = payload.get("transactionId")
        if transaction_id:
            for existing in self.events(organizer):
                if existing.is_organizer and existing.transaction_id == transaction_id:
                    return existing
        start, end = parse_dtz(payload.get("start")), parse_dtz(payload.get("end"))
        if end <= start:
            raise ValueError("The end of the event must be after its start.")
        time_zone = str((payload.get("start") or {}).get("timeZone") or "UTC")
        uid = "040000008200E00074C5B7101A82E008" + uuid.uuid4().hex.upper()
        event = StoredEvent(
            id=new_item_id(),
            ical_uid=uid,
            mailbox=organizer.mail,
            subject=str(payload.get("subject") or ""),
            start=start,
            end=end,
            time_zone=time_zone,
            organizer=organizer,
            is_organizer=True,
            response="organizer",
            show_as=str(payload.get("showAs") or "busy"),
            created=now,
            location=dict(payload.get("location") or {}),
            body=dict(payload.get("body") or {"contentType": "html", "content": ""}),
            transaction_id=transaction_id,
            online_meeting_provider=_online_provider(payload),
        )
        event.attendees = [self._deliver(event, a, now) for a in payload.get("attendees") or []]
        self.add(event)
        return event

    def _deliver(self, event: StoredEvent, attendee: Json, now: datetime) -> Json:
        address = str((attendee.get("emailAddress") or {}).get("address") or "")
        target = self._resolve(address)
        status = "none"
        result = dict(attendee)
        result.setdefault("type", "required")
        if target is not None and target.mail in self.deferred:
            self._pending.append((event, result))
            result["status"] = {"response": status, "time": now.isoformat().replace("+00:00", "Z")}
            return result
        if target is not None and target.kind == "room":
            free = not self.overlapping(target, event.start, event.end)
            status = "accepted" if free and target.booking_type != "reserved" else "declined"
        if target is not None and status != "declined":
            copy_response = "accepted" if target.kind == "room" else "notResponded"
            show_as = "busy" if target.kind == "room" else "tentative"
            self.add(
                replace(
                    event,
                    id=new_item_id(),
                    mailbox=target.mail,
                    is_organizer=False,
                    response=copy_response,
                    show_as=show_as,
                    attendees=[],
                )
            )
        result["status"] = {"response": status, "time": now.isoformat().replace("+00:00", "Z")}
        return result

    def process(self, room: Mailbox, now: datetime) -> int:
        """A deferred room answers its pending requests, oldest first; how many it answered."""
        mine = [(e, a) for e, a in self._pending if _address(a) == room.mail]
        self._pending = [p for p in self._pending if p not in mine]
        self.deferred.discard(room.mail)
        for event, attendee in mine:
            if self.find(self._resolve(event.mailbox) or room, event.id) is None:
                continue  # withdrawn before the room got to it
            answered = self._deliver(event, attendee, now)
            attendee["status"] = answered["status"]
        self.deferred.add(room.mail)
        return len(mine)

    def cancel(self, event: StoredEvent) -> None:
        """Organiser cancels: rooms drop the booking, people keep a cancelled copy."""
        self._items.get(event.mailbox, {}).pop(event.id, None)
        for mail, items in self._items.items():
            box = self._resolve(mail)
            for other in [e for e in items.values() if e.ical_uid == event.ical_uid]:
                if box is not None and box.kind == "room":
                    items.pop(other.id, None)
                else:
                    other.is_cancelled = True

    def delete(self, event: StoredEvent) -> None:
        """Delete an item; for the organiser this cancels the meeting (Graph semantics)."""
        if event.is_organizer:
            self.cancel(event)
        else:
            self._items.get(event.mailbox, {}).pop(event.id, None)
