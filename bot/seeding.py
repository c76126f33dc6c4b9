"""Loading expert directories into the database (CLI `import-experts` and the demo)."""

from __future__ import annotations

import json
from pathlib import Path

from bot.adapters.clock import SystemClock
from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.experts import SqlExpertRepository
from bot.adapters.graph.client import GraphConnection
from bot.domain.routing.directory_import import DirectoryError, parse_directory
from bot.domain.routing.expert_service import ImportSummary, import_directory, seed_from_graph
from bot.domain.routing.experts import ExpertRecord
from bot.settings import Settings


def read_directory_file(path: Path, pool_id: str) -> list[ExpertRecord]:
    """Parse a directory JSON file; every problem is reported in German, nothing imported."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise SystemExit(f"Verzeichnis {path} nicht lesbar: {error}") from None
    try:
        return parse_directory(data, pool_id)
    except DirectoryError as error:
        raise SystemExit("Verzeichnis ungültig:\n" + "\n".join(error.problems)) from None


async def import_experts_file(settings: Settings, path: Path, pool_id: str) -> ImportSummary:
    """Import a directory JSON file; profile data the experts maintained themselves stays."""
    records = read_directory_file(path, pool_id)
    engine = create_engine(settings.database_url)
    try:
        clock = SystemClock()
        repo = SqlExpertRepository(create_session_factory(engine), clock)
        return await import_directory(repo, records, clock.now())
    finally:
        await engine.dispose()


async def seed_experts_from_graph(
    settings: Settings, group_id: str, pool_id: str
) -> ImportSummary:
    """Make the members of an Entra group experts of a pool (department, title, office)."""
    engine = create_engine(settings.database_url)
    try:
        clock = SystemClock()
        repo = SqlExpertRepository(create_session_factory(engine), clock)
        async with GraphConnection(settings) as graph:
            return await seed_from_graph(repo, graph.directory, group_id, pool_id, clock.now())
    finally:
        await engine.dispose()
