"""Closed-loop load generator for ``POST /api/messages`` (runs as its own process).

A fixed number of workers share one ``aiohttp.ClientSession``; each sends a Teams personal-chat
message ("hilfe" by default) from the next of ``--users`` users with a unique activity id, waits
for the answer, and sends the next. After ``--warmup`` seconds the completions of the next
``--duration`` seconds are measured. Requests still in flight at the end are awaited (they count
as sent, so the sink check sees their replies) but not measured. Prints one JSON object.

    python -m bench.loadgen --url http://127.0.0.1:3978/api/messages \\
        --service-url http://127.0.0.1:3999/ours/ --concurrency 16 --duration 10
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import math
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from tests.support.activities import message

_MAX_TRANSPORT_ERRORS = 50


@dataclass
class Results:
    """Raw outcome of one load run."""

    sent: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    transport_errors: Counter[str] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)
    measured_start: float = 0.0
    measured_end: float = 0.0


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of already sorted values (0.0 when empty)."""
    if not sorted_values:
        return 0.0
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[rank - 1]


class ActivityFactory:
    """Unique activity ids, users taken round-robin, bodies serialised once per request."""

    def __init__(self, service_url: str, text: str, users: int) -> None:
        self._service_url = service_url
        self._text = text
        self._users = users
        self._sequence = itertools.count()
        # Teams message ids are millisecond timestamps; the prefix keeps runs apart.
        self._prefix = f"1{time.time_ns() // 1_000_000}{os.getpid() % 1000:03d}"

    def next_body(self) -> bytes:
        """The JSON body of the next activity."""
        i = next(self._sequence)
        activity = message(self._service_url, self._text, n=1 + i % self._users)
        activity["id"] = f"{self._prefix}{i:08d}"
        return json.dumps(activity).encode()


async def run_load(
    url: str,
    factory: ActivityFactory,
    *,
    concurrency: int,
    warmup: float,
    duration: float,
    expect_status: int,
) -> Results:
    """Drive ``url`` with ``concurrency`` closed-loop workers; measure after the warm-up."""
    results = Results()
    headers = {"Content-Type": "application/json; charset=utf-8"}
    connector = aiohttp.TCPConnector(limit=concurrency, limit_per_host=concurrency)
    timeout = aiohttp.ClientTimeout(total=60)
    loop = asyncio.get_running_loop()
    start = loop.time()
    measure_from = start + warmup
    stop_at = measure_from + duration
    results.measured_start, results.measured_end = measure_from, stop_at
    clock = time.perf_counter

    async def worker(session: aiohttp.ClientSession) -> None:
        while loop.time() < stop_at:
            body = factory.next_body()
            results.sent += 1
            began = clock()
            try:
                async with session.post(url, data=body, headers=headers) as response:
                    await response.read()
                    status = response.status
            except (aiohttp.ClientError, TimeoutError) as error:
                results.transport_errors[type(error).__name__] += 1
                if sum(results.transport_errors.values()) >= _MAX_TRANSPORT_ERRORS:
                    return
                await asyncio.sleep(0.05)
                continue
            latency = clock() - began
            results.statuses[status] += 1
            done = loop.time()
            if measure_from <= done < stop_at and status == expect_status:
                results.latencies.append(latency)

    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        await asyncio.gather(*(worker(session) for _ in range(concurrency)))
    return results


def summary(results: Results, *, duration: float, expect_status: int) -> dict[str, Any]:
    """The JSON report of one run (latencies in milliseconds)."""
    latencies = sorted(results.latencies)
    ok = results.statuses.get(expect_status, 0)
    return {
        "sent": results.sent,
        "ok": ok,
        "statuses": {str(k): v for k, v in sorted(results.statuses.items())},
        "transport_errors": dict(results.transport_errors),
        "measured": len(latencies),
        "duration_s": duration,
        "activities_per_s": len(latencies) / duration if duration > 0 else 0.0,
        "p50_ms": percentile(latencies, 0.50) * 1000,
        "p90_ms": percentile(latencies, 0.90) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
        "max_ms": (latencies[-1] * 1000) if latencies else 0.0,
        "mean_ms": (sum(latencies) / len(latencies) * 1000) if latencies else 0.0,
    }


def main() -> int:
    """Run one load phase and print its JSON summary on stdout."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True, help="the bot's /api/messages URL (loopback)")
    parser.add_argument("--service-url", required=True, help="serviceUrl put in the activities")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--text", default="hilfe")
    parser.add_argument("--expect-status", type=int, default=201)
    args = parser.parse_args()
    factory = ActivityFactory(args.service_url, args.text, args.users)
    results = asyncio.run(
        run_load(
            args.url,
            factory,
            concurrency=args.concurrency,
            warmup=args.warmup,
            duration=args.duration,
            expect_status=args.expect_status,
        )
    )
    report = summary(results, duration=args.duration, expect_status=args.expect_status)
    sys.stdout.write(json.dumps(report) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
