"""Erasure: find every row that mentions the person and apply its table's rule, in one go."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db import models
from bot.adapters.db.dialect import dialect_insert
from bot.adapters.db.member_tables import InstalledTeamRow, MemberReachRow, TeamMemberRow
from bot.adapters.db.privacy_rows import Row, identity_of, rewrite, rows_mentioning, table
from bot.adapters.db.privacy_rules import Erasure
from bot.domain.privacy.identity import Traces
from bot.domain.rooms.service import REMIND_JOB as ROOM_REMIND_JOB
from bot.domain.routing.service import ESCALATE_JOB

_Rule = Callable[[Erasure, Row], Row | None]
# The payload key naming the record of a versioned job (see Erasure.carried).
_RECORD_KEY = {ESCALATE_JOB: "question_id", ROOM_REMIND_JOB: "request_id"}
# In this order: references first (the person's identity is read before), then the records,
# the audit after its requests (it reuses their pseudonyms), jobs last.
_STEPS: tuple[tuple[type[models.Base], _Rule], ...] = (
    (models.ConversationReferenceRow, Erasure.reference),
    (models.ProcessedActivity, Erasure.ledger),
    (TeamMemberRow, Erasure.team_member),
    (MemberReachRow, Erasure.reach),
    (models.ExpertRow, Erasure.expert),
    (models.QuestionRow, Erasure.question),
    (models.RoutingDecisionRow, Erasure.decision),
    (models.StammtischRuleRow, Erasure.stammtisch),
    (models.StammtischPollRow, Erasure.stammtisch),
    (models.StammtischVoteRow, Erasure.vote),
    (models.RoomRequestRow, Erasure.request),
    (models.RoomAuditRow, Erasure.audit),
    (models.OnboardingRow, Erasure.onboarding),
    (models.BuddyVolunteerRow, Erasure.volunteer),
    (models.OnboardingGroupMemberRow, Erasure.group_member),
    (models.BirthdayProfileRow, Erasure.birthday_profile),
    (models.BirthdayFollowRow, Erasure.birthday_follow),
    (models.RouletteParticipantRow, Erasure.roulette_participant),
    (models.RouletteGroupRow, Erasure.roulette_group),
    (models.UrgentCallRow, Erasure.urgent_call),
    (models.UrgentAuditRow, Erasure.urgent_audit),
    (models.ScheduledJob, Erasure.job),
)
ERASURE_TABLES = frozenset(model.__tablename__ for model, _rule in _STEPS)
"""Tables the erasure searches; every other table must hold no personal data."""
# installed_teams describes a team (id, name, tenant, service address, install and roster
# read times, a paging token of the roster API), never who installed it or who is in it.
# roulette_rounds holds a round's number, start and aggregate counts only.
FREE_OF_PERSONAL_DATA = frozenset(
    {models.RoomRow.__tablename__, InstalledTeamRow.__tablename__,
     models.RouletteRoundRow.__tablename__, models.BirthdayRunRow.__tablename__}
)  # fmt: skip


async def erase_person(session: AsyncSession, user_key: str, now: datetime) -> dict[str, int]:
    """Delete or anonymise everything about ``user_key``; rows changed per table."""
    erasure = Erasure(Traces(await identity_of(session, user_key)), now)
    counts: dict[str, int] = {}
    for model, rule in _STEPS:
        target = table(model)
        rows = await rows_mentioning(session, target, erasure.traces.identity)
        if model is models.StammtischVoteRow:
            erasure.poll_states = await _poll_states(session, {row["poll_id"] for row in rows})
        counts[target.name] = await rewrite(session, target, rows, partial(rule, erasure))
    await _carry_versioned_jobs(session, erasure.carried, now)
    return counts


async def _poll_states(session: AsyncSession, poll_ids: set[int]) -> dict[int, str]:
    polls = table(models.StammtischPollRow)
    found = await session.execute(
        select(polls.c.id, polls.c.state).where(polls.c.id.in_(poll_ids))
    )
    return {poll_id: state for poll_id, state in found}


async def _carry_versioned_jobs(
    session: AsyncSession, carried: list[tuple[str, int, int, int, datetime | None]], now: datetime
) -> None:
    # Escalations and approval reminders run only on the version they were planned for
    # (dedup key "<kind>:<id>:<version>"); the erasure bumped the version, so move them along.
    jobs = table(models.ScheduledJob)
    for kind, record_id, old, new, due in carried:
        old_key, new_key = f"{kind}:{record_id}:{old}", f"{kind}:{record_id}:{new}"
        pending = (
            await session.execute(
                select(jobs.c.id, jobs.c.payload, jobs.c.due_at, jobs.c.locked_until).where(
                    jobs.c.dedup_key == old_key, jobs.c.done_at.is_(None)
                )
            )
        ).first()
        if pending is not None and (pending.locked_until is None or pending.locked_until <= now):
            changes = {"payload": {**pending.payload, "version": new}, "dedup_key": new_key}
            await session.execute(
                update(jobs)
                .where(jobs.c.id == pending.id)
                .values(**changes, due_at=due or jobs.c.due_at)
            )
        elif pending is not None or due is not None:
            # Running right now (its run will find the new version and change nothing), or
            # none left while the erased person is the one asked: a job of the new version.
            payload = dict(pending.payload) if pending is not None else {}
            payload.update({_RECORD_KEY[kind]: record_id, "version": new})
            row = {"kind": kind, "payload": payload, "dedup_key": new_key, "attempts": 0,
                   "due_at": due or (pending.due_at if pending is not None else now)}  # fmt: skip
            insert = dialect_insert(session, models.ScheduledJob)
            await session.execute(insert.values(row).on_conflict_do_nothing())
