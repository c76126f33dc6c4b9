"""The questions the bot stored, read straight from its database (for endpoint tests)."""

from __future__ import annotations

from sqlalchemy import select

from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.models import QuestionRow


async def stored_questions(database_url: str) -> list[QuestionRow]:
    """Every stored question, oldest first."""
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            return list(await session.scalars(select(QuestionRow).order_by(QuestionRow.id)))
    finally:
        await engine.dispose()
