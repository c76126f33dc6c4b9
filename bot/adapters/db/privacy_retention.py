"""Retention: remove or anonymise data past its configured age, in one transaction.

Routing decisions (declines, forwards) go with their question (ON DELETE CASCADE).

Onboardings go (by ``created_at``) with their pairing; a buddy may then be paired with the
same newcomer again (the repeat window, default 180 days, is shorter than the default 365).
Buddy volunteers stay: their profile is current consent, removed by "buddy stopp" or an
erasure. ``onboarding_group_members`` stays too: its rows mark group members as already
seen (welcomed), and without them the next group poll would onboard everyone again.

Team members go once they left the team (or the app left the team) longer than the members
period ago, with such teams; a delivery outcome ("reachable", "blocked") goes when it was not
renewed within the period. A person still in a team stays as long as they are a member: the
bot needs the roster to reach them.

Finished scheduled jobs go (by ``done_at``; pending jobs never), since their payloads and
dedup keys can hold person keys. A done job's dedup key also stops the same one-time work
from being planned again, so it may only go when nothing plans that key again later. The
keys in ``bot/`` are safe to drop after a few weeks:

- daily jobs (``maintenance.purge_ledger``, rooms refresh, ``privacy.retention``) carry the
  date and are only planned for today or tomorrow; onboarding group polls carry their
  time slot, which only grows;
- the Stammtisch's monthly posting carries the target month and is only planned for the
  next posting strictly after now, which lies in the month before the target: once it
  ran, the month is never planned again weeks later (and ``run_monthly`` would find the
  stored poll of that month anyway: the poll key is unique);
- birthdays: the daily run (``birthdays.daily``) carries its date like the daily jobs above;
  a reminder and a greeting carry the day of the birthday or jubilee, and are planned only on
  that day or a few days before it (a greeting is refused a few days after), never weeks later;
- all others carry the id of their record (question with version, poll with deadline or
  member, room request with version, onboarding with buddy and recipient, erasure offer as
  hash of a random token) and are planned while that record is in a state that ends
  within days, not again once it has moved on; ids come from a sequence and are not
  reused.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Column, Select, Table, delete, func, not_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db import models
from bot.adapters.db.birthdays import purge_departed as purge_departed_birthdays
from bot.adapters.db.members import purge_members
from bot.adapters.db.members_left import left_before
from bot.adapters.db.privacy_rows import table
from bot.domain.privacy.identity import ERASED_NAME, PSEUDONYM_PREFIX, new_pseudonym
from bot.domain.privacy.retention import Cutoffs
from bot.domain.stammtisch.model import PollState


def _count(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


async def purge_expired(session: AsyncSession, cutoffs: Cutoffs) -> dict[str, int]:
    """Apply ``cutoffs``; rows removed (all other kinds) or anonymised (votes) per kind."""
    questions = table(models.QuestionRow)
    requests, audit = table(models.RoomRequestRow), table(models.RoomAuditRow)
    # Answered questions count from the answer, all others (never answered) from the asking.
    asked = await session.execute(
        delete(questions).where(
            func.coalesce(questions.c.answered_at, questions.c.asked_at) < cutoffs.questions
        )
    )
    ended = select(requests.c.id).where(requests.c.end_at < cutoffs.room_requests)
    # The audit rows go explicitly (not only by ON DELETE CASCADE) so that they are counted.
    trail = await session.execute(delete(audit).where(audit.c.request_id.in_(ended)))
    gone = await session.execute(delete(requests).where(requests.c.end_at < cutoffs.room_requests))
    old_audit = await session.execute(delete(audit).where(audit.c.at < cutoffs.audit))
    onboardings, jobs = table(models.OnboardingRow), table(models.ScheduledJob)
    started = await _delete_before(session, onboardings.c.created_at, cutoffs.onboardings)
    # Before the roster rows go: they tell who left. What a person opted into goes with them:
    # birthdays (also when the app left their teams), buddy volunteering and the roulette
    # (these two ask the roster who left, as their own removal, and would take them for
    # present again once it forgot them).
    birthdays = await purge_departed_birthdays(session, left_before(cutoffs.members))
    removed = left_before(cutoffs.members, with_uninstalls=False)
    volunteers = await _delete_people(session, table(models.BuddyVolunteerRow), removed)
    participants = await _delete_people(session, table(models.RouletteParticipantRow), removed)
    members = await purge_members(session, cutoffs.members)
    # Roulette introductions are pairings like onboardings: kept as long (the round's
    # aggregate counts stay).
    rounds, groups = table(models.RouletteRoundRow), table(models.RouletteGroupRow)
    old = select(rounds.c.round_no).where(rounds.c.started_at < cutoffs.onboardings)
    introduced = await session.execute(delete(groups).where(groups.c.round_no.in_(old)))
    # Urgent calls are over within a day or two: they go like room requests, with their trail.
    calls, call_audit = table(models.UrgentCallRow), table(models.UrgentAuditRow)
    over = select(calls.c.id).where(calls.c.window_end < cutoffs.room_requests)
    await session.execute(delete(call_audit).where(call_audit.c.call_id.in_(over)))
    called = await session.execute(delete(calls).where(calls.c.window_end < cutoffs.room_requests))
    return {
        "questions": _count(asked),
        "votes": await _anonymise_votes(session, cutoffs),
        "room_requests": _count(gone),
        "audit": _count(trail) + _count(old_audit),
        "onboardings": started,
        "jobs": await _delete_before(session, jobs.c.done_at, cutoffs.jobs),
        **members,
        "birthdays": birthdays,
        "buddy_volunteers": volunteers,
        "roulette_participants": participants,
        "roulette_groups": _count(introduced),
        "urgent_calls": _count(called),
    }


async def _delete_people(session: AsyncSession, rows: Table, people: Select[str]) -> int:
    return _count(await session.execute(delete(rows).where(rows.c.user_key.in_(people))))


async def _delete_before(session: AsyncSession, column: Column[Any], cutoff: datetime) -> int:
    # NULL (a pending job) never compares below the cutoff, so it stays.
    return _count(await session.execute(delete(column.table).where(column < cutoff)))


async def _anonymise_votes(session: AsyncSession, cutoffs: Cutoffs) -> int:
    # The answers stay (a past poll's result can still be read), the identity goes; every
    # vote gets its own pseudonym, so votes of one person cannot be linked across polls.
    polls, votes = table(models.StammtischPollRow), table(models.StammtischVoteRow)
    old_polls = select(polls.c.id).where(
        polls.c.month < cutoffs.votes, polls.c.state != PollState.OPEN.value
    )
    rows = await session.execute(
        select(votes.c.poll_id, votes.c.member_key)
        .where(
            votes.c.poll_id.in_(old_polls),
            not_(votes.c.member_key.startswith(PSEUDONYM_PREFIX, autoescape=True)),
        )
        .with_for_update()
    )
    count = 0
    for poll_id, member_key in rows.all():
        await session.execute(
            update(votes)
            .where(votes.c.poll_id == poll_id, votes.c.member_key == member_key)
            .values(member_key=new_pseudonym(), member_name=ERASED_NAME, teams_id="")
        )
        count += 1
    return count
