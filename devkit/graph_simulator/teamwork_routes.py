"""Teams app catalogue and personal app installations, plus their /_sim controls."""

from __future__ import annotations

import re
from typing import Any

from aiohttp import web

from devkit.demo.organisation import DemoPerson
from devkit.graph_simulator import odata
from devkit.graph_simulator.helpers import json_body
from devkit.graph_simulator.state import STATE_KEY, SimulatorState
from devkit.graph_simulator.teamwork import CatalogApp, installation_id, personal_chat_id

routes = web.RouteTableDef()

# `.../appCatalogs/teamsApps/{id}` or `.../appCatalogs/teamsApps('{id}')`, any host.
_BIND = re.compile(r"/appCatalogs/teamsApps(?:/|\(')([^/'()]+)")
_NAV = ("teamsApp", "teamsAppDefinition")  # navigation properties: only sent when expanded


def _catalog_json(app: CatalogApp) -> dict[str, Any]:
    return {
        "id": app.id,
        "externalId": app.external_id,
        "displayName": app.display_name,
        "distributionMethod": "organization",
    }


def _installation_json(user_id: str, app: CatalogApp) -> dict[str, Any]:
    return {
        "id": installation_id(user_id, app.id),
        "teamsApp": _catalog_json(app),
        "teamsAppDefinition": {
            "id": f"{app.id}##{app.version}",
            "teamsAppId": app.id,
            "displayName": app.display_name,
            "version": app.version,
        },
    }


def _user_or_404(request: web.Request) -> DemoPerson | web.Response:
    user = request.match_info["user"]
    person = request.app[STATE_KEY].org.person(user)
    if person is None:
        return odata.graph_error(404, "NotFound", f"User '{user}' was not found.")
    return person


@routes.get("/v1.0/appCatalogs/teamsApps")
async def list_catalog(request: web.Request) -> web.Response:
    """GET /appCatalogs/teamsApps, e.g. $filter=externalId eq '<manifest id>'."""
    state = request.app[STATE_KEY]
    try:
        keep = odata.compile_filter(request.query.get("$filter"))
    except odata.UnsupportedFilterError as exc:
        return odata.graph_error(400, "BadRequest", f"Unsupported filter: {exc}")
    apps = [_catalog_json(app) for app in state.teamwork.catalog.values()]
    return odata.collection(request, [a for a in apps if keep(a)], "appCatalogs/teamsApps", 100)


@routes.get("/v1.0/users/{user}/teamwork/installedApps")
async def list_installed(request: web.Request) -> web.Response:
    """The person's personal apps; $filter may look into teamsApp/…, $expand adds them."""
    state = request.app[STATE_KEY]
    person = _user_or_404(request)
    if isinstance(person, web.Response):
        return person
    try:
        keep = odata.compile_filter(request.query.get("$filter"))
    except odata.UnsupportedFilterError as exc:
        return odata.graph_error(400, "BadRequest", f"Unsupported filter: {exc}")
    expand = {part.strip() for part in request.query.get("$expand", "").split(",")}
    items = [_installation_json(person.id, app) for app in state.teamwork.apps_of(person.id)]
    shown = [
        {key: value for key, value in item.items() if key not in _NAV or key in expand}
        for item in items
        if keep(item)
    ]
    entity_set = f"users('{request.match_info['user']}')/teamwork/installedApps"
    return odata.collection(request, shown, entity_set, state.page_size)


@routes.post("/v1.0/users/{user}/teamwork/installedApps")
async def install(request: web.Request) -> web.Response:
    """Install a catalogue app: 201 (no body), 409 when installed, 403 when a policy blocks."""
    state = request.app[STATE_KEY]
    person = _user_or_404(request)
    if isinstance(person, web.Response):
        return person
    bind = str((await json_body(request)).get("teamsApp@odata.bind") or "")
    match = _BIND.search(bind)
    if match is None:
        return odata.graph_error(400, "BadRequest", "teamsApp@odata.bind is missing or invalid.")
    app = state.teamwork.catalog.get(match.group(1))
    if app is None:
        return odata.graph_error(404, "NotFound", f"App '{match.group(1)}' was not found.")
    if person.id in state.teamwork.blocked:
        return _blocked(state, person, app)
    if not state.teamwork.install(person.id, app.id):
        return odata.graph_error(409, "Conflict", "App is already installed for this user.")
    return web.Response(status=201)


def _blocked(state: SimulatorState, person: DemoPerson, app: CatalogApp) -> web.Response:
    return odata.graph_error(
        403,
        "Forbidden",
        f"App is blocked by app permission policy. TenantId: {state.org.tenant_id}, "
        f"UserObjectId: {person.id}, AppId: {app.id}, AppType: Private",
    )


@routes.get("/v1.0/users/{user}/teamwork/installedApps/{installation}/chat")
async def installation_chat(request: web.Request) -> web.Response:
    """The 1:1 chat between the person and the installed app's bot."""
    state = request.app[STATE_KEY]
    person = _user_or_404(request)
    if isinstance(person, web.Response):
        return person
    if state.teamwork.find(person.id, request.match_info["installation"]) is None:
        return odata.graph_error(404, "NotFound", "The app installation was not found.")
    created = state.now().strftime("%Y-%m-%dT%H:%M:%S.000Z")
    chat = {
        "@odata.context": f"{odata.METADATA}#chats/$entity",
        "id": personal_chat_id(person.id, state.org.bot.id),
        "topic": None,
        "createdDateTime": created,
        "lastUpdatedDateTime": created,
        "chatType": "oneOnOne",
        "webUrl": None,
        "tenantId": state.org.tenant_id,
    }
    return web.json_response(chat)


# --- /_sim controls ------------------------------------------------------------------------


@routes.put("/_sim/users/{user}/app-install-policy")
async def set_install_policy(request: web.Request) -> web.Response:
    """{"blocked": true}: installs for this person answer 403 like an app permission policy."""
    state = request.app[STATE_KEY]
    person = state.org.person(request.match_info["user"])
    if person is None:
        return web.json_response({"error": "unknown user"}, status=404)
    blocked = (await json_body(request)).get("blocked")
    if not isinstance(blocked, bool):
        return web.json_response({"error": '"blocked" must be true or false'}, status=400)
    if blocked:
        state.teamwork.blocked.add(person.id)
    else:
        state.teamwork.blocked.discard(person.id)
    return web.Response(status=204)


@routes.get("/_sim/users/{user}/installed-apps")
async def installed_apps(request: web.Request) -> web.Response:
    """The catalogue ids installed for a person, and whether a policy blocks them."""
    state = request.app[STATE_KEY]
    person = state.org.person(request.match_info["user"])
    if person is None:
        return web.json_response({"error": "unknown user"}, status=404)
    apps = [app.id for app in state.teamwork.apps_of(person.id)]
    blocked = person.id in state.teamwork.blocked
    return web.json_response({"user": person.id, "apps": apps, "blocked": blocked})
