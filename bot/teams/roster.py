"""The members of a team or chat, read through the Bot Connector (paged, as Teams advises)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsInfo
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import ConversationReference

from bot.domain.stammtisch.model import Member

PAGE_SIZE = 200
MAX_PAGES = 100  # 20,000 members: far beyond any assistants' network; stops a runaway loop


class TeamsRoster:
    """Implements the TeamRoster port with ``TeamsInfo.get_paged_members``."""

    def __init__(self, adapter: CloudAdapter, app_id: str) -> None:
        self._adapter, self._app_id = adapter, app_id

    async def members(self, place: dict[str, Any]) -> Sequence[Member]:
        """Every member of the conversation of ``place`` (a team channel: the team)."""
        reference = ConversationReference().deserialize(place["reference"])
        # The channel's base conversation, not a thread inside it.
        reference.conversation.id = reference.conversation.id.partition(";messageid=")[0]
        found: list[Member] = []

        async def collect(context: TurnContext) -> None:
            token: str | None = None
            for _ in range(MAX_PAGES):
                page = await TeamsInfo.get_paged_members(context, token, PAGE_SIZE)
                found.extend(
                    Member(
                        key=getattr(m, "aad_object_id", None) or "",
                        name=m.name or "",
                        teams_id=m.id or "",
                    )
                    for m in page.members or []
                )
                token = page.continuation_token
                if not token:
                    return

        await self._adapter.continue_conversation(reference, collect, self._app_id)
        return found
