"""Graph refusing calendar invitations and bookings for good (403 no permission, 404 no such
mailbox), for the tests of stammtisch invitations and room bookings alike."""

from __future__ import annotations

from bot.domain.graph_types import CalendarRefusedError, CreatedEvent, NewEvent
from devkit.fakes.graph import FakeRoomCalendar


def refuse_new_events(calendar: FakeRoomCalendar, status: int = 403) -> list[str]:
    """Every later createEvent is refused with ``status``; returns the attempts' subjects."""
    attempts: list[str] = []

    async def refused(organizer: str, event: NewEvent) -> CreatedEvent:
        attempts.append(event.subject)
        raise CalendarRefusedError(status, "ErrorAccessDenied")

    calendar.create_event = refused  # type: ignore[method-assign]
    return attempts
