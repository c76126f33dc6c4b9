"""Teams deep links to a message, so a DM can lead to the conversation it is about."""

from __future__ import annotations

import json
from urllib.parse import quote, urlencode

TEAMS = "https://teams.microsoft.com/l/message"


def channel_message_link(
    channel: str,
    message_id: str,
    thread_root_id: str | None,
    tenant_id: str | None,
    group_id: str | None,
) -> str:
    """A channel message (a post, or a reply in the thread under ``thread_root_id``); the
    channel is its conversation id without the thread. Teams opens the right team only with
    ``groupId`` (the team's Microsoft 365 group) and the thread with ``parentMessageId``."""
    parent = thread_root_id or message_id  # a post is the root of its own thread
    query = {"tenantId": tenant_id, "groupId": group_id, "parentMessageId": parent}
    params = urlencode({k: v for k, v in query.items() if v})
    return f"{TEAMS}/{quote(channel, safe=':@.')}/{quote(message_id)}?{params}"


def chat_message_link(conversation_id: str, message_id: str) -> str:
    """A message in a group chat."""
    context = quote(json.dumps({"contextType": "chat"}, separators=(",", ":")))
    return f"{TEAMS}/{quote(conversation_id, safe=':@.')}/{quote(message_id)}?context={context}"


def group_chat_link(mails: list[str], topic: str, message: str) -> str:
    """A new Teams chat with these people (a group chat when more than one), its topic set
    and a first message prefilled; Teams opens it for whoever clicks."""
    users = ",".join(quote(mail, safe="@.") for mail in mails)
    return (
        "https://teams.microsoft.com/l/chat/0/0"
        f"?users={users}&topicName={quote(topic)}&message={quote(message)}"
    )
