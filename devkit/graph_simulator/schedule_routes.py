"""Places (rooms) and getSchedule."""

from __future__ import annotations

import math
from datetime import timedelta

from aiohttp import web

from bot.adapters.graph.timezones import InvalidTimeZoneError, parse_dtz, render_dtz
from devkit.graph_simulator import odata
from devkit.graph_simulator.helpers import json_body, mailbox_or_404, out_zone, pick
from devkit.graph_simulator.render import room_json
from devkit.graph_simulator.state import STATE_KEY

routes = web.RouteTableDef()
_AVAILABILITY = {"tentative": "1", "busy": "2", "oof": "3"}
MAX_SCHEDULES = 20


@routes.get("/v1.0/places/microsoft.graph.room")
@routes.get("/v1.0/places/graph.room")
async def list_rooms(request: web.Request) -> web.Response:
    """GET /places/microsoft.graph.room (msgraph-sdk sends /places/graph.room)."""
    state = request.app[STATE_KEY]
    rooms = [room_json(state.org, room) for room in state.org.rooms]
    return odata.collection(request, rooms, "places/microsoft.graph.room", state.page_size)


@routes.post("/v1.0/users/{user}/calendar/getSchedule")
async def get_schedule(request: web.Request) -> web.Response:
    """POST getSchedule: scheduleItems and availabilityView per requested mailbox."""
    box = mailbox_or_404(request)
    if isinstance(box, web.Response):
        return box
    state, body = request.app[STATE_KEY], await json_body(request)
    schedules = pick(body, "schedules") or []
    interval = int(pick(body, "availabilityViewInterval") or 30)
    try:
        start, end = parse_dtz(pick(body, "startTime")), parse_dtz(pick(body, "endTime"))
        tz_name = out_zone(request, str(pick(body, "startTime").get("timeZone") or "UTC"))
    except (ValueError, AttributeError, InvalidTimeZoneError) as exc:
        return odata.graph_error(400, "ErrorInvalidParameter", f"Invalid time window: {exc}")
    if not schedules or len(schedules) > MAX_SCHEDULES or not 5 <= interval <= 1440:
        return odata.graph_error(400, "ErrorInvalidParameter", "Invalid schedules or interval.")
    if end <= start or end - start > timedelta(days=62):
        return odata.graph_error(400, "ErrorInvalidParameter", "Invalid time window.")
    slots = math.ceil((end - start) / timedelta(minutes=interval))
    result = []
    for address in schedules:
        target = state.mailbox(str(address))
        if target is None:
            error = {"message": "Mailbox not found.", "responseCode": "ErrorMailRecipientNotFound"}
            result.append({"scheduleId": address, "availabilityView": "", "error": error})
            continue
        items = state.calendars.overlapping(target, start, end)
        view = ""
        for slot in range(slots):
            s0 = start + timedelta(minutes=interval * slot)
            s1 = s0 + timedelta(minutes=interval)
            codes = [
                _AVAILABILITY.get(e.show_as, "0") for e in items if e.start < s1 and s0 < e.end
            ]
            view += max(codes, default="0")
        result.append(
            {
                "scheduleId": address,
                "availabilityView": view,
                "scheduleItems": [
                    {
                        "isPrivate": False,
                        "status": e.show_as,
                        "subject": e.subject,
                        "location": str(e.location.get("displayName") or ""),
                        "start": render_dtz(e.start, tz_name),
                        "end": render_dtz(e.end, tz_name),
                    }
                    for e in items
                ],
                "workingHours": {
                    "daysOfWeek": ["monday", "tuesday", "wednesday", "thursday", "friday"],
                    "startTime": "08:00:00.0000000",
                    "endTime": "18:00:00.0000000",
                    "timeZone": {"name": "W. Europe Standard Time"},
                },
            }
        )
    ctx = f"{odata.METADATA}#Collection(microsoft.graph.scheduleInformation)"
    return web.json_response({"@odata.context": ctx, "value": result})
