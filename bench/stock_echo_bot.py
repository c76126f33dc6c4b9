"""The stock Bot Framework echo bot (the 02.echo-bot sample), the baseline of the benchmark.

Deliberately unoptimised: ``CloudAdapter(ConfigurationBotFrameworkAuthentication(config))``,
an ``ActivityHandler`` that echoes, ``adapter.process(request, bot)`` as the aiohttp route and
``web.run_app`` — exactly as the sample does it. Only host and port come from the command line.
An empty ``MicrosoftAppId`` disables authentication, as in the Emulator/Playground setup.

    python -m bench.stock_echo_bot --port 3979
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback

from aiohttp import web
from aiohttp.web import Request, Response
from botbuilder.core import ActivityHandler, MessageFactory, TurnContext
from botbuilder.core.integration import aiohttp_error_middleware
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import ChannelAccount


class DefaultConfig:
    """Bot configuration, as in the sample's config.py (with its environment names)."""

    PORT = 3978
    APP_ID = os.environ.get("MicrosoftAppId", "")  # noqa: SIM112
    APP_PASSWORD = os.environ.get("MicrosoftAppPassword", "")  # noqa: SIM112
    APP_TYPE = os.environ.get("MicrosoftAppType", "MultiTenant")  # noqa: SIM112
    APP_TENANTID = os.environ.get("MicrosoftAppTenantId", "")  # noqa: SIM112


class EchoBot(ActivityHandler):  # type: ignore[misc]
    """The sample's bots/echo_bot.py."""

    async def on_members_added_activity(
        self, members_added: list[ChannelAccount], turn_context: TurnContext
    ) -> None:
        for member in members_added:
            if member.id != turn_context.activity.recipient.id:
                await turn_context.send_activity("Hello and welcome!")

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        await turn_context.send_activity(
            MessageFactory.text(f"Echo: {turn_context.activity.text}")
        )


CONFIG = DefaultConfig()
ADAPTER = CloudAdapter(ConfigurationBotFrameworkAuthentication(CONFIG))


async def on_error(context: TurnContext, error: Exception) -> None:
    """The sample's catch-all: log to stderr and tell the user."""
    print(f"\n [on_turn_error] unhandled error: {error}", file=sys.stderr)
    traceback.print_exc()
    await context.send_activity("The bot encountered an error or bug.")
    await context.send_activity("To continue to run this bot, please fix the bot source code.")


ADAPTER.on_turn_error = on_error
BOT = EchoBot()


async def messages(req: Request) -> Response:
    """Listen for incoming requests on /api/messages."""
    response: Response = await ADAPTER.process(req, BOT)
    return response


APP = web.Application(middlewares=[aiohttp_error_middleware])
APP.router.add_post("/api/messages", messages)


def main() -> None:
    """``web.run_app`` as in the sample, bound to loopback."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=CONFIG.PORT)
    args = parser.parse_args()
    web.run_app(APP, host=args.host, port=args.port)


if __name__ == "__main__":
    main()
