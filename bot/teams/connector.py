"""A ConnectorClient whose message calls go straight through the pooled aiohttp session.

Sending, replying and updating activities happen on every turn. The stock msrest path
serialises the activity through msrest's generic model walk (also through the card content)
and runs a policy pipeline: milliseconds per reply, measured in bench/. These three calls use
``fast_json`` and one ``aiohttp`` request with the same retry policy (``send_policy``) and
credential handling; every other Connector call keeps the stock implementation.

Errors callers can act on: ``RecipientUnreachableError`` (403/404: the bot was blocked or
uninstalled, or the conversation is gone; never retried) and ``ConnectorError`` for any other
failure after the policy's retries.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import aiohttp
import orjson
from botframework.connector.aio import ConnectorClient
from botframework.connector.aio.operations_async import ConversationsOperations
from botframework.connector.models import Activity, ErrorResponseException, ResourceResponse

from bot.teams.fast_json import model_to_json
from bot.teams.http_pipeline import bearer_token, pooled_pipeline_type
from bot.teams.send_policy import SendPolicy

UNREACHABLE_STATUSES = frozenset({403, 404})


class ConnectorError(Exception):
    """The Bot Connector answered with an error status (after the policy's retries).

    ``reason`` is the Connector's error code (e.g. "BotDisabledByAdmin",
    "ConversationNotFound"), or "" when the body carries none.
    """

    def __init__(self, status: int, body: str) -> None:
        super().__init__(f"Bot Connector answered {status}: {body[:300]}")
        self.status = status
        self.reason = _error_code(body)


class RecipientUnreachableError(ConnectorError):
    """403/404: the person blocked or uninstalled the bot, or the conversation is gone.

    Raised at the first answer, never retried: repeating cannot help, and the caller should
    stop writing to this conversation (mark the person unreachable) instead.
    """


def connector_error(status: int, body: str) -> ConnectorError:
    """The error for a final non-2xx answer: RecipientUnreachableError for 403/404."""
    if status in UNREACHABLE_STATUSES:
        return RecipientUnreachableError(status, body)
    return ConnectorError(status, body)


def _error_code(body: str) -> str:
    try:
        error = orjson.loads(body).get("error") if body else None
    except (orjson.JSONDecodeError, AttributeError):
        return ""
    code = error.get("code") if isinstance(error, dict) else None
    return code if isinstance(code, str) else ""


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    headers: Mapping[str, str]
    body: str


def _activity_path(conversation_id: str, activity_id: str) -> str:
    return (
        f"v3/conversations/{quote(conversation_id, safe='')}"
        f"/activities/{quote(activity_id, safe='')}"
    )


class _FastConversationsOperations(ConversationsOperations):  # type: ignore[misc]
    def __init__(
        self, *args: Any, session: aiohttp.ClientSession, credentials: Any, policy: SendPolicy
    ) -> None:
        super().__init__(*args)
        self._session = session
        self._credentials = credentials
        self._policy = policy

    async def create_conversation(self, parameters: Any, **kwargs: Any) -> Any:
        """Stock call, but 403/404 (app not installed for them) raise RecipientUnreachableError."""
        try:
            return await super().create_conversation(parameters, **kwargs)
        except ErrorResponseException as error:
            response = error.response
            status = getattr(response, "status_code", None)
            if status in UNREACHABLE_STATUSES:
                raise RecipientUnreachableError(status, response.text()) from error
            raise

    # The stock implementation reads its URL template from the method it is called through.
    create_conversation.metadata = ConversationsOperations.create_conversation.metadata  # type: ignore[attr-defined]

    async def send_to_conversation(
        self, conversation_id: str, activity: Activity, **_kwargs: Any
    ) -> ResourceResponse:
        path = f"v3/conversations/{quote(conversation_id, safe='')}/activities"
        return await self._send("POST", path, conversation_id, activity)

    async def reply_to_activity(
        self, conversation_id: str, activity_id: str, activity: Activity, **_kwargs: Any
    ) -> ResourceResponse:
        path = _activity_path(conversation_id, activity_id)
        return await self._send("POST", path, conversation_id, activity)

    async def update_activity(
        self, conversation_id: str, activity_id: str, activity: Activity, **_kwargs: Any
    ) -> ResourceResponse:
        path = _activity_path(conversation_id, activity_id)
        return await self._send("PUT", path, conversation_id, activity)

    async def _send(
        self, method: str, path: str, conversation_id: str, activity: Activity
    ) -> ResourceResponse:
        url = self._client.config.base_url.rstrip("/") + "/" + path
        data = orjson.dumps(model_to_json(activity))
        headers = {
            "Accept": "application/json",
            "Content-Type": "application/json; charset=utf-8",
            "x-ms-conversation-id": conversation_id,
        }

        async def attempt() -> _Answer:
            # Per attempt: a retry after a long Retry-After may need a refreshed token.
            request_headers = dict(headers)
            if getattr(self._credentials, "microsoft_app_id", None):
                # MSAL may fetch a new token over the network (blocking): off the event loop.
                token = await asyncio.to_thread(bearer_token, self._credentials)
                if token:
                    request_headers["Authorization"] = f"Bearer {token}"
            async with self._session.request(
                method, url, data=data, headers=request_headers
            ) as response:
                return _Answer(response.status, response.headers, await response.text())

        answer = await self._policy.run(method, attempt, lambda a: a.status, lambda a: a.headers)
        if answer.status in (200, 201, 202):
            payload = orjson.loads(answer.body) if answer.body else {}
            return ResourceResponse(id=payload.get("id"))
        raise connector_error(answer.status, answer.body)


class FastConnectorClient(ConnectorClient):  # type: ignore[misc]
    """ConnectorClient with the fast message operations; every other call is unchanged."""

    def __init__(
        self,
        credentials: Any,
        base_url: str,
        session: aiohttp.ClientSession,
        policy: SendPolicy | None = None,
    ) -> None:
        policy = policy or SendPolicy()
        super().__init__(
            credentials,
            base_url=base_url,
            pipeline_type=pooled_pipeline_type(session, policy),
        )
        self.conversations = _FastConversationsOperations(
            self._client,
            self.config,
            self._serialize,
            self._deserialize,
            session=session,
            credentials=credentials,
            policy=policy,
        )
