"""Migrations run upgrade → downgrade → upgrade on SQLite and PostgreSQL and match the models."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from bot.adapters.db.engine import create_engine
from bot.adapters.db.migrate import downgrade, upgrade
from bot.adapters.db.models import Base
from tests.support.databases import fresh_database


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_database(request.param, tmp_path, migrate=False) as url:
        yield url


def _inspect(url: str) -> tuple[set[str], list[Any]]:
    async def run() -> tuple[set[str], list[Any]]:
        engine = create_engine(url)
        async with engine.connect() as connection:

            def read(sync_connection: Any) -> tuple[set[str], list[Any]]:
                tables = set(inspect(sync_connection).get_table_names())
                context = MigrationContext.configure(sync_connection)
                return tables, compare_metadata(context, Base.metadata)

            result = await connection.run_sync(read)
        await engine.dispose()
        return result

    return asyncio.run(run())


def test_upgrade_downgrade_upgrade(empty_database: str) -> None:
    upgrade(empty_database)
    tables, diff = _inspect(empty_database)
    assert set(Base.metadata.tables) <= tables
    assert diff == [], f"models and migrations differ: {diff}"
    downgrade(empty_database, "base")
    tables, _ = _inspect(empty_database)
    assert tables <= {"alembic_version"}
    upgrade(empty_database)
    tables, diff = _inspect(empty_database)
    assert set(Base.metadata.tables) <= tables and diff == []
