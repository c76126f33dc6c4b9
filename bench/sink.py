"""A counting Bot Connector stand-in for the load benchmark (runs as its own process).

Every bot under test gets a service URL ``http://127.0.0.1:PORT/<tag>/``; the connector client
then posts replies to ``/<tag>/v3/conversations/{cid}/activities/{aid}``. The sink answers
``{"id": ...}`` like the real service and keeps per-tag counters that ``GET /stats`` returns.

    python -m bench.sink --port 3999
"""

from __future__ import annotations

import argparse
import itertools
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
_MAX_DISTINCT_TEXTS = 20
ROSTER_SIZE = 1000


def _account(aad: str, name: str) -> dict[str, Any]:
    return {"id": f"29:{aad}", "name": name, "aadObjectId": aad}


# The numbered members of tests.support.activities.user(n) and the poll organiser.
ROSTER = [
    _account(f"00000000-0000-4000-8000-{n:012d}", f"Mitglied {n:03d}")
    for n in range(1, ROSTER_SIZE + 1)
] + [_account("00000000-0000-4000-9000-000000000001", "Orga Nisator")]


@dataclass
class TagStats:
    """What one bot (one service URL tag) has posted so far."""

    posts: int = 0
    reply_to_ids: set[str] = field(default_factory=set)
    conversations: set[str] = field(default_factory=set)
    card_replies: int = 0
    texts: Counter[str] = field(default_factory=Counter)
    bad_bodies: int = 0

    def as_json(self) -> dict[str, Any]:
        """Counters only (the id sets are reported as their sizes)."""
        return {
            "posts": self.posts,
            "unique_reply_to_ids": len(self.reply_to_ids),
            "conversations": len(self.conversations),
            "card_replies": self.card_replies,
            "texts": dict(self.texts),
            "bad_bodies": self.bad_bodies,
        }


class Sink:
    """The aiohttp application and its counters."""

    def __init__(self) -> None:
        self._stats: dict[str, TagStats] = {}
        self._ids = itertools.count(1)

    def app(self) -> web.Application:
        """Routes of the connector subset the bots use, plus ``/stats``."""
        app = web.Application(client_max_size=1024 * 1024)
        app.router.add_post("/{tag}/v3/conversations/{cid}/activities/{aid}", self._send)
        app.router.add_post("/{tag}/v3/conversations/{cid}/activities", self._send)
        app.router.add_get("/{tag}/v3/conversations/{cid}/pagedmembers", self._members)
        app.router.add_get("/stats", self._get_stats)
        return app

    async def _members(self, request: web.Request) -> web.Response:
        # Every bench team has the same roster: the numbered members the scenarios use
        # (the bot checks that voters belong to the poll's team), read page by page.
        size = int(request.query.get("pageSize", "100"))
        start = int(request.query.get("continuationToken") or 0)
        page = ROSTER[start : start + size]
        token = str(start + size) if start + size < len(ROSTER) else None
        return web.json_response({"members": page, "continuationToken": token})

    async def _send(self, request: web.Request) -> web.Response:
        stats = self._stats.setdefault(request.match_info["tag"], TagStats())
        stats.posts += 1
        stats.conversations.add(request.match_info["cid"])
        reply_to = request.match_info.get("aid")
        if reply_to:
            stats.reply_to_ids.add(reply_to)
        try:
            body: Any = await request.json()
        except ValueError:
            body = None
        if not isinstance(body, dict) or body.get("type") != "message":
            stats.bad_bodies += 1
        else:
            attachments = body.get("attachments") or []
            if any(a.get("contentType") == ADAPTIVE_CARD for a in attachments):
                stats.card_replies += 1
            text = str(body.get("text") or "")
            if text and (text in stats.texts or len(stats.texts) < _MAX_DISTINCT_TEXTS):
                stats.texts[text] += 1
        return web.json_response({"id": f"sink-{next(self._ids)}"})

    async def _get_stats(self, _request: web.Request) -> web.Response:
        return web.json_response({tag: s.as_json() for tag, s in self._stats.items()})


def main() -> None:
    """Serve the sink on loopback until SIGTERM/SIGINT."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    web.run_app(Sink().app(), host=args.host, port=args.port, access_log=None, print=None)


if __name__ == "__main__":
    main()
