"""Urgent calls under the retention job (SQLite and PostgreSQL): calls whose window ended
longer ago than the room request retention go with their audit trail; recent ones stay."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.privacy import SqlPersonalData
from bot.adapters.db.urgent import SqlUrgentCallRepository
from bot.domain.privacy.retention import Retention
from bot.domain.urgent.model import AuditEntry, Participant, Slot, UrgentCall

NOW = datetime(2027, 5, 3, 8, 0, tzinfo=UTC)


def _call(days_ago: int) -> UrgentCall:
    start = NOW - timedelta(days=days_ago)
    return UrgentCall(
        id=0, asker_key="jana", asker_name="Jana", tenant_id="t1", organiser="jana@x.de",
        on_behalf_key="melanie", on_behalf_name="Melanie",
        participants=(Participant("melanie", "Melanie", "melanie@x.de"),), minutes=30,
        window=Slot(start, start + timedelta(hours=8)), created_at=start,
    )  # fmt: skip


async def test_old_calls_go_with_their_trail_and_recent_ones_stay(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    repo = SqlUrgentCallRepository(sessions)
    old, recent = await repo.add(_call(200)), await repo.add(_call(10))
    for call in (old, recent):
        await repo.add_audit(AuditEntry(call.id, call.created_at, "jana", "requested"))
    counts = await SqlPersonalData(sessions).purge(Retention().cutoffs(NOW))
    assert counts["urgent_calls"] == 1
    assert await repo.get(old.id) is None and await repo.audit_of(old.id) == []
    assert await repo.get(recent.id) is not None and len(await repo.audit_of(recent.id)) == 1
