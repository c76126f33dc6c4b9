"""SQL implementation of the StammtischRepository port: one poll per key, votes race-free."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.models import (
    Base,
    StammtischPollRow,
    StammtischRuleRow,
    StammtischVoteRow,
)
from bot.domain.stammtisch.model import Poll, PollState, Rule, Vote
from bot.domain.stammtisch.poll import Answer

_RULE_TIMES = ("post_time", "deadline_time", "lunch_start", "lunch_end")
_RULE_PLAIN = (
    "team_key", "place", "organiser_key", "organiser_name", "tenant_id", "post_week",
    "post_weekday", "deadline_weekday", "candidate_count", "language", "active",
)  # fmt: skip
_POLL_PLAIN = (
    "key", "team_key", "place", "month", "deadline", "organiser_key", "organiser_name",
    "tenant_id", "language", "created_at", "winner_day", "winner_place", "closed_at",
)  # fmt: skip
# Written only by record_card / record_event: a poll loaded before either has the same version
# and must not wipe the handle or the invitation id when it is saved.
_POLL_RECORDS = ("card", "event_id")
_VOTE_KEYS = ("poll_id", "member_key")
_VOTE_UPDATES = ("member_name", "teams_id", "answers", "place", "updated_at")


def _hhmm(value: time) -> str:
    # "HH:MM" strings are portable, and nothing in a poll is finer than a minute.
    return value.strftime("%H:%M")


def _rule_values(rule: Rule) -> dict[str, Any]:
    values = {name: getattr(rule, name) for name in _RULE_PLAIN}
    values.update({name: _hhmm(getattr(rule, name)) for name in _RULE_TIMES})
    values.update(candidate_weekdays=list(rule.candidate_weekdays), places=list(rule.places))
    return values


def _rule(row: StammtischRuleRow) -> Rule:
    values: dict[str, Any] = {name: getattr(row, name) for name in _RULE_PLAIN}
    values.update({name: time.fromisoformat(getattr(row, name)) for name in _RULE_TIMES})
    return Rule(
        candidate_weekdays=tuple(row.candidate_weekdays), places=tuple(row.places), **values
    )


def _poll_values(poll: Poll) -> dict[str, Any]:
    """Every column but id, version and the records (those have their own writers)."""
    return {
        **{name: getattr(poll, name) for name in _POLL_PLAIN},
        "dates": [day.isoformat() for day in poll.dates],
        "places": list(poll.places),
        "lunch_start": _hhmm(poll.lunch_start),
        "lunch_end": _hhmm(poll.lunch_end),
        "state": poll.state.value,
    }


def _poll(row: StammtischPollRow) -> Poll:
    return Poll(
        id=row.id,
        dates=tuple(date.fromisoformat(day) for day in row.dates),
        places=tuple(row.places),
        lunch_start=time.fromisoformat(row.lunch_start),
        lunch_end=time.fromisoformat(row.lunch_end),
        state=PollState(row.state),
        version=row.version,
        **{name: getattr(row, name) for name in _POLL_RECORDS},
        **{name: getattr(row, name) for name in _POLL_PLAIN},
    )


def _vote_values(vote: Vote) -> dict[str, Any]:
    values = {name: getattr(vote, name) for name in _VOTE_KEYS + _VOTE_UPDATES}
    values["answers"] = {day.isoformat(): answer.value for day, answer in vote.answers.items()}
    return values


def _vote(row: StammtischVoteRow) -> Vote:
    answers = {date.fromisoformat(day): Answer(value) for day, value in row.answers.items()}
    return Vote(
        row.poll_id, row.member_key, row.member_name, row.teams_id, answers, row.place,
        row.updated_at,
    )  # fmt: skip


async def _upsert(
    session: AsyncSession, table: type[Base], values: dict[str, Any], keys: Sequence[str]
) -> None:
    """INSERT … ON CONFLICT (keys) DO UPDATE the other columns, in the session's dialect."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    statement = (sqlite_insert if sqlite else postgresql_insert)(table).values(values)
    updates = {name: statement.excluded[name] for name in values if name not in keys}
    await session.execute(statement.on_conflict_do_update(index_elements=keys, set_=updates))


