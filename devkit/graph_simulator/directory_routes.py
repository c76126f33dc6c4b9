"""Users, groups and mailbox settings."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from bot.adapters.graph.timezones import render_dtz
from devkit.graph_simulator import odata
from devkit.graph_simulator.render import default_user_view, group_json, user_json
from devkit.graph_simulator.state import STATE_KEY, SimulatorState

routes = web.RouteTableDef()


def _plain(item: dict[str, Any]) -> dict[str, Any]:
    """Items of a typed entity set carry no @odata.type (directoryObjects do)."""
    return {k: v for k, v in item.items() if k != "@odata.type"}


@routes.get("/v1.0/users")
async def list_users(request: web.Request) -> web.Response:
    """GET /users with $filter (eq, startswith, in), $select, $top, paging."""
    state = request.app[STATE_KEY]
    try:
        keep = odata.compile_filter(request.query.get("$filter"))
    except odata.UnsupportedFilterError as exc:
        return odata.graph_error(400, "Request_UnsupportedQuery", f"Unsupported filter: {exc}")
    users = [_plain(user_json(state.org, p)) for p in state.org.people]
    users = [u if odata.select_fields(request) else default_user_view(u) for u in users if keep(u)]
    return odata.collection(request, users, "users", state.page_size)


@routes.get("/v1.0/users/{user}")
async def get_user(request: web.Request) -> web.Response:
    """GET /users/{id | userPrincipalName}."""
    state = request.app[STATE_KEY]
    person = state.org.person(request.match_info["user"])
    if person is None:
        return odata.not_found(request.match_info["user"])
    fields = odata.select_fields(request)
    item = user_json(state.org, person)
    body = odata.project(item, fields) if fields else default_user_view(item)
    body.pop("@odata.type", None)
    return web.json_response({"@odata.context": odata.context("users", fields, True), **body})


@routes.get("/v1.0/users/{user}/manager")
async def get_manager(request: web.Request) -> web.Response:
    """GET /users/{id | userPrincipalName}/manager: a directoryObject (with @odata.type)."""
    org = request.app[STATE_KEY].org
    person = org.person(request.match_info["user"])
    if person is None:
        return odata.not_found(request.match_info["user"])
    manager = org.person(person.manager) if person.manager else None
    if manager is None:
        return odata.not_found("manager")
    fields = odata.select_fields(request)
    item = user_json(org, manager)
    body = odata.project(item, fields) if fields else default_user_view(item)
    ctx = odata.context("directoryObjects", fields, True)
    return web.json_response({"@odata.context": ctx, **body})


@routes.get("/v1.0/users/{user}/directReports")
async def direct_reports(request: web.Request) -> web.Response:
    """GET /users/{id | userPrincipalName}/directReports: directoryObjects (users here)."""
    state = request.app[STATE_KEY]
    person = state.org.person(request.match_info["user"])
    if person is None:
        return odata.not_found(request.match_info["user"])
    reports = [user_json(state.org, p) for p in state.org.people if p.manager == person.id]
    return odata.collection(request, reports, "directoryObjects", state.page_size)


@routes.get("/v1.0/groups/{group}")
async def get_group(request: web.Request) -> web.Response:
    """GET /groups/{id}."""
    group = request.app[STATE_KEY].org.group(request.match_info["group"])
    if group is None:
        return odata.not_found(request.match_info["group"])
    fields = odata.select_fields(request)
    body = odata.project(group_json(group), fields)
    body.pop("@odata.type", None)
    return web.json_response({"@odata.context": odata.context("groups", fields, True), **body})


def _members(request: web.Request, users_only: bool) -> web.Response:
    state = request.app[STATE_KEY]
    org = state.org
    group = org.group(request.match_info["group"])
    if group is None:
        return odata.not_found(request.match_info["group"])
    if "/transitiveMembers" in request.path:
        people = org.transitive_people(group.id)
        groups = [g for g in org.groups if g.id in _nested(state, group.id)]
    else:
        people = [p for m in group.members if (p := org.person(m)) is not None]
        groups = [g for m in group.members if (g := org.group(m)) is not None]
    items = [user_json(org, p) for p in people]
    if users_only:
        items = [_plain(item) for item in items]
    else:
        items += [group_json(g) for g in groups]
    entity_set = "users" if users_only else "directoryObjects"
    return odata.collection(request, items, entity_set, state.page_size)


def _nested(state: SimulatorState, group_id: str) -> set[str]:
    found: set[str] = set()
    stack = [group_id]
    while stack:
        group = state.org.group(stack.pop())
        for member in group.members if group else ():
            if state.org.group(member) is not None and member not in found:
                found.add(member)
                stack.append(member)
    return found


@routes.get("/v1.0/groups/{group}/members")
@routes.get("/v1.0/groups/{group}/transitiveMembers")
async def members(request: web.Request) -> web.Response:
    """Direct or transitive members (users and groups)."""
    return _members(request, users_only=False)


@routes.get("/v1.0/groups/{group}/members/graph.user")
@routes.get("/v1.0/groups/{group}/members/microsoft.graph.user")
@routes.get("/v1.0/groups/{group}/transitiveMembers/graph.user")
@routes.get("/v1.0/groups/{group}/transitiveMembers/microsoft.graph.user")
async def user_members(request: web.Request) -> web.Response:
    """Members cast to users (what msgraph-sdk's `.graph_user` requests)."""
    return _members(request, users_only=True)


def _auto_replies(state: SimulatorState, user: str) -> dict[str, object] | None:
    person = state.org.person(user)
    if person is None:
        return None
    seed = person.automatic_replies
    replies = state.org.automatic_replies(person.id, state.org.local_today(state.now()))
    start = replies.scheduled_start or state.now()
    end = replies.scheduled_end or state.now()
    return {
        "status": replies.status,
        "externalAudience": "all",
        "internalReplyMessage": seed.internal_reply_message if seed else "",
        "externalReplyMessage": seed.external_reply_message if seed else "",
        "scheduledStartDateTime": render_dtz(start),
        "scheduledEndDateTime": render_dtz(end),
    }


@routes.get("/v1.0/users/{user}/mailboxSettings")
async def mailbox_settings(request: web.Request) -> web.Response:
    """GET mailboxSettings (honours $select)."""
    state = request.app[STATE_KEY]
    replies = _auto_replies(state, request.match_info["user"])
    if replies is None:
        return odata.not_found(request.match_info["user"])
    person = state.org.person(request.match_info["user"])
    locale = person.preferred_language if person else "de-DE"
    settings = {
        "archiveFolder": "AAMkAGFyY2hpdmU",
        "timeZone": "W. Europe Standard Time",
        "automaticRepliesSetting": replies,
        "language": {"locale": locale, "displayName": locale},
        "dateFormat": "dd.MM.yyyy",
        "timeFormat": "HH:mm",
        "delegateMeetingMessageDeliveryOptions": "sendToDelegateOnly",
        "userPurpose": "user",
        "workingHours": {
            "daysOfWeek": ["monday", "tuesday", "wednesday", "thursday", "friday"],
            "startTime": "08:00:00.0000000",
            "endTime": "17:00:00.0000000",
            "timeZone": {"name": "W. Europe Standard Time"},
        },
    }
    fields = odata.select_fields(request)
    body = {k: v for k, v in settings.items() if fields is None or k in fields}
    ctx = f"{odata.METADATA}#users('{request.match_info['user']}')/mailboxSettings"
    return web.json_response({"@odata.context": ctx, **body})


@routes.get("/v1.0/users/{user}/mailboxSettings/automaticRepliesSetting")
async def automatic_replies(request: web.Request) -> web.Response:
    """GET mailboxSettings/automaticRepliesSetting."""
    replies = _auto_replies(request.app[STATE_KEY], request.match_info["user"])
    if replies is None:
        return odata.not_found(request.match_info["user"])
    user = request.match_info["user"]
    ctx = f"{odata.METADATA}#users('{user}')/mailboxSettings/automaticRepliesSetting"
    return web.json_response({"@odata.context": ctx, **replies})
