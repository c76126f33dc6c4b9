"""Conversions between the roulette's records and their rows (tuples are JSON lists)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.adapters.db.models import RouletteGroupRow, RouletteParticipantRow, RouletteRoundRow
from bot.domain.roulette.model import (
    FORMATS,
    SCOPES,
    Format,
    Group,
    Participant,
    RoundStats,
    Scope,
    Slot,
)

_FORMATS: dict[str, Format] = {f: f for f in FORMATS}
_SCOPES: dict[str, Scope] = {s: s for s in SCOPES}


def formats_of(values: list[str]) -> tuple[Format, ...]:
    """Known formats of a stored list, in their fixed order."""
    return tuple(_FORMATS[v] for v in values if v in _FORMATS)


def participant_values(p: Participant) -> dict[str, Any]:
    """Every column of a participant's row."""
    return {
        "user_key": p.user_key, "name": p.name, "tenant_id": p.tenant_id,
        "formats": list(p.formats), "scope": p.scope, "department": p.department,
        "site": p.site, "active": p.active, "updated_at": p.updated_at,
    }  # fmt: skip


def participant_of(row: RouletteParticipantRow) -> Participant:
    """The participant of a row."""
    return Participant(
        row.user_key, row.name, row.tenant_id, formats_of(row.formats),
        _SCOPES.get(row.scope, "all"), row.department, row.site, row.active, row.updated_at,
    )  # fmt: skip


def _slot_json(slot: Slot) -> dict[str, str]:
    return {"start": slot.start.isoformat(), "end": slot.end.isoformat(), "format": slot.format}


def _slot_of(value: dict[str, str]) -> Slot:
    fmt = _FORMATS.get(value["format"], "coffee")
    return Slot(datetime.fromisoformat(value["start"]), datetime.fromisoformat(value["end"]), fmt)


def group_values(group: Group) -> dict[str, Any]:
    """Every column but id."""
    return {
        "round_no": group.round_no, "members": list(group.members),
        "names": list(group.names), "formats": list(group.formats),
        "tenant_id": group.tenant_id, "slots": [_slot_json(s) for s in group.slots],
        "slot_index": group.slot_index, "planned": group.planned, "version": group.version,
        "answered": list(group.answered),
    }  # fmt: skip


def group_of(row: RouletteGroupRow) -> Group:
    """The group of a row."""
    return Group(
        row.id, row.round_no, tuple(row.members), tuple(row.names), formats_of(row.formats),
        row.tenant_id, tuple(_slot_of(s) for s in row.slots), row.slot_index, row.planned,
        row.version, tuple(row.answered or ()),
    )  # fmt: skip


def round_values(stats: RoundStats) -> dict[str, Any]:
    """Every column of a round's row."""
    return {
        "round_no": stats.round_no, "started_at": stats.started_at,
        "participants": stats.participants, "groups": stats.groups,
        "met_yes": stats.met_yes, "met_no": stats.met_no,
    }  # fmt: skip


def round_of(row: RouletteRoundRow) -> RoundStats:
    """The counts of a round's row."""
    return RoundStats(
        row.round_no, row.started_at, row.participants, row.groups, row.met_yes, row.met_no
    )
