"""Real `assistenz-bot serve` OS processes on loopback ports, for multi-replica tests.

Each process gets an environment with no bot setting inherited from the test's own (only the
ones given), runs in a scratch directory (so no developer ``.env`` is read), logs to a file,
and on Linux dies with the test process even if that is killed outright.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import json
import os
import signal
import socket
import sys
import time
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
_PR_SET_PDEATHSIG = 1


def bot_environment(settings: Mapping[str, str]) -> dict[str, str]:
    """The test's environment minus every bot setting, plus ``settings`` (names upper-cased)."""
    names = {name.upper() for name in Settings.model_fields}
    env = {key: value for key, value in os.environ.items() if key.upper() not in names}
    env.pop("APPLICATIONINSIGHTS_CONNECTION_STRING", None)
    env.update({key.upper(): value for key, value in settings.items()})
    env["PYTHONUNBUFFERED"] = "1"
    # The package is importable from the scratch directory too (editable install or not).
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


@dataclass
class BotProcess:
    """One bot replica: its process, base URL and log file (stdout and stderr)."""

    name: str
    process: asyncio.subprocess.Process
    url: str
    log: Path

    @property
    def returncode(self) -> int | None:
        """The exit status, None while running."""
        return self.process.returncode

    def log_text(self) -> str:
        """Everything the process logged so far."""
        return self.log.read_text(errors="replace")

    def events(self, name: str) -> list[dict[str, Any]]:
        """The JSON log entries (LOG_JSON=true) whose event is ``name``."""
        entries = []
        for line in self.log_text().splitlines():
            if line.startswith("{"):
                with contextlib.suppress(ValueError):
                    entry = json.loads(line)
                    if entry.get("event") == name:
                        entries.append(entry)
        return entries

    def terminate(self) -> None:
        """Send SIGTERM (what a container runtime sends before stopping a replica)."""
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)

    async def stop(self, grace: float = 25) -> int:
        """SIGTERM, wait up to ``grace`` seconds, then SIGKILL; returns the exit status."""
        self.terminate()
        try:
            return await asyncio.wait_for(self.process.wait(), grace)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
            return -signal.SIGKILL


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _die_with_parent() -> None:
    # Runs in the child between fork and exec: SIGKILL it when the test process goes away.
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


async def _spawn(name: str, env: Mapping[str, str], workdir: Path) -> BotProcess:
    port = _free_port()
    log = workdir / f"{name}.log"
    preexec: Callable[[], None] | None = _die_with_parent if sys.platform == "linux" else None
    with log.open("ab") as out:
        process = await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "bot.cli", "serve", "--host", "127.0.0.1"),
            *("--port", str(port)),
            cwd=workdir,
            env=dict(env),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=out,
            stderr=asyncio.subprocess.STDOUT,
            preexec_fn=preexec,
        )
    return BotProcess(name, process, f"http://127.0.0.1:{port}", log)


async def _ready(bot: BotProcess, within: float) -> bool:
    """True once /readyz answers 200; False if the process exited first."""
    deadline = time.monotonic() + within
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as http:
        while bot.returncode is None:
            with contextlib.suppress(aiohttp.ClientError, TimeoutError):
                async with http.get(f"{bot.url}/readyz") as response:
                    if response.status == 200:
                        return True
            if time.monotonic() > deadline:
                raise AssertionError(f"{bot.name} not ready after {within} s:\n{bot.log_text()}")
            await asyncio.sleep(0.1)
    return False


async def _start(
    name: str, env: Mapping[str, str], workdir: Path, spawned: list[BotProcess]
) -> BotProcess:
    for _attempt in range(3):
        bot = await _spawn(name, env, workdir)
        spawned.append(bot)
        if await _ready(bot, within=30):
            return bot
        # Another program took the free port between probe and bind: try another one.
        if "address already in use" not in bot.log_text().lower():
            break
    raise AssertionError(f"{name} exited with {bot.returncode}:\n{bot.log_text()}")


@asynccontextmanager
async def running_bots(
    count: int, settings: Mapping[str, str], workdir: Path
) -> AsyncIterator[list[BotProcess]]:
    """Start ``count`` replicas with ``settings``; every process is stopped on exit."""
    env = bot_environment(settings)
    spawned: list[BotProcess] = []
    try:
        # Started together (imports take seconds); all attempts end before anything is raised.
        results = await asyncio.gather(
            *(_start(f"bot{n}", env, workdir, spawned) for n in range(count)),
            return_exceptions=True,
        )
        for result in results:
            if isinstance(result, BaseException):
                raise result
        yield [bot for bot in results if isinstance(bot, BotProcess)]
    finally:
        await asyncio.gather(*(bot.stop() for bot in spawned))
