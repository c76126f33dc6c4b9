"""Keeping secrets and noise out of what `check-config` and startup errors print."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from urllib.parse import quote

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from bot.settings import Settings

MASK = "***"
MAX_DETAIL = 400


@contextmanager
def quiet(*loggers: str) -> Iterator[None]:
    """Silence libraries that log each failed attempt; the result already says what failed."""
    previous = {name: logging.getLogger(name).level for name in loggers}
    for name in loggers:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for name, level in previous.items():
            logging.getLogger(name).setLevel(level)


def describe_error(error: BaseException) -> str:
    """Exception type and first line of its message, without SQLAlchemy's boilerplate."""
    original: BaseException = error
    if isinstance(error, DBAPIError) and error.orig is not None:
        # SQLAlchemy's asyncpg adapter wraps the driver's exception once more.
        original = error.orig.__cause__ or error.orig
    message = str(original).strip().splitlines()[0] if str(original).strip() else ""
    described = f"{type(original).__name__}: {message}" if message else type(original).__name__
    return described[:MAX_DETAIL]


def secret_values(settings: Settings) -> list[str]:
    """Every secret of the settings, as it might appear in an error message."""
    values = [
        settings.microsoft_app_password.get_secret_value(),
        settings.graph_client_secret.get_secret_value(),
    ]
    try:
        password = make_url(settings.database_url).password or ""
    except ArgumentError:
        password = settings.database_url
    # The URL carries the password URL-encoded; an error message might echo either form.
    values += [password, quote(password, safe="")]
    return [value for value in values if value]


def mask(detail: str, secrets: Sequence[str]) -> str:
    """``detail`` with each secret replaced by ``MASK``."""
    for secret in secrets:
        detail = detail.replace(secret, MASK)
    return detail
