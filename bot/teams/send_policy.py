"""When a Bot Connector call is sent again, and how long the bot waits first (tenacity).

Both senders use this one policy: the fast message path in ``connector.py`` and the msrest
pipeline in ``http_pipeline.py`` that carries every other Connector call.

- 429 (throttled), 503 (unavailable) and 412 (Teams' transient precondition failure) mean the
  request was not carried out: retried for every method, honouring ``Retry-After``.
- 502 and 504 come from a gateway that may have delivered the request before the answer got
  lost. A POST is not sent again (a second POST would be a duplicate message in the chat);
  PUT, GET and DELETE leave the same state when repeated and are retried.
- A connection that could not be opened sent nothing: retried for every method. Any other
  transport error is retried only for idempotent methods, for the same reason as 502/504.
- Everything else (403 "bot blocked/uninstalled", 404 "conversation not found", 400, 401)
  is final at once: the caller decides what it means.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

import aiohttp
import structlog
from tenacity import AsyncRetrying, RetryCallState, stop_after_attempt, wait_random_exponential

log = structlog.get_logger(__name__)

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
NOT_CARRIED_OUT = frozenset({412, 429, 503})
MAYBE_CARRIED_OUT = frozenset({502, 504})

T = TypeVar("T")


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds from ``now``: delta-seconds or an HTTP-date; None if absent."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    if math.isnan(seconds):
        return None
    return max(seconds, 0.0)


def is_retried_status(method: str, status: int) -> bool:
    """Whether an answer with ``status`` to a ``method`` request is worth sending again."""
    if status in NOT_CARRIED_OUT:
        return True
    return status in MAYBE_CARRIED_OUT and method.upper() in IDEMPOTENT_METHODS


def is_retried_error(method: str, error: BaseException) -> bool:
    """Whether a transport error is worth sending again (see the module docstring)."""
    if isinstance(error, aiohttp.ClientConnectorError):
        return True
    return method.upper() in IDEMPOTENT_METHODS and isinstance(
        error, aiohttp.ClientError | TimeoutError
    )


@dataclass(frozen=True, slots=True)
class SendPolicy:
    """Attempts and delays for Connector calls; tests inject small delays and a fake sleep.

    ``max_delay_s`` caps both the backoff and ``Retry-After``: a turn (or a job) does not
    stall for minutes on one message; a still-throttled call fails and its caller decides.
    """

    attempts: int = 4
    base_delay_s: float = 0.5
    max_delay_s: float = 8.0
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep

    async def run(
        self,
        method: str,
        attempt: Callable[[], Awaitable[T]],
        status: Callable[[T], int],
        headers: Callable[[T], Mapping[str, str] | None],
    ) -> T:
        """Call ``attempt`` until its answer is final; returns the last answer.

        A still-retryable answer after the last attempt is returned as well (the caller turns
        it into its error); a transport error after the last attempt is raised.
        """
        # Almost every call succeeds at once: that answer skips tenacity's per-call
        # bookkeeping (~30 µs a send, measured); otherwise tenacity gets it as attempt 1.
        first_error: Exception | None = None
        try:
            first = await attempt()
        except Exception as error:
            if not is_retried_error(method, error):
                raise
            first_error = error
        else:
            if not is_retried_status(method, status(first)):
                return first
        replayed = False

        async def first_then_attempt() -> T:
            nonlocal replayed
            if replayed:
                return await attempt()
            replayed = True
            if first_error is not None:
                raise first_error
            return first

        backoff = wait_random_exponential(multiplier=self.base_delay_s, max=self.max_delay_s)

        def should_retry(state: RetryCallState) -> bool:
            outcome = state.outcome
            assert outcome is not None
            if outcome.failed:
                error = outcome.exception()
                return error is not None and is_retried_error(method, error)
            return is_retried_status(method, status(outcome.result()))

        def delay(state: RetryCallState) -> float:
            outcome = state.outcome
            if outcome is not None and not outcome.failed:
                answer_headers = headers(outcome.result())
                wanted = retry_after_seconds(
                    answer_headers.get("Retry-After") if answer_headers else None
                )
                if wanted is not None:
                    return min(wanted, self.max_delay_s)
            return float(backoff(state))

        def give_up(state: RetryCallState) -> Any:
            assert state.outcome is not None
            return state.outcome.result()  # the last answer, or raises the last error

        def before_sleep(state: RetryCallState) -> None:
            outcome = state.outcome
            assert outcome is not None
            failed = outcome.failed
            log.warning(
                "connector_retry",
                method=method,
                attempt=state.attempt_number,
                status=None if failed else status(outcome.result()),
                error=type(outcome.exception()).__name__ if failed else None,
                delay_s=round(state.upcoming_sleep, 3),
            )

        # A fresh AsyncRetrying per call: tenacity keeps per-call iteration state on the
        # object (thread-local, so shared between the coroutines of one event loop).
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.attempts),
            wait=delay,
            retry=should_retry,
            sleep=self.sleep,
            before_sleep=before_sleep,
            retry_error_callback=give_up,
        )
        answer: T = await retrying(first_then_attempt)
        return answer
