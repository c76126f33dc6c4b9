"""A connector sink whose answers to the bot's sends are slow: a delay, or held until released."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from aiohttp import web

from tests.support.connector_sink import ConnectorSink, serving


def _open_gate() -> asyncio.Event:
    gate = asyncio.Event()
    gate.set()
    return gate


@dataclass
class HeldSink(ConnectorSink):
    """A ConnectorSink that answers each send after ``delay`` seconds and once ``gate`` is set."""

    # ``arrivals``: the conversation id of every send as it arrives; ``sent`` gets the activity
    # only when it is answered, so a send still held shows in ``arrivals`` only.
    delay: float = 0.0
    gate: asyncio.Event = field(default_factory=_open_gate)
    arrivals: list[str] = field(default_factory=list)
    _arrived: asyncio.Condition = field(default_factory=asyncio.Condition)

    async def wait_for_arrival(self, wanted: Callable[[str], bool], within: float = 10) -> None:
        """Wait until a send to a conversation that ``wanted`` accepts has arrived."""
        async with asyncio.timeout(within), self._arrived:
            await self._arrived.wait_for(lambda: any(map(wanted, self.arrivals)))

    async def _send(self, request: web.Request) -> web.Response:
        async with self._arrived:
            self.arrivals.append(request.match_info["cid"])
            self._arrived.notify_all()
        await asyncio.sleep(self.delay)
        await self.gate.wait()
        return await super()._send(request)


@asynccontextmanager
async def running_held_sink(delay: float = 0.0) -> AsyncIterator[HeldSink]:
    """Start a HeldSink on a free loopback port; on exit the gate opens, then it stops."""
    sink = HeldSink(delay=delay)
    async with serving(sink):
        try:
            yield sink
        finally:
            sink.gate.set()
