"""Request counting, fault injection and the bearer-token check for /v1.0 routes."""

from __future__ import annotations

from aiohttp import web
from aiohttp.typedefs import Handler

from devkit.graph_simulator.odata import graph_error
from devkit.graph_simulator.state import STATE_KEY, Fault

_FAULT_TEXT = {
    429: ("TooManyRequests", "Application is over its MailboxConcurrency limit."),
    503: ("ServiceUnavailable", "The service is temporarily unavailable. Please retry later."),
    504: ("GatewayTimeout", "The gateway did not receive a timely response."),
}


def route_key(request: web.Request) -> str:
    """`METHOD /v1.0/route/{template}` for counting per route."""
    resource = request.match_info.route.resource
    template = resource.canonical if resource is not None else "<unmatched>"
    return f"{request.method} {template}"


@web.middleware
async def graph_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Count, then maybe inject a fault, then require any bearer token (never logged). A
    fault marked ``after`` lets the request be carried out and replaces only its answer."""
    if not request.path.startswith("/v1.0/"):
        return await handler(request)
    state = request.app[STATE_KEY]
    state.requests[route_key(request)] += 1
    fault = state.take_fault(request.method, request.path)
    if fault is not None and not fault.after:
        return _fault_response(fault)
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return graph_error(401, "InvalidAuthenticationToken", "Access token is empty.")
    response = await handler(request)
    return response if fault is None else _fault_response(fault)


def _fault_response(fault: Fault) -> web.Response:
    code, message = _FAULT_TEXT.get(fault.status, ("InjectedFault", "Injected fault."))
    headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
    return graph_error(fault.status, code, message, headers)
