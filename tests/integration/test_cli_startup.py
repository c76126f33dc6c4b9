"""The `assistenz-bot` command as an operator meets it: bad settings, empty folder, old schema."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from tests.support.bot_processes import bot_environment


def _cli(
    args: list[str], settings: Mapping[str, str], cwd: Path
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=cwd,
        env=bot_environment(settings),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("command", ["serve", "demo", "check-config", "migrate"])
def test_a_bad_setting_is_one_line_and_exit_code_2(command: str, tmp_path: Path) -> None:
    result = _cli([command], {"ALLOWED_TENANT_IDS": "not-json"}, tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Einstellung ALLOWED_TENANT_IDS ungültig ('not-json')")
    assert not (tmp_path / "var").exists()  # nothing was started or created
