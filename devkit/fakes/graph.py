"""In-memory Directory and RoomCalendar seeded from the demo organisation (for fast tests)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from bot.adapters.clock import SystemClock
from bot.domain.graph_types import (
    AutomaticReplies,
    BusySlot,
    CalendarEvent,
    CreatedEvent,
    NewEvent,
    Person,
    Room,
    Schedule,
)
from bot.domain.ports import Clock
from devkit.demo.calendar_seed import expand_calendar_seeds
from devkit.demo.organisation import DemoOrganisation

_BLOCKING = frozenset({"busy", "tentative", "oof"})


class FakeDirectory:
    """Directory port over a DemoOrganisation."""

    def __init__(self, org: DemoOrganisation, clock: Clock | None = None) -> None:
        self._org = org
        self._clock: Clock = clock or SystemClock()

    async def get_person(self, user_id_or_mail: str) -> Person | None:
        """A person by id, mail or UPN."""
        person = self._org.person(user_id_or_mail)
        return person.to_person() if person is not None else None

    async def get_manager(self, user_id_or_mail: str) -> Person | None:
        """The person's manager (None without one or for an unknown person)."""
        person = self._org.person(user_id_or_mail)
        manager = self._org.person(person.manager) if person and person.manager else None
        return manager.to_person() if manager is not None else None

    async def list_group_members(self, group_id: str) -> Sequence[Person]:
        """Transitive user members (empty for an unknown group)."""
        return [p.to_person() for p in self._org.transitive_people(group_id)]

    async def find_people(self, name: str) -> Sequence[Person]:
        """People whose surname, given name or display name starts with ``name``."""
        prefix = name.casefold()
        return [
            p.to_person()
            for p in self._org.people
            if any(
                (part or "").casefold().startswith(prefix)
                for part in (p.surname, p.given_name, p.display_name)
            )
        ]

    async def direct_reports(self, user_id_or_mail: str) -> Sequence[Person]:
        """The people whose manager is this person."""
        person = self._org.person(user_id_or_mail)
        if person is None:
            return []
        return [p.to_person() for p in self._org.people if p.manager == person.id]

    async def get_automatic_replies(self, user_id_or_mail: str) -> AutomaticReplies:
        """Out-of-office state relative to the clock's today."""
        return self._org.automatic_replies(
            user_id_or_mail, self._org.local_today(self._clock.now())
        )


@dataclass
class _Item:
    event: CalendarEvent
    mailbox: str
    uid: str
    is_organizer: bool
    room: str | None = None


