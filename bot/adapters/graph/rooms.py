"""The RoomCalendar port over msgraph-sdk: places, getSchedule, events."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from kiota_abstractions.base_request_configuration import RequestConfiguration
from msgraph.generated.models.o_data_errors.o_data_error import ODataError
from msgraph.generated.users.item.calendar.get_schedule.get_schedule_post_request_body import (
    GetSchedulePostRequestBody,
)
from msgraph.generated.users.item.events.item.cancel.cancel_post_request_body import (
    CancelPostRequestBody,
)
from msgraph.graph_service_client import GraphServiceClient

from bot.adapters.graph.directory import is_not_found
from bot.adapters.graph.mapping import (
    enum_value,
    from_dtz,
    room_response,
    to_calendar_event,
    to_dtz,
    to_graph_event,
    to_room,
)
from bot.domain.graph_types import (
    BusySlot,
    CalendarEvent,
    CalendarRefusedError,
    CreatedEvent,
    NewEvent,
    Room,
    Schedule,
)

with warnings.catch_warnings():
    # msgraph-sdk's generated request builders warn about their own deprecated classes.
    warnings.simplefilter("ignore", DeprecationWarning)
    from msgraph.generated.users.item.calendar.calendar_view.calendar_view_request_builder import (
        CalendarViewRequestBuilder,
    )

MAX_SCHEDULES_PER_CALL = 20
# Answers to creating an event that no retry changes (a bad request, no permission on the
# organiser's mailbox, no such mailbox).
REFUSED_STATUSES = frozenset({400, 403, 404})
# Answers to cancelling or deleting an event that no retry changes (no permission on the
# organiser's mailbox; not the organiser). A 404 there means the event is gone: cancelled.
CANCEL_REFUSED_STATUSES = frozenset({400, 403})
PREFER_UTC = 'outlook.timezone="UTC"'


def _utc_config() -> RequestConfiguration[Any]:
    config: RequestConfiguration[Any] = RequestConfiguration()
    config.headers.add("Prefer", PREFER_UTC)
    return config


class GraphRoomCalendar:
    """Rooms and calendars from Microsoft Graph (Place.Read.All, Calendars.ReadWrite)."""

    def __init__(self, client: GraphServiceClient, *, interval_minutes: int = 15) -> None:
        self._client = client
        self._interval = interval_minutes

    async def list_rooms(self) -> Sequence[Room]:
        """Every room place, following @odata.nextLink pages."""
        builder = self._client.places.graph_room
        rooms: list[Room] = []
        page = await builder.get()
        while page is not None:
            rooms.extend(to_room(room) for room in page.value or ())
            if not page.odata_next_link:
                break
            page = await builder.with_url(page.odata_next_link).get()
        return rooms

    async def get_schedules(
        self, mailboxes: Sequence[str], start: datetime, end: datetime, requester: str
    ) -> Sequence[Schedule]:
        """Free/busy per mailbox, in request order; 20 mailboxes per getSchedule call."""
        result: list[Schedule] = []
        for offset in range(0, len(mailboxes), MAX_SCHEDULES_PER_CALL):
            chunk = list(mailboxes[offset : offset + MAX_SCHEDULES_PER_CALL])
            body = GetSchedulePostRequestBody(
                schedules=chunk,
                start_time=to_dtz(start, "UTC"),
                end_time=to_dtz(end, "UTC"),
                availability_view_interval=self._interval,
            )
            builder = self._client.users.by_user_id(requester).calendar.get_schedule
            response = await builder.post(body, _utc_config())
            infos = {
                (info.schedule_id or "").lower(): info
                for info in (response.value if response is not None else None) or ()
            }
            for mailbox in chunk:
                info = infos.get(mailbox.lower())
                if info is None:
                    result.append(Schedule(mailbox=mailbox, error="missing"))
                    continue
                if info.error is not None:
                    error = info.error.response_code or info.error.message or "error"
                    result.append(Schedule(mailbox=mailbox, error=error))
                    continue
                busy = []
                for item in info.schedule_items or ():
                    status = enum_value(item.status, "busy")
                    item_start, item_end = from_dtz(item.start), from_dtz(item.end)
                    if status != "free" and item_start and item_end:
                        busy.append(BusySlot(start=item_start, end=item_end, status=status))
                result.append(Schedule(mailbox=mailbox, busy=tuple(busy)))
        return result

    async def create_event(self, organizer: str, event: NewEvent) -> CreatedEvent:
        """Create in the organiser's calendar; `room_response` tells whether the room accepted."""
        try:
            created = await self._client.users.by_user_id(organizer).calendar.events.post(
                to_graph_event(event)
            )
        except ODataError as exc:
            # Throttling and outages were retried by msgraph-sdk already; these stay refused.
            if exc.response_status_code in REFUSED_STATUSES:
                code = exc.error.code if exc.error is not None else None
                raise CalendarRefusedError(exc.response_status_code, code or "") from exc
            raise
        if created is None or not created.id:
            raise RuntimeError("Graph returned no event")
        return CreatedEvent(
            id=created.id,
            organizer=organizer,
            web_link=created.web_link,
            room_response=room_response(created, event.room_email),
        )

    async def cancel_event(self, organizer: str, event_id: str, comment: str) -> None:
        """Cancel as organiser; an event that is already gone counts as cancelled. Raises
        CalendarRefusedError when Graph refuses for good (403: no permission)."""
        builder = self._client.users.by_user_id(organizer).events.by_event_id(event_id)
        try:
            await builder.cancel.post(CancelPostRequestBody(comment=comment))
        except ODataError as exc:
            _raise_unless_gone(exc)

    async def delete_event(self, organizer: str, event_id: str) -> None:
        """Delete (for the organiser Graph also notifies attendees); gone counts as deleted.
        Raises CalendarRefusedError when Graph refuses for good (403: no permission)."""
        builder = self._client.users.by_user_id(organizer).events.by_event_id(event_id)
        try:
            await builder.delete()
        except ODataError as exc:
            _raise_unless_gone(exc)

    async def get_event(self, mailbox: str, event_id: str) -> CalendarEvent | None:
        """One event of a mailbox (e.g. to re-read a room's response), or None."""
        builder = self._client.users.by_user_id(mailbox).events.by_event_id(event_id)
        try:
            event = await builder.get(_utc_config())
        except ODataError as exc:
            if is_not_found(exc):
                return None
            raise
        return to_calendar_event(event) if event is not None else None

    async def list_events(
        self, mailbox: str, start: datetime, end: datetime
    ) -> Sequence[CalendarEvent]:
        """Events of a mailbox overlapping [start, end) (calendarView, all pages)."""
        query = CalendarViewRequestBuilder.CalendarViewRequestBuilderGetQueryParameters(
            start_date_time=_iso(start), end_date_time=_iso(end), top=100
        )
        config = RequestConfiguration(query_parameters=query)
        config.headers.add("Prefer", PREFER_UTC)
        builder = self._client.users.by_user_id(mailbox).calendar.calendar_view
        events: list[CalendarEvent] = []
        page = await builder.get(config)
        while page is not None:
            events.extend(to_calendar_event(e) for e in page.value or ())
            if not page.odata_next_link:
                break
            page = await builder.with_url(page.odata_next_link).get(_utc_config())
        return events


def _raise_unless_gone(exc: ODataError) -> None:
    """A cancel's or delete's error: gone (404) is done; a refusal for good raises
    CalendarRefusedError (no retry helps); throttling and outages raise as they are."""
    if is_not_found(exc):
        return
    if exc.response_status_code in CANCEL_REFUSED_STATUSES:
        code = exc.error.code if exc.error is not None else None
        raise CalendarRefusedError(exc.response_status_code, code or "") from exc
    raise exc


def _iso(instant: datetime) -> str:
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
