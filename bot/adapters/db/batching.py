"""Coalesce concurrent small writes into one statement per batch.

Every turn claims its activity id. Under load, one transaction per claim means one commit and
several thread hops each (aiosqlite) or one round trip each (asyncpg); a single multi-row
statement for all claims that arrived meanwhile costs about the same as one of them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class MicroBatcher(Generic[T, R]):
    """``await submit(item)`` returns ``bulk(batch)[i]``; one bulk call runs at a time."""

    def __init__(
        self, bulk: Callable[[Sequence[T]], Awaitable[Sequence[R]]], max_batch: int = 500
    ) -> None:
        self._bulk = bulk
        self._max_batch = max_batch
        self._pending: list[tuple[T, asyncio.Future[R]]] = []
        self._worker: asyncio.Task[None] | None = None

    async def submit(self, item: T) -> R:
        """Queue ``item`` and wait for the result of the batch it lands in."""
        future: asyncio.Future[R] = asyncio.get_running_loop().create_future()
        self._pending.append((item, future))
        if self._worker is None or self._worker.done():
            self._worker = asyncio.create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        # Items that arrive while a batch is being written form the next batch.
        while self._pending:
            batch = self._pending[: self._max_batch]
            del self._pending[: self._max_batch]
            try:
                await self._run(batch)
            except BaseException as error:
                # Cancelled (shutdown): nobody will drain the rest, so fail it as well.
                batch, self._pending = batch + self._pending, []
                for _, future in batch:
                    if not future.done():
                        future.set_exception(error)
                raise

    async def _run(self, batch: list[tuple[T, asyncio.Future[R]]]) -> None:
        try:
            results = await self._bulk([item for item, _ in batch])
        except Exception as error:
            if len(batch) == 1:
                future = batch[0][1]
                if not future.done():
                    future.set_exception(error)
                return
            # One bad item must not fail its neighbours: retry them one by one.
            for single in batch:
                await self._run([single])
            return
        for (_, future), result in zip(batch, results, strict=True):
            if not future.done():
                future.set_result(result)
