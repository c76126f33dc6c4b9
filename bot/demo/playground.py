"""Start and stop the Microsoft 365 Agents Playground (the local Teams client) as a process."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from bot.demo.organisation import PLAYGROUND_CONFIG_PATH

STARTUP_TIMEOUT_S = 60.0


def find_tooling_root(start: Path | None = None) -> Path:
    """The directory whose node_modules holds the Playground (the repository root)."""
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents, Path(__file__).resolve().parents[2]):
        if (candidate / "node_modules/.bin/agentsplayground").exists():
            return candidate
    raise FileNotFoundError(
        "Agents Playground nicht gefunden: bitte im Repository `npm ci` ausführen."
    )


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PlaygroundProcess:
    """``async with PlaygroundProcess(bot_endpoint) as pg: pg.url`` — stops the whole group."""

    bot_endpoint: str
    port: int = field(default_factory=free_port)
    config_path: Path = PLAYGROUND_CONFIG_PATH
    _process: asyncio.subprocess.Process | None = None
    _log_path: Path | None = None

    @property
    def url(self) -> str:
        """The Playground's web UI (and, under /_connector, its mock Bot Connector)."""
        return f"http://127.0.0.1:{self.port}"

    async def __aenter__(self) -> PlaygroundProcess:
        await self.start()
        return self

    async def __aexit__(
        self, _t: type[BaseException] | None, _e: BaseException | None, _tb: TracebackType | None
    ) -> None:
        await self.stop()

    async def start(self) -> None:
        """Launch the Playground and wait until its web UI answers."""
        root = find_tooling_root()
        env = {
            **os.environ,
            # Without this it tries xdg-open, fails and exits silently (PLATFORM_NOTES).
            "TEAMSAPPTESTER_BROWSER": "none",
            "M365_AGENTS_PLAYGROUND_CONFIG_PATH": str(self.config_path),
        }
        self._log_path = Path(tempfile.gettempdir()) / f"playground-{self.port}.log"
        log = self._log_path.open("wb")
        self._process = await asyncio.create_subprocess_exec(
            str(root / "node_modules/.bin/agentsplayground"),
            "-e", self.bot_endpoint, "-c", "msteams", "-p", str(self.port), "--dt",
            cwd=root, env=env, stdout=log, stderr=asyncio.subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        log.close()
        await self._wait_until_serving()

    async def _wait_until_serving(self) -> None:
        deadline = asyncio.get_running_loop().time() + STARTUP_TIMEOUT_S
        while asyncio.get_running_loop().time() < deadline:
            if self._process is not None and self._process.returncode is not None:
                break
            try:
                _reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
            except OSError:
                await asyncio.sleep(0.2)
                continue
            writer.close()
            await writer.wait_closed()
            return
        output = self._log_path.read_text(errors="replace")[-2000:] if self._log_path else ""
        await self.stop()
        raise RuntimeError(f"Agents Playground did not start on {self.url}:\n{output}")

    async def stop(self) -> None:
        """Terminate the Playground's whole process group (npx spawns node children)."""
        process, self._process = self._process, None
        if process is None or process.returncode is not None:
            return
        try:
            os.killpg(process.pid, signal.SIGTERM)
            await asyncio.wait_for(process.wait(), timeout=10)
        except (ProcessLookupError, TimeoutError):
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                return
            await process.wait()
