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


def refuse_cancellations(calendar: FakeRoomCalendar, status: int = 403) -> list[str]:
    """Every later cancelEvent and deleteEvent is refused with ``status`` (no permission on
    the organiser's mailbox); returns the ids of the attempts."""
    attempts: list[str] = []

    async def refused_cancel(organizer: str, event_id: str, comment: str) -> None:
        attempts.append(event_id)
        raise CalendarRefusedError(status, "ErrorAccessDenied")

    async def refused_delete(organizer: str, event_id: str) -> None:
        attempts.append(event_id)
        raise CalendarRefusedError(status, "ErrorAccessDenied")

    calendar.cancel_event = refused_cancel  # type: ignore[method-assign]
    calendar.delete_event = refused_delete  # type: ignore[method-assign]
    return attempts
