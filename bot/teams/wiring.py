"""Builds the botbuilder side of the app: adapter, notifier, bot and the /api/messages endpoint."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import aiohttp
from botbuilder.integration.aiohttp import CloudAdapter
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.jobs import SqlJobQueue
from bot.adapters.db.ledger import SqlActivityLedger
from bot.adapters.db.members import SqlMemberRepository
from bot.adapters.db.references import SqlConversationReferences
from bot.domain.members.sync import MemberSync
from bot.domain.ports import Clock, Notifier
from bot.domain.reach import PersonalAppInstaller
from bot.domain.stammtisch.ports import TeamRoster
from bot.settings import Settings
from bot.teams.auth import PooledBotFrameworkAuthentication
from bot.teams.direct import DirectMessenger
from bot.teams.endpoint import MessagesEndpoint
from bot.teams.handler import AssistenzBot, BotDependencies
from bot.teams.message_action import MessageActions
from bot.teams.notifier import TeamsNotifier
from bot.teams.references import ReferenceRecorder
from bot.teams.roster import TeamsRoster, TeamsRosterSource
from bot.teams.team_events import TeamEvents
from dialogs.context import DialogContext
from dialogs.registry import build_router


@dataclass(frozen=True, slots=True)
class TeamsSide:
    """What the rest of the app needs from the Teams layer."""

    endpoint: MessagesEndpoint
    notifier: Notifier
    roster: TeamRoster
    member_sync: MemberSync


def build_teams_side(
    settings: Settings,
    http: aiohttp.ClientSession,
    sessions: async_sessionmaker[AsyncSession],
    clock: Clock,
    make_context: Callable[[Notifier, TeamRoster, MemberSync], DialogContext],
    installer: PersonalAppInstaller | None = None,
) -> TeamsSide:
    """Wire adapter, authentication, notifier, bot and router into the endpoint handler."""
    adapter = CloudAdapter(PooledBotFrameworkAuthentication(settings, http))
    references = SqlConversationReferences(sessions)
    recorder = ReferenceRecorder(references, clock)
    app_id = settings.microsoft_app_id
    members = SqlMemberRepository(sessions)
    direct = DirectMessenger(adapter, app_id, references, recorder, members, clock, installer)
    notifier = TeamsNotifier(adapter, app_id, direct, members)
    roster = TeamsRoster(adapter, app_id)
    member_sync = MemberSync(
        members, TeamsRosterSource(adapter, app_id), SqlJobQueue(sessions), clock
    )
    deps = BotDependencies(
        router=build_router(),
        dialog_context=make_context(notifier, roster, member_sync),
        team_events=TeamEvents(member_sync, clock),
        ledger=SqlActivityLedger(sessions),
        references=recorder,
        clock=clock,
        locale_override=None if settings.bot_language == "auto" else settings.bot_language,
        message_actions=MessageActions(
            references, members, notifier, frozenset(settings.routing_pools)
        ),
    )
    endpoint = MessagesEndpoint(adapter, AssistenzBot(deps), settings.effective_allowed_tenants)
    return TeamsSide(endpoint=endpoint, notifier=notifier, roster=roster, member_sync=member_sync)
