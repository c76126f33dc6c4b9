"""What a message handle holds on the Teams side, and the questions the domain may ask of one.

The notifier writes a handle as ``{"reference": <the serialised conversation reference of the
place posted into>, "activity_id": <the posted message's id>}``; the domain stores it and keeps
it opaque. It asks the Notifier port instead, which answers with these functions, and so do
the test fakes: both read a handle alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.teams.threads import split_thread


def is_posted(handle: Mapping[str, Any]) -> bool:
    """True when ``handle`` names a message that was posted (Teams returned its id), so that
    it can be updated in place; False for an empty handle (nothing posted yet) and for a send
    whose id Teams did not return."""
    return bool(handle.get("activity_id"))


def conversation_of(handle: Mapping[str, Any]) -> str | None:
    """The id of the conversation ``handle``'s message went to, as turns in it carry it (in a
    channel thread, the thread's id); None when the handle names no conversation."""
    conversation = (handle.get("reference") or {}).get("conversation")
    identifier = conversation.get("id") if isinstance(conversation, Mapping) else None
    return identifier if isinstance(identifier, str) else None


def place_of(handle: Mapping[str, Any]) -> str | None:
    """The conversation ``handle``'s message went to without its channel thread; None when the
    handle names no conversation."""
    conversation = conversation_of(handle)
    return None if conversation is None else split_thread(conversation)[0]


def message_id_of(handle: Mapping[str, Any]) -> str | None:
    """The posted message's id (what a reply quoting it names); None when nothing was posted."""
    identifier = handle.get("activity_id")
    return identifier if isinstance(identifier, str) and identifier else None
