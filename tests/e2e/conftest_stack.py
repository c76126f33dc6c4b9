"""The whole local stack for e2e tests: Graph simulator, bot on SQLite, Agents Playground."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

from bot.seeding import import_experts_file
from devkit.demo.organisation import PLAYGROUND_CONFIG_PATH, load_demo_organisation
from devkit.demo.playground import PlaygroundProcess
from devkit.demo.runner import DEMO_EXPERTS
from devkit.graph_simulator import running_simulator
from tests.conftest import RunningBot, local_settings

# The Playground's signed-in user, Sabine Krüger: bot admin (e.g. "räume aktualisieren").
PLAYGROUND_ADMIN = "c009aadc-479f-503c-b41a-60b0bbea7223"


@dataclass
class Stack:
    """Running pieces of one e2e scenario."""

    bot: RunningBot
    playground: PlaygroundProcess
    graph_url: str


@asynccontextmanager
async def running_stack(
    bot_factory: Callable[..., Awaitable[RunningBot]],
    database_url: str,
    bot_language: str = "de",
) -> AsyncIterator[Stack]:
    """Start simulator, bot and Playground on free loopback ports; stop all afterwards."""
    org = load_demo_organisation()
    async with running_simulator(org) as graph_url:
        # The Playground stamps activities "en-US": pin German like `assistenz-bot demo` does.
        # Restricted rooms and their approvers come from the demo organisation.
        settings = local_settings(
            database_url,
            graph_base_url=graph_url,
            bot_language=bot_language,
            rooms_restricted=org.room_policy(),
            admin_ids=[PLAYGROUND_ADMIN],
        )
        await import_experts_file(settings, DEMO_EXPERTS, "default")
        bot = await bot_factory(settings)
        endpoint = f"{bot.url}/api/messages"
        async with PlaygroundProcess(endpoint, config_path=PLAYGROUND_CONFIG_PATH) as playground:
            yield Stack(bot=bot, playground=playground, graph_url=graph_url)
