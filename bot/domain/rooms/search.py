"""Which rooms fit a request, and which of them are free (Graph getSchedule, batched)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain.graph_types import Room, Schedule
from bot.domain.ports import RoomCalendar

SCHEDULE_BATCH = 20  # Graph getSchedule takes about 20 mailboxes per call
MAX_OFFERS = 3


@dataclass(frozen=True, slots=True)
class BrokerPolicy:
    """Deployment rules of the broker (from configuration)."""

    restricted: Mapping[str, tuple[str, ...]]  # room mailbox (lower case) -> approver keys
    requester_group: str = ""  # empty: everyone may request
    max_duration: timedelta = timedelta(hours=10)
    max_ahead: timedelta = timedelta(days=90)
    booking_mailbox: str = ""  # empty: the requester's own mailbox organises the booking
    reminder_after: timedelta = timedelta(hours=4)
    # Told of what nobody else can act on (a booking left in Outlook after an erasure).
    admins: tuple[str, ...] = ()

    def approvers_of(self, mailbox: str) -> tuple[str, ...]:
        """Who decides about a restricted room; empty for a room everyone may book."""
        return self.restricted.get(mailbox.lower(), ())


def _has(room: Room, feature: str) -> bool:
    tags = {tag.casefold() for tag in room.tags}
    if feature == "video":
        return bool(room.video_device_name) or "video" in tags
    if feature == "screen":
        return bool(room.display_device_name) or "video" in tags or "screen" in tags
    if feature == "accessible":
        return room.is_wheelchair_accessible
    if feature == "phone":
        return bool(room.audio_device_name) or "phone" in tags
    return feature in tags


def matching_rooms(rooms: Iterable[Room], attendees: int, features: Iterable[str]) -> list[Room]:
    """Bookable rooms with enough seats and every wanted feature, smallest fitting first."""
    wanted = tuple(features)
    fitting = [
        room
        for room in rooms
        if room.booking_type != "reserved"
        and (room.capacity or 0) >= attendees
        and all(_has(room, feature) for feature in wanted)
    ]
    return sorted(fitting, key=lambda r: (r.capacity or 0, r.display_name))


def not_held(rooms: Iterable[Room], held: Iterable[str]) -> list[Room]:
    """The rooms without those held by the bot's own requests (mailboxes, any case): a room
    waiting for an approver, being booked, or booked but not yet answered by Exchange looks
    free in getSchedule, and offering it again would promise it twice."""
    taken = {mailbox.lower() for mailbox in held}
    return [room for room in rooms if room.email.lower() not in taken]


def is_free(schedule: Schedule, start: datetime, end: datetime) -> bool:
    """True when nothing busy overlaps [start, end) and Graph reported no error."""
    if schedule.error:
        return False
    return not any(
        slot.start < end and start < slot.end and slot.status != "free" for slot in schedule.busy
    )


async def free_rooms(
    calendar: RoomCalendar,
    candidates: Sequence[Room],
    start: datetime,
    end: datetime,
    requester: str,
    limit: int = MAX_OFFERS,
) -> list[Room]:
    """Up to ``limit`` free rooms in candidate order; one getSchedule call per 20 rooms, and
    no further calls once enough free rooms are found."""
    found: list[Room] = []
    for offset in range(0, len(candidates), SCHEDULE_BATCH):
        batch = candidates[offset : offset + SCHEDULE_BATCH]
        schedules = await calendar.get_schedules(
            [room.email for room in batch], start, end, requester
        )
        by_mailbox = {s.mailbox.lower(): s for s in schedules}
        for room in batch:
            schedule = by_mailbox.get(room.email.lower())
            if schedule is not None and is_free(schedule, start, end):
                found.append(room)
        if len(found) >= limit:
            break
    return found[:limit]
