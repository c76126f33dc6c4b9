"""The `assistenz-bot` command as an operator meets it: bad settings, empty folder, old schema."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import aiohttp
import pytest

from bot.adapters.db.migrate import upgrade
from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator import running_simulator
from tests.support import activities
from tests.support.bot_processes import bot_environment, running_bots
from tests.support.connector_sink import running_sink


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


async def test_serve_in_an_empty_folder_migrates_and_answers(tmp_path: Path) -> None:
    # No DATABASE_URL: the default ./var/assistenz-bot.db in a folder that has nothing yet.
    async with running_simulator(load_demo_organisation()) as graph_url, running_sink() as sink:
        settings = {"mode": "local", "graph_base_url": graph_url}
        async with running_bots(1, settings, tmp_path) as [bot], aiohttp.ClientSession() as http:
            activity = activities.message(sink.url, "hilfe")
            async with http.post(f"{bot.url}/api/messages", json=activity) as response:
                assert response.status == 201, bot.log_text()
            async with http.get(f"{bot.url}/readyz") as response:
                assert response.status == 200
    [card] = sink.cards()
    assert "was ich für Sie tun kann" in card["body"][0]["text"]
    assert (tmp_path / "var" / "assistenz-bot.db").is_file()
    assert "Traceback" not in bot.log_text()


def _production(database_url: str) -> dict[str, str]:
    return {
        "mode": "production",
        "database_url": database_url,
        "microsoft_app_id": "00000000-0000-4000-8000-0000000000a1",
        "microsoft_app_tenant_id": activities.TENANT_ID,
        "microsoft_app_password": "app-secret",
        "graph_auth": "client_secret",
        "graph_tenant_id": activities.TENANT_ID,
        "graph_client_id": "00000000-0000-4000-8000-0000000000b2",
        "graph_client_secret": "graph-secret",
    }


def test_production_refuses_an_old_schema_with_one_line(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
    upgrade(url, "0004")
    result = _cli(["serve", "--port", "9"], _production(url), tmp_path)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert "Stand 0004" in line and "`assistenz-bot migrate`" in line
    # Production never migrates on its own: the database still has the old revision.
    with sqlite3.connect(tmp_path / "old.db") as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0004",)
        ]


def test_production_refuses_a_missing_database_file_without_creating_it(tmp_path: Path) -> None:
    path = tmp_path / "var" / "bot.db"
    result = _cli(["serve"], _production(f"sqlite+aiosqlite:///{path}"), tmp_path)
    assert result.returncode == 1, result.stderr
    [line] = result.stderr.strip().splitlines()
    assert str(path) in line and "`assistenz-bot migrate`" in line
    assert not path.exists()


def test_local_serve_on_a_newer_schema_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES ('9999')")
    settings = {"mode": "local", "database_url": f"sqlite+aiosqlite:///{path}"}
    result = _cli(["serve", "--port", "9"], settings, tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("Datenbank-Migration fehlgeschlagen")
