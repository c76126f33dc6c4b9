"""Fresh, migrated databases for tests: a SQLite file or a throwaway PostgreSQL database."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import TypeVar

import asyncpg
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.migrate import upgrade

T = TypeVar("T")

PG_ADMIN_DSN = os.environ.get("TEST_PG_DSN", "postgresql://postgres@127.0.0.1:5432/test")


def _pg_exec(sql: str) -> None:
    async def run() -> None:
        connection = await asyncpg.connect(PG_ADMIN_DSN)
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    asyncio.run(run())


def postgres_available() -> bool:
    """True when the local PostgreSQL server answers."""
    try:
        _pg_exec("SELECT 1")
    except (OSError, asyncpg.PostgresError):
        return False
    return True


@contextmanager
def fresh_database(kind: str, tmp_path: Path, *, migrate: bool = True) -> Iterator[str]:
    """Yield the SQLAlchemy URL of an empty (optionally migrated) database of ``kind``."""
    if kind == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
        if migrate:
            upgrade(url)
        yield url
        return
    if not postgres_available():
        if os.environ.get("REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL at 127.0.0.1:5432 is required but not reachable")
        pytest.skip("PostgreSQL at 127.0.0.1:5432 is not reachable")
    name = f"bot_test_{uuid.uuid4().hex[:12]}"
    _pg_exec(f'CREATE DATABASE "{name}"')
    try:
        url = f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"
        if migrate:
            upgrade(url)
        yield url
    finally:
        _pg_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@asynccontextmanager
async def contract_store(
    url: str | None,
    fake: Callable[[], T],
    sql: Callable[[async_sessionmaker[AsyncSession]], T],
) -> AsyncIterator[T]:
    """The in-memory fake (``url`` None) or the SQL adapter on the given database."""
    if url is None:
        yield fake()
        return
    engine = create_engine(url)
    try:
        yield sql(create_session_factory(engine))
    finally:
        await engine.dispose()
