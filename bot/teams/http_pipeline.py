"""An msrest pipeline that sends Bot Connector calls through one pooled aiohttp session.

botbuilder's stock pipeline sends every reply with synchronous ``requests`` on a thread pool
and a new TCP connection; PLATFORM_NOTES measured that as the main cost per turn.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import aiohttp
from msrest.pipeline import Request, Response
from msrest.pipeline.async_abc import AsyncHTTPPolicy, AsyncHTTPSender, AsyncPipeline
from msrest.pipeline.universal import RawDeserializer
from msrest.universal_http import ClientRequest
from msrest.universal_http.async_abc import AsyncClientResponse

from bot.teams.send_policy import SendPolicy


class _AiohttpResponse(AsyncClientResponse):
    def __init__(self, request: ClientRequest, status: int, headers: Any, body: bytes) -> None:
        # msrest errors keep ``response.internal_response``: with ourselves there, an
        # ErrorResponseException carries the status and body (see connector.py).
        super().__init__(request, self)
        self.status_code = status
        self.headers = headers
        self.reason = ""
        self._body = body

    def body(self) -> bytes:
        return self._body

    def text(self, encoding: str | None = None) -> str:
        return self._body.decode(encoding or "utf-8")

    def raise_for_status(self) -> None:
        if self.status_code is not None and self.status_code >= 400:
            raise aiohttp.ClientResponseError(
                request_info=None,  # type: ignore[arg-type]
                history=(),
                status=self.status_code,
            )


def bearer_token(credentials: Any) -> str | None:
    """The bot's access token (MSAL caches it); None for the empty local-mode credentials."""
    if credentials is not None and getattr(credentials, "microsoft_app_id", None):
        return str(credentials.get_access_token())
    return None


class PooledAiohttpSender(AsyncHTTPSender[Any, Any]):
    """Sends msrest requests with a shared ``aiohttp.ClientSession`` (keep-alive pooling)."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self._session = session

    async def __aenter__(self) -> PooledAiohttpSender:
        return self

    async def __aexit__(self, *exc: object) -> None:
        # The session belongs to the application and outlives every client.
        return None

    def build_context(self) -> Any:
        return None

    async def send(self, request: Request[Any], **config: Any) -> Response[Any, Any]:
        http: ClientRequest = request.http_request
        async with self._session.request(
            http.method, http.url, headers=dict(http.headers), data=http.data
        ) as response:
            body = await response.read()
            client_response = _AiohttpResponse(http, response.status, response.headers, body)
        return Response(request, client_response)


class BotCredentialsPolicy(AsyncHTTPPolicy[Any, Any]):
    """Adds the bot's bearer token (MSAL caches it; empty credentials in local mode add none)."""

    def __init__(self, credentials: Any) -> None:
        super().__init__()
        self._credentials = credentials

    async def send(self, request: Request[Any], **kwargs: Any) -> Response[Any, Any]:
        assert self.next is not None, "policy used outside a pipeline"
        token = (
            await asyncio.to_thread(bearer_token, self._credentials)
            if getattr(self._credentials, "microsoft_app_id", None)
            else None
        )
        if token:
            request.http_request.headers["Authorization"] = f"Bearer {token}"
        return await self.next.send(request, **kwargs)


class RetryPolicy(AsyncHTTPPolicy[Any, Any]):
    """Sends a request again as ``SendPolicy`` says (429/503/412; 502/504 unless a POST)."""

    def __init__(self, policy: SendPolicy) -> None:
        super().__init__()
        self._policy = policy

    async def send(self, request: Request[Any], **kwargs: Any) -> Response[Any, Any]:
        assert self.next is not None, "policy used outside a pipeline"
        following = self.next

        async def attempt() -> Response[Any, Any]:
            response: Response[Any, Any] = await following.send(request, **kwargs)
            return response

        return await self._policy.run(
            str(request.http_request.method),
            attempt,
            lambda response: int(response.http_response.status_code),
            lambda response: response.http_response.headers,
        )


def pooled_pipeline_type(
    session: aiohttp.ClientSession, policy: SendPolicy
) -> Callable[[Any], AsyncPipeline[Any, Any]]:
    """A ``pipeline_type`` for ConnectorClient that uses the shared session."""

    def build(config: Any) -> AsyncPipeline[Any, Any]:
        # Retry outside the credentials policy: every attempt asks MSAL for a current token.
        policies = [
            config.user_agent_policy,
            RetryPolicy(policy),
            BotCredentialsPolicy(config.credentials),
            RawDeserializer(),
        ]
        return AsyncPipeline(policies, PooledAiohttpSender(session))

    return build
