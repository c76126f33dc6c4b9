"""Shape check of an incoming activity's raw JSON, before botbuilder or a handler sees it.

``model_from_json`` keeps whatever JSON type a field has when it is not the declared one
(a string ``from``, a number ``conversation``), and botbuilder and the handlers then fail deep
inside a turn with a traceback. Every field the bot, botbuilder's handlers or msrest's
``TeamsChannelData`` read is checked here; unknown fields stay allowed (Teams adds new ones).

Length limits come from the database: the re-delivery ledger keys
``msg|<conversation id>|<activity id>`` and ``joined|<team id, cut>|<activity id>|<member id>``
must fit its 300 characters, account ids the 200 of ``user_key``, tenant ids the 64 of
``tenant_id``. Real Teams ids are far shorter (conversation ids ~150, activity ids ~40 characters).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

# value, path -> the first problem found, or None
Rule = Callable[[Any, str], str | None]

MAX_ACTIVITY_ID = 90
MAX_CONVERSATION_ID = 200
MAX_ACCOUNT_ID = 128
MAX_TENANT_ID = 64
MAX_SERVICE_URL = 500


def string(max_length: int | None = None, *, non_empty: bool = False) -> Rule:
    """A JSON string, optionally non-empty and at most ``max_length`` characters."""

    def check(value: Any, path: str) -> str | None:
        if not isinstance(value, str):
            return f"{path} must be a string"
        if non_empty and not value:
            return f"{path} must not be empty"
        if max_length is not None and len(value) > max_length:
            return f"{path} is longer than {max_length} characters"
        return None

    return check


def _boolean(value: Any, path: str) -> str | None:
    return None if isinstance(value, bool) else f"{path} must be true or false"


def _count(value: Any, path: str) -> str | None:
    # bool is an int in Python; a JSON true is no count.
    ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 2**31 - 1
    return None if ok else f"{path} is not a count"


def _anything(_value: Any, _path: str) -> str | None:
    return None


def _http_url(value: Any, path: str) -> str | None:
    problem = string(MAX_SERVICE_URL, non_empty=True)(value, path)
    if problem:
        return problem
    try:
        parts = urlsplit(value)
        valid = parts.scheme in ("http", "https") and bool(parts.hostname)
        parts.port  # noqa: B018 - raises ValueError for a port that is no number
    except ValueError:
        valid = False
    if not valid or any(ch.isspace() or ord(ch) < 32 for ch in value):
        return f"{path} must be an http(s) URL"
    return None


def obj(fields: Mapping[str, Rule], required: tuple[str, ...] = ()) -> Rule:
    """A JSON object whose known ``fields`` follow their rules (null counts as absent)."""

    def check(value: Any, path: str) -> str | None:
        if not isinstance(value, dict):
            return f"{path} must be an object"
        for name in required:
            if value.get(name) is None:
                return f"{path}.{name} is missing"
        for name, rule in fields.items():
            item = value.get(name)
            if item is not None:
                problem = rule(item, f"{path}.{name}")
                if problem:
                    return problem
        return None

    return check


def list_of(rule: Rule) -> Rule:
    """A JSON array whose every item follows ``rule`` (null items included)."""

    def check(value: Any, path: str) -> str | None:
        if not isinstance(value, list):
            return f"{path} must be a list"
        for index, item in enumerate(value):
            problem = rule(item, f"{path}[{index}]")
            if problem:
                return problem
        return None

    return check


def _entity(value: Any, path: str) -> str | None:
    problem = obj({"type": string()}, required=("type",))(value, path)
    if (
        problem is None
        and isinstance(value.get("type"), str)
        and value["type"].lower() == "mention"
    ):
        # botbuilder's mention removal reads mentioned.id and text of every mention (it
        # compares the type case-insensitively, and so do we).
        return _MENTION(value, path)
    return problem


_TEXT = string()
_ACCOUNT_FIELDS: dict[str, Rule] = {
    "id": string(MAX_ACCOUNT_ID, non_empty=True),
    "name": _TEXT,
    "aadObjectId": string(MAX_ACCOUNT_ID),
    "role": _TEXT,
}
_ACCOUNT = obj(_ACCOUNT_FIELDS, required=("id",))
_CONVERSATION = obj(
    {
        "id": string(MAX_CONVERSATION_ID, non_empty=True),
        "name": _TEXT,
        "conversationType": _TEXT,
        "tenantId": string(MAX_TENANT_ID),
        "aadObjectId": string(MAX_ACCOUNT_ID),
        "role": _TEXT,
        "isGroup": _boolean,
    },
    required=("id",),
)
_MENTION = obj({"type": _TEXT, "text": _TEXT, "mentioned": _ACCOUNT}, ("text", "mentioned"))
_TEAMS_ID = string(MAX_ACCOUNT_ID)
# The fields msrest's TeamsChannelData deserialises (botbuilder's Teams handlers read them).
_CHANNEL_DATA = obj(
    {
        "tenant": obj({"id": string(MAX_TENANT_ID)}),
        "team": obj({"id": _TEAMS_ID, "name": _TEXT, "aadGroupId": _TEXT}),
        "channel": obj({"id": _TEAMS_ID, "name": _TEXT}),
        "eventType": _TEXT,
        "notification": obj({"alert": _boolean}),
        "meeting": obj({"id": _TEXT}),
        "settings": obj({"selectedChannel": obj({"id": _TEAMS_ID, "name": _TEXT})}),
        "onBehalfOf": list_of(obj({"mentionType": _TEXT, "mri": _TEXT, "displayName": _TEXT})),
    }
)
_ATTACHMENT = obj(
    {
        "contentType": _TEXT,
        "contentUrl": _TEXT,
        "name": _TEXT,
        "thumbnailUrl": _TEXT,
        "content": _anything,
    },
    required=("contentType",),
)
_REFERENCE = obj(
    {
        "activityId": _TEXT,
        "user": _ACCOUNT,
        "bot": _ACCOUNT,
        "conversation": _CONVERSATION,
        "channelId": _TEXT,
        "locale": _TEXT,
        "serviceUrl": _TEXT,
    }
)
_TEXT_FIELDS = (
    "localTimezone", "textFormat", "attachmentLayout", "topicName", "locale", "text", "speak",
    "inputHint", "summary", "action", "label", "valueType", "name", "code", "importance",
    "deliveryMode", "callerId",
)  # fmt: skip
_TIMESTAMP = _TEXT  # the ISO format itself is parsed (and refused) by model_from_json
_FIELDS: dict[str, Rule] = {
    "type": string(non_empty=True),
    "id": string(MAX_ACTIVITY_ID),
    "timestamp": _TIMESTAMP,
    "localTimestamp": _TIMESTAMP,
    "expiration": _TIMESTAMP,
    "serviceUrl": _http_url,
    "channelId": string(MAX_ACCOUNT_ID, non_empty=True),
    "from": _ACCOUNT,
    "conversation": _CONVERSATION,
    "recipient": _ACCOUNT,
    "membersAdded": list_of(_ACCOUNT),
    "membersRemoved": list_of(_ACCOUNT),
    "reactionsAdded": list_of(obj({"type": _TEXT})),
    "reactionsRemoved": list_of(obj({"type": _TEXT})),
    "historyDisclosed": _boolean,
    "replyToId": string(MAX_ACTIVITY_ID),
    "attachments": list_of(_ATTACHMENT),
    "entities": list_of(_entity),
    "channelData": _CHANNEL_DATA,
    "relatesTo": _REFERENCE,
    "suggestedActions": obj({"to": list_of(_TEXT), "actions": list_of(obj({}))}),
    "semanticAction": obj({"id": _TEXT, "state": _TEXT, "entities": obj({})}),
    "textHighlights": list_of(obj({"text": _TEXT})),
    "listenFor": list_of(_TEXT),
    **dict.fromkeys(_TEXT_FIELDS, _TEXT),
}
_ACTIVITY = obj(
    _FIELDS,
    required=("type", "serviceUrl", "channelId", "from", "recipient", "conversation"),
)
# Every invoke Teams sends carries an object value; the card action's verb is read as text.
_INVOKE_VALUE = obj({})
_CARD_ACTION_VALUE = obj({"action": obj({"verb": _TEXT, "type": _TEXT})}, required=("action",))
CARD_ACTION_INVOKE = "adaptiveCard/action"
# The message action's two invokes (bot/teams/message_action.py checks the content and answers
# a wrong command or input kindly; here only the structure the handler walks).
_MESSAGE_ACTION_VALUE = obj(
    {
        "commandId": string(100),
        "commandContext": string(20),
        "messagePayload": obj(
            {
                "id": string(MAX_ACTIVITY_ID),
                "body": obj({"content": string(), "contentType": string(40)}),
            }
        ),
        "data": obj({}),
    },
    required=("commandId",),
)
MESSAGE_ACTION_INVOKE_NAMES = ("composeExtension/fetchTask", "composeExtension/submitAction")
# The search message extension's query (dialogs/who_knows.py answers an unknown command or an
# empty topic kindly; here only the structure it reads).
QUERY_INVOKE = "composeExtension/query"
_QUERY_VALUE = obj(
    {
        "commandId": string(100),
        "parameters": list_of(obj({"name": string(100), "value": string(1000)}, ("name",))),
        "queryOptions": obj({"skip": _count, "count": _count}),
    },
    required=("commandId",),
)
# A typeahead input's query: what was typed (queryText) into which Data.Query dataset.
SEARCH_INVOKE = "application/search"
_SEARCH_VALUE = obj(
    {
        "queryText": _TEXT,
        "dataset": string(non_empty=True),
        "queryOptions": obj({"skip": _count, "top": _count}),
    },
    required=("dataset",),
)


def shape_problem(body: dict[str, Any]) -> str | None:
    """The first way ``body`` is not a well-formed activity, or None if it is one."""
    problem = _ACTIVITY(body, "activity")
    if problem or body.get("type") != "invoke":
        return problem
    if body.get("name") == CARD_ACTION_INVOKE:
        return _CARD_ACTION_VALUE(body.get("value"), "activity.value")
    if body.get("name") in MESSAGE_ACTION_INVOKE_NAMES:
        return _MESSAGE_ACTION_VALUE(body.get("value"), "activity.value")
    if body.get("name") == QUERY_INVOKE:
        return _QUERY_VALUE(body.get("value"), "activity.value")
    if body.get("name") == SEARCH_INVOKE:
        return _SEARCH_VALUE(body.get("value"), "activity.value")
    value = body.get("value")
    return None if value is None else _INVOKE_VALUE(value, "activity.value")
