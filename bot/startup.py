"""Before `assistenz-bot serve` binds its port: is the database usable by this version?"""

from __future__ import annotations

import asyncio

import structlog
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.adapters.db.engine import create_engine, is_sqlite, missing_sqlite_file
from bot.adapters.db.schema import SchemaState, SchemaStatus, schema_status
from bot.settings import Mode, Settings

log = structlog.get_logger(__name__)
_MIGRATE = "zuerst `assistenz-bot migrate` ausführen"


def prepare_database(settings: Settings) -> str | None:
    """None when serving may begin, else the one line that tells the operator why not.

    Local mode on SQLite (one process, a developer's folder) migrates to the head itself.
    Everywhere else migrating is a deliberate step: several replicas must not race to
    migrate, and a production schema changes only when someone runs `assistenz-bot migrate`.
    Call outside a running event loop.
    """
    url = settings.database_url
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "DATABASE_URL ist keine gültige SQLAlchemy-URL"
    if settings.mode is Mode.LOCAL and is_sqlite(url):
        from bot.adapters.db.migrate import upgrade  # alembic: imported only when needed

        try:
            upgrade(url)
        except Exception as error:
            # E.g. a revision of a newer bot version that this one cannot migrate from.
            return f"Datenbank-Migration fehlgeschlagen ({shown}): {_describe(error)}"
        return None
    missing = missing_sqlite_file(url)
    if missing is not None:
        return f"Datenbankdatei {missing} gibt es nicht – {_MIGRATE}"
    try:
        status = asyncio.run(_read_status(url))
    except Exception as error:
        return f"Datenbank nicht erreichbar ({shown}): {_describe(error)}"
    if status.usable:
        if status.state is SchemaState.UNKNOWN:
            log.warning("schema_newer_than_code", detail=status.describe())
        return None
    return f"Datenbank-Schema nicht aktuell: {status.describe()} – {_MIGRATE}"


def _describe(error: BaseException) -> str:
    from bot.settings_masking import describe_error

    return describe_error(error)


async def _read_status(url: str) -> SchemaStatus:
    engine = create_engine(url)
    try:
        return await asyncio.wait_for(schema_status(engine), 30)
    finally:
        await engine.dispose()
