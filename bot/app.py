"""The aiohttp application factory: routes, lifetimes of DB, HTTP session, adapter and bot."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import aiohttp
import structlog
from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import __version__
from bot.adapters.clock import SystemClock
from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.schema import schema_status
from bot.adapters.graph.client import GraphConnection
from bot.domain.members.sync import MemberSync
from bot.domain.ports import Clock, Notifier
from bot.domain.stammtisch.ports import TeamRoster
from bot.jobs import job_runner_context
from bot.services import Services, build_services
from bot.settings import Settings
from bot.teams.endpoint import MessagesEndpoint
from bot.teams.wiring import build_teams_side
from dialogs.context import DialogContext

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class Runtime:
    """Long-lived objects of one bot process."""

    engine: AsyncEngine
    http: aiohttp.ClientSession
    endpoint: MessagesEndpoint
    services: Services


SETTINGS = web.AppKey("settings", Settings)
CLOCK = web.AppKey("clock", Clock)
RUNTIME = web.AppKey("runtime", Runtime)


def create_app(settings: Settings, *, clock: Clock | None = None) -> web.Application:
    """Build the bot's web application; resources open on startup and close on shutdown."""
    app = web.Application(client_max_size=1024 * 1024)
    app[SETTINGS] = settings
    app[CLOCK] = clock or SystemClock()
    app.cleanup_ctx.append(_runtime)
    app.router.add_post("/api/messages", _messages)
    app.router.add_get("/healthz", _healthz)
    app.router.add_get("/readyz", _readyz)
    return app


async def _runtime(app: web.Application) -> AsyncIterator[None]:
    settings, clock = app[SETTINGS], app[CLOCK]
    engine = create_engine(settings.database_url)
    sessions = create_session_factory(engine)
    http = aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=100, limit_per_host=50),
        timeout=aiohttp.ClientTimeout(total=30),
    )
    graph: GraphConnection | None = None
    try:
        graph = GraphConnection(settings)
        directory, rooms = graph.directory, graph.room_calendar
        built: list[Services] = []

        def make_context(
            notifier: Notifier, roster: TeamRoster, member_sync: MemberSync
        ) -> DialogContext:
            built.append(
                build_services(
                    settings, sessions, clock, (notifier, roster, member_sync), directory, rooms
                )
            )
            return built[0].context

        teams = build_teams_side(
            settings, http, sessions, clock, make_context, graph.app_installer
        )
        services = built[0]
        app[RUNTIME] = Runtime(
            engine=engine, http=http, endpoint=teams.endpoint, services=services
        )
        await services.schedule_maintenance()
        log.info("bot_started", version=__version__, mode=settings.mode.value)
        async with job_runner_context(services.jobs):
            yield
    finally:
        if graph is not None:
            await graph.close()
        await http.close()
        await engine.dispose()
        log.info("bot_stopped")


async def _messages(request: web.Request) -> web.StreamResponse:
    return await request.app[RUNTIME].endpoint.handle(request)


async def _healthz(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok", "version": __version__})


async def _readyz(request: web.Request) -> web.Response:
    try:
        # Reading alembic_version proves the connection and tells whether the schema fits.
        status = await schema_status(request.app[RUNTIME].engine)
    except Exception as error:
        log.warning("readiness_failed", error=type(error).__name__)
        return web.json_response({"status": "unavailable", "database": "down"}, status=503)
    if not status.usable:
        log.warning("readiness_failed", schema=status.state.value)
        return web.json_response(
            {"status": "unavailable", "database": "schema behind: run assistenz-bot migrate"},
            status=503,
        )
    return web.json_response({"status": "ready", "database": "up"})
