"""SQLAlchemy 2 (async) persistence and alembic migrations."""
