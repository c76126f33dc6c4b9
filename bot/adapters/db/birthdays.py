"""SQL implementation of the BirthdayRepository port."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Select, delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.dialect import dialect_insert
from bot.adapters.db.models import BirthdayFollowRow, BirthdayProfileRow, BirthdayRunRow
from bot.domain.birthdays.model import BirthdayProfile, DayOfYear, Follow, Visibility

# The one ledger row of the daily run.
_DAILY = "daily"


def _profile(row: BirthdayProfileRow) -> BirthdayProfile:
    birthday = (
        DayOfYear(row.birth_day, row.birth_month)
        if row.birth_day is not None and row.birth_month is not None
        else None
    )
    return BirthdayProfile(
        user_key=row.user_key,
        name=row.name,
        tenant_id=row.tenant_id,
        birthday=birthday,
        visibility=Visibility(row.visibility),
        jubilee=row.jubilee,
        remind_network=row.remind_network,
        updated_at=row.updated_at,
    )


def _follow(row: BirthdayFollowRow) -> Follow:
    return Follow(
        row.follower_key, row.followed_key, row.followed_name, row.follower_tenant, row.created_at
    )


class SqlBirthdayRepository:
    """Profiles keyed by person, follows keyed by (follower, followed)."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def get(self, user_key: str) -> BirthdayProfile | None:
        """One person's profile, or None."""
        async with self._sessions() as session:
            row = await session.get(BirthdayProfileRow, user_key)
            return _profile(row) if row is not None else None

    async def save(self, profile: BirthdayProfile) -> None:
        """Insert or replace the profile; an empty one (nothing opted in) is deleted."""
        birthday = profile.birthday
        values = {
            "user_key": profile.user_key, "name": profile.name, "tenant_id": profile.tenant_id,
            "birth_day": birthday.day if birthday else None,
            "birth_month": birthday.month if birthday else None,
            "visibility": profile.visibility.value, "jubilee": profile.jubilee,
            "remind_network": profile.remind_network, "updated_at": profile.updated_at,
        }  # fmt: skip
        async with self._sessions.begin() as session:
            if profile.is_empty:
                await session.execute(
                    delete(BirthdayProfileRow).where(
                        BirthdayProfileRow.user_key == profile.user_key
                    )
                )
                return
            insert = dialect_insert(session, BirthdayProfileRow).values(values)
            await session.execute(
                insert.on_conflict_do_update(
                    index_elements=[BirthdayProfileRow.user_key],
                    set_={k: v for k, v in values.items() if k != "user_key"},
                )
            )

    async def profiles(self) -> Sequence[BirthdayProfile]:
        """Every profile, by user key."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(BirthdayProfileRow).order_by(BirthdayProfileRow.user_key)
            )
            return [_profile(row) for row in rows]

    async def follow(self, follow: Follow) -> bool:
        """Store the relation; False when it existed already."""
        values = {
            "follower_key": follow.follower_key, "followed_key": follow.followed_key,
            "followed_name": follow.followed_name, "follower_tenant": follow.follower_tenant,
            "created_at": follow.created_at,
        }  # fmt: skip
        async with self._sessions.begin() as session:
            inserted = await session.scalar(
                dialect_insert(session, BirthdayFollowRow)
                .values(values)
                .on_conflict_do_nothing(
                    index_elements=[BirthdayFollowRow.follower_key, BirthdayFollowRow.followed_key]
                )
                .returning(BirthdayFollowRow.follower_key)
            )
            return inserted is not None

    async def unfollow(self, follower_key: str, followed_key: str) -> bool:
        """Drop the relation; False when there was none."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                delete(BirthdayFollowRow).where(
                    BirthdayFollowRow.follower_key == follower_key,
                    BirthdayFollowRow.followed_key == followed_key,
                )
            )
            return bool(getattr(result, "rowcount", 0))

    async def following(self, follower_key: str) -> Sequence[Follow]:
        """Whom the person follows, by name."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(BirthdayFollowRow)
                .where(BirthdayFollowRow.follower_key == follower_key)
                .order_by(BirthdayFollowRow.followed_name, BirthdayFollowRow.followed_key)
            )
            return [_follow(row) for row in rows]

    async def followers(self, followed_key: str) -> Sequence[Follow]:
        """Who follows the person, by follower key."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(BirthdayFollowRow)
                .where(BirthdayFollowRow.followed_key == followed_key)
                .order_by(BirthdayFollowRow.follower_key)
            )
            return [_follow(row) for row in rows]

    async def forget(self, user_key: str) -> int:
        """Delete the profile and every relation in both directions; rows removed."""
        async with self._sessions.begin() as session:
            follows = await session.execute(
                delete(BirthdayFollowRow).where(
                    or_(
                        BirthdayFollowRow.follower_key == user_key,
                        BirthdayFollowRow.followed_key == user_key,
                    )
                )
            )
            profile = await session.execute(
                delete(BirthdayProfileRow).where(BirthdayProfileRow.user_key == user_key)
            )
            return int(getattr(follows, "rowcount", 0) or 0) + int(
                getattr(profile, "rowcount", 0) or 0
            )

    async def announced_through(self) -> date | None:
        """The last day the daily run planned reminders for, or None before its first run."""
        async with self._sessions() as session:
            row = await session.get(BirthdayRunRow, _DAILY)
            return row.announced_through if row is not None else None

    async def announced(self, day: date) -> None:
        """Record that reminders up to ``day`` are planned; never moves back (a run of an
        older day that finishes last, on another replica, leaves the later day)."""
        async with self._sessions.begin() as session:
            insert = dialect_insert(session, BirthdayRunRow).values(
                name=_DAILY, announced_through=day
            )
            await session.execute(
                insert.on_conflict_do_update(
                    index_elements=[BirthdayRunRow.name],
                    set_={"announced_through": insert.excluded.announced_through},
                    where=BirthdayRunRow.announced_through < insert.excluded.announced_through,
                )
            )


async def purge_departed(session: AsyncSession, gone: Select[str]) -> int:
    """Retention: the birthday opt-ins and follows (both directions) of people who left every
    team with the app (``gone``: the query ``members.left_before``); rows removed. Shared with
    the privacy retention run (its transaction)."""
    follows = await session.execute(
        delete(BirthdayFollowRow).where(
            or_(BirthdayFollowRow.follower_key.in_(gone), BirthdayFollowRow.followed_key.in_(gone))
        )
    )
    profiles = await session.execute(
        delete(BirthdayProfileRow).where(BirthdayProfileRow.user_key.in_(gone))
    )
    return int(getattr(follows, "rowcount", 0) or 0) + int(getattr(profiles, "rowcount", 0) or 0)
