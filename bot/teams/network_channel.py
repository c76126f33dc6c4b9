"""The network's channel as a place for new posts: the General channel of the team the app
was installed in first (the General channel's conversation id is the team's id)."""

from __future__ import annotations

from typing import Any

from botbuilder.schema import ChannelAccount, ConversationAccount, ConversationReference

from bot.domain.members.model import InstalledTeam
from bot.domain.members.ports import MemberRepository
from bot.domain.ports import MessageHandle
from bot.teams.fast_json import model_to_json


def general_channel(team: InstalledTeam, tenant_id: str | None = None) -> dict[str, Any]:
    """The serialised reference of ``team``'s General channel: a post there starts a thread
    (``tenant_id`` stands in when the stored team has none)."""
    reference = ConversationReference(
        channel_id="msteams",
        service_url=team.service_url,
        bot=ChannelAccount(id=team.bot_id),
        conversation=ConversationAccount(
            id=team.team_id,
            conversation_type="channel",
            is_group=True,
            tenant_id=team.tenant_id or tenant_id,
        ),
    )
    return model_to_json(reference)


class GeneralChannel:
    """Implements the birthdays' NetworkChannel port over the stored installed teams."""

    def __init__(self, members: MemberRepository) -> None:
        self._members = members

    async def place(self) -> MessageHandle | None:
        """A new post in the General channel, or None when the app is in no team."""
        teams = sorted(await self._members.installed_teams(), key=lambda t: t.installed_at)
        if not teams:
            return None
        return {"reference": general_channel(teams[0])}
