"""Proactive messages through the CloudAdapter, using stored conversation references."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import structlog
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import (
    ChannelAccount,
    ConversationParameters,
    ConversationReference,
)

from bot.conversation import Reply
from bot.domain.conversation_refs import StoredReference
from bot.domain.ports import ConversationReferences, MessageHandle
from bot.observability import count
from bot.teams.references import ReferenceRecorder
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
        references: ConversationReferences,
        recorder: ReferenceRecorder,
    ) -> None:
        self._adapter = adapter
        self._app_id = app_id
        self._references = references
        self._recorder = recorder

    async def post_card(self, place: MessageHandle, card: dict[str, Any]) -> MessageHandle:
        """Post a card into the conversation (or thread) of ``place``; returns its handle."""
        reference = ConversationReference().deserialize(place["reference"])
        posted: list[str] = []

        async def send(context: TurnContext) -> None:
            if reference.activity_id:
                # botbuilder gives the continuation a fresh id; reply to the stored message so
                # that the card lands in the asker's thread.
                context.activity.id = reference.activity_id
            response = await context.send_activity(to_activity(Reply.of_card(card)))
            posted.append(response.id if response else "")

        with _counting_failures():
            await self._adapter.continue_conversation(reference, send, self._app_id)
        return {"reference": place["reference"], "activity_id": posted[0]}

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
        """Send a card to a person's 1:1 chat; None when the bot cannot reach them (yet)."""
        personal = await self._references.personal_for_user(user_key)
        if personal is not None:
            return await self.post_card({"reference": personal.reference}, card)
        known = await self._references.any_for_user(user_key)
        if known is None:
            log.info("direct_message_unreachable", reason="no_reference")
            count("messages.undeliverable")
            return None
        return await self._create_personal_chat(known, card, tenant_id)

    async def _create_personal_chat(
        self, known: StoredReference, card: dict[str, Any], tenant_id: str | None
    ) -> MessageHandle | None:
        # The person has written somewhere the bot is (a channel, a group chat): their Teams
        # account id from that reference opens a 1:1 chat (the app is installed for the team).
        reference = ConversationReference().deserialize(known.reference)
        user, bot = reference.user, reference.bot
        # Channel activities may carry the tenant only in channelData: the stored value has it.
        tenant = tenant_id or known.tenant_id or getattr(reference.conversation, "tenant_id", None)
        parameters = ConversationParameters(
            is_group=False,
            bot=bot,
            members=[ChannelAccount(id=user.id)],
            tenant_id=tenant,
            channel_data={"tenant": {"id": tenant}} if tenant else None,
        )
        handles: list[MessageHandle] = []

        async def send(context: TurnContext) -> None:
            context.activity.from_property = user
            context.activity.conversation.conversation_type = "personal"
            new_reference = TurnContext.get_conversation_reference(context.activity)
            response = await context.send_activity(to_activity(Reply.of_card(card)))
            await self._recorder.remember(context.activity)
            handles.append(
                {"reference": new_reference.serialize(), "activity_id": response.id or ""}
            )

        with _counting_failures():
            await self._adapter.create_conversation(
                self._app_id, send, parameters, reference.channel_id, reference.service_url
            )
        return handles[0] if handles else None
