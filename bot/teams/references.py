"""Stores every conversation reference once per (conversation, user, service URL, locale)."""

from __future__ import annotations

from collections import OrderedDict

from botbuilder.schema import Activity

from bot.domain.ports import Clock, ConversationReferences
from bot.teams.translate import stored_reference, tenant_of, user_key_of

_CACHE_SIZE = 10_000


class ReferenceRecorder:
    """Writes a reference only when it is new or changed, so hot turns skip the write."""

    def __init__(self, store: ConversationReferences, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        self._seen: OrderedDict[tuple[str, str, str, str], None] = OrderedDict()
        # The service URL Teams last used per tenant: where to write to a chat known only by
        # its id (a personal app installed through Graph).
        self._routes: dict[str | None, tuple[str, str]] = {}

    def route_for(self, tenant_id: str | None) -> tuple[str, str] | None:
        """(service URL, bot account id) of the tenant's latest activity here, if any."""
        return self._routes.get(tenant_id) or self._routes.get(None)

    async def remember(self, activity: Activity) -> None:
        """Persist the activity's conversation reference if this process has not yet."""
        if activity.conversation is None or not activity.service_url:
            return
        tenant, bot = tenant_of(activity), getattr(activity.recipient, "id", None)
        if bot and (len(self._routes) < _CACHE_SIZE or tenant in self._routes):
            self._routes[tenant] = self._routes[None] = (activity.service_url, str(bot))
        # The locale is part of the key: a person who switches Teams to English gets the
        # bot's unprompted messages (approvals, reminders) in English from then on.
        key = (
            activity.conversation.id,
            user_key_of(activity),
            activity.service_url,
            activity.locale or "",
        )
        if key in self._seen:
            self._seen.move_to_end(key)
            return
        await self._store.save(stored_reference(activity, self._clock.now()))
        self._seen[key] = None
        if len(self._seen) > _CACHE_SIZE:
            self._seen.popitem(last=False)
