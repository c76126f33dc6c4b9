"""Request helpers shared by the calendar routes."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from devkit.graph_simulator import odata
from devkit.graph_simulator.calendar import Mailbox
from devkit.graph_simulator.state import STATE_KEY


def mailbox_or_404(request: web.Request) -> Mailbox | web.Response:
    """The mailbox named by {user}, or Graph's ErrorInvalidUser 404."""
    user = request.match_info["user"]
    box = request.app[STATE_KEY].mailbox(user)
    if box is None:
        return odata.graph_error(
            404, "ErrorInvalidUser", f"The requested user '{user}' is invalid."
        )
    return box


def out_zone(request: web.Request, default: str = "UTC") -> str:
    """The time zone from `Prefer: outlook.timezone="..."`, else `default`."""
    prefer = request.headers.get("Prefer", "")
    for part in prefer.split(","):
        name, _, value = part.strip().partition("=")
        if name.strip().lower() == "outlook.timezone":
            return value.strip().strip('"')
    return default


async def json_body(request: web.Request) -> dict[str, Any]:
    """The JSON object body, or {} when absent or malformed."""
    try:
        body = await request.json()
    except ValueError:
        body = None
    return body if isinstance(body, dict) else {}


def pick(body: dict[str, Any], name: str) -> Any:
    """Graph accepts camelCase; msgraph-sdk sends PascalCase for action parameters."""
    return body.get(name[0].lower() + name[1:], body.get(name[0].upper() + name[1:]))
