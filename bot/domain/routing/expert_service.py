"""Filling expert pools from a directory file or an Entra group, through the ports only."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.domain.ports import Directory
from bot.domain.routing.directory_import import merge_import, record_from_person
from bot.domain.routing.experts import ExpertRecord
from bot.domain.routing.ports import ExpertRepository


class ImportingRepository(ExpertRepository, Protocol):
    """An expert repository whose upsert can keep profile fields atomically."""

    async def upsert(self, record: ExpertRecord, *, keep_profile: bool = False) -> None:
        """Insert or replace; with ``keep_profile`` a stored "profile" row keeps its profile."""
        ...


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import changed (counts only: no per-person figures)."""

    added: int
    updated: int
    unchanged: int = 0
    at: datetime | None = None


def name_order(record: ExpertRecord) -> tuple[str, str, str]:
    """Sort key for lists of experts: by name, umlauts as their base letter (DIN 5007-1)."""
    folded = unicodedata.normalize("NFKD", record.name.casefold())
    base = "".join(c for c in folded if not unicodedata.combining(c))
    return base, record.name, record.user_key


async def import_directory(
    repo: ImportingRepository, records: Iterable[ExpertRecord], now: datetime
) -> ImportSummary:
    """Upsert imported records; directory data is refreshed, profile data stays."""
    added = updated = unchanged = 0
    stored: dict[str, dict[str, ExpertRecord]] = {}
    for imported in records:
        pool = stored.get(imported.pool_id)
        if pool is None:
            # One read per pool instead of one per record.
            pool = {r.user_key: r for r in await repo.list_pool(imported.pool_id)}
            stored[imported.pool_id] = pool
        existing = pool.get(imported.user_key)
        merged = merge_import(existing, imported)
        if merged == existing:
            unchanged += 1
            continue
        # keep_profile guards against a profile saved between our read and this write.
        await repo.upsert(merged, keep_profile=True)
        pool[merged.user_key] = merged
        if existing is None:
            added += 1
        else:
            updated += 1
    return ImportSummary(added=added, updated=updated, unchanged=unchanged, at=now)


async def seed_from_graph(
    repo: ImportingRepository,
    directory: Directory,
    group_id: str,
    pool_id: str,
    now: datetime,
) -> ImportSummary:
    """Make the members of an Entra group experts of ``pool_id``, keeping their profiles."""
    members = await directory.list_group_members(group_id)
    unique = {person.id: person for person in members}  # nested groups may repeat people
    records = [record_from_person(person, pool_id) for person in unique.values()]
    return await import_directory(repo, records, now)
