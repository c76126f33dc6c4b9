"""Which Connector answers are retried, and how Retry-After is read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import aiohttp
import pytest

from bot.teams.send_policy import is_retried_error, is_retried_status, retry_after_seconds

NOW = datetime(2026, 12, 1, 9, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        (None, None),
        ("", None),
        ("7", 7.0),
        (" 2 ", 2.0),
        ("0.5", 0.5),
        ("-3", 0.0),
        ("nan", None),
        ("soon", None),
        (format_datetime(NOW + timedelta(seconds=30), usegmt=True), 30.0),
        (format_datetime(NOW - timedelta(seconds=30), usegmt=True), 0.0),
        ("Tue, 01 Dec 2026 09:00:12", 12.0),  # no zone: GMT, as HTTP-dates are
    ],
)
def test_retry_after_seconds(value: str | None, seconds: float | None) -> None:
    assert retry_after_seconds(value, now=NOW) == seconds


@pytest.mark.parametrize(
    ("method", "status", "retried"),
    [
        ("POST", 429, True),
        ("POST", 503, True),
        ("POST", 412, True),
        ("POST", 502, False),
        ("POST", 504, False),
        ("PUT", 502, True),
        ("GET", 504, True),
        ("delete", 502, True),
        ("POST", 500, False),
        ("PUT", 403, False),
        ("GET", 404, False),
        ("POST", 401, False),
        ("POST", 201, False),
    ],
)
def test_retried_statuses(method: str, status: int, retried: bool) -> None:
    assert is_retried_status(method, status) is retried


def test_transport_errors() -> None:
    refused = aiohttp.ClientConnectorError(
        aiohttp.client_reqrep.ConnectionKey("h", 1, False, True, None, None, None),
        OSError(111, "refused"),
    )
    dropped = aiohttp.ServerDisconnectedError()
    assert is_retried_error("POST", refused) and is_retried_error("PUT", refused)
    # The request may have arrived before the connection dropped: only idempotent methods.
    assert not is_retried_error("POST", dropped) and is_retried_error("PUT", dropped)
    assert not is_retried_error("POST", TimeoutError()) and is_retried_error("GET", TimeoutError())
    assert not is_retried_error("GET", ValueError())
