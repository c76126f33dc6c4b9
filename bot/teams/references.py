"""Stores every conversation reference once per (conversation, user, service URL, locale),
and again when the process last stored it a while ago (it may have been erased since)."""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime, timedelta

from botbuilder.schema import Activity

from bot.domain.ports import Clock, ConversationReferences
from bot.teams.translate import stored_reference, tenant_of, user_key_of

_CACHE_SIZE = 10_000
# "Meine Daten löschen" deletes the person's references on the database, but every replica
# still remembers having stored them: a remembered key is trusted this long only, so whoever
# writes again after an erasure on another replica is stored again within this time (the
# replica that erased forgets at once, ``forget``). A hot chat costs one batched write per
# interval instead of none.
RECHECK_AFTER = timedelta(minutes=5)


class ReferenceRecorder:
    """Writes a reference only when it is new or changed, so hot turns skip the write."""

    def __init__(self, store: ConversationReferences, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        # key -> when this process last stored it
        self._seen: OrderedDict[tuple[str, str, str, str], datetime] = OrderedDict()
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
        now = self._clock.now()
        stored = self._seen.get(key)
        if stored is not None and now - stored < RECHECK_AFTER:
            self._seen.move_to_end(key)
            return
        await self._store.save(stored_reference(activity, now))
        self._seen[key] = now
        self._seen.move_to_end(key)
        if len(self._seen) > _CACHE_SIZE:
            self._seen.popitem(last=False)

    def forget(self, user_key: str) -> None:
        """The person was erased: their next activity here stores its reference again."""
        for key in [key for key in self._seen if key[1] == user_key]:
            del self._seen[key]
