"""Everything one simulator instance remembers: directory, calendars, faults, counters."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from aiohttp import web

from bot.adapters.clock import SystemClock
from bot.domain.ports import Clock
from bot.settings import SIMULATOR_TEAMS_APP_CATALOG_ID
from devkit.demo.calendar_seed import expand_calendar_seeds
from devkit.demo.organisation import DemoOrganisation
from devkit.graph_simulator.calendar import CalendarStore, Mailbox, StoredEvent
from devkit.graph_simulator.calendar import new_item_id as _new_id
from devkit.graph_simulator.teamwork import CatalogApp, TeamworkStore


@dataclass(slots=True)
class Fault:
    """Answer the next `count` matching requests with `status` (and Retry-After). With
    `after`, each request is carried out first and only its answer is lost (a timeout after
    Graph did the work): the case a transactionId or a look for the own event must cover."""

    path_prefix: str
    status: int = 429
    retry_after: int | None = 1
    count: int = 1
    method: str | None = None
    after: bool = False

    def matches(self, method: str, path: str) -> bool:
        """True for a request this fault applies to (prefix with or without /v1.0)."""
        if self.count <= 0 or (self.method and self.method.upper() != method.upper()):
            return False
        relative = path.removeprefix("/v1.0")
        return path.startswith(self.path_prefix) or relative.startswith(self.path_prefix)


class SimulatorState:
    """Mutable state behind the simulator's routes."""

    def __init__(self, org: DemoOrganisation, clock: Clock | None = None, page_size: int = 100):
        self.org = org  # /_sim may change its groups' members; reset() restores this one
        self._seeded_org = org
        self.clock: Clock = clock or SystemClock()
        self.page_size = page_size
        self.faults: list[Fault] = []
        self.requests: Counter[str] = Counter()
        self.calendars = CalendarStore(self.mailbox)
        self.seed_calendars()
        self.teamwork = self.empty_teamwork()

    def mailbox(self, key: str) -> Mailbox | None:
        """Resolve a person or room by id, mail or UPN."""
        person = self.org.person(key)
        if person is not None:
            return Mailbox(mail=person.mail.lower(), name=person.display_name, kind="user")
        room = self.org.room(key)
        if room is not None:
            return Mailbox(
                mail=room.email_address.lower(),
                name=room.display_name,
                kind="room",
                booking_type=room.booking_type,
            )
        return None

    def now(self) -> datetime:
        """The simulator's current time."""
        return self.clock.now()

    def seed_calendars(self) -> None:
        """(Re)build every calendar from the organisation's seed rules around today."""
        self.calendars = CalendarStore(self.mailbox)
        now = self.now()
        for occ in expand_calendar_seeds(self.org, self.org.local_today(now)):
            room, organizer = self.mailbox(occ.mailbox), self.mailbox(occ.organizer)
            if room is None or organizer is None:
                continue
            uid = "040000008200E00074C5B7101A82E008" + occ.key.encode().hex().upper()
            attendee = {
                "type": "resource",
                "emailAddress": {"name": room.name, "address": room.mail},
                "status": {"response": "accepted", "time": now.isoformat()},
            }
            location = {
                "displayName": room.name,
                "locationEmailAddress": room.mail,
                "locationType": "conferenceRoom",
            }
            for box, is_organizer in ((organizer, True), (room, False)):
                self.calendars.add(
                    StoredEvent(
                        id=_new_id(),
                        ical_uid=uid,
                        mailbox=box.mail,
                        subject=occ.subject,
                        start=occ.start,
                        end=occ.end,
                        time_zone=self.org.time_zone,
                        organizer=organizer,
                        is_organizer=is_organizer,
                        response="organizer" if is_organizer else "accepted",
                        show_as=occ.show_as,
                        created=now,
                        attendees=[attendee] if is_organizer else [],
                        location=location,
                    )
                )

    def empty_teamwork(self) -> TeamworkStore:
        """The catalogue holds the bot's own app (manifest id = bot id); nobody has it yet."""
        app = CatalogApp(SIMULATOR_TEAMS_APP_CATALOG_ID, self.org.bot.id, self.org.bot.name)
        return TeamworkStore(catalog={app.id: app})

    def add_fault(self, fault: Fault) -> None:
        """Register a fault for upcoming requests."""
        self.faults.append(fault)

    def take_fault(self, method: str, path: str) -> Fault | None:
        """Consume one use of the first fault matching this request."""
        for fault in self.faults:
            if fault.matches(method, path):
                fault.count -= 1
                return fault
        return None

    def reset(self) -> None:
        """Back to the seeded state: calendars rebuilt, app installations, faults and counters
        cleared, the groups' members as loaded."""
        self.org = self._seeded_org
        self.faults.clear()
        self.requests.clear()
        self.seed_calendars()
        self.teamwork = self.empty_teamwork()


STATE_KEY = web.AppKey("graph_simulator_state", SimulatorState)
