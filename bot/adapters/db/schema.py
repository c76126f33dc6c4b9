"""Is the database schema at the alembic head this code expects? (check-config, serve, /readyz)"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

_VERSION_TABLE = "alembic_version"


class SchemaState(StrEnum):
    """Where the database stands relative to this code's migrations."""

    CURRENT = "current"
    EMPTY = "empty"  # never migrated
    BEHIND = "behind"  # an older revision this code knows: `assistenz-bot migrate` helps
    UNKNOWN = "unknown"  # a revision this code does not know: a newer bot migrated it


@dataclass(frozen=True, slots=True)
class SchemaStatus:
    """The database's revisions and the heads this code ships."""

    state: SchemaState
    current: frozenset[str]
    heads: frozenset[str]

    @property
    def usable(self) -> bool:
        """True unless the schema is empty or behind.

        A newer schema counts as usable: during a rolling update the new version migrates
        first, and the old replicas must keep serving until they are replaced.
        """
        return self.state in (SchemaState.CURRENT, SchemaState.UNKNOWN)

    def describe(self) -> str:
        """German, one phrase: the state with both revisions where that helps."""
        expected = ", ".join(sorted(self.heads))
        stand = ", ".join(sorted(self.current))
        if self.state is SchemaState.CURRENT:
            return f"auf dem neuesten Stand ({expected})"
        if self.state is SchemaState.EMPTY:
            return f"Datenbank ist nicht migriert (erwartet {expected})"
        if self.state is SchemaState.BEHIND:
            return f"Stand {stand}, erwartet {expected}"
        return (
            f"Datenbank hat Stand {stand}, den diese Version nicht kennt (erwartet {expected}) "
            "– läuft eine ältere Version des Bots gegen eine neuere Datenbank?"
        )


@cache
def _script_heads_and_revisions() -> tuple[frozenset[str], frozenset[str]]:
    # Reading the migration scripts takes tens of milliseconds: once per process is enough.
    # Alembic announces its plugins at INFO on first use; that is noise before the one line
    # `serve` prints when it refuses to start.
    alembic_log = logging.getLogger("alembic")
    level = alembic_log.level
    alembic_log.setLevel(logging.WARNING)
    try:
        from alembic.script import ScriptDirectory

        from bot.adapters.db.migrate import alembic_config

        script = ScriptDirectory.from_config(alembic_config("sqlite://"))
        known = frozenset(revision.revision for revision in script.walk_revisions())
        return frozenset(script.get_heads()), known
    finally:
        alembic_log.setLevel(level)


def classify(current: set[str] | frozenset[str]) -> SchemaStatus:
    """The status of a database whose alembic_version holds ``current``."""
    heads, known = _script_heads_and_revisions()
    current = frozenset(current)
    if current == heads:
        state = SchemaState.CURRENT
    elif not current:
        state = SchemaState.EMPTY
    elif current <= known:
        state = SchemaState.BEHIND
    else:
        state = SchemaState.UNKNOWN
    return SchemaStatus(state, current, heads)


def current_revisions(connection: Connection) -> set[str]:
    """The revisions in alembic_version (empty when the table is missing)."""
    # Read directly rather than through alembic's MigrationContext, which logs at INFO on
    # every use; /readyz asks this on each probe.
    if not inspect(connection).has_table(_VERSION_TABLE):
        return set()
    rows = connection.execute(text(f"SELECT version_num FROM {_VERSION_TABLE}"))  # noqa: S608
    return {str(row[0]) for row in rows}


async def schema_status(engine: AsyncEngine) -> SchemaStatus:
    """Read the database's revisions and classify them; connection errors propagate."""
    async with engine.connect() as connection:
        return classify(await connection.run_sync(current_revisions))
