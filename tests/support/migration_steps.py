"""Helpers of the tests of data migrations: a database migrated up to a revision, a statement
run on it, and datetimes read back as the aware UTC instants they were stored as."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.adapters.db.engine import create_engine
from bot.adapters.db.migrate import upgrade
from tests.support.databases import fresh_database


@contextmanager
def database_at(kind: str, tmp_path: Path, revision: str) -> Iterator[str]:
    """A fresh database of ``kind`` migrated up to ``revision`` (its URL)."""
    with fresh_database(kind, tmp_path, migrate=False) as url:
        upgrade(url, revision)
        yield url


def run_sql(url: str, statement: Any) -> list[Any]:
    """Run one statement in its own transaction; the rows it returns, if any."""

    async def run() -> list[Any]:
        engine = create_engine(url)
        try:
            async with engine.begin() as connection:
                result = await connection.execute(statement)
                return list(result.all()) if result.returns_rows else []
        finally:
            await engine.dispose()

    return asyncio.run(run())


def aware(value: datetime | None) -> datetime | None:
    """Plain DateTime columns come back naive from SQLite; the stored instant is UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)
