"""Helpers of the tests of data migrations: a database migrated up to a revision (and a fixture
giving one on SQLite and PostgreSQL), the tables they fill, a statement run on it, and datetimes
read back as the aware UTC instants they were stored as."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from bot.adapters.db.engine import create_engine
from bot.adapters.db.migrate import upgrade
from tests.support.databases import fresh_database


@contextmanager
def database_at(kind: str, tmp_path: Path, revision: str) -> Iterator[str]:
    """A fresh database of ``kind`` migrated up to ``revision`` (its URL)."""
    with fresh_database(kind, tmp_path, migrate=False) as url:
        upgrade(url, revision)
        yield url


def database_fixture(revision: str) -> Any:
    """A fixture ``database_at_<revision>``: a fresh SQLite and PostgreSQL database at
    ``revision`` (its URL). Assign it to that name in the test module."""

    @pytest.fixture(
        name=f"database_at_{revision}",
        params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
    )
    def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
        with database_at(request.param, tmp_path, revision) as url:
            yield url

    return database


def questions_table(*newer: sa.ColumnClause[Any]) -> sa.TableClause:
    """The questions table with the columns every revision has, and ``newer`` ones."""
    return sa.table(
        "questions",
        *(sa.column(name, sa.String()) for name in ("pool_id", "asker_key", "asker_name", "text")),
        *(sa.column(name, sa.String()) for name in ("language", "state")),
        sa.column("id", sa.Integer()),
        sa.column("version", sa.Integer()),
        sa.column("current_index", sa.Integer()),
        sa.column("candidates", sa.JSON()),
        sa.column("thread", sa.JSON()),
        sa.column("expert_cards", sa.JSON()),
        sa.column("asked_at", sa.DateTime(timezone=True)),
        *newer,
    )


def answered_question(
    question_id: int, thread: dict[str, Any], asked_at: datetime
) -> dict[str, Any]:
    """A row of ``questions_table()``: an answered question whose card went to ``thread``."""
    return {
        "id": question_id, "pool_id": "default", "asker_key": "a", "asker_name": "A",
        "text": "Wie beantrage ich Elternzeit?", "language": "de", "state": "answered",
        "version": 3, "current_index": 0, "candidates": [], "thread": thread,
        "expert_cards": {}, "asked_at": asked_at,
    }  # fmt: skip


def onboardings_table(*newer: sa.ColumnClause[Any]) -> sa.TableClause:
    """The onboardings table with the columns every revision has, and ``newer`` ones."""
    return sa.table(
        "onboardings",
        *(sa.column(name, sa.String()) for name in ("newcomer_key", "newcomer_name", "source")),
        *(sa.column(name, sa.String()) for name in ("state", "buddy_name")),
        sa.column("id", sa.Integer()),
        sa.column("version", sa.Integer()),
        sa.column("reasons", sa.JSON()),
        sa.column("check_ins", sa.JSON()),
        sa.column("created_at", sa.DateTime(timezone=True)),
        *newer,
    )


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