class SqlStammtischRepository:
    """Polls are unique per key; a vote and a close exclude each other through the poll row."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def save_rule(self, rule: Rule) -> None:
        """Insert or replace the rule of ``rule.team_key``."""
        values = {**_rule_values(rule), "updated_at": datetime.now(UTC)}
        async with self._sessions.begin() as session:
            await _upsert(session, StammtischRuleRow, values, ["team_key"])

    async def get_rule(self, team_key: str) -> Rule | None:
        """The rule of a team, or None."""
        async with self._sessions() as session:
            row = await session.scalar(
                select(StammtischRuleRow).where(StammtischRuleRow.team_key == team_key)
            )
            return _rule(row) if row is not None else None

    async def list_rules(self) -> Sequence[Rule]:
        """Every active rule, by team key."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(StammtischRuleRow)
                .where(StammtischRuleRow.active.is_(True))
                .order_by(StammtischRuleRow.team_key)
            )
            return [_rule(row) for row in rows]

    async def add_poll(self, poll: Poll) -> tuple[Poll, bool]:
        """Store a new poll unless one with ``poll.key`` exists; returns (stored, created)."""
        values = _poll_values(poll) | {name: getattr(poll, name) for name in _POLL_RECORDS}
        values["version"] = 1
        async with self._sessions.begin() as session:
            # A racing insert of the same key waits for the winner and then does nothing.
            sqlite = session.get_bind().dialect.name == "sqlite"
            poll_id = await session.scalar(
                (sqlite_insert if sqlite else postgresql_insert)(StammtischPollRow)
                .values(values)
                .on_conflict_do_nothing(index_elements=[StammtischPollRow.key])
                .returning(StammtischPollRow.id)
            )
            if poll_id is not None:
                return replace(poll, id=poll_id, version=1), True
            row = await session.scalar(
                select(StammtischPollRow).where(StammtischPollRow.key == poll.key)
            )
            assert row is not None, "conflicting poll vanished"
            return _poll(row), False

    async def get_poll(self, poll_id: int) -> Poll | None:
        """One poll, or None."""
        async with self._sessions() as session:
            row = await session.get(StammtischPollRow, poll_id)
            return _poll(row) if row is not None else None

    async def latest_poll(self, team_key: str) -> Poll | None:
        """The newest poll of a team, or None."""
        async with self._sessions() as session:
            row = await session.scalar(
                select(StammtischPollRow)
                .where(StammtischPollRow.team_key == team_key)
                .order_by(StammtischPollRow.id.desc())
                .limit(1)
            )
            return _poll(row) if row is not None else None

    async def save_poll(self, poll: Poll) -> bool:
        """Store ``poll`` (not card, event_id) if the stored version is ``poll.version - 1``."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(StammtischPollRow)
                .where(
                    StammtischPollRow.id == poll.id,
                    StammtischPollRow.version == poll.version - 1,
                )
                .values(**_poll_values(poll), version=poll.version)
            )
        return bool(getattr(result, "rowcount", 0))

    async def record_card(self, poll_id: int, handle: dict[str, Any]) -> None:
        """Remember where the poll card was posted (not a state change: version stays)."""
        await self._record(poll_id, card=handle)

    async def record_event(self, poll_id: int, event_id: str) -> None:
        """Remember the id of the sent calendar invitation (not a state change)."""
        await self._record(poll_id, event_id=event_id)

    async def cast(self, vote: Vote) -> Vote | None:
        """Merge the ballot into the member's vote while the poll is open; else None."""
        async with self._sessions.begin() as session:
            # FOR SHARE on PostgreSQL: a close (UPDATE) waits for this transaction, and a vote
            # waiting behind a close re-reads the closed state. The foreign key's own KEY SHARE
            # lock would not block a non-key UPDATE. SQLite's one connection serialises anyway.
            state = await session.scalar(
                select(StammtischPollRow.state)
                .where(StammtischPollRow.id == vote.poll_id)
                .with_for_update(read=True)
            )
            if state != PollState.OPEN.value:
                return None
            # A first ballot is stored as it is. Otherwise the merge reads the stored vote
            # under a row lock: a racing ballot of the same member (or its insert, which the
            # conflicting insert waits for) commits first and is merged, not overwritten.
            sqlite = session.get_bind().dialect.name == "sqlite"
            inserted = await session.scalar(
                (sqlite_insert if sqlite else postgresql_insert)(StammtischVoteRow)
                .values(_vote_values(vote))
                .on_conflict_do_nothing(index_elements=list(_VOTE_KEYS))
                .returning(StammtischVoteRow.poll_id)
            )
            if inserted is not None:
                return vote
            row = await session.scalar(
                select(StammtischVoteRow)
                .where(
                    StammtischVoteRow.poll_id == vote.poll_id,
                    StammtischVoteRow.member_key == vote.member_key,
                )
                .with_for_update()
            )
            if row is None:  # erased (privacy) since the insert saw it: nothing to merge
                session.add(StammtischVoteRow(**_vote_values(vote)))
                return vote
            merged = vote.over(_vote(row))
            values = _vote_values(merged)
            for name in _VOTE_UPDATES:
                setattr(row, name, values[name])
        return merged

    async def votes(self, poll_id: int) -> Sequence[Vote]:
        """Every member's current vote, ordered by name."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(StammtischVoteRow)
                .where(StammtischVoteRow.poll_id == poll_id)
                .order_by(StammtischVoteRow.member_name, StammtischVoteRow.member_key)
            )
            return [_vote(row) for row in rows]

    async def vote_of(self, poll_id: int, member_key: str) -> Vote | None:
        """One member's current vote, or None."""
        async with self._sessions() as session:
            row = await session.get(StammtischVoteRow, (poll_id, member_key))
            return _vote(row) if row is not None else None

    async def _record(self, poll_id: int, **values: Any) -> None:
        async with self._sessions.begin() as session:
            await session.execute(
                update(StammtischPollRow).where(StammtischPollRow.id == poll_id).values(**values)
            )
