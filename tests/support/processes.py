"""Stopping the worker processes a test started: SIGTERM to all, then wait, SIGKILL if stuck."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence


async def stop_processes(
    processes: Sequence[asyncio.subprocess.Process], grace: float = 15
) -> None:
    """Terminate every process still running and reap all of them."""
    for process in processes:
        if process.returncode is None:
            process.terminate()
    for process in processes:
        try:
            await asyncio.wait_for(process.wait(), grace)
        except TimeoutError:
            process.kill()
            await process.wait()
