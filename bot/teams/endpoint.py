"""The /api/messages HTTP endpoint: validation, tenant allowlist, then the CloudAdapter."""

from __future__ import annotations

from typing import Any

import orjson
import structlog
from aiohttp import web
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity
from botframework.connector.auth import AuthenticateRequestResult

from bot.observability import span
from bot.teams.activity_shape import shape_problem
from bot.teams.fast_json import model_from_json, model_to_json
from bot.teams.handler import AssistenzBot
from bot.teams.translate import tenant_of

log = structlog.get_logger(__name__)
MAX_BODY_BYTES = 256 * 1024


class MessagesEndpoint:
    """Turns every bad request into a 4xx answer; the server keeps serving."""

    def __init__(
        self, adapter: CloudAdapter, bot: AssistenzBot, allowed_tenants: frozenset[str]
    ) -> None:
        self._adapter = adapter
        self._bot = bot
        self._allowed_tenants = allowed_tenants

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """POST /api/messages."""
        activity = await _parse_activity(request)
        with structlog.contextvars.bound_contextvars(
            activity_id=activity.id,
            activity_type=activity.type,
            conversation_id=activity.conversation.id,
        ):
            # Authenticate first: unauthenticated callers learn nothing about the allowlist.
            authentication = await self._authenticate(request, activity)
            tenant = tenant_of(activity)
            if self._allowed_tenants and tenant not in self._allowed_tenants:
                log.warning("tenant_refused", tenant_id=tenant)
                raise web.HTTPForbidden(text="tenant not allowed")
            with span("turn", activity_type=str(activity.type or "")):
                invoke_response = await self._adapter.process_activity(
                    authentication, activity, self._bot.on_turn
                )
        if invoke_response:
            return web.Response(
                body=orjson.dumps(_invoke_body(invoke_response.body)),
                status=invoke_response.status,
                content_type="application/json",
            )
        return web.Response(status=201)

    async def _authenticate(
        self, request: web.Request, activity: Activity
    ) -> AuthenticateRequestResult:
        """Validate the Bot Framework JWT; any failure (bad token, unknown key) is a 401."""
        auth_header = request.headers.get("Authorization", "")
        try:
            result: AuthenticateRequestResult = (
                await self._adapter.bot_framework_authentication.authenticate_request(
                    activity, auth_header
                )
            )
        except Exception as error:
            # botbuilder raises PermissionError, but also jwt errors and IndexError (unknown kid).
            log.warning("unauthorized_request", reason=type(error).__name__)
            raise web.HTTPUnauthorized() from None
        return result


async def _parse_activity(request: web.Request) -> Activity:
    # aiohttp reports the media type without parameters ("; charset=utf-8"), lower-cased.
    if request.content_type != "application/json":
        raise web.HTTPUnsupportedMediaType(text="Content-Type must be application/json")
    if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
        raise web.HTTPRequestEntityTooLarge(MAX_BODY_BYTES, request.content_length)
    raw = await request.read()
    if len(raw) > MAX_BODY_BYTES:
        raise web.HTTPRequestEntityTooLarge(MAX_BODY_BYTES, len(raw))
    try:
        body: Any = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise web.HTTPBadRequest(text="body is not valid JSON") from None
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(text="body must be a JSON object")
    # Wrong JSON types would survive model_from_json and fail deep inside a turn.
    problem = shape_problem(body)
    if problem:
        log.info("malformed_activity", problem=problem)
        raise web.HTTPBadRequest(text=problem)
    try:
        # Still refuses what only msrest's parsers catch (an unreadable timestamp).
        return model_from_json(Activity, body)
    except Exception:
        raise web.HTTPBadRequest(text="body is not a Bot Framework activity") from None


def _invoke_body(body: Any) -> Any:
    """The invoke response as JSON; a poll card with 100 votes took msrest milliseconds."""
    if hasattr(type(body), "_attribute_map"):
        return model_to_json(body)
    return body
