"""Readable logs without colour escape codes when they go to a file (``./dev demo > x.log``),
colours only in a terminal."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

# A separate process: configure_logging changes the root logger and structlog for good.
_LOG_ONE_LINE = (
    "import logging, structlog\n"
    "from bot.logging import configure_logging\n"
    "configure_logging('INFO')\n"
    "structlog.get_logger('demo').info('bot_started', port=3978)\n"
    "logging.getLogger('plain').warning('catalogue empty')\n"
)
ESC = b"\x1b["


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return {**env, **extra}


def test_logs_written_to_a_file_have_no_colour_codes(tmp_path: Path) -> None:
    log = tmp_path / "demo.log"
    with log.open("wb") as out:
        subprocess.run([sys.executable, "-c", _LOG_ONE_LINE], stderr=out, env=_env(),
                       check=True, timeout=60)  # fmt: skip
    written = log.read_bytes()
    assert b"bot_started" in written and b"port=3978" in written and b"catalogue empty" in written
    assert ESC not in written


def _through_a_terminal(**env: str) -> bytes:
    leader, follower = pty.openpty()
    try:
        subprocess.run([sys.executable, "-c", _LOG_ONE_LINE], stderr=follower,
                       env=_env(**env), check=True, timeout=60)  # fmt: skip
    finally:
        os.close(follower)
    chunks = []
    try:
        while chunk := os.read(leader, 65536):
            chunks.append(chunk)
    except OSError:  # EIO once the terminal has been read empty (Linux)
        pass
    finally:
        os.close(leader)
    return b"".join(chunks)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pseudo-terminal read: Linux")
def test_a_terminal_gets_colours_unless_no_color_is_set() -> None:
    coloured = _through_a_terminal()
    assert b"bot_started" in coloured and ESC in coloured
    plain = _through_a_terminal(NO_COLOR="1")
    assert b"bot_started" in plain and ESC not in plain
