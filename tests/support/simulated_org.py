"""A bot on the demo organisation: the Graph simulator, the demo experts imported, one clock
for bot and Graph (out-of-office windows are relative to the simulator's today)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import aiohttp

from bot.adapters.clock import ManualClock
from bot.seeding import import_experts_file
from devkit.demo.organisation import load_demo_organisation
from devkit.demo.runner import DEMO_EXPERTS
from devkit.graph_simulator import running_simulator
from tests.conftest import RunningBot, local_settings


@asynccontextmanager
async def bot_with_experts(
    bot_factory: Callable[..., Awaitable[RunningBot]], database_url: str
) -> AsyncIterator[tuple[RunningBot, str]]:
    """The running bot and the simulator's Graph base URL."""
    clock = ManualClock()
    async with running_simulator(load_demo_organisation(), clock=clock) as graph_url:
        settings = local_settings(database_url, graph_base_url=graph_url)
        await import_experts_file(settings, DEMO_EXPERTS, "default")
        yield await bot_factory(settings, clock), graph_url


async def forbid_app_install(graph_url: str, user_id: str) -> None:
    """An app policy forbids installing the bot for the person: Graph cannot open their chat."""
    admin = graph_url.removesuffix("/v1.0") + "/_sim"
    async with aiohttp.ClientSession() as http:
        response = await http.put(
            f"{admin}/users/{user_id}/app-install-policy", json={"blocked": True}
        )
        assert response.status < 400, await response.text()
