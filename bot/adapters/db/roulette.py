"""SQL implementation of the RouletteRepository port: a round is stored once, with its groups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.dialect import dialect_insert
from bot.adapters.db.models import RouletteGroupRow, RouletteParticipantRow, RouletteRoundRow
from bot.adapters.db.roulette_rows import (
    group_of,
    group_values,
    participant_of,
    participant_values,
    round_of,
    round_values,
)
from bot.domain.roulette.model import Group, Participant, RoundStats

# Bound parameters per IN list: far below SQLite's and asyncpg's limits however many take part.
_BATCH = 500


async def roulette_facts(sessions: async_sessionmaker[AsyncSession]) -> dict[str, str]:
    """Aggregates for the admins' status (label key -> value): participants, and the last
    round's groups and "met" / "not met" answers. Nothing per person."""
    async with sessions() as session:
        people = await session.scalar(select(func.count()).select_from(RouletteParticipantRow))
        last = await session.scalar(
            select(RouletteRoundRow).order_by(RouletteRoundRow.round_no.desc()).limit(1)
        )
        return {
            "status.roulette_participants": str(people or 0),
            "status.roulette_groups": str(last.groups) if last else "–",
            "status.roulette_met": f"{last.met_yes} / {last.met_no}" if last else "–",
        }


class SqlRouletteRepository:
    """Participants, rounds (unique number: two replicas store one) and groups."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def get_participant(self, user_key: str) -> Participant | None:
        """One participant, or None."""
        async with self._sessions() as session:
            row = await session.get(RouletteParticipantRow, user_key)
            return participant_of(row) if row is not None else None

    async def save_participant(self, participant: Participant) -> None:
        """Insert or replace the participant."""
        values = participant_values(participant)
        async with self._sessions.begin() as session:
            insert = dialect_insert(session, RouletteParticipantRow).values(values)
            changed = {k: v for k, v in values.items() if k != "user_key"}
            await session.execute(
                insert.on_conflict_do_update(
                    index_elements=[RouletteParticipantRow.user_key], set_=changed
                )
            )

    async def remove_participant(self, user_key: str) -> bool:
        """Forget the participant; False when there was none."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                delete(RouletteParticipantRow).where(RouletteParticipantRow.user_key == user_key)
            )
            return bool(getattr(result, "rowcount", 0))

    async def participants(self) -> Sequence[Participant]:
        """Every participant, by key."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(RouletteParticipantRow).order_by(RouletteParticipantRow.user_key)
            )
            return [participant_of(row) for row in rows]

    async def start_round(
        self, stats: RoundStats, groups: Sequence[Group]
    ) -> tuple[bool, Sequence[Group]]:
        """Store the round and its groups in one transaction unless the round exists."""
        async with self._sessions.begin() as session:
            created = await session.scalar(
                dialect_insert(session, RouletteRoundRow)
                .values(round_values(stats))
                .on_conflict_do_nothing(index_elements=[RouletteRoundRow.round_no])
                .returning(RouletteRoundRow.round_no)
            )
            if created is not None:
                for group in groups:
                    values = group_values(replace(group, round_no=stats.round_no, version=1))
                    session.add(RouletteGroupRow(**values))
                await session.flush()
            rows = await session.scalars(
                select(RouletteGroupRow)
                .where(RouletteGroupRow.round_no == stats.round_no)
                .order_by(RouletteGroupRow.id)
            )
            return created is not None, [group_of(row) for row in rows]

    async def get_round(self, round_no: int) -> RoundStats | None:
        """One round's counts, or None."""
        async with self._sessions() as session:
            row = await session.get(RouletteRoundRow, round_no)
            return round_of(row) if row is not None else None

    async def latest_round(self) -> RoundStats | None:
        """The newest round, or None."""
        async with self._sessions() as session:
            row = await session.scalar(
                select(RouletteRoundRow).order_by(RouletteRoundRow.round_no.desc()).limit(1)
            )
            return round_of(row) if row is not None else None

    async def get_group(self, group_id: int) -> Group | None:
        """One group, or None."""
        async with self._sessions() as session:
            row = await session.get(RouletteGroupRow, group_id)
            return group_of(row) if row is not None else None

    async def save_group(self, group: Group) -> bool:
        """Store if the stored version is ``group.version - 1``; else False."""
        values = group_values(group)
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(RouletteGroupRow)
                .where(
                    RouletteGroupRow.id == group.id,
                    RouletteGroupRow.version == group.version - 1,
                )
                .values(values)
            )
            return bool(getattr(result, "rowcount", 0))

    async def groups_since(self, round_no: int) -> Sequence[Group]:
        """Every group of rounds ``>= round_no``, by id."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(RouletteGroupRow)
                .where(RouletteGroupRow.round_no >= round_no)
                .order_by(RouletteGroupRow.id)
            )
            return [group_of(row) for row in rows]

    async def recent_groups(self, before: int, rounds: int) -> Sequence[Group]:
        """Every group of the ``rounds`` newest stored rounds numbered below ``before``."""
        newest = (
            select(RouletteRoundRow.round_no)
            .where(RouletteRoundRow.round_no < before)
            .order_by(RouletteRoundRow.round_no.desc())
            .limit(max(rounds, 0))
        )
        async with self._sessions() as session:
            rows = await session.scalars(
                select(RouletteGroupRow)
                .where(RouletteGroupRow.round_no.in_(newest))
                .order_by(RouletteGroupRow.id)
            )
            return [group_of(row) for row in rows]

    async def count_answer(self, round_no: int, met: bool) -> None:
        """Add one to the round's aggregate count, in the database (no lost update)."""
        column = RouletteRoundRow.met_yes if met else RouletteRoundRow.met_no
        async with self._sessions.begin() as session:
            await session.execute(
                update(RouletteRoundRow)
                .where(RouletteRoundRow.round_no == round_no)
                .values({column: column + 1})
            )
