"""How the room broker presents itself: the card-building port (implemented in cards/)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from bot.domain.graph_types import Room
from bot.domain.rooms.model import RoomRequest
from bot.domain.rooms.when import RoomRequestParse


class BrokerViews(Protocol):
    """Builds the room broker's cards."""

    def asked(self, request: RoomRequest, lang: str) -> str:
        """What was asked for in one line ("13 Personen · Video · Di, 08.12., 10:00–11:00")."""
        ...

    def form_card(
        self, lang: str, parsed: RoomRequestParse | None = None, note: str | None = None
    ) -> dict[str, Any]:
        """The request form, prefilled with what was understood."""
        ...

    def offers_card(
        self,
        request: RoomRequest,
        rooms: Sequence[Room],
        lang: str,
        *,
        elsewhere: bool = False,
        hint: str | None = None,
    ) -> dict[str, Any]:
        """The free rooms to pick from (restricted ones marked; ``elsewhere``: they are all
        at another site than the requester's, which the card says; ``hint``: a warning such
        as a Sunday or public holiday)."""
        ...

    def status_card(
        self, request: RoomRequest, rooms: Mapping[str, Room], lang: str
    ) -> dict[str, Any]:
        """The requester's view of a request (state, room, time, what happens next)."""
        ...

    def approval_card(
        self, request: RoomRequest, rooms: Mapping[str, Room], names: Mapping[str, str], lang: str
    ) -> dict[str, Any]:
        """An approver's card; once decided it shows who decided, without buttons."""
        ...

    def list_card(
        self,
        title_key: str,
        requests: Sequence[RoomRequest],
        rooms: Mapping[str, Room],
        lang: str,
        *,
        approver: bool,
        start: int = 0,
    ) -> dict[str, Any]:
        """The requester's bookings (with "Stornieren") or an approver's inbox, from request
        ``start`` on, as many as fit in one message."""
        ...

    def event_subject(self, request: RoomRequest, lang: str) -> str:
        """The subject of the booked calendar event ("Raumbuchung für Jana Schulz")."""
        ...

    def cancellation_comment(self, lang: str) -> str:
        """The comment sent with the cancellation of a booked event."""
        ...

    def cancel_refused_card(self, request: RoomRequest, lang: str) -> dict[str, Any]:
        """Graph refused to cancel the request's event for good: it still stands in the
        calendar, please cancel it in Outlook."""
        ...

    def left_in_outlook_card(
        self, request: RoomRequest, rooms: Mapping[str, Room], lang: str
    ) -> dict[str, Any]:
        """To an approver (or admin): the booking of a person whose data was erased could
        not be cancelled and still stands; please cancel it in Outlook. Names the room and
        the time, not the person."""
        ...
