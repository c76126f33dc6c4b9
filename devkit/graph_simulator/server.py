"""The simulator application and a context manager that serves it on a loopback port."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiohttp import web
from aiohttp.typedefs import Handler

from bot.domain.ports import Clock
from devkit.demo.organisation import DemoOrganisation
from devkit.graph_simulator import (
    admin_routes,
    directory_routes,
    event_routes,
    schedule_routes,
    teamwork_routes,
)
from devkit.graph_simulator.middleware import graph_middleware
from devkit.graph_simulator.odata import graph_error
from devkit.graph_simulator.state import STATE_KEY, SimulatorState


@web.middleware
async def _graph_not_found(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except web.HTTPNotFound:
        return graph_error(
            400, "BadRequest", f"Resource not found for the segment '{request.path}'."
        )
    except web.HTTPMethodNotAllowed:
        return graph_error(405, "Request_BadRequest", "Specified HTTP method is not allowed.")


def create_simulator_app(
    org: DemoOrganisation, *, clock: Clock | None = None, page_size: int = 100
) -> web.Application:
    """A Graph stand-in serving `org` under /v1.0, with test controls under /_sim."""
    app = web.Application(middlewares=[_graph_not_found, graph_middleware])
    app[STATE_KEY] = SimulatorState(org, clock=clock, page_size=page_size)
    app.add_routes(directory_routes.routes)
    app.add_routes(schedule_routes.routes)
    app.add_routes(event_routes.routes)
    app.add_routes(teamwork_routes.routes)
    app.add_routes(admin_routes.routes)
    return app


@asynccontextmanager
async def running_simulator(
    org: DemoOrganisation,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    clock: Clock | None = None,
    page_size: int = 100,
) -> AsyncIterator[str]:
    """Serve the simulator; yields its Graph base URL (http://HOST:PORT/v1.0)."""
    runner = web.AppRunner(
        create_simulator_app(org, clock=clock, page_size=page_size), access_log=None
    )
    await runner.setup()
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
        bound = runner.addresses[0][1]
        yield f"http://{host}:{bound}/v1.0"
    finally:
        await runner.cleanup()
