"""Stammtisch invitations as Graph calendar events (implements the Invitations port)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.domain.graph_types import CalendarRefusedError, NewEvent
from bot.domain.ports import Directory, RoomCalendar
from bot.domain.stammtisch.model import Poll

_SEPARATOR = "|"  # stored event id: "<organiser mailbox>|<Graph event id>"


class GraphInvitations:
    """Sends from the configured mailbox, or from the organiser's own mailbox."""

    def __init__(self, calendar: RoomCalendar, directory: Directory, mailbox: str = "") -> None:
        self._calendar, self._directory, self._mailbox = calendar, directory, mailbox

    async def _organiser_mailbox(self, poll: Poll) -> str:
        if self._mailbox:
            return self._mailbox
        person = await self._directory.get_person(poll.organiser_key)
        if person is None or not person.mail:
            # No retry finds one: refused for good, like Graph's 404 for a missing mailbox.
            raise CalendarRefusedError(404, "organiser without mailbox; set STAMMTISCH_MAILBOX")
        return person.mail

    async def invite(
        self,
        poll: Poll,
        attendee_keys: Sequence[str],
        start: datetime,
        end: datetime,
        subject: str,
        body_html: str,
    ) -> str:
        """Create the event with the yes-voters as attendees; returns the stored event id."""
        organiser = await self._organiser_mailbox(poll)
        mails = []
        for key in attendee_keys:
            person = await self._directory.get_person(key)
            if person is not None and person.mail:
                mails.append(person.mail)
        event = NewEvent(
            subject=subject,
            start=start,
            end=end,
            attendees=tuple(mails),
            location=poll.winner_place,
            body_html=body_html,
            # Graph drops a second create with the same transaction id: a retried job
            # that lost its stored id cannot invite twice.
            transaction_id=f"stammtisch-{poll.key}",
        )
        created = await self._calendar.create_event(organiser, event)
        return f"{organiser}{_SEPARATOR}{created.id}"

    async def cancel(self, poll: Poll, event_id: str, comment: str) -> None:
        """Cancel the event in the mailbox that sent it (attendees get the cancellation)."""
        organiser, _, graph_id = event_id.rpartition(_SEPARATOR)
        await self._calendar.cancel_event(
            organiser or await self._organiser_mailbox(poll), graph_id, comment
        )
