"""check-config against real databases and the Graph simulator, and how it reports failures."""

from __future__ import annotations

import asyncio
import socket
import sqlite3
from pathlib import Path

from bot.adapters.db.migrate import upgrade
from bot.check_config import CheckResult, check_config, format_results
from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator import running_simulator
from tests.conftest import local_settings


def _by_name(results: list[CheckResult]) -> dict[str, CheckResult]:
    return {result.name: result for result in results}


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


async def test_migrated_database_and_simulator_pass(database_url: str) -> None:
    async with running_simulator(load_demo_organisation()) as graph_url:
        results = await check_config(local_settings(database_url, graph_base_url=graph_url))
    checks = _by_name(results)
    assert all(result.ok for result in results), format_results(results)
    assert {"Einstellungen", "Datenbank", "Migrationen", "Graph (Simulator)"} <= set(checks)
    assert checks["Datenbank"].detail.startswith("erreichbar")
    assert "neuesten Stand" in checks["Migrationen"].detail
    assert graph_url in checks["Graph (Simulator)"].detail


async def test_unmigrated_database_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    sqlite3.connect(path).close()
    async with running_simulator(load_demo_organisation()) as graph_url:
        results = await check_config(
            local_settings(f"sqlite+aiosqlite:///{path}", graph_base_url=graph_url)
        )
    checks = _by_name(results)
    assert checks["Datenbank"].ok
    assert not checks["Migrationen"].ok
    assert "nicht migriert" in checks["Migrationen"].detail
    assert "assistenz-bot migrate" in checks["Migrationen"].detail


async def test_older_revision_names_both_revisions(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
    await asyncio.to_thread(upgrade, url, "0001")  # alembic runs its own event loop
    checks = _by_name(await check_config(local_settings(url), probe_timeout=3))
    assert not checks["Migrationen"].ok
    assert "Stand 0001" in checks["Migrationen"].detail
    assert "assistenz-bot migrate" in checks["Migrationen"].detail


async def test_missing_sqlite_file_is_reported_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "bot.db"
    checks = _by_name(
        await check_config(local_settings(f"sqlite+aiosqlite:///{path}"), probe_timeout=3)
    )
    assert not checks["Datenbank"].ok and "gibt es nicht" in checks["Datenbank"].detail
    assert not checks["Migrationen"].ok and "nicht geprüft" in checks["Migrationen"].detail
    assert not path.exists() and not path.parent.exists()


async def test_unreachable_graph_is_a_failure(sqlite_url: str) -> None:
    graph_url = f"http://127.0.0.1:{_closed_port()}/v1.0"
    results = await check_config(
        local_settings(sqlite_url, graph_base_url=graph_url), probe_timeout=5
    )
    graph = _by_name(results)["Graph (Simulator)"]
    assert not graph.ok
    assert graph.detail.startswith("nicht erreichbar") and graph_url in graph.detail
    assert "[FEHLER] Graph (Simulator): nicht erreichbar" in format_results(results)


async def test_unreachable_postgres_masks_the_password() -> None:
    secrets = ("db-Geheimnis/1", "app-passwort-2", "graph-secret-3")
    url = f"postgresql+asyncpg://bot:db-Geheimnis%2F1@127.0.0.1:{_closed_port()}/assistenz"
    settings = local_settings(
        url,
        microsoft_app_id="0b8e3f4a-1c2d-4e5f-8a9b-7c6d5e4f3a2b",
        microsoft_app_password=secrets[1],
        graph_auth="client_secret",
        graph_tenant_id="11111111-1111-1111-1111-111111111111",
        graph_client_id="22222222-2222-2222-2222-222222222222",
        graph_client_secret=secrets[2],
        graph_base_url=f"http://127.0.0.1:{_closed_port()}/v1.0",
    )
    results = await check_config(settings, probe_timeout=3)
    checks = _by_name(results)
    assert not checks["Datenbank"].ok and "nicht erreichbar" in checks["Datenbank"].detail
    assert "bot:***@127.0.0.1" in checks["Datenbank"].detail
    assert not checks["Graph"].ok
    report = format_results(results)
    for secret in (*secrets, "db-Geheimnis%2F1"):
        assert secret not in report
    assert "Passwort gesetzt (***)" in checks["Bot-Identität"].detail


async def test_invalid_calendar_settings_are_reported(sqlite_url: str) -> None:
    settings = local_settings(sqlite_url, time_zone="Mars/Olympus", holiday_state="XX")
    checks = _by_name(await check_config(settings, probe_timeout=3))
    calendar = checks["Zeitzone und Feiertage"]
    assert not calendar.ok
    assert "Mars/Olympus" in calendar.detail and "keine bekannte Zeitzone" in calendar.detail
    assert "'XX' ist kein Bundesland" in calendar.detail and "NW" in calendar.detail


async def test_production_needs_an_https_base_url(sqlite_url: str) -> None:
    settings = local_settings(
        sqlite_url,
        mode="production",
        microsoft_app_id="0b8e3f4a-1c2d-4e5f-8a9b-7c6d5e4f3a2b",
        microsoft_app_tenant_id="11111111-1111-1111-1111-111111111111",
        microsoft_app_password="x",
        graph_auth="managed_identity",
        app_base_url="http://bot.example.org",
    )
    checks = _by_name(await check_config(settings, probe_timeout=1))
    assert not checks["App-Paket"].ok and "keine https-Adresse" in checks["App-Paket"].detail
    assert "LOG_JSON=true empfohlen" in checks["Einstellungen"].detail
    assert "Mandanten" in checks and "11111111" in checks["Mandanten"].detail
