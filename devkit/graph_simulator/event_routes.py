"""Events: create (with room auto-accept), list, calendarView, get, delete, cancel."""

from __future__ import annotations

from aiohttp import web

from bot.adapters.graph.timezones import InvalidTimeZoneError, parse_instant
from devkit.graph_simulator import odata
from devkit.graph_simulator.calendar import Mailbox, StoredEvent
from devkit.graph_simulator.helpers import json_body, mailbox_or_404, out_zone
from devkit.graph_simulator.render import event_json
from devkit.graph_simulator.state import STATE_KEY

routes = web.RouteTableDef()


@routes.post("/v1.0/users/{user}/calendar/events")
@routes.post("/v1.0/users/{user}/events")
async def create_event(request: web.Request) -> web.Response:
    """POST an event; room attendees accept or decline by their free/busy."""
    box = mailbox_or_404(request)
    if isinstance(box, web.Response):
        return box
    state, body = request.app[STATE_KEY], await json_body(request)
    try:
        event = state.calendars.create(box, body, state.now())
    except (ValueError, AttributeError, InvalidTimeZoneError) as exc:
        return odata.graph_error(400, "ErrorInvalidRequest", str(exc))
    ctx = f"{odata.METADATA}#users('{request.match_info['user']}')/events/$entity"
    payload = event_json(event, out_zone(request, event.time_zone))
    return web.json_response({"@odata.context": ctx, **payload}, status=201)


@routes.get("/v1.0/users/{user}/calendar/events")
@routes.get("/v1.0/users/{user}/events")
async def list_events(request: web.Request) -> web.Response:
    """GET all events of a mailbox (paged)."""
    box = mailbox_or_404(request)
    if isinstance(box, web.Response):
        return box
    state = request.app[STATE_KEY]
    tz_name = out_zone(request)
    items = [event_json(e, tz_name) for e in state.calendars.events(box)]
    return odata.collection(request, items, "users/events", state.page_size)


@routes.get("/v1.0/users/{user}/calendar/calendarView")
@routes.get("/v1.0/users/{user}/calendarView")
async def calendar_view(request: web.Request) -> web.Response:
    """GET events overlapping startDateTime..endDateTime (paged)."""
    box = mailbox_or_404(request)
    if isinstance(box, web.Response):
        return box
    state = request.app[STATE_KEY]
    query = {k.lower(): v for k, v in request.query.items()}
    try:
        start = parse_instant(query["startdatetime"])
        end = parse_instant(query["enddatetime"])
    except (KeyError, ValueError):
        return odata.graph_error(
            400,
            "ErrorInvalidParameter",
            "This request requires a time window specified by the query string parameters "
            "StartDateTime and EndDateTime.",
        )
    tz_name = out_zone(request)
    events = [e for e in state.calendars.events(box) if e.start < end and start < e.end]
    items = [event_json(e, tz_name) for e in events]
    return odata.collection(request, items, "users/calendarView", state.page_size)


def _event_or_error(request: web.Request) -> tuple[Mailbox, StoredEvent] | web.Response:
    box = mailbox_or_404(request)
    if isinstance(box, web.Response):
        return box
    event = request.app[STATE_KEY].calendars.find(box, request.match_info["event"])
    if event is None:
        return odata.graph_error(
            404, "ErrorItemNotFound", "The specified object was not found in the store."
        )
    return box, event


@routes.get("/v1.0/users/{user}/calendar/events/{event}")
@routes.get("/v1.0/users/{user}/events/{event}")
async def get_event(request: web.Request) -> web.Response:
    """GET one event."""
    found = _event_or_error(request)
    if isinstance(found, web.Response):
        return found
    ctx = f"{odata.METADATA}#users('{request.match_info['user']}')/events/$entity"
    return web.json_response({"@odata.context": ctx, **event_json(found[1], out_zone(request))})


@routes.delete("/v1.0/users/{user}/calendar/events/{event}")
@routes.delete("/v1.0/users/{user}/events/{event}")
async def delete_event(request: web.Request) -> web.Response:
    """DELETE an event (the organiser's delete cancels the meeting for everyone)."""
    found = _event_or_error(request)
    if isinstance(found, web.Response):
        return found
    request.app[STATE_KEY].calendars.delete(found[1])
    return web.Response(status=204)


@routes.post("/v1.0/users/{user}/calendar/events/{event}/cancel")
@routes.post("/v1.0/users/{user}/events/{event}/cancel")
async def cancel_event(request: web.Request) -> web.Response:
    """POST cancel: organiser only; 202 Accepted."""
    found = _event_or_error(request)
    if isinstance(found, web.Response):
        return found
    if not found[1].is_organizer:
        return odata.graph_error(
            400,
            "ErrorInvalidRequest",
            "Your request can't be completed. You need to be an organizer to cancel a meeting.",
        )
    request.app[STATE_KEY].calendars.cancel(found[1])
    return web.Response(status=202)
