"""Dialect-specific statements shared by the SQL adapters."""

from __future__ import annotations

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.models import Base


def dialect_insert(
    session: AsyncSession, table: type[Base] | Table
) -> sqlite.Insert | postgresql.Insert:
    """An INSERT with ON CONFLICT support in the session's dialect."""
    if session.get_bind().dialect.name == "sqlite":
        return sqlite.insert(table)
    return postgresql.insert(table)
