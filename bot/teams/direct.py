"""1:1 messages to anyone the bot may reach, not only to people who wrote to it first.

The order of attempts: the stored personal chat; a 1:1 chat opened from the team roster
(the app is installed for every member of a team it is in); a chat opened from any other
conversation the person wrote in; the personal app installed through Graph (people outside
every team with the app). Whatever fails is recorded with its reason for ``bot status``;
a throttled install raises, so that the caller's durable job tries again later.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    ChannelAccount,
    ConversationAccount,
    ConversationParameters,
    ConversationReference,
)

from bot.domain.members.model import Reach, ReachFailure
from bot.domain.members.ports import MemberRepository
from bot.domain.ports import Clock, ConversationReferences, MessageHandle
from bot.domain.reach import InstallOutcome, PersonalAppInstaller
from bot.observability import count
from bot.teams.references import ReferenceRecorder

log = structlog.get_logger(__name__)

# Posts a card into a known conversation (the notifier's, so failures are counted alike).
_Post = Callable[[MessageHandle, dict[str, Any]], Awaitable[MessageHandle]]
# Teams' answers for "the bot was blocked or removed by the person" and "no such chat".
REFUSED_STATUSES = frozenset({403, 404})


def refused_status(error: BaseException) -> int | None:
    """The HTTP status when Teams refused the recipient (403/404), else None."""
    # Our fast connector raises with ``status``; msrest's ErrorResponseException carries the
    # HTTP response (``status_code``; aiohttp's own response has ``status``).
    response = getattr(error, "response", None)
    for status in (
        getattr(error, "status", None),
        getattr(response, "status_code", None),
        getattr(response, "status", None),
    ):
        if status in REFUSED_STATUSES:
            return int(status)
    return None


class GraphThrottledError(Exception):
    """Graph still throttled the personal app install after its retries: try again later."""


_INSTALL_FAILURES = {
    InstallOutcome.FORBIDDEN: ReachFailure.INSTALL_FORBIDDEN,
    InstallOutcome.NOT_FOUND: ReachFailure.USER_UNKNOWN,
}
# Teams' global service URL: valid for any tenant when no team tells a regional one.
DEFAULT_SERVICE_URL = "https://smba.trafficmanager.net/teams/"


class UnreachableError(Exception):
    """The person cannot be messaged by any route; ``reason`` is a ReachFailure value."""

    def __init__(self, reason: ReachFailure) -> None:
        super().__init__(reason.value)
        self.reason = reason


class DirectMessenger:
    """Opens and reuses 1:1 chats; returns the posted card's handle or None (unreachable)."""

    def __init__(
        self,
        adapter: CloudAdapter,
        app_id: str,
        references: ConversationReferences,
        recorder: ReferenceRecorder,
        members: MemberRepository,
        clock: Clock,
        installer: PersonalAppInstaller | None = None,
        default_service_url: str = DEFAULT_SERVICE_URL,
    ) -> None:
        self._adapter, self._app_id = adapter, app_id
        self._references, self._recorder = references, recorder
        self._members, self._clock = members, clock
        self._installer, self._default_service_url = installer, default_service_url

    async def send(
        self,
        user_key: str,
        card: dict[str, Any],
        tenant_id: str | None,
        post: _Post,
    ) -> MessageHandle | None:
        """Send ``card`` to the person; ``post`` posts into a known conversation."""
        try:
            personal = await self._references.personal_for_user(user_key)
            if personal is not None:
                return await post({"reference": personal.reference}, card)
            return await self._open_chat(user_key, card, tenant_id, post)
        except UnreachableError as failure:
            await self._record(user_key, "", reachable=False, reason=failure.reason.value)
        except Exception as error:
            if refused_status(error) is None:
                raise  # a passing fault: the caller's job retries
            await self._record(user_key, "", reachable=False, reason=ReachFailure.BLOCKED)
        log.info("direct_message_unreachable")
        count("messages.undeliverable")
        return None

    async def _open_chat(
        self, user_key: str, card: dict[str, Any], tenant_id: str | None, post: _Post
    ) -> MessageHandle:
        member = await self._members.find(user_key)
        if member is not None:
            account = ChannelAccount(id=member.teams_id, aad_object_id=member.user_key)
            account.name = member.name
            handle = await self._create_chat(
                account,
                ChannelAccount(id=member.bot_id),
                member.tenant_id or tenant_id,
                member.service_url,
            )
            posted = await post(handle, card)
            await self._record(user_key, member.name, reachable=True, reason="roster")
            return posted
        known = await self._references.any_for_user(user_key)
        if known is not None:
            # The person wrote in a channel or group chat the bot is in (no roster yet).
            reference = ConversationReference().deserialize(known.reference)
            tenant = tenant_id or known.tenant_id
            handle = await self._create_chat(
                reference.user, reference.bot, tenant, reference.service_url
            )
            return await post(handle, card)
        if self._installer is None:
            raise UnreachableError(ReachFailure.NOT_IN_ANY_TEAM)
        return await self._install_and_post(user_key, card, tenant_id, post)

    async def _install_and_post(
        self, user_key: str, card: dict[str, Any], tenant_id: str | None, post: _Post
    ) -> MessageHandle:
        # Someone outside every team with the app: install its personal app through Graph,
        # then write into the 1:1 chat Teams created for it.
        assert self._installer is not None
        outcome = await self._installer.install_for(user_key)
        if outcome is InstallOutcome.THROTTLED:
            raise GraphThrottledError(user_key)  # the caller's job retries later
        if not outcome.has_app:
            raise UnreachableError(_INSTALL_FAILURES[outcome])
        chat_id = await self._installer.personal_chat_id(user_key)
        if chat_id is None:
            raise UnreachableError(ReachFailure.USER_UNKNOWN)
        service_url, bot_id = await self._route(tenant_id)
        reference = personal_reference(chat_id, user_key, bot_id, tenant_id, service_url)
        activity = TurnContext.apply_conversation_reference(
            Activity(type=ActivityTypes.message), reference, is_incoming=True
        )
        await self._recorder.remember(activity)
        posted = await post({"reference": reference.serialize()}, card)
        await self._record(user_key, "", reachable=True, reason="installed")
        return posted

    async def _route(self, tenant_id: str | None) -> tuple[str, str]:
        """Service URL and bot account for a tenant: those of a team the app is in, else the
        service URL of the tenant's latest activity, else Teams' global one."""
        teams = await self._members.installed_teams()
        same_tenant = [t for t in teams if t.tenant_id == tenant_id] or list(teams)
        if same_tenant:
            return same_tenant[0].service_url, same_tenant[0].bot_id
        recent = self._recorder.route_for(tenant_id)
        return recent or (self._default_service_url, f"28:{self._app_id}")

    async def _create_chat(
        self, user: ChannelAccount, bot: ChannelAccount, tenant: str | None, service_url: str
    ) -> MessageHandle:
        """Open (or get back: Teams returns the existing one) the 1:1 chat with ``user``."""
        parameters = ConversationParameters(
            is_group=False,
            bot=bot,
            members=[ChannelAccount(id=user.id)],
            tenant_id=tenant,
            channel_data={"tenant": {"id": tenant}} if tenant else None,
        )
        handles: list[MessageHandle] = []

        async def remember(context: TurnContext) -> None:
            context.activity.from_property = user
            context.activity.conversation.conversation_type = "personal"
            context.activity.conversation.tenant_id = tenant
            await self._recorder.remember(context.activity)
            reference = TurnContext.get_conversation_reference(context.activity)
            handles.append({"reference": reference.serialize()})

        await self._adapter.create_conversation(
            self._app_id, remember, parameters, "msteams", service_url
        )
        return handles[0]

    async def _record(self, user_key: str, name: str, *, reachable: bool, reason: str) -> None:
        # Best effort: the status overview must not cost anyone a message.
        try:
            await self._members.record_reach(
                Reach(user_key, name, reachable, reason, self._clock.now())
            )
        except Exception:
            log.exception("reach_not_recorded")


def personal_reference(
    chat_id: str, user_key: str, bot_id: str, tenant_id: str | None, service_url: str
) -> ConversationReference:
    """A reference to a personal chat known only by its id (from Graph)."""
    return ConversationReference(
        channel_id="msteams",
        service_url=service_url,
        bot=ChannelAccount(id=bot_id),
        user=ChannelAccount(id=user_key, aad_object_id=user_key),
        conversation=ConversationAccount(
            id=chat_id, conversation_type="personal", tenant_id=tenant_id
        ),
    )
