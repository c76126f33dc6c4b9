"""Structured logging: JSON in production, readable in local mode; secrets are redacted."""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import MutableMapping
from typing import Any, TextIO

import structlog

_SECRET_KEYS = re.compile(r"(password|secret|token|authorization|assertion|key)", re.IGNORECASE)
_BEARER = re.compile(r"Bearer\s+[A-Za-z0-9._~+/=-]+")
# Loggers that write personal data or secrets below WARNING, so they stay at WARNING whatever
# LOG_LEVEL says: msrest, azure, msal, urllib3, httpx and hpack log request headers and bodies
# (tokens, reply texts, Graph queries); aiosqlite, asyncpg and SQLAlchemy log SQL parameters and
# rows (names, questions, answers); aiohttp.access logs request lines of every caller.
QUIET_LOGGERS = (
    "msrest", "azure", "msal", "urllib3", "httpx", "httpcore", "hpack", "kiota_http",
    "aiosqlite", "asyncpg", "sqlalchemy", "aiohttp.access",
)  # fmt: skip


def _redact(_logger: Any, _name: str, event: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    for key, value in list(event.items()):
        if key != "event" and _SECRET_KEYS.search(key):
            event[key] = "***"
        elif isinstance(value, str):
            event[key] = _BEARER.sub("Bearer ***", value)
    return event


def wants_colours(stream: TextIO) -> bool:
    """Colours only for a terminal: structlog's default colours whenever colorama or a
    non-Windows system is there, so `./dev demo > demo.log` filled files with escape codes.
    NO_COLOR (https://no-color.org) turns them off in a terminal too."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("NO_COLOR")


def configure_logging(
    level: str = "INFO", json_logs: bool = False, stream: TextIO | None = None
) -> None:
    """Configure structlog and the stdlib root logger once per process (to ``stream``,
    standard error by default)."""
    out = stream if stream is not None else sys.stderr
    renderer: Any = (
        structlog.processors.JSONRenderer()
        if json_logs
        else structlog.dev.ConsoleRenderer(colors=wants_colours(out))
    )
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        _redact,
    ]
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info if json_logs else _identity,
            renderer,
        ],
    )
    handler = logging.StreamHandler(out)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in QUIET_LOGGERS:
        logging.getLogger(noisy).setLevel(logging.WARNING)


def _identity(
    _logger: Any, _name: str, event: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    return event
