"""Apply the alembic migrations shipped inside the package."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config


def alembic_config(database_url: str) -> Config:
    """An alembic configuration pointing at the packaged migrations and ``database_url``."""
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("bot.adapters.db").joinpath("migrations"))
    )
    # alembic uses ConfigParser interpolation: escape % (URL-encoded passwords).
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Migrate the database up to ``revision``; call outside a running event loop."""
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str) -> None:
    """Migrate the database down to ``revision``; call outside a running event loop."""
    command.downgrade(alembic_config(database_url), revision)
