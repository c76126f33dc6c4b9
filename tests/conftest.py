"""Shared fixtures: databases on SQLite and PostgreSQL, a connector sink, a running bot."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.clock import ManualClock
from bot.adapters.db.engine import create_engine, create_session_factory
from bot.app import create_app
from bot.settings import Settings
from tests.support.connector_sink import ConnectorSink, running_sink
from tests.support.databases import fresh_database


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh migrated database, once on SQLite and once on PostgreSQL."""
    with fresh_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture(params=["memory", "sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str | None]:
    """Contract tests: None for the in-memory fake, else a fresh SQLite / PostgreSQL DB."""
    if request.param == "memory":
        yield None
        return
    with fresh_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> Iterator[str]:
    """A fresh migrated SQLite database (for tests that need no PostgreSQL variant)."""
    with fresh_database("sqlite", tmp_path) as url:
        yield url


@pytest.fixture
async def sink() -> AsyncIterator[ConnectorSink]:
    """A running local Bot Connector stand-in."""
    async with running_sink() as running:
        yield running


@dataclass
class RunningBot:
    """A bot served on a loopback port, with a client to post activities."""

    url: str
    http: aiohttp.ClientSession
    clock: ManualClock
    app: web.Application

    async def post(
        self, activity: Any, headers: dict[str, str] | None = None
    ) -> aiohttp.ClientResponse:
        """POST an activity (dict) or raw bytes to /api/messages."""
        if isinstance(activity, bytes | str):
            return await self.http.post(
                f"{self.url}/api/messages",
                data=activity,
                headers={"Content-Type": "application/json", **(headers or {})},
            )
        return await self.http.post(f"{self.url}/api/messages", json=activity, headers=headers)


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Sessions on the test database (SQLite or PostgreSQL), for tests that read or write
    rows directly."""
    engine = create_engine(database_url)
    try:
        yield create_session_factory(engine)
    finally:
        await engine.dispose()


def local_settings(database_url: str, **overrides: Any) -> Settings:
    """Local-mode settings that ignore any developer .env file."""
    values: dict[str, Any] = {"database_url": database_url, "mode": "local"}
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture
async def bot_factory() -> AsyncIterator[Any]:
    """Start bots with given settings on loopback ports; all are stopped at the end."""
    runners: list[web.AppRunner] = []
    sessions: list[aiohttp.ClientSession] = []

    async def start(settings: Settings, clock: ManualClock | None = None) -> RunningBot:
        clock = clock or ManualClock()
        app = create_app(settings, clock=clock)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        runners.append(runner)
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        http = aiohttp.ClientSession()
        sessions.append(http)
        return RunningBot(url=f"http://127.0.0.1:{port}", http=http, clock=clock, app=app)

    yield start
    for session in sessions:
        await session.close()
    for runner in runners:
        await runner.cleanup()


@pytest.fixture
async def bot(bot_factory: Any, database_url: str) -> RunningBot:
    """The bot in local mode on the parametrised database."""
    started: RunningBot = await bot_factory(local_settings(database_url))
    return started


@pytest.fixture
async def routing_bot(bot_factory: Any, database_url: str) -> AsyncIterator[RunningBot]:
    """The bot on the demo organisation: Graph simulator, demo experts imported."""
    from tests.support.simulated_org import bot_with_experts  # it imports this module

    async with bot_with_experts(bot_factory, database_url) as (running, _):
        yield running
