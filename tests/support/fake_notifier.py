"""A Notifier fake that records what would have been posted, updated or sent by DM."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.domain.ports import MessageHandle
from bot.teams.handles import conversation_of, is_posted, message_id_of, place_of
from bot.teams.threads import thread_place


@dataclass
class RecordingNotifier:
    """Every post gets a fresh id; DMs go to ``reachable`` users only (others: None)."""

    reachable: set[str] | None = None
    posts: list[tuple[MessageHandle, dict[str, Any]]] = field(default_factory=list)
    updates: list[tuple[MessageHandle, dict[str, Any]]] = field(default_factory=list)
    directs: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    mentions: list[tuple[MessageHandle, str, str]] = field(default_factory=list)

    async def post_card(self, place: MessageHandle, card: dict[str, Any]) -> MessageHandle:
        self.posts.append((place, card))
        return {"reference": place.get("reference", {}), "activity_id": f"post-{len(self.posts)}"}

    async def update_card(self, handle: MessageHandle, card: dict[str, Any]) -> None:
        self.updates.append((handle, card))

    def thread_of(self, card: MessageHandle, place: MessageHandle) -> MessageHandle:
        # Teams' own addressing, so that tests see the places production would post to.
        return thread_place(card, place)

    def is_posted(self, handle: MessageHandle) -> bool:
        # Handles have Teams' shape, and are read as the Teams notifier reads them.
        return is_posted(handle)

    def conversation_of(self, handle: MessageHandle) -> str | None:
        return conversation_of(handle)

    def place_of(self, handle: MessageHandle) -> str | None:
        return place_of(handle)

    def message_id_of(self, handle: MessageHandle) -> str | None:
        return message_id_of(handle)

    async def send_direct(
        self, user_key: str, card: dict[str, Any], tenant_id: str | None
    ) -> MessageHandle | None:
        if self.reachable is not None and user_key not in self.reachable:
            return None
        self.directs.append((user_key, card))
        return {"reference": {"user": user_key}, "activity_id": f"dm-{len(self.directs)}"}

    async def mention_in_thread(
        self, place: MessageHandle, user_key: str, name: str, text: str
    ) -> bool:
        # As Teams: nobody to @mention in a 1:1 chat.
        kind = (place.get("reference") or {}).get("conversation", {}).get("conversationType")
        if kind == "personal":
            return False
        self.mentions.append((place, user_key, text.replace("{person}", f"<at>{name}</at>")))
        return True

    def dm_recipients(self) -> list[str]:
        """Who got a DM, in order."""
        return [user for user, _ in self.directs]
