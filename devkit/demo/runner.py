"""`assistenz-bot demo`: SQLite, the Graph simulator, the bot and the Agents Playground at once."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from pathlib import Path

from aiohttp import web

from bot.adapters.db.migrate import upgrade
from bot.app import create_app
from bot.domain.routing.experts import DEFAULT_POOL
from bot.logging import configure_logging
from bot.seeding import import_experts_file
from bot.settings import GraphAuth, Settings
from devkit.demo.organisation import PLAYGROUND_CONFIG_PATH, load_demo_organisation
from devkit.demo.playground import PlaygroundProcess
from devkit.graph_simulator import running_simulator

GRAPH_SIMULATOR_PORT = 5056
DEMO_EXPERTS = Path(__file__).with_name("experts.json")


def run_demo(settings: Settings, *, playground_port: int) -> int:
    """Migrate the database, start everything, print the Playground URL, run until Ctrl-C."""
    configure_logging(settings.log_level, settings.log_json)
    upgrade(settings.database_url)
    asyncio.run(import_experts_file(settings, DEMO_EXPERTS, DEFAULT_POOL))
    asyncio.run(_serve_demo(settings, playground_port))
    return 0


async def _serve_demo(settings: Settings, playground_port: int) -> None:
    organisation = load_demo_organisation()
    async with running_simulator(organisation, port=GRAPH_SIMULATOR_PORT) as graph_url:
        update: dict[str, object] = {
            "graph_base_url": graph_url,
            "graph_auth": GraphAuth.SIMULATOR,
        }
        if "rooms_restricted" not in settings.model_fields_set:
            update["rooms_restricted"] = organisation.room_policy()
        if "bot_language" not in settings.model_fields_set:
            # The Playground stamps every activity "en-US"; a German demo should answer German.
            update["bot_language"] = "de"
        demo_settings = settings.model_copy(update=update)
        runner = web.AppRunner(create_app(demo_settings), access_log=None)
        await runner.setup()
        await web.TCPSite(runner, settings.host, settings.port).start()
        endpoint = f"http://{settings.host}:{settings.port}/api/messages"
        try:
            async with PlaygroundProcess(
                endpoint, config_path=PLAYGROUND_CONFIG_PATH, port=playground_port
            ) as playground:
                print(
                    f"\nAssistenz-Bot läuft.\n"
                    f"  Teams-Client (Agents Playground): {playground.url}\n"
                    f"  Bot-Endpunkt:                     {endpoint}\n"
                    f"  Graph-Simulator:                  {graph_url}\n"
                    f"Beenden mit Strg+C.\n",
                    flush=True,
                )
                await _until_signalled()
        finally:
            await runner.cleanup()


async def _until_signalled() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signum, stop.set)
    await stop.wait()
