"""Application service of the room broker: understand, search, offer, choose.

Decisions (approve, decline, book, expire, cancel) live in decisions.py. The catalogue is
served from the database; Graph is asked only for free/busy (batched) and for the booking.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from bot.domain.graph_types import Person, Room
from bot.domain.ports import (
    Clock,
    Directory,
    JobQueue,
    Notifier,
    RecipientLanguages,
    RoomCalendar,
)
from bot.domain.rooms.model import AuditEntry, BrokerError, RequestState, RoomRequest
from bot.domain.rooms.nearby import at_sites, named_sites, rank_by_site
from bot.domain.rooms.ports import RoomCatalogue, RoomRequestRepository
from bot.domain.rooms.search import BrokerPolicy, free_rooms, matching_rooms, not_held
from bot.domain.rooms.views import BrokerViews
from bot.domain.rooms.when import RoomRequestParse, parse_room_request

REMIND_JOB = "rooms.remind"
EXPIRE_JOB = "rooms.expire"
BOOK_JOB = "rooms.book"
REFRESH_JOB = "rooms.refresh_catalogue"
# Messages whose inline send failed (see bot/domain/outbox.py): an approval card or reminder,
# the outcome for the requester, other free rooms after a conflict.
ASK_JOB = "rooms.ask_approver"
TELL_JOB = "rooms.tell_requester"
ALTERNATIVES_JOB = "rooms.alternatives"


@dataclass(frozen=True, slots=True)
class Requester:
    """Who asks, and where the answer goes."""

    key: str
    name: str
    tenant_id: str | None
    place: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Wish:
    """A complete, validated request: when, how many, what equipment, why."""

    start: datetime
    end: datetime
    attendees: int
    features: tuple[str, ...] = ()
    reason: str = ""
    text: str = ""


@dataclass(frozen=True, slots=True)
class Offers:
    """A stored request and the free rooms offered for it."""

    request: RoomRequest
    rooms: list[Room]
    # Nothing fitting was free near the requester: every offered room is at another site.
    elsewhere: bool = False


@dataclass
class RoomBroker:
    """Finds free rooms and records the requester's choice."""

    catalogue: RoomCatalogue
    requests: RoomRequestRepository
    calendar: RoomCalendar
    directory: Directory
    notifier: Notifier
    jobs: JobQueue
    clock: Clock
    views: BrokerViews
    policy: BrokerPolicy
    languages: RecipientLanguages
    time_zone: str = "Europe/Berlin"
    holiday_state: str = "NW"

    def understand(self, text: str) -> RoomRequestParse:
        """Parse a free-text request relative to now."""
        return parse_room_request(text, self.clock.now(), self.time_zone, self.holiday_state)

    async def rooms_by_mail(self) -> dict[str, Room]:
        """The catalogue keyed by lower-case mailbox."""
        return {room.email.lower(): room for room in await self.catalogue.list_rooms()}

    async def refresh_catalogue(self) -> int:
        """Read the rooms from Graph and store them; returns how many."""
        rooms = await self.calendar.list_rooms()
        await self.catalogue.replace_all(rooms, self.clock.now())
        return len(rooms)

    async def check(self, wish: Wish) -> Sequence[Room]:
        """Refuse impossible wishes (past, end before start, too long, too far, too big);
        returns the room catalogue it checked against."""
        now = self.clock.now()
        if wish.end <= wish.start:
            raise BrokerError("end_before_start")
        if wish.start < now - timedelta(minutes=5):
            raise BrokerError("in_past")
        if wish.end - wish.start > self.policy.max_duration:
            hours = self.policy.max_duration.total_seconds() / 3600
            raise BrokerError("too_long", hours=f"{hours:g}")
        if wish.start - now > self.policy.max_ahead:
            raise BrokerError("too_far", days=self.policy.max_ahead.days)
        if wish.attendees < 1:
            raise BrokerError("no_attendees")
        rooms = await self.catalogue.list_rooms()
        if not rooms:
            raise BrokerError("no_catalogue")
        if wish.attendees > max((room.capacity or 0) for room in rooms):
            raise BrokerError("too_many")
        return rooms

    async def _may_request(self, requester_key: str) -> bool:
        group = self.policy.requester_group
        if not group:
            return True
        members = await self.directory.list_group_members(group)
        return any(person.id == requester_key for person in members)

    async def search(self, requester: Requester, wish: Wish) -> Offers:
        """Store a request with the best 1–3 free rooms as options (BrokerError if none):
        rooms near the requester (same building, then same site), smallest fitting first;
        rooms at another site only when nothing near is free. A site the request names ("in
        Hamburg", from the catalogue's cities and buildings) overrides the requester's own:
        only rooms there are offered, or the refusal says nothing fits or is free there."""
        catalogue = await self.check(wish)
        if not await self._may_request(requester.key):
            raise BrokerError("not_allowed")
        fitting = matching_rooms(catalogue, wish.attendees, wish.features)
        if not fitting:
            raise BrokerError("no_matching_room")
        holding = await self.requests.holding(wish.start, wish.end)
        candidates = not_held(fitting, (r.room for r in holding if r.room))
        person = await self._person(requester.key)
        if sites := named_sites(wish.text, catalogue):
            if not at_sites(fitting, sites):
                raise BrokerError("no_matching_room_at", site=" / ".join(sites))
            free = await self._free_at(sites, candidates, catalogue, person, wish)
            elsewhere = False
        else:
            ranked = rank_by_site(candidates, catalogue, person.office_location)
            free = await free_rooms(self.calendar, ranked.near, wish.start, wish.end, person.mail)
            elsewhere = not free and bool(ranked.elsewhere)
            if elsewhere:
                free = await free_rooms(
                    self.calendar, ranked.elsewhere, wish.start, wish.end, person.mail
                )
        if not free:
            raise BrokerError("none_free")
        now = self.clock.now()
        request = await self.requests.add(
            RoomRequest(
                id=0,
                requester_key=requester.key,
                requester_name=requester.name,
                tenant_id=requester.tenant_id,
                place=requester.place,
                text=wish.text,
                start=wish.start,
                end=wish.end,
                attendees=wish.attendees,
                features=wish.features,
                created_at=now,
                options=tuple(room.email.lower() for room in free),
                reason=wish.reason,
            )
        )
        await self.audit(request, requester.key, "requested", wish.text)
        await self.jobs.schedule(
            EXPIRE_JOB, {"request_id": request.id}, request.start, f"{EXPIRE_JOB}:{request.id}"
        )
        return Offers(request, free, elsewhere)

    async def _free_at(
        self,
        sites: list[str],
        candidates: list[Room],
        catalogue: Sequence[Room],
        person: Person,
        wish: Wish,
    ) -> list[Room]:
        """Free rooms at the sites the request names, nearest to the requester first; never
        rooms elsewhere (BrokerError "none_free_at" instead of another city's rooms)."""
        ranked = rank_by_site(at_sites(candidates, sites), catalogue, person.office_location)
        ordered = [*ranked.near, *ranked.elsewhere]
        free = await free_rooms(self.calendar, ordered, wish.start, wish.end, person.mail)
        if not free:
            raise BrokerError("none_free_at", site=" / ".join(sites))
        return free

    async def _person(self, person_key: str) -> Person:
        person = await self.directory.get_person(person_key)
        if person is None or not person.mail:
            raise BrokerError("no_mailbox")
        return person

    async def mailbox_of(self, person_key: str) -> str:
        """The person's mailbox from the directory (BrokerError when unknown)."""
        return (await self._person(person_key)).mail

    async def audit(self, request: RoomRequest, actor: str, action: str, detail: str = "") -> None:
        """Append to the request's audit trail."""
        await self.requests.add_audit(
            AuditEntry(request.id, self.clock.now(), actor, action, detail[:2000])
        )

    async def get(self, request_id: int) -> RoomRequest:
        """The request, or BrokerError("unknown")."""
        request = await self.requests.get(request_id)
        if request is None:
            raise BrokerError("unknown")
        return request

    async def save(self, request: RoomRequest, **changes: Any) -> RoomRequest:
        """Apply ``changes`` with the version check; a lost race is BrokerError("decided")."""
        changed = replace(request, **changes, version=request.version + 1)
        if not await self.requests.save(changed):
            raise BrokerError("decided")
        return changed

    def expired(self, request: RoomRequest) -> bool:
        """True once the requested time has begun: nobody can decide any more."""
        return self.clock.now() >= request.start

    async def choose(self, request_id: int, requester_key: str, room: str) -> RoomRequest:
        """The requester picks an offered room: restricted → pending, else → booking."""
        request = await self.get(request_id)
        if request.requester_key != requester_key:
            raise BrokerError("not_requester")
        if request.state is not RequestState.OFFERED:
            raise BrokerError("decided")
        if self.expired(request):
            raise BrokerError("expired")
        if room.lower() not in request.options:
            raise BrokerError("unknown_room")
        approvers = self.policy.approvers_of(room)
        # An approver of the room books it like an unrestricted one (no approving oneself).
        own = requester_key in approvers
        state = RequestState.PENDING if approvers and not own else RequestState.BOOKING
        chosen = await self.save(request, room=room.lower(), approvers=approvers, state=state)
        await self.audit(
            chosen, requester_key, "chose", f"{room} (selbst zuständig)" if own else room
        )
        return chosen
