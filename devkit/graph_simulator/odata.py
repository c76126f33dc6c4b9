"""OData response helpers: errors, collections with paging, $select and a small $filter."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

METADATA = "https://graph.microsoft.com/v1.0/$metadata"
Json = dict[str, Any]


def graph_error(
    status: int, code: str, message: str, headers: Mapping[str, str] | None = None
) -> web.Response:
    """A Graph error body: {"error": {"code", "message", "innerError"}}."""
    request_id = str(uuid.uuid4())
    body = {
        "error": {
            "code": code,
            "message": message,
            "innerError": {
                "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S"),
                "request-id": request_id,
                "client-request-id": request_id,
            },
        }
    }
    return web.json_response(body, status=status, headers=headers)


def not_found(what: str) -> web.Response:
    """404 for a directory object."""
    return graph_error(
        404,
        "Request_ResourceNotFound",
        f"Resource '{what}' does not exist or one of its queried reference-property objects "
        "are not present.",
    )


def select_fields(request: web.Request) -> list[str] | None:
    """The $select list, or None when absent."""
    raw = request.query.get("$select")
    if not raw:
        return None
    return [part.strip() for part in raw.split(",") if part.strip()]


def project(item: Json, fields: Sequence[str] | None, always: Sequence[str] = ("id",)) -> Json:
    """Keep only selected properties (plus @odata.type and `always`)."""
    if fields is None:
        return item
    keep = set(fields) | set(always) | {"@odata.type"}
    return {key: value for key, value in item.items() if key in keep}


def context(entity_set: str, fields: Sequence[str] | None, entity: bool = False) -> str:
    """The @odata.context value Graph would send."""
    selected = f"({','.join(fields)})" if fields else ""
    return f"{METADATA}#{entity_set}{selected}" + ("/$entity" if entity else "")


def collection(
    request: web.Request, items: Sequence[Json], entity_set: str, page_size: int
) -> web.Response:
    """A paged collection: pages of min($top, page_size); `$skiptoken` continues."""
    fields = select_fields(request)
    top = min(_int(request.query.get("$top"), page_size), page_size)
    skip = _int(request.query.get("$skiptoken"), 0)
    page = items[skip : skip + top]
    body: Json = {
        "@odata.context": context(entity_set, fields),
        "value": [project(item, fields) for item in page],
    }
    if skip + top < len(items):
        query = {k: v for k, v in request.query.items() if k != "$skiptoken"}
        query["$skiptoken"] = str(skip + top)
        body["@odata.nextLink"] = str(request.url.with_query(query))
    return web.json_response(body)


def _int(raw: str | None, default: int) -> int:
    try:
        return max(1, int(raw)) if raw is not None else default
    except ValueError:
        return default


class UnsupportedFilterError(ValueError):
    """The $filter uses something this simulator does not implement."""


# A property, or a path into a navigation property such as `teamsApp/id`.
_EQ = re.compile(r"^(\w+(?:/\w+)*)\s+eq\s+'((?:[^']|'')*)'$", re.IGNORECASE)
_STARTS = re.compile(r"^startswith\((\w+(?:/\w+)*),\s*'((?:[^']|'')*)'\)$", re.IGNORECASE)
_IN = re.compile(r"^(\w+(?:/\w+)*)\s+in\s+\((.*)\)$", re.IGNORECASE)


def compile_filter(raw: str | None) -> Callable[[Json], bool]:
    """Compile `a eq 'x'`, `startswith(a,'x')`, `a in ('x','y')` joined by `and`."""
    if not raw:
        return lambda _item: True
    tests = [_clause(part.strip()) for part in re.split(r"\s+and\s+", raw.strip(), flags=re.I)]
    return lambda item: all(test(item) for test in tests)


def _clause(text: str) -> Callable[[Json], bool]:
    if match := _EQ.match(text):
        field, value = match.group(1), match.group(2).replace("''", "'").lower()
        return lambda item: _text(item, field) == value
    if match := _STARTS.match(text):
        field, value = match.group(1), match.group(2).replace("''", "'").lower()
        return lambda item: _text(item, field).startswith(value)
    if match := _IN.match(text):
        field = match.group(1)
        values = {v.strip().strip("'").lower() for v in match.group(2).split(",")}
        return lambda item: _text(item, field) in values
    raise UnsupportedFilterError(text)


def _text(item: Json, path: str) -> str:
    """The property at `a/b/c`, lower-cased ("" when absent)."""
    value: Any = item
    for name in path.split("/"):
        value = value.get(name) if isinstance(value, dict) else None
    return str(value or "").lower()
