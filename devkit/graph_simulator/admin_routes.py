"""Test and demo controls under /_sim (no auth, never part of Graph)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from aiohttp import web

from devkit.graph_simulator.render import event_json
from devkit.graph_simulator.state import STATE_KEY, Fault

routes = web.RouteTableDef()


@routes.get("/_sim/health")
async def health(request: web.Request) -> web.Response:
    """Liveness plus which organisation is served."""
    org = request.app[STATE_KEY].org
    return web.json_response({"status": "ok", "organisation": org.name, "tenantId": org.tenant_id})


@routes.get("/_sim/requests")
async def request_counts(request: web.Request) -> web.Response:
    """Graph requests per route ("GET /v1.0/users/{user}": 3), faulted attempts included."""
    counts = request.app[STATE_KEY].requests
    return web.json_response(
        {"total": sum(counts.values()), "routes": dict(sorted(counts.items()))}
    )


@routes.delete("/_sim/requests")
async def reset_counts(request: web.Request) -> web.Response:
    """Zero the request counters."""
    request.app[STATE_KEY].requests.clear()
    return web.Response(status=204)


@routes.post("/_sim/faults")
async def add_fault(request: web.Request) -> web.Response:
    """Register a fault: {"path_prefix", "status", "retry_after", "count", "method", "after"}
    (``after``: the request is carried out, then answered with the fault: a lost response)."""
    try:
        body: dict[str, Any] = await request.json()
        fault = Fault(
            path_prefix=str(body["path_prefix"]),
            status=int(body.get("status", 429)),
            retry_after=None if body.get("retry_after") is None else int(body["retry_after"]),
            count=int(body.get("count", 1)),
            method=body.get("method"),
            after=bool(body.get("after", False)),
        )
    except (ValueError, KeyError, TypeError) as exc:
        return web.json_response({"error": f"invalid fault: {exc}"}, status=400)
    request.app[STATE_KEY].add_fault(fault)
    return web.json_response(asdict(fault), status=201)


@routes.get("/_sim/faults")
async def list_faults(request: web.Request) -> web.Response:
    """Faults with uses left."""
    faults = [asdict(f) for f in request.app[STATE_KEY].faults if f.count > 0]
    return web.json_response({"faults": faults})


@routes.delete("/_sim/faults")
async def clear_faults(request: web.Request) -> web.Response:
    """Remove every fault."""
    request.app[STATE_KEY].faults.clear()
    return web.Response(status=204)


@routes.get("/_sim/calendars/{mailbox}")
async def calendar(request: web.Request) -> web.Response:
    """Every item in one mailbox's calendar, Graph-shaped, times in UTC."""
    state = request.app[STATE_KEY]
    box = state.mailbox(request.match_info["mailbox"])
    if box is None:
        return web.json_response({"error": "unknown mailbox"}, status=404)
    events = [event_json(e, "UTC") for e in state.calendars.events(box)]
    return web.json_response({"mailbox": box.mail, "kind": box.kind, "events": events})


@routes.post("/_sim/reset")
async def reset(request: web.Request) -> web.Response:
    """Back to the seeded calendars; faults and counters cleared."""
    request.app[STATE_KEY].reset()
    return web.Response(status=204)


@routes.post("/_sim/rooms/{mailbox}/{action:defer|process}")
async def room_processing(request: web.Request) -> web.Response:
    """``defer``: from now on the room answers booking requests only when processed (as
    Exchange's booking attendant does); ``process``: it answers its pending ones, oldest first."""
    state = request.app[STATE_KEY]
    box = state.mailbox(request.match_info["mailbox"])
    if box is None or box.kind != "room":
        return web.json_response({"error": "unknown room"}, status=404)
    if request.match_info["action"] == "defer":
        state.calendars.deferred.add(box.mail)
        return web.Response(status=204)
    return web.json_response({"answered": state.calendars.process(box, state.now())})


@routes.put("/_sim/groups/{group}/members")
async def set_group_members(request: web.Request) -> web.Response:
    """{"members": [user or group ids]}: the group's members from now on (someone joins or
    leaves an Entra group)."""
    state = request.app[STATE_KEY]
    group = state.org.group(request.match_info["group"])
    if group is None:
        return web.json_response({"error": "unknown group"}, status=404)
    try:
        members = (await request.json())["members"]
    except (ValueError, KeyError, TypeError):
        members = None
    if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
        return web.json_response({"error": '"members" must be a list of ids'}, status=400)
    changed = group.model_copy(update={"members": tuple(members)})
    groups = tuple(changed if g.id == group.id else g for g in state.org.groups)
    state.org = state.org.model_copy(update={"groups": groups})
    return web.Response(status=204)
