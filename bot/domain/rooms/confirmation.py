"""The booking's event: found again after a lost response, and the room's late answer.

Exchange's booking attendant answers a booking after the event was
created (the room's response is "none" at first, see ``CreatedEvent``), so the requester is
told "gebucht" at once and the booking is read again until the room has answered: a room that
declined after all (another request for the slot came first, a booking policy) must not stay
"gebucht" in the bot while nobody holds the room."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.graph_types import CalendarEvent
from bot.domain.ports import Clock, JobQueue, RoomCalendar
from bot.domain.rooms.model import RoomRequest

CONFIRM_JOB = "rooms.confirm"
# Read again after 1, 2, 4, … minutes: the attendant usually answers within seconds, and an
# answer still missing after the last check (about four hours in all) is taken as a yes.
FIRST_CHECK = timedelta(minutes=1)
MAX_CHECKS = 8
# A room whose delegate decides answers "tentativelyAccepted" first and may still decline.
_UNANSWERED = frozenset({"none", "notResponded", "tentativelyAccepted"})


def unanswered(room_response: str) -> bool:
    """Whether the room has not answered the booking yet."""
    return room_response in _UNANSWERED


async def plan_check(jobs: JobQueue, clock: Clock, request_id: int, check: int) -> None:
    """Plan the ``check``-th reading of the room's answer (none after the last)."""
    if check > MAX_CHECKS:
        return
    await jobs.schedule(
        CONFIRM_JOB,
        {"request_id": request_id, "check": check},
        clock.now() + FIRST_CHECK * 2 ** (check - 1),
        f"{CONFIRM_JOB}:{request_id}:{check}",
    )


def event_parts(event_ref: str) -> tuple[str, str]:
    """(organiser, event id) of a stored booking's ``event_ref`` ("organiser|id")."""
    organiser, _, event_id = event_ref.rpartition("|")
    return organiser, event_id


async def own_event(
    calendar: RoomCalendar, organiser: str, request: RoomRequest, transaction: str
) -> CalendarEvent | None:
    """The request's event if an earlier attempt created it (its response may have been lost):
    found by the transaction id in the organiser's calendar."""
    events = await calendar.list_events(organiser, request.start, request.end)
    mine = (e for e in events if e.transaction_id == transaction and not e.is_cancelled)
    return next(mine, None)
