"""Start and stop the Microsoft 365 Agents Playground (the local Teams client) as a process.

Used by ``assistenz-bot demo`` and by the end-to-end tests. The Playground (npm
``@microsoft/m365agentsplayground``) serves a Teams-like web UI and mocks the Bot Connector
under ``/_connector``; it sends no JWT, so the bot runs in local mode.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
import signal
import socket
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Final, Self

import aiohttp

from devkit.demo.process_group import process_group_alive, signal_process_group

REPO_ROOT: Final = Path(__file__).resolve().parents[2]
CONFIG_PATH_ENV: Final = "M365_AGENTS_PLAYGROUND_CONFIG_PATH"
_LISTENING = re.compile(r"Listening on (\d+)")
_OUTPUT_LIMIT = 200_000


class PlaygroundStartError(RuntimeError):
    """The Playground process did not come up."""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class PlaygroundProcess:
    """``npx agentsplayground`` as an async context manager.

    ``config_path`` (or, if not given, the environment variable
    ``M365_AGENTS_PLAYGROUND_CONFIG_PATH``) names the Playground's YAML config; a relative path
    is taken relative to ``cwd``. A missing file is an error here: the Playground itself would
    silently fall back to its built-in default world. With neither set, the Playground reads
    ``<cwd>/.m365agentsplayground.yml`` or uses its default config.

    The Playground mocks the Bot Connector under ``<url>/_connector``; it tells the bot
    ``serviceUrl = http://localhost:<port>/_connector`` (:attr:`service_url`).

    Its own log (errors such as an invalid config end up only there, not on stdout) goes to a
    temporary file instead of ``<cwd>/devTools/``: :meth:`server_log`.
    """

    def __init__(
        self,
        bot_endpoint: str,
        *,
        config_path: str | os.PathLike[str] | None = None,
        port: int | None = None,
        channel: str = "msteams",
        cwd: str | os.PathLike[str] = REPO_ROOT,
        startup_timeout: float = 60.0,
        extra_args: Sequence[str] = (),
        extra_env: Mapping[str, str] | None = None,
    ) -> None:
        self.bot_endpoint = bot_endpoint
        self.channel = channel
        self.cwd = Path(cwd)
        self.startup_timeout = startup_timeout
        self._config_path = config_path
        self._requested_port = port
        self._extra_args = tuple(extra_args)
        self._extra_env = dict(extra_env or {})
        self._proc: asyncio.subprocess.Process | None = None
        self._log_dir: Path | None = None
        self._last_log = ""
        self._reader: asyncio.Task[None] | None = None
        self._chunks: list[str] = []
        self._size = 0
        self._port: int | None = None
        self.config_path: Path | None = None

    # -- properties ---------------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the Playground is not running")
        return self._port

    @property
    def url(self) -> str:
        """Base URL of the Playground UI, e.g. ``http://127.0.0.1:56150``."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def service_url(self) -> str:
        """The ``serviceUrl`` the Playground puts into activities (its mock Bot Connector)."""
        return f"http://localhost:{self.port}/_connector"

    @property
    def output(self) -> str:
        """Everything the process printed so far (stdout and stderr, possibly truncated)."""
        return "".join(self._chunks)

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def server_log(self) -> str:
        """The Playground's log file (kept in memory after :meth:`stop`)."""
        if self._log_dir is not None:
            with contextlib.suppress(OSError):
                self._last_log = (self._log_dir / "playground.log").read_text(errors="replace")
        return self._last_log

    def _diagnostics(self) -> str:
        log = self.server_log()[-8000:]
        return f"\n--- output ---\n{self.output}\n--- Playground log ---\n{log}"

    def command(self, port: int) -> list[str]:
        return [
            "npx",
            "--no-install",
            "agentsplayground",
            "-e",
            self.bot_endpoint,
            "-c",
            self.channel,
            "-p",
            str(port),
            "--dt",
            *self._extra_args,
        ]

    # -- lifecycle ----------------------------------------------------------------------------

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    def _resolve_config(self) -> Path | None:
        raw = self._config_path
        if raw is None:
            raw = os.environ.get(CONFIG_PATH_ENV) or None
        if raw is None:
            return None
        path = Path(raw)
        if not path.is_absolute():
            path = self.cwd / path
        if not path.is_file():
            raise FileNotFoundError(f"Agents Playground config not found: {path}")
        return path.resolve()

    async def start(self) -> None:
        if self._proc is not None:
            raise RuntimeError("the Playground is already running")
        self.config_path = self._resolve_config()
        env = dict(os.environ)
        env.update(self._extra_env)
        env["TEAMSAPPTESTER_BROWSER"] = "none"
        self._log_dir = Path(tempfile.mkdtemp(prefix="agentsplayground-"))
        self._last_log = ""
        env["M365_AGENTS_PLAYGROUND_LOGFILE"] = str(self._log_dir / "playground.log")
        if self.config_path is not None:
            env[CONFIG_PATH_ENV] = str(self.config_path)
        else:
            env.pop(CONFIG_PATH_ENV, None)
        port = self._requested_port or _free_port()
        self._chunks.clear()
        self._size = 0
        self._port = None
        self._proc = await asyncio.create_subprocess_exec(
            *self.command(port),
            cwd=self.cwd,
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            start_new_session=True,
        )
        self._reader = asyncio.create_task(self._read_output(self._proc))
        try:
            await asyncio.wait_for(self._wait_until_serving(), self.startup_timeout)
        except TimeoutError:
            message = (
                f"Agents Playground did not serve within {self.startup_timeout:.0f} s "
                f"({' '.join(self.command(port))}).{self._diagnostics()}"
            )
            await self.stop()
            raise PlaygroundStartError(message) from None
        except BaseException:
            await self.stop()
            raise

    async def _read_output(self, proc: asyncio.subprocess.Process) -> None:
        assert proc.stdout is not None
        while line := await proc.stdout.readline():
            text = line.decode(errors="replace")
            if self._size < _OUTPUT_LIMIT:
                self._chunks.append(text)
                self._size += len(text)
            if self._port is None and (match := _LISTENING.search(text)):
                # The Playground silently falls back to a random port if ours is taken.
                self._port = int(match.group(1))

    async def _wait_until_serving(self) -> None:
        proc = self._proc
        assert proc is not None
        timeout = aiohttp.ClientTimeout(total=2)
        async with aiohttp.ClientSession(timeout=timeout) as http:
            while True:
                if proc.returncode is not None:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(asyncio.shield(self._reader_done()), 2)
                    raise PlaygroundStartError(
                        f"Agents Playground exited with status {proc.returncode} before serving "
                        f"(config: {self.config_path or 'default'}).{self._diagnostics()}"
                    )
                if self._port is not None:
                    with contextlib.suppress(aiohttp.ClientError, TimeoutError):
                        async with http.get(f"http://127.0.0.1:{self._port}/") as resp:
                            if resp.status == 200:
                                return
                await asyncio.sleep(0.1)

    async def _reader_done(self) -> None:
        if self._reader is not None:
            await self._reader

    async def stop(self) -> None:
        """Terminate the whole process group (npx, npm, node); idempotent."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        pgid = proc.pid  # start_new_session: the leader's pid is the group id
        signal_process_group(pgid, signal.SIGTERM)
        try:
            await asyncio.wait_for(proc.wait(), 5)
        except TimeoutError:
            signal_process_group(pgid, signal.SIGKILL)
            await proc.wait()
        deadline = time.monotonic() + 5
        while process_group_alive(pgid):
            if time.monotonic() > deadline:
                signal_process_group(pgid, signal.SIGKILL)
                await asyncio.sleep(0.2)
                break
            await asyncio.sleep(0.05)
        if self._reader is not None:
            try:
                await asyncio.wait_for(self._reader, 2)
            except TimeoutError:
                self._reader.cancel()
            except asyncio.CancelledError:
                pass
            self._reader = None
        if self._log_dir is not None:
            self.server_log()
            shutil.rmtree(self._log_dir, ignore_errors=True)
            self._log_dir = None
