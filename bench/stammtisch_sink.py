"""The connector sink of ``bench.sink`` plus card updates, for the Stammtisch vote benchmark.

Adds to ``bench.sink.Sink`` (whose counters and ``GET /stats`` stay as they are):

- ``PUT /<tag>/v3/conversations/{cid}/activities/{aid}``: an update of a posted activity (how
  the bot replaces the shared poll card for everyone), answered ``{"id": aid}``;
- a log of every posted and updated activity with its body and the sink's receipt time
  (``time.monotonic()``, the system-wide ``CLOCK_MONOTONIC`` on Linux, so the benchmark can
  compare it with its own clock);
- ``GET /activities?tag=T&after=N``: the logged entries of tag ``T`` from index ``N`` on, as
  ``{"next": M, "entries": [{"method", "conversation", "activity_id", "received", "body"}]}``.

    python -m bench.stammtisch_sink --port 3999
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

from aiohttp import web

from bench.sink import Sink


class RecordingSink(Sink):
    """``bench.sink.Sink`` that also takes updates and keeps what it received."""

    def __init__(self) -> None:
        super().__init__()
        self._log: dict[str, list[dict[str, Any]]] = {}

    def app(self) -> web.Application:
        """The sink's routes plus the update route and ``/activities``."""
        app = super().app()
        app.router.add_put("/{tag}/v3/conversations/{cid}/activities/{aid}", self._update)
        app.router.add_get("/activities", self._activities)
        return app

    def _record(
        self, request: web.Request, method: str, activity_id: str, body: Any, received: float
    ) -> None:
        self._log.setdefault(request.match_info["tag"], []).append(
            {
                "method": method,
                "conversation": request.match_info["cid"],
                "activity_id": activity_id,
                "received": received,
                "body": body,
            }
        )

    async def _send(self, request: web.Request) -> web.Response:
        received = time.monotonic()
        response = await super()._send(request)  # counts; the body stays cached on the request
        try:
            body: Any = await request.json()
        except ValueError:
            body = None
        self._record(request, "POST", json.loads(response.text or "{}")["id"], body, received)
        return response

    async def _update(self, request: web.Request) -> web.Response:
        received = time.monotonic()
        try:
            body: Any = await request.json()
        except ValueError:
            body = None
        activity_id = request.match_info["aid"]
        self._record(request, "PUT", activity_id, body, received)
        return web.json_response({"id": activity_id})

    async def _activities(self, request: web.Request) -> web.Response:
        entries = self._log.get(request.query.get("tag", ""), [])
        after = max(0, int(request.query.get("after", "0")))
        return web.json_response({"next": len(entries), "entries": entries[after:]})


def main() -> None:
    """Serve the recording sink on loopback until SIGTERM/SIGINT."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    web.run_app(RecordingSink().app(), host=args.host, port=args.port, access_log=None, print=None)


if __name__ == "__main__":
    main()
