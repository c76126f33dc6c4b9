"""Team and chat rosters, read through the Bot Connector (paged, as Teams advises)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsInfo
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import ChannelAccount, ConversationAccount, ConversationReference

from bot.domain.members.model import InstalledTeam, RosterEntry, RosterPage
from bot.domain.stammtisch.model import Member
from bot.teams.threads import split_thread

PAGE_SIZE = 200
MAX_PAGES = 100  # 20,000 members: far beyond any assistants' network; stops a runaway loop


def roster_entry(account: Any) -> RosterEntry:
    """A roster entry from a Teams channel account (paged members or member lookup)."""
    teams_id = str(getattr(account, "id", "") or "")
    return RosterEntry(
        teams_id=teams_id,
        user_key=str(getattr(account, "aad_object_id", None) or teams_id),
        name=str(getattr(account, "name", None) or ""),
        upn=str(
            getattr(account, "user_principal_name", None) or getattr(account, "email", None) or ""
        ),
        tenant_id=getattr(account, "tenant_id", None),
    )


async def _in_proactive_turn(
    adapter: CloudAdapter,
    app_id: str,
    reference: ConversationReference,
    work: Callable[[TurnContext], Awaitable[None]],
) -> None:
    async def run(context: TurnContext) -> None:
        # A proactive turn has no channelData; TeamsInfo reads the team id from it and fails
        # on None (seen as "TeamsChannelData() argument after ** must be a mapping").
        context.activity.channel_data = {}
        await work(context)

    await adapter.continue_conversation(reference, run, app_id)


class TeamsRoster:
    """Implements the TeamRoster port (the Stammtisch's team or chat) with paged members."""

    def __init__(self, adapter: CloudAdapter, app_id: str) -> None:
        self._adapter, self._app_id = adapter, app_id

    async def members(self, place: dict[str, Any]) -> Sequence[Member]:
        """Every member of the conversation of ``place`` (a team channel: the team)."""
        reference = ConversationReference().deserialize(place["reference"])
        # The channel's base conversation, not a thread inside it.
        reference.conversation.id = split_thread(reference.conversation.id)[0]
        found: list[Member] = []

        async def collect(context: TurnContext) -> None:
            token: str | None = None
            for _ in range(MAX_PAGES):
                page = await TeamsInfo.get_paged_members(context, token, PAGE_SIZE)
                found.extend(
                    Member(key=e.user_key, name=e.name, teams_id=e.teams_id)
                    for e in map(roster_entry, page.members or [])
                )
                token = page.continuation_token
                if not token:
                    return

        await _in_proactive_turn(self._adapter, self._app_id, reference, collect)
        return found


class TeamsRosterSource:
    """Implements the RosterSource port: one page of an installed team's members."""

    def __init__(self, adapter: CloudAdapter, app_id: str) -> None:
        self._adapter, self._app_id = adapter, app_id

    async def page(self, team: InstalledTeam, token: str | None, size: int) -> RosterPage:
        """One page of the team's members (the team id is the roster's conversation id)."""
        reference = ConversationReference(
            channel_id="msteams",
            service_url=team.service_url,
            bot=ChannelAccount(id=team.bot_id),
            conversation=ConversationAccount(
                id=team.team_id, conversation_type="channel", tenant_id=team.tenant_id
            ),
        )
        pages: list[RosterPage] = []

        async def read(context: TurnContext) -> None:
            result = await TeamsInfo.get_paged_members(context, token, size)
            entries = tuple(roster_entry(account) for account in result.members or [])
            pages.append(RosterPage(entries, result.continuation_token or None))

        await _in_proactive_turn(self._adapter, self._app_id, reference, read)
        return pages[0]
