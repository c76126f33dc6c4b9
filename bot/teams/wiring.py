"""Builds the botbuilder side of the app in two steps: first what the features send through
(``build_outbound``), then, over the built dialogs, the /api/messages endpoint."""

from __future__ import annotations

from dataclasses import dataclass

import aiohttp
from botbuilder.integration.aiohttp import CloudAdapter
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.jobs import SqlJobQueue
from bot.adapters.db.ledger import SqlActivityLedger
from bot.adapters.db.members import SqlMemberRepository
from bot.adapters.db.references import SqlConversationReferences
from bot.domain.members.sync import MemberSync
from bot.domain.ports import Clock, Directory
from bot.domain.reach import PersonalAppInstaller
from bot.i18n import language_of
from bot.settings import Settings
from bot.teams.auth import PooledBotFrameworkAuthentication
from bot.teams.direct import DirectMessenger
from bot.teams.endpoint import MessagesEndpoint
from bot.teams.handler import AssistenzBot, BotDependencies
from bot.teams.message_action import MessageActions
from bot.teams.notifier import TeamsNotifier
from bot.teams.recipient_language import TeamsRecipientLanguages
from bot.teams.references import ReferenceRecorder
from bot.teams.roster import TeamsRoster, TeamsRosterSource
from bot.teams.team_events import TeamEvents
from dialogs.registry import BotDialogs


@dataclass(frozen=True, slots=True)
class TeamsOutbound:
    """What the app sends and reads through Teams; built before the features, which use it."""

    adapter: CloudAdapter
    notifier: TeamsNotifier
    roster: TeamsRoster
    member_sync: MemberSync
    languages: TeamsRecipientLanguages
    references: SqlConversationReferences
    recorder: ReferenceRecorder
    members: SqlMemberRepository


def build_outbound(
    settings: Settings,
    http: aiohttp.ClientSession,
    sessions: async_sessionmaker[AsyncSession],
    clock: Clock,
    directory: Directory,
    installer: PersonalAppInstaller | None = None,
) -> TeamsOutbound:
    """Adapter (with authentication), notifier, roster and the recipients' languages."""
    adapter = CloudAdapter(PooledBotFrameworkAuthentication(settings, http))
    references = SqlConversationReferences(sessions)
    recorder = ReferenceRecorder(references, clock)
    app_id = settings.microsoft_app_id
    members = SqlMemberRepository(sessions)
    direct = DirectMessenger(adapter, app_id, references, recorder, members, clock, installer)
    return TeamsOutbound(
        adapter=adapter,
        notifier=TeamsNotifier(adapter, app_id, direct, members),
        roster=TeamsRoster(adapter, app_id),
        member_sync=MemberSync(
            members, TeamsRosterSource(adapter, app_id), SqlJobQueue(sessions), clock
        ),
        languages=TeamsRecipientLanguages(
            references,
            directory,
            pinned=_pinned_language(settings),
            default=language_of(settings.default_locale),
        ),
        references=references,
        recorder=recorder,
        members=members,
    )


def build_endpoint(
    settings: Settings,
    outbound: TeamsOutbound,
    dialogs: BotDialogs,
    sessions: async_sessionmaker[AsyncSession],
    clock: Clock,
) -> MessagesEndpoint:
    """The bot (the dialogs, team events) behind /api/messages."""
    deps = BotDependencies(
        dialogs=dialogs,
        onboarding_team_ids=frozenset(settings.onboarding_team_ids),
        team_events=TeamEvents(outbound.member_sync, clock),
        ledger=SqlActivityLedger(sessions),
        references=outbound.recorder,
        clock=clock,
        locale_override=_pinned_language(settings),
        message_actions=MessageActions(
            outbound.references,
            outbound.members,
            outbound.notifier,
            frozenset(settings.routing_pools),
        ),
    )
    return MessagesEndpoint(
        outbound.adapter, AssistenzBot(deps), settings.effective_allowed_tenants
    )


def _pinned_language(settings: Settings) -> str | None:
    """BOT_LANGUAGE set to a language: everyone gets that one."""
    return None if settings.bot_language == "auto" else settings.bot_language
