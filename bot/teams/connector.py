"""A ConnectorClient whose message calls go straight through the pooled aiohttp session.

Sending, replying and updating activities happen on every turn. The stock msrest path
serialises the activity through msrest's generic model walk (also through the card content)
and runs a policy pipeline: milliseconds per reply, measured in bench/. These three calls use
``fast_json`` and one ``aiohttp`` request with the same retry and credential handling; every
other Connector call keeps the stock implementation.
"""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import quote

import aiohttp
import orjson
from botframework.connector.aio import ConnectorClient
from botframework.connector.aio.operations_async import ConversationsOperations
from botframework.connector.models import Activity, ResourceResponse

from bot.teams.fast_json import model_to_json
from bot.teams.http_pipeline import RETRY_STATUSES, bearer_token, retry_delay

MAX_ATTEMPTS = 4


class ConnectorError(Exception):
    """The Bot Connector answered with an error status after all retries."""

    def __init__(self, status: int, body: str) -> None:
        super().__init__(f"Bot Connector answered {status}: {body[:300]}")
        self.status = status


def _activity_path(conversation_id: str, activity_id: str) -> str:
    return (
        f"v3/conversations/{quote(conversation_id, safe='')}"
        f"/activities/{quote(activity_id, safe='')}"
    )


class _FastConversationsOperations(ConversationsOperations):  # type: ignore[misc]
    def __init__(self, *args: Any, session: aiohttp.ClientSession, credentials: Any) -> None:
        super().__init__(*args)
        self._session = session
        self._credentials = credentials

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
        # MSAL may fetch a new token over the network (blocking): keep it off the event loop.
        token = (
            await asyncio.to_thread(bearer_token, self._credentials)
            if getattr(self._credentials, "microsoft_app_id", None)
            else None
        )
        if token:
            headers["Authorization"] = f"Bearer {token}"
        for attempt in range(1, MAX_ATTEMPTS + 1):
            async with self._session.request(method, url, data=data, headers=headers) as response:
                body = await response.text()
                if response.status in (200, 201, 202):
                    payload = orjson.loads(body) if body else {}
                    return ResourceResponse(id=payload.get("id"))
                if response.status not in RETRY_STATUSES or attempt == MAX_ATTEMPTS:
                    raise ConnectorError(response.status, body)
                delay = retry_delay(attempt, response.headers.get("Retry-After"))
            await asyncio.sleep(delay)
        raise AssertionError("unreachable")


class FastConnectorClient(ConnectorClient):  # type: ignore[misc]
    """ConnectorClient with the fast message operations; every other call is unchanged."""

    def __init__(
        self, credentials: Any, base_url: str, session: aiohttp.ClientSession, **kwargs: Any
    ) -> None:
        super().__init__(credentials, base_url=base_url, **kwargs)
        self.conversations = _FastConversationsOperations(
            self._client,
            self.config,
            self._serialize,
            self._deserialize,
            session=session,
            credentials=credentials,
        )