class FakeRoomCalendar:
    """RoomCalendar port: seeded calendars, room auto-accept, cancel and delete."""

    def __init__(self, org: DemoOrganisation, clock: Clock | None = None) -> None:
        self._org = org
        self._ids = itertools.count(1)
        self._items: list[_Item] = []
        # Rooms that answer only when processed, as Exchange's booking attendant does.
        self._deferred: set[str] = set()
        self._pending: list[_Item] = []
        now = (clock or SystemClock()).now()
        for occ in expand_calendar_seeds(org, org.local_today(now)):
            for box, is_organizer in ((occ.organizer, True), (occ.mailbox, False)):
                event = CalendarEvent(
                    id=self._new_id(), subject=occ.subject, start=occ.start, end=occ.end,
                    organizer=occ.organizer, show_as=occ.show_as, room_response="accepted",
                )  # fmt: skip
                self._items.append(_Item(event, box.lower(), occ.key, is_organizer, occ.mailbox))

    def _new_id(self) -> str:
        return f"fake-event-{next(self._ids)}"

    def _known(self, mailbox: str) -> bool:
        return self._org.person(mailbox) is not None or self._org.room(mailbox) is not None

    def _mail(self, key: str) -> str:
        person, room = self._org.person(key), self._org.room(key)
        found = person.mail if person else room.email_address if room else key
        return found.lower()

    def _blocking(self, mailbox: str, start: datetime, end: datetime) -> list[CalendarEvent]:
        box = self._mail(mailbox)
        return [
            i.event
            for i in self._items
            if i.mailbox == box and not i.event.is_cancelled and i.event.show_as in _BLOCKING
            if i.event.start < end and start < i.event.end
        ]

    async def list_rooms(self) -> Sequence[Room]:
        """Every room of the organisation."""
        return [self._org.graph_room(room) for room in self._org.rooms]

    async def get_schedules(
        self, mailboxes: Sequence[str], start: datetime, end: datetime, requester: str
    ) -> Sequence[Schedule]:
        """Busy slots per mailbox; unknown mailboxes carry Graph's error code."""
        result = []
        for mailbox in mailboxes:
            if not self._known(mailbox):
                result.append(Schedule(mailbox=mailbox, error="ErrorMailRecipientNotFound"))
                continue
            slots = tuple(
                BusySlot(e.start, e.end, e.show_as) for e in self._blocking(mailbox, start, end)
            )
            result.append(Schedule(mailbox=mailbox, busy=slots))
        return result

    async def create_event(self, organizer: str, event: NewEvent) -> CreatedEvent:
        """Store the event; the room declines when busy or reserved (like Exchange)."""
        box = self._mail(organizer)
        for item in self._items:
            same = event.transaction_id and item.event.transaction_id == event.transaction_id
            if same and item.is_organizer and item.mailbox == box:
                return CreatedEvent(item.event.id, organizer, None, item.event.room_response)
        deferred = bool(event.room_email) and self._mail(event.room_email or "") in self._deferred
        uid = self._new_id()
        base = CalendarEvent(
            id=uid, subject=event.subject, start=event.start, end=event.end,
            organizer=self._mail(organizer), transaction_id=event.transaction_id,
            online_meeting=event.online_meeting,
        )  # fmt: skip
        item = _Item(base, box, uid, True, event.room_email)
        self._items.append(item)
        for mailbox in [a for a in event.attendees if self._org.person(a) is not None]:
            # Like Exchange: an invitee's copy is tentative until answered.
            copy = replace(base, id=self._new_id(), show_as="tentative")
            self._items.append(_Item(copy, self._mail(mailbox), uid, False, event.room_email))
        if deferred:
            self._pending.append(item)
        else:
            self._answer(item)
        return CreatedEvent(uid, organizer, None, item.event.room_response)

    def _answer(self, item: _Item) -> None:
        # The room accepts when free and bookable (its copy is busy), else declines.
        room = self._org.room(item.room) if item.room else None
        if room is None:
            return
        free = not self._blocking(room.email_address, item.event.start, item.event.end)
        accepted = free and room.booking_type != "reserved"
        item.event = replace(item.event, room_response="accepted" if accepted else "declined")
        if accepted:
            copy = replace(item.event, id=self._new_id(), show_as="busy")
            self._items.append(
                _Item(copy, self._mail(room.email_address), item.uid, False, item.room)
            )

    def defer_room(self, room: str) -> None:
        """From now on the room answers booking requests only when processed."""
        self._deferred.add(self._mail(room))

    def process_room(self, room: str) -> int:
        """The deferred room answers its pending requests, oldest first; how many."""
        mine = [i for i in self._pending if self._mail(i.room or "") == self._mail(room)]
        self._pending = [i for i in self._pending if i not in mine]
        for item in mine:
            if item in self._items:  # not withdrawn meanwhile
                self._answer(item)
        return len(mine)

    async def cancel_event(self, organizer: str, event_id: str, comment: str) -> None:
        """Remove the organiser item and room bookings; people keep a cancelled copy."""
        await self.delete_event(organizer, event_id)

    async def delete_event(self, organizer: str, event_id: str) -> None:
        """Same as cancel for the organiser; unknown ids are ignored."""
        box = self._mail(organizer)
        target = next(
            (i for i in self._items if i.event.id == event_id and i.mailbox == box), None
        )
        if target is None:
            return
        self._items.remove(target)
        if not target.is_organizer:
            return
        for item in [i for i in self._items if i.uid == target.uid]:
            if self._org.room(item.mailbox) is not None:
                self._items.remove(item)
            else:
                item.event = replace(item.event, is_cancelled=True)

    async def get_event(self, mailbox: str, event_id: str) -> CalendarEvent | None:
        """One item of a mailbox."""
        box = self._mail(mailbox)
        found = (i.event for i in self._items if i.mailbox == box and i.event.id == event_id)
        return next(found, None)

    async def list_events(
        self, mailbox: str, start: datetime, end: datetime
    ) -> Sequence[CalendarEvent]:
        """Items of a mailbox overlapping [start, end), by start."""
        box = self._mail(mailbox)
        events = [
            i.event
            for i in self._items
            if i.mailbox == box and i.event.start < end and start < i.event.end
        ]
        return sorted(events, key=lambda e: e.start)
