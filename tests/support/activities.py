"""Realistic Teams activities for tests and benchmarks (shaped as Teams sends them)."""

from __future__ import annotations

import itertools
from typing import Any

TENANT_ID = "7a1c3e55-2f4b-4d8a-9c61-5e2f8b0d4a17"
BOT_ID = "28:assistenz-bot"
_counter = itertools.count(1)


def _base(service_url: str, conversation: dict[str, Any], user: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": f"1{next(_counter):012d}",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "timestamp": "2026-11-22T09:00:00.000Z",
        "locale": "de-DE",
        "from": user,
        "recipient": {"id": BOT_ID, "name": "Assistenz-Bot"},
        "conversation": conversation,
        "channelData": {"tenant": {"id": TENANT_ID}},
    }


def user(n: int = 1, *, aad: str | None = None, name: str | None = None) -> dict[str, Any]:
    """A Teams user account with an aadObjectId (numbered test person or a given one)."""
    aad = aad or f"00000000-0000-4000-8000-{n:012d}"
    return {"id": f"29:{aad}", "name": name or f"Testperson {n}", "aadObjectId": aad}


def as_user(activity: dict[str, Any], aad: str, name: str) -> dict[str, Any]:
    """The same activity sent by another person (and, in 1:1 chats, in their own chat)."""
    activity["from"] = user(aad=aad, name=name)
    if activity["conversation"].get("conversationType") == "personal":
        activity["conversation"]["id"] = f"a:personal-{aad}"
    return activity


def personal_conversation(n: int = 1) -> dict[str, Any]:
    """A 1:1 conversation between the bot and user n."""
    return {"id": f"a:personal-{n}", "conversationType": "personal", "tenantId": TENANT_ID}


def channel_conversation() -> dict[str, Any]:
    """The team's General channel (thread root)."""
    return {
        "id": "19:general@thread.tacv2",
        "conversationType": "channel",
        "isGroup": True,
        "tenantId": TENANT_ID,
    }


def group_chat_conversation() -> dict[str, Any]:
    """A group chat the bot was added to."""
    return {
        "id": "19:meeting-gruppe@thread.v2",
        "conversationType": "groupChat",
        "isGroup": True,
        "tenantId": TENANT_ID,
    }


def message(
    service_url: str,
    text: str,
    *,
    n: int = 1,
    conversation: dict[str, Any] | None = None,
    locale: str = "de-DE",
) -> dict[str, Any]:
    """A personal-chat message from user n."""
    activity = _base(service_url, conversation or personal_conversation(n), user(n))
    activity.update(type="message", text=text, textFormat="plain", locale=locale)
    return activity


def _mentioning_the_bot(activity: dict[str, Any], text: str) -> dict[str, Any]:
    mention = "<at>Assistenz-Bot</at>"
    activity.update(
        type="message",
        text=f"{mention} {text}",
        textFormat="plain",
        entities=[
            {
                "type": "mention",
                "text": mention,
                "mentioned": {"id": BOT_ID, "name": "Assistenz-Bot"},
            }
        ],
    )
    return activity


def channel_mention(service_url: str, text: str, *, n: int = 1) -> dict[str, Any]:
    """A channel post that @mentions the bot, as Teams delivers it."""
    activity = _mentioning_the_bot(_base(service_url, channel_conversation(), user(n)), text)
    activity["channelData"].update(
        team={"id": "19:team@thread.tacv2"}, channel={"id": "19:general@thread.tacv2"}
    )
    return activity


def group_chat_mention(service_url: str, text: str, *, n: int = 1) -> dict[str, Any]:
    """A group chat message that @mentions the bot (Teams delivers only those to it)."""
    return _mentioning_the_bot(_base(service_url, group_chat_conversation(), user(n)), text)


def channel_post(service_url: str, text: str, *, n: int = 1) -> dict[str, Any]:
    """A channel post that mentions nobody: Teams delivers it only with RSC consent
    (ChannelMessage.Read.Group), to every bot of the team."""
    activity = channel_mention(service_url, text, n=n)
    activity.update(text=text, entities=[])
    return activity


def in_channel(activity: dict[str, Any]) -> dict[str, Any]:
    """The activity as Teams sends it from the team's General channel (team in channelData)."""
    activity["conversation"] = channel_conversation()
    activity["channelData"].update(
        team={"id": "19:team@thread.tacv2"}, channel={"id": "19:general@thread.tacv2"}
    )
    return activity


def card_invoke(
    service_url: str, verb: str, data: dict[str, Any], *, n: int = 1, reply_to: str = "1card"
) -> dict[str, Any]:
    """An Action.Execute (Universal Action) invoke."""
    activity = _base(service_url, personal_conversation(n), user(n))
    activity.update(
        type="invoke",
        name="adaptiveCard/action",
        replyToId=reply_to,
        value={
            "action": {"type": "Action.Execute", "verb": verb, "data": data},
            "trigger": "manual",
        },
    )
    return activity


def card_submit(
    service_url: str, verb: str, data: dict[str, Any], *, n: int = 1, reply_to: str = "1card"
) -> dict[str, Any]:
    """An Action.Submit click: a message whose ``value`` is the button's data with the verb."""
    activity = _base(service_url, personal_conversation(n), user(n))
    activity.update(type="message", replyToId=reply_to, value={"verb": verb, **data})
    return activity


def bot_added_to_team(service_url: str) -> dict[str, Any]:
    """conversationUpdate sent when the app is installed in a team."""
    activity = _base(service_url, channel_conversation(), user(1))
    activity.update(type="conversationUpdate", membersAdded=[{"id": BOT_ID}])
    activity["channelData"].update(
        team={"id": "19:team@thread.tacv2", "name": "Assistenz-Netzwerk"},
        eventType="teamMemberAdded",
    )
    return activity


def members_removed(service_url: str, *aad_ids: str) -> dict[str, Any]:
    """conversationUpdate sent when the people ``aad_ids`` leave the team."""
    activity = bot_added_to_team(service_url)
    activity.pop("membersAdded")
    activity["membersRemoved"] = [{"id": f"29:{aad}"} for aad in aad_ids]
    return activity
