"""Teams channel threads on the wire: a reply's conversation id is
``<channel conversation id>;messageid=<root message id>``.

Only the Teams layer knows this format. Dialogs get it as facts of the Turn (``in_thread``,
``thread_root_id``, ``channel_conversation_id``, ``top_level_reference``); the domain gets the
place of a card's thread from the notifier and keeps every handle opaque.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_THREAD = ";messageid="


def split_thread(conversation_id: str) -> tuple[str, str | None]:
    """The conversation id without the thread, and the thread's root message id (None when
    the id names no thread: a new channel post, a chat)."""
    base, marker, root = conversation_id.partition(_THREAD)
    return base, (root if marker else None)


def in_thread_id(conversation_id: str, root_id: str) -> str:
    """The conversation id of the thread under ``root_id`` in the conversation's channel."""
    return f"{split_thread(conversation_id)[0]}{_THREAD}{root_id}"


def top_level_reference(reference: Mapping[str, Any]) -> dict[str, Any]:
    """A serialised reference without the thread, so that posts start a new conversation."""
    copied = dict(reference)
    conversation = dict(copied.get("conversation") or {})
    conversation["id"] = split_thread(str(conversation.get("id", "")))[0]
    copied["conversation"] = conversation
    copied.pop("activityId", None)
    return copied


def thread_place(card: Mapping[str, Any], place: Mapping[str, Any]) -> dict[str, Any]:
    """Where replies to ``card`` (a handle of a card posted into ``place``) go: in a channel
    the card's thread, so that follow-ups stay under it; elsewhere the conversation itself."""
    reference = dict(card.get("reference") or place.get("reference") or {})
    conversation = dict(reference.get("conversation") or {})
    if conversation.get("conversationType") == "channel":
        root = str(card.get("activity_id", ""))
        conversation["id"] = in_thread_id(str(conversation.get("id", "")), root)
        reference["conversation"] = conversation
        # botbuilder replies to the reference's activity: the card, the thread's root.
        reference["activityId"] = root
    return {"reference": reference}
