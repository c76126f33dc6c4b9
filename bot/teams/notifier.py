"""Proactive messages through the CloudAdapter, using stored conversation references."""

from __future__ import annotations

import html
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import structlog
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    ChannelAccount,
    ConversationReference,
    Mention,
)

from bot.conversation import Reply
from bot.domain.members.ports import MemberRepository
from bot.domain.ports import MessageHandle
from bot.observability import count
from bot.teams.direct import DirectMessenger
from bot.teams.handles import conversation_of, is_posted, message_id_of, place_of
from bot.teams.threads import thread_place
from bot.teams.translate import to_activity

log = structlog.get_logger(__name__)


@contextmanager
def _counting_failures() -> Iterator[None]:
    """Count what Teams refused (after the connector's own retries), then re-raise."""
    try:
        yield
    except Exception:
        count("messages.failed")
        raise


class TeamsNotifier:
    """Implements the Notifier port; a handle is {"reference": …, "activity_id": …}."""

    def __init__(
        self,
        adapter: CloudAdapter,
        app_id: str,
        direct: DirectMessenger,
        members: MemberRepository,
    ) -> None:
        self._adapter = adapter
        self._app_id = app_id
        self._direct = direct
        self._members = members

    async def post_card(self, place: MessageHandle, card: dict[str, Any]) -> MessageHandle:
        """Post a card into the conversation (or thread) of ``place``; returns its handle."""
        return await self._post(place, to_activity(Reply.of_card(card)))

    async def mention_in_thread(
        self, place: MessageHandle, user_key: str, name: str, text: str
    ) -> bool:
        """Post ``text`` into a channel thread or group chat with the person @mentioned."""
        kind = (place.get("reference") or {}).get("conversation", {}).get("conversationType")
        if kind not in ("channel", "groupChat"):
            return False
        member = await self._members.find(user_key)
        # Teams resolves a mention by the Teams account id, or by the Entra object id.
        account = ChannelAccount(id=member.teams_id if member else user_key, name=name)
        tag = f"<at>{html.escape(name)}</at>"
        activity = Activity(
            type=ActivityTypes.message,
            text=text.replace("{person}", tag),
            entities=[Mention(mentioned=account, text=tag, type="mention")],
        )
        await self._post(place, activity)
        return True

    async def _post(self, place: MessageHandle, activity: Activity) -> MessageHandle:
        reference = ConversationReference().deserialize(place["reference"])
        posted: list[str] = []

        async def send(context: TurnContext) -> None:
            if reference.activity_id:
                # botbuilder gives the continuation a fresh id; reply to the stored message so
                # that the card lands in the asker's thread.
                context.activity.id = reference.activity_id
            response = await context.send_activity(activity)
            posted.append(response.id if response else "")

        with _counting_failures():
            await self._adapter.continue_conversation(reference, send, self._app_id)
        return {"reference": place["reference"], "activity_id": posted[0]}

    def thread_of(self, card: MessageHandle, place: MessageHandle) -> MessageHandle:
        """Where replies to ``card`` (posted into ``place``) go: its thread in a channel."""
        return thread_place(card, place)

    def is_posted(self, handle: MessageHandle) -> bool:
        """True when ``handle`` names a posted message (one with an activity id)."""
        return is_posted(handle)

    def conversation_of(self, handle: MessageHandle) -> str | None:
        """The id of the conversation of ``handle``'s reference, if it has one."""
        return conversation_of(handle)

    def place_of(self, handle: MessageHandle) -> str | None:
        """The conversation of ``handle`` without its channel thread, if it names one."""
        return place_of(handle)

    def message_id_of(self, handle: MessageHandle) -> str | None:
        """The id of ``handle``'s message, as a quote of it names it."""
        return message_id_of(handle)

    async def update_card(self, handle: MessageHandle, card: dict[str, Any]) -> None:
        """Replace a posted card in place (for everyone who sees it)."""
        reference = ConversationReference().deserialize(handle["reference"])

        async def update(context: TurnContext) -> None:
            activity = to_activity(Reply.of_card(card))
            activity.id = handle["activity_id"]
            await context.update_activity(activity)

        with _counting_failures():
            await self._adapter.continue_conversation(reference, update, self._app_id)

    async def send_direct(
        self, user_key: str, card: dict[str, Any], tenant_id: str | None
    ) -> MessageHandle | None:
        """Send a card to a person's 1:1 chat; None when the bot cannot reach them."""
        return await self._direct.send(user_key, card, tenant_id, self.post_card)

    async def personal_chat(self, user_key: str, tenant_id: str | None) -> MessageHandle | None:
        """A person's 1:1 chat with the bot as a place to post into, opened (as for a DM) if
        they never wrote there; nothing is posted. None when the bot cannot reach them."""

        async def nothing(place: MessageHandle, card: dict[str, Any]) -> MessageHandle:
            return place

        return await self._direct.send(user_key, {}, tenant_id, nothing)
