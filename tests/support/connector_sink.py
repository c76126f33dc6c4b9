"""A local stand-in for the Bot Connector service that records what the bot sends."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiohttp import web


@dataclass
class ConnectorSink:
    """Records sent and updated activities; ``url`` is the serviceUrl to put in activities."""

    url: str = ""
    sent: list[dict[str, Any]] = field(default_factory=list)
    updated: list[dict[str, Any]] = field(default_factory=list)
    # Statuses answered instead of the next calls, with these headers
    # (e.g. Retry-After) and this Connector error code in the body.
    fail_next: list[int] = field(default_factory=list)
    fail_headers: dict[str, str] = field(default_factory=dict)
    fail_code: str = "x"
    # Statuses answered instead of the next sent activities only (posts; updates pass).
    fail_next_send: list[int] = field(default_factory=list)
    # Every call as (method, path), refused ones included.
    requests: list[tuple[str, str]] = field(default_factory=list)
    # Their Authorization headers; ``authorize`` (if set) answers 401 when it returns False.
    authorizations: list[str | None] = field(default_factory=list)
    authorize: Callable[[str | None], bool] | None = None
    # Channel accounts returned by the (paged) member list of every conversation.
    members: list[dict[str, Any]] = field(default_factory=list)
    created: list[dict[str, Any]] = field(default_factory=list)
    # Teams caps a members page below what the bot asks for; tests cap it to force paging.
    page_size_cap: int = 500
    # Teams ids for which opening a 1:1 chat is refused (403: the person blocked the bot).
    refuse_chats: set[str] = field(default_factory=set)
    paged_requests: int = 0
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def texts(self) -> list[str]:
        """Text of every sent activity."""
        return [a.get("text") or "" for a in self.sent]

    def cards(self) -> list[dict[str, Any]]:
        """Adaptive Card contents of every sent activity."""
        return [
            att["content"]
            for a in self.sent
            for att in a.get("attachments") or []
            if att.get("contentType") == "application/vnd.microsoft.card.adaptive"
        ]

    def app(self) -> web.Application:
        """The aiohttp application serving the connector routes."""
        app = web.Application()
        app.router.add_post("/v3/conversations/{cid}/activities", self._send)
        app.router.add_post("/v3/conversations/{cid}/activities/{aid}", self._send)
        app.router.add_put("/v3/conversations/{cid}/activities/{aid}", self._update)
        app.router.add_get("/v3/conversations/{cid}/pagedmembers", self._paged_members)
        app.router.add_get("/v3/conversations/{cid}/members/{mid}", self._member)
        app.router.add_post("/v3/conversations", self._create_conversation)
        return app

    async def _member(self, request: web.Request) -> web.Response:
        if refused := self._admit(request):
            return refused
        wanted = request.match_info["mid"]
        found = next((m for m in self.members if m.get("id") == wanted), None)
        if found is None:
            return web.json_response({"error": {"code": "MemberNotFound"}}, status=404)
        return web.json_response(found)

    def _admit(self, request: web.Request) -> web.Response | None:
        """Record the call; answer 401 or an injected failure instead of handling it."""
        self.requests.append((request.method, request.path))
        authorization = request.headers.get("Authorization")
        self.authorizations.append(authorization)
        if self.authorize is not None and not self.authorize(authorization):
            return web.json_response({"error": {"code": "Unauthorized"}}, status=401)
        if self.fail_next:
            return web.json_response(
                {"error": {"code": self.fail_code, "message": "injected"}},
                status=self.fail_next.pop(0),
                headers=self.fail_headers,
            )
        return None

    async def _create_conversation(self, request: web.Request) -> web.Response:
        # A 1:1 chat opened by the bot: "a:personal-<aad id>", like as_user() uses.
        if refused := self._admit(request):
            return refused
        body = await request.json()
        member = (body.get("members") or [{}])[0]
        if member.get("id") in self.refuse_chats:
            return web.json_response({"error": {"code": "BotBlocked"}}, status=403)
        account = next((m for m in self.members if m.get("id") == member.get("id")), member)
        conversation = f"a:personal-{account.get('aadObjectId') or member.get('id')}"
        self.created.append(body)
        return web.json_response({"id": conversation, "activityId": None})

    async def _paged_members(self, request: web.Request) -> web.Response:
        if refused := self._admit(request):
            return refused
        self.paged_requests += 1
        size = min(int(request.query.get("pageSize", "100")), self.page_size_cap)
        start = int(request.query.get("continuationToken") or 0)
        page = self.members[start : start + size]
        more = start + size < len(self.members)
        token = str(start + size) if more else None
        return web.json_response({"members": page, "continuationToken": token})

    async def _send(self, request: web.Request) -> web.Response:
        if refused := self._admit(request):
            return refused
        if self.fail_next_send:
            error = {"error": {"code": self.fail_code, "message": "injected"}}
            return web.json_response(error, status=self.fail_next_send.pop(0))
        body = await request.json()
        body["_conversation"] = request.match_info["cid"]
        body["_reply_to"] = request.match_info.get("aid")
        body["_id"] = f"sent-{next(self._ids)}"
        self.sent.append(body)
        return web.json_response({"id": body["_id"]})

    async def _update(self, request: web.Request) -> web.Response:
        if refused := self._admit(request):
            return refused
        body = await request.json()
        body["_activity_id"] = request.match_info["aid"]
        self.updated.append(body)
        return web.json_response({"id": request.match_info["aid"]})


S = TypeVar("S", bound=ConnectorSink)


@asynccontextmanager
async def serving(sink: S) -> AsyncIterator[S]:
    """Serve ``sink`` on a free loopback port (sets ``sink.url``) and stop it afterwards."""
    runner = web.AppRunner(sink.app(), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    sink.url = f"http://127.0.0.1:{port}"
    try:
        yield sink
    finally:
        await runner.cleanup()


@asynccontextmanager
async def running_sink() -> AsyncIterator[ConnectorSink]:
    """Start a sink on a free loopback port and stop it afterwards."""
    async with serving(ConnectorSink()) as sink:
        yield sink
