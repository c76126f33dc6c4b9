"""SQL implementation of the OnboardingRepository port: one open onboarding per newcomer,
race-free."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.dialect import dialect_insert
from bot.adapters.db.models import (
    ONBOARDING_OPEN,
    Base,
    BuddyVolunteerRow,
    OnboardingGroupMemberRow,
    OnboardingRow,
)
from bot.adapters.db.onboarding_rows import (
    onboarding_of,
    onboarding_values,
    volunteer_of,
    volunteer_values,
)
from bot.domain.onboarding.model import Onboarding, OnboardingState, VolunteerProfile

_MEMBERS = Base.metadata.tables[OnboardingGroupMemberRow.__tablename__]
# Written with every poll of a group: an empty first poll must still read as polled, or the
# next poll would take everybody in the group for a newcomer.
_POLLED_MARKER = ""


async def _save(session: AsyncSession, onboarding: Onboarding) -> bool:
    result = await session.execute(
        update(OnboardingRow)
        .where(OnboardingRow.id == onboarding.id, OnboardingRow.version == onboarding.version - 1)
        .values(**onboarding_values(onboarding), version=onboarding.version)
    )
    return bool(getattr(result, "rowcount", 0))


class SqlOnboardingRepository:
    """Onboardings are unique per newcomer; a save only wins when nobody saved in between."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def start(self, onboarding: Onboarding) -> tuple[Onboarding, bool]:
        """Store a new onboarding unless the newcomer has an open one (not ended by leaving);
        returns (stored, created)."""
        values = onboarding_values(onboarding) | {"version": 1}
        for _ in range(3):
            async with self._sessions.begin() as session:
                # A racing start for the same newcomer (also from another process) waits for
                # the winner and then does nothing; the winner's row is read below.
                onboarding_id = await session.scalar(
                    dialect_insert(session, OnboardingRow)
                    .values(values)
                    .on_conflict_do_nothing(
                        index_elements=[OnboardingRow.newcomer_key],
                        index_where=text(ONBOARDING_OPEN),
                    )
                    .returning(OnboardingRow.id)
                )
                if onboarding_id is not None:
                    return replace(onboarding, id=onboarding_id, version=1), True
                row = await session.scalar(
                    select(OnboardingRow).where(
                        OnboardingRow.newcomer_key == onboarding.newcomer_key,
                        OnboardingRow.state != OnboardingState.LEFT.value,
                    )
                )
                if row is not None:
                    return onboarding_of(row), False
            # The open one ended (they left) between the insert and the read: start again.
        raise RuntimeError(f"onboarding of {onboarding.newcomer_key} neither started nor found")

    async def get(self, onboarding_id: int) -> Onboarding | None:
        """One onboarding, or None."""
        async with self._sessions() as session:
            row = await session.get(OnboardingRow, onboarding_id)
            return onboarding_of(row) if row is not None else None

    async def of_newcomer(self, newcomer_key: str) -> Onboarding | None:
        """The newcomer's newest onboarding, or None."""
        async with self._sessions() as session:
            row = await session.scalar(
                select(OnboardingRow)
                .where(OnboardingRow.newcomer_key == newcomer_key)
                .order_by(OnboardingRow.created_at.desc(), OnboardingRow.id.desc())
                .limit(1)
            )
            return onboarding_of(row) if row is not None else None

    async def save(self, onboarding: Onboarding) -> bool:
        """Store if the stored version is ``onboarding.version - 1``; else False."""
        async with self._sessions.begin() as session:
            return await _save(session, onboarding)

    async def pair(self, onboarding: Onboarding, busy_since: datetime) -> bool:
        """Store a pairing like ``save`` while its buddy has room (capacity); atomic."""
        buddy_key = onboarding.buddy_key
        async with self._sessions.begin() as session:
            # The volunteer's row is the lock: on PostgreSQL a second pairing with the same
            # buddy waits here until the first commits, and its count then includes it. SQLite
            # ignores FOR UPDATE but has one writer, and its engine one connection, so these
            # transactions run one after the other.
            volunteer = (
                await session.get(BuddyVolunteerRow, buddy_key, with_for_update=True)
                if buddy_key is not None
                else None
            )
            if volunteer is not None:
                busy = await session.scalar(
                    select(func.count())
                    .select_from(OnboardingRow)
                    .where(
                        OnboardingRow.buddy_key == buddy_key,
                        OnboardingRow.state == OnboardingState.PAIRED.value,
                        OnboardingRow.id != onboarding.id,
                        func.coalesce(OnboardingRow.paired_at, OnboardingRow.created_at)
                        > busy_since,
                    )
                )
                if (busy or 0) >= volunteer.capacity:
                    return False
            return await _save(session, onboarding)

    async def with_buddy(self) -> Sequence[Onboarding]:
        """Every onboarding that has (or had) a buddy, oldest first."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(OnboardingRow)
                .where(OnboardingRow.buddy_key.is_not(None))
                .order_by(OnboardingRow.created_at, OnboardingRow.id)
            )
            return [onboarding_of(row) for row in rows]

    async def waiting(
        self, started_before: datetime, after_id: int = 0, limit: int = 100
    ) -> Sequence[Onboarding]:
        """Onboardings still waiting for a buddy, started before ``started_before``, by id."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(OnboardingRow)
                .where(
                    OnboardingRow.state == OnboardingState.UNPAIRED.value,
                    OnboardingRow.buddy_key.is_(None),
                    OnboardingRow.created_at < started_before,
                    OnboardingRow.id > after_id,
                )
                .order_by(OnboardingRow.id)
                .limit(limit)
            )
            return [onboarding_of(row) for row in rows]

    async def recent(self, limit: int = 50) -> Sequence[Onboarding]:
        """The newest onboardings first (admin overview)."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(OnboardingRow)
                .order_by(OnboardingRow.created_at.desc(), OnboardingRow.id.desc())
                .limit(limit)
            )
            return [onboarding_of(row) for row in rows]

    async def volunteers(self) -> Sequence[VolunteerProfile]:
        """Every volunteer, stopped ones included, by name."""
        async with self._sessions() as session:
            volunteers = [
                volunteer_of(row) for row in await session.scalars(select(BuddyVolunteerRow))
            ]
        # Sorted here, not in SQL: collations differ between SQLite and PostgreSQL.
        return sorted(
            volunteers, key=lambda volunteer: (volunteer.name.casefold(), volunteer.user_key)
        )

    async def get_volunteer(self, user_key: str) -> VolunteerProfile | None:
        """One volunteer, or None."""
        async with self._sessions() as session:
            row = await session.get(BuddyVolunteerRow, user_key)
            return volunteer_of(row) if row is not None else None

    async def save_volunteer(self, volunteer: VolunteerProfile) -> None:
        """Insert or replace the volunteer's profile."""
        values: dict[str, Any] = volunteer_values(volunteer)
        async with self._sessions.begin() as session:
            statement = dialect_insert(session, BuddyVolunteerRow).values(values)
            updates = {name: statement.excluded[name] for name in values if name != "user_key"}
            await session.execute(
                statement.on_conflict_do_update(index_elements=["user_key"], set_=updates)
            )

    async def known_members(self, group_id: str) -> set[str] | None:
        """Members of the group seen so far; None before the first poll."""
        async with self._sessions() as session:
            keys = set(
                await session.scalars(
                    select(OnboardingGroupMemberRow.user_key).where(
                        OnboardingGroupMemberRow.group_id == group_id
                    )
                )
            )
        if not keys:
            return None
        return keys - {_POLLED_MARKER}

    async def remember_members(self, group_id: str, keys: Sequence[str], now: datetime) -> None:
        """Add ``keys`` to the seen members of the group."""
        # Sorted, so two polls at once insert in the same order (no deadlock); seen_at stays the
        # time of the first sighting.
        rows = [
            {"group_id": group_id, "user_key": key, "seen_at": now}
            for key in sorted({_POLLED_MARKER, *keys})
        ]
        async with self._sessions.begin() as session:
            statement = dialect_insert(session, _MEMBERS).on_conflict_do_nothing(
                index_elements=["group_id", "user_key"]
            )
            await session.execute(statement, rows)

    async def forget_members(self, group_id: str, keys: Sequence[str]) -> None:
        """Drop ``keys`` from the seen members of the group (the polled marker stays)."""
        forgotten = sorted(set(keys) - {_POLLED_MARKER})
        async with self._sessions.begin() as session:
            for start in range(0, len(forgotten), 500):  # a statement's parameters are limited
                await session.execute(
                    delete(OnboardingGroupMemberRow).where(
                        OnboardingGroupMemberRow.group_id == group_id,
                        OnboardingGroupMemberRow.user_key.in_(forgotten[start : start + 500]),
                    )
                )
