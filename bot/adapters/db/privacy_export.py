"""'Meine Daten': the records about one person per table, without other people's data."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db import models
from bot.adapters.db.member_tables import InstalledTeamRow, MemberReachRow, TeamMemberRow
from bot.adapters.db.privacy_rows import Row, identity_of, jsonable, rows_mentioning, table
from bot.domain.privacy.identity import Identity
from bot.domain.privacy.ports import Export

# Message handles (where a card was posted) are technical and mostly other people's
# conversations; the person's own conversation references are exported in full.
_QUESTION_ASKED = ("id", "asked_at", "state", "language", "text", "answer_text", "answered_at")
_QUESTION_SEEN = ("id", "asked_at", "state", "language", "text")
_REQUEST_OWN = ("id", "requester_name", "text", "reason", "start_at", "end_at", "attendees",
                "features", "room", "state", "created_at", "decided_at")  # fmt: skip
_REQUEST_SEEN = ("id", "start_at", "end_at", "room", "state", "decided_at")
_ONBOARDING_OWN = ("id", "newcomer_name", "source", "created_at", "state", "buddy_name",
                   "reasons", "paired_at", "welcomed_at", "check_ins")  # fmt: skip
_ONBOARDING_BUDDY = ("id", "state", "paired_at", "check_ins")


def _pick(row: Row, names: tuple[str, ...], **extra: Any) -> dict[str, Any]:
    picked: dict[str, Any] = jsonable({name: row[name] for name in names} | extra)
    return picked


async def _all(session: AsyncSession, statement: Select[Any]) -> list[dict[str, Any]]:
    return [jsonable(dict(row)) for row in (await session.execute(statement)).mappings()]


async def export_person(session: AsyncSession, user_key: str) -> Export:
    """Every record about ``user_key`` per table (every table named, maybe with no records)."""
    identity = await identity_of(session, user_key)
    key = identity.key
    refs, experts = table(models.ConversationReferenceRow), table(models.ExpertRow)
    rules, polls = table(models.StammtischRuleRow), table(models.StammtischPollRow)
    votes, audit = table(models.StammtischVoteRow), table(models.RoomAuditRow)
    jobs = table(models.ScheduledJob)
    roulette, groups = table(models.RouletteParticipantRow), table(models.RouletteGroupRow)
    ledger, decisions = table(models.ProcessedActivity), table(models.RoutingDecisionRow)
    volunteers, members = table(models.BuddyVolunteerRow), table(models.OnboardingGroupMemberRow)
    birthdays = table(models.BirthdayProfileRow)
    result: Export = {
        "conversation_references": await _all(
            session, select(refs).where(refs.c.user_key == key).order_by(refs.c.id)
        ),
        "processed_activities": [
            jsonable(row) for row in await rows_mentioning(session, ledger, identity, lock=False)
        ],
        "experts": await _all(session, select(experts).where(experts.c.user_key == key)),
        "questions": await _questions(session, key, identity),
        "routing_decisions": await _all(
            session,
            select(decisions.c.question_id, decisions.c.kind, decisions.c.decided_at)
            .where(decisions.c.expert_key == key)
            .order_by(decisions.c.id),
        ),
        "scheduled_jobs": [
            # Not the payload: it may name others (e.g. the other side of a buddy pairing).
            _pick(row, ("kind", "due_at", "done_at"))
            for row in await rows_mentioning(session, jobs, identity, lock=False)
        ],
        "stammtisch_rules": await _all(
            session,
            select(*(c for c in rules.c if c.name != "place")).where(rules.c.organiser_key == key),
        ),
        "stammtisch_polls": await _all(
            session,
            select(*(c for c in polls.c if c.name not in ("place", "card")))
            .where(polls.c.organiser_key == key)
            .order_by(polls.c.id),
        ),
        "stammtisch_votes": await _all(
            session,
            select(votes, polls.c.month)
            .join(polls, polls.c.id == votes.c.poll_id)
            .where(votes.c.member_key == key)
            .order_by(votes.c.poll_id),
        ),
        "room_requests": await _requests(session, key, identity),
        "onboardings": await _onboardings(session, key),
        "buddy_volunteers": await _all(
            session, select(volunteers).where(volunteers.c.user_key == key)
        ),
        "onboarding_group_members": await _all(
            session, select(members).where(members.c.user_key == key)
        ),
        "team_members": await _memberships(session, key),
        "member_reach": await _all(
            session,
            select(*(c for c in table(MemberReachRow).c if c.name != "user_key")).where(
                table(MemberReachRow).c.user_key == key
            ),
        ),
        "birthday_profiles": await _all(
            session, select(birthdays).where(birthdays.c.user_key == key)
        ),
        "birthday_follows": await _follows(session, key),
        "roulette_participants": await _all(
            session, select(roulette).where(roulette.c.user_key == key)
        ),
        "roulette_groups": [
            # Their own introductions: round, how, the suggested times (not who else).
            _pick(row, ("round_no", "formats", "slots"), size=len(row["members"]))
            for row in await rows_mentioning(session, groups, identity, lock=False)
            if key in row["members"]
        ],
        "urgent_calls": await _urgent_calls(session, key, identity),
        "urgent_audit": await _all(
            session,
            select(*(c for c in table(models.UrgentAuditRow).c if c.name != "detail"))
            .where(table(models.UrgentAuditRow).c.actor_key == key)
            .order_by(table(models.UrgentAuditRow).c.id),
        ),
        "room_audit": await _all(
            session,
            select(audit.c.request_id, audit.c.at, audit.c.action, audit.c.detail)
            .where(audit.c.actor_key == key)
            .order_by(audit.c.id),
        ),
    }
    return result


async def _memberships(session: AsyncSession, key: str) -> list[dict[str, Any]]:
    # The team by its name (its id is technical); "seen_at" is the last roster read that
    # listed the person, "removed_at" when they left (kept until the members retention).
    members, teams = table(TeamMemberRow), table(InstalledTeamRow)
    return await _all(
        session,
        select(
            teams.c.name.label("team"), members.c.name, members.c.upn, members.c.teams_id,
            members.c.seen_at, members.c.removed_at,
            teams.c.uninstalled_at.label("app_removed_at"),
        )
        .outerjoin(teams, teams.c.team_id == members.c.team_id)
        .where(members.c.user_key == key)
        .order_by(members.c.id),
    )  # fmt: skip


async def _questions(session: AsyncSession, key: str, identity: Identity) -> list[dict[str, Any]]:
    records = []
    rows = await rows_mentioning(session, table(models.QuestionRow), identity, lock=False)
    for row in sorted(rows, key=lambda r: int(r["id"])):
        if row["asker_key"] == key:
            records.append(_pick(row, _QUESTION_ASKED, role="asker"))
            continue
        mine = [e for e in row["candidates"] if e.get("expert_key") == key]
        if not mine and row["owner_key"] != key:
            continue  # mentioned only in technical fields
        # Experts were shown the question; the asker is someone else and is left out.
        took = row["owner_key"] == key
        record = _pick(row, _QUESTION_SEEN, role="expert", took_it=took,
                       suggested=[{"reason": e.get("reason", ""),
                                   "declined": e.get("declined", False),
                                   "unreachable": e.get("unreachable", False)} for e in mine],
                       answer_text=row["answer_text"] if took else None)  # fmt: skip
        if row["private"] and not took and not _was_asked(row, key):
            record["text"] = None  # asked in the asker's personal chat, never shown to them
        records.append(record)
    return records


def _was_asked(row: Row, key: str) -> bool:
    """Whether the bot asked the expert about the question by DM: the one asked now, or one
    asked before who declined or did not react. Experts named further down, away or not
    reachable by DM were never shown it (a channel question's card shows them all; the card in
    the asker's personal chat does not)."""
    current = row["current_index"] if row["state"] != "clarifying" else -1
    return any(
        e.get("expert_key") == key
        and not e.get("unreachable")
        and (index == current or (index < current and bool(e.get("declined"))))
        for index, e in enumerate(row["candidates"])
    )


async def _requests(session: AsyncSession, key: str, identity: Identity) -> list[dict[str, Any]]:
    records = []
    rows = await rows_mentioning(session, table(models.RoomRequestRow), identity, lock=False)
    for row in sorted(rows, key=lambda r: int(r["id"])):
        if row["requester_key"] == key:
            records.append(_pick(row, _REQUEST_OWN, role="requester"))
        elif key in row["approvers"] or row["decided_by"] == key:
            records.append(
                _pick(row, _REQUEST_SEEN, role="approver", decided_by_me=row["decided_by"] == key)
            )
    return records


async def _urgent_calls(
    session: AsyncSession, key: str, identity: Identity
) -> list[dict[str, Any]]:
    """Urgent calls they asked for, were invited to or were asked to free time for (the
    times and the state; not who else took part)."""
    records = []
    rows = await rows_mentioning(session, table(models.UrgentCallRow), identity, lock=False)
    for row in sorted(rows, key=lambda r: int(r["id"])):
        role = "asker" if row["asker_key"] == key else "participant"
        if any(ask["assistant_key"] == key for ask in row["asks"]):
            role = "assistant"
        mine = [a for a in row["asks"] if a["assistant_key"] == key]
        records.append(
            _pick(row, ("minutes", "created_at", "state", "booked"), role=role,
                  answers=[{"answer": a["answer"], "free_from": a["free_from"]} for a in mine])
        )  # fmt: skip
    return records


async def _onboardings(session: AsyncSession, key: str) -> list[dict[str, Any]]:
    onboardings = table(models.OnboardingRow)
    rows = await session.execute(
        select(onboardings)
        .where(or_(onboardings.c.newcomer_key == key, onboardings.c.buddy_key == key))
        .order_by(onboardings.c.id)
    )
    records = []
    for row in rows.mappings():
        if row["newcomer_key"] == key:  # their own onboarding, with the buddy they were given
            records.append(_pick(dict(row), _ONBOARDING_OWN, role="newcomer"))
        else:
            records.append(_pick(dict(row), _ONBOARDING_BUDDY, role="buddy"))
    return records


async def _follows(session: AsyncSession, key: str) -> list[dict[str, Any]]:
    # Whom they follow and who follows them: only when and how many (the other side of a
    # relation is someone else's data; the form card "mein geburtstag" names whom they follow).
    follows = table(models.BirthdayFollowRow)
    rows = await session.execute(
        select(follows).where(or_(follows.c.follower_key == key, follows.c.followed_key == key))
    )
    records: list[dict[str, Any]] = []
    followers = 0
    for row in rows.mappings():
        if row["follower_key"] == key:
            records.append(_pick(dict(row), ("created_at",), role="follower"))
        else:
            followers += 1
    if followers:
        records.append({"role": "followed", "followers": followers})
    return records
