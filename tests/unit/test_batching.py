"""MicroBatcher: coalescing, per-item fallback on errors, failing pending items on cancel."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest

from bot.adapters.db.batching import MicroBatcher


async def test_concurrent_submissions_share_batches() -> None:
    calls: list[list[int]] = []

    async def bulk(items: Sequence[int]) -> list[int]:
        calls.append(list(items))
        await asyncio.sleep(0)
        return [i * 2 for i in items]

    batcher: MicroBatcher[int, int] = MicroBatcher(bulk)
    results = await asyncio.gather(*(batcher.submit(i) for i in range(10)))
    assert results == [i * 2 for i in range(10)]
    assert len(calls) < 10 and sorted(i for call in calls for i in call) == list(range(10))


async def test_one_bad_item_does_not_fail_its_neighbours() -> None:
    async def bulk(items: Sequence[int]) -> list[int]:
        if 3 in items:
            raise ValueError("bad item")
        return list(items)

    batcher: MicroBatcher[int, int] = MicroBatcher(bulk)
    results = await asyncio.gather(*(batcher.submit(i) for i in range(6)), return_exceptions=True)
    assert [r for r in results if isinstance(r, ValueError)] and results[0] == 0
    assert [r for r in results if not isinstance(r, Exception)] == [0, 1, 2, 4, 5]


async def test_cancelled_drain_fails_waiting_items() -> None:
    started = asyncio.Event()

    async def bulk(items: Sequence[int]) -> list[int]:
        started.set()
        await asyncio.sleep(10)
        return list(items)

    batcher: MicroBatcher[int, int] = MicroBatcher(bulk)
    first = asyncio.create_task(batcher.submit(1))
    await started.wait()
    second = asyncio.create_task(batcher.submit(2))
    await asyncio.sleep(0)
    assert batcher._worker is not None
    batcher._worker.cancel()
    for task in (first, second):
        with pytest.raises(asyncio.CancelledError):
            await task
