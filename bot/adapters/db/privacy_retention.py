"""Retention: remove or anonymise data past its configured age, in one transaction."""

from __future__ import annotations

from sqlalchemy import delete, func, not_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db import models
from bot.adapters.db.privacy_rows import table
from bot.domain.privacy.identity import ERASED_NAME, PSEUDONYM_PREFIX, new_pseudonym
from bot.domain.privacy.retention import Cutoffs
from bot.domain.stammtisch.model import PollState


def _count(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


async def purge_expired(session: AsyncSession, cutoffs: Cutoffs) -> dict[str, int]:
    """Apply ``cutoffs``; rows removed (questions, requests, audit) or anonymised (votes)."""
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
    return {
        "questions": _count(asked),
        "votes": await _anonymise_votes(session, cutoffs),
        "room_requests": _count(gone),
        "audit": _count(trail) + _count(old_audit),
    }


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
