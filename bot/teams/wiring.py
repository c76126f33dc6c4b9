"""Builds the botbuilder side of the app: adapter, bot and the /api/messages endpoint."""

from __future__ import annotations

import aiohttp
from botbuilder.integration.aiohttp import CloudAdapter
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.ledger import SqlActivityLedger
from bot.adapters.db.references import SqlConversationReferences
from bot.domain.ports import Clock
from bot.settings import Settings
from bot.teams.auth import PooledBotFrameworkAuthentication
from bot.teams.endpoint import MessagesEndpoint
from bot.teams.handler import AssistenzBot, BotDependencies
from bot.teams.references import ReferenceRecorder
from dialogs.context import DialogContext
from dialogs.registry import build_router


def build_messages_endpoint(
    settings: Settings,
    http: aiohttp.ClientSession,
    sessions: async_sessionmaker[AsyncSession],
    clock: Clock,
) -> MessagesEndpoint:
    """Wire adapter, authentication, bot and router into the endpoint handler."""
    adapter = CloudAdapter(PooledBotFrameworkAuthentication(settings, http))
    deps = BotDependencies(
        router=build_router(),
        dialog_context=DialogContext(settings=settings, clock=clock),
        ledger=SqlActivityLedger(sessions),
        references=ReferenceRecorder(SqlConversationReferences(sessions), clock),
        clock=clock,
        locale_override=None if settings.bot_language == "auto" else settings.bot_language,
    )
    return MessagesEndpoint(adapter, AssistenzBot(deps), settings.effective_allowed_tenants)
