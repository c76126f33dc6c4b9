"""Teams deep links to a message, so a DM can lead to the conversation it is about."""

from __future__ import annotations

import json
from urllib.parse import quote, urlencode

TEAMS = "https://teams.microsoft.com/l/message"
_THREAD = ";messageid="


def channel_message_link(
    conversation_id: str, message_id: str, tenant_id: str | None, group_id: str | None
) -> str:
    """A channel message (a post or a reply in its thread). Teams opens the right team only
    with ``groupId`` (the team's Microsoft 365 group) and the thread with ``parentMessageId``."""
    channel, _, root = conversation_id.partition(_THREAD)
    query = {"tenantId": tenant_id, "groupId": group_id, "parentMessageId": root or message_id}
    params = urlencode({k: v for k, v in query.items() if v})
    return f"{TEAMS}/{quote(channel, safe=':@.')}/{quote(message_id)}?{params}"


def chat_message_link(conversation_id: str, message_id: str) -> str:
    """A message in a group chat."""
    context = quote(json.dumps({"contextType": "chat"}, separators=(",", ":")))
    return f"{TEAMS}/{quote(conversation_id, safe=':@.')}/{quote(message_id)}?context={context}"
