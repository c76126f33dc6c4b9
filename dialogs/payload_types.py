"""Constrained field types shared by the card payload models."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

# Every id and row version column is INTEGER (models.py and the migrations), which PostgreSQL
# stores in 32 bits. A larger number from a forged or stale card would make the driver raise
# (asyncpg beyond 2**31, SQLite's OverflowError beyond 2**63) instead of finding nothing, so it
# is refused at the edge like any other bad card data.
DB_INTEGER_MAX = 2**31 - 1

RowId = Annotated[int, Field(gt=0, le=DB_INTEGER_MAX)]
"""The id of a stored row (poll, question, room request, onboarding) named by a card."""

RowVersion = Annotated[int, Field(gt=0, le=DB_INTEGER_MAX)]
"""The version of a stored row that a card was rendered from."""

# No list the bot pages through comes near this many rows; a larger start is forged card data.
PAGE_START_MAX = 100_000

PageStart = Annotated[int, Field(ge=0, le=PAGE_START_MAX)]
"""The position of a page's first row in a paged list card ("Weitere …")."""
