"""Roulette data under the retention job (SQLite and PostgreSQL): introductions of rounds
older than the onboarding retention go, the round's aggregate counts and participants stay."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.privacy import SqlPersonalData
from bot.adapters.db.roulette import SqlRouletteRepository
from bot.domain.privacy.retention import Retention
from bot.domain.roulette.model import Group, Participant, RoundStats

NOW = datetime(2027, 5, 3, 8, 0, tzinfo=UTC)


async def test_old_introductions_go_and_the_counts_stay(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    repo = SqlRouletteRepository(sessions)
    await repo.save_participant(Participant("anna", "Anna", "t1"))
    for number, age in ((1, 400), (2, 30)):
        stats = RoundStats(number, NOW - timedelta(days=age), 2, 1, met_yes=1)
        await repo.start_round(stats, [Group(0, number, ("anna", "bernd"), ("A", "B"),
                                             ("coffee",))])  # fmt: skip
    counts = await SqlPersonalData(sessions).purge(Retention().cutoffs(NOW))
    assert counts["roulette_groups"] == 1
    assert [g.round_no for g in await repo.groups_since(0)] == [2]
    old = await repo.get_round(1)
    assert old is not None and (old.groups, old.met_yes) == (1, 1)
    assert [p.user_key for p in await repo.participants()] == ["anna"]
