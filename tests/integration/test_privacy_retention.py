"""Retention on SQLite and PostgreSQL: with a fixed clock exactly the expired rows go."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.clock import ManualClock
from bot.adapters.db import models
from bot.adapters.db.birthdays import SqlBirthdayRepository
from bot.adapters.db.jobs import SqlJobQueue
from bot.adapters.db.member_tables import TeamMemberRow
from bot.adapters.db.members import SqlMemberRepository
from bot.adapters.db.onboarding import SqlOnboardingRepository
from bot.adapters.db.privacy import SqlPersonalData
from bot.adapters.db.questions import SqlQuestionRepository
from bot.adapters.db.rooms import SqlRoomRequestRepository
from bot.adapters.db.roulette import SqlRouletteRepository
from bot.adapters.db.stammtisch import SqlStammtischRepository
from bot.domain.birthdays.model import BirthdayProfile, DayOfYear, Follow
from bot.domain.members.model import Reach, TeamMember
from bot.domain.onboarding.model import Onboarding, OnboardingState, VolunteerProfile
from bot.domain.privacy.identity import ERASED_NAME, is_pseudonym
from bot.domain.privacy.retention import Cutoffs, Retention
from bot.domain.privacy.service import RETENTION_JOB, PrivacyService
from bot.domain.rooms.model import AuditEntry, RequestState
from bot.domain.roulette.model import Participant
from bot.domain.routing.questions import QuestionState
from bot.domain.stammtisch.model import PollState, Vote
from bot.domain.stammtisch.poll import Answer
from tests.support.privacy_world import (
    ANNA,
    BERND,
    BOARD,
    CARLA,
    NETWORK,
    NOW,
    poll_draft,
    question_draft,
    request_draft,
    table_rows,
)

DAY = timedelta(days=1)


async def _questions(sessions: async_sessionmaker[AsyncSession]) -> dict[str, int]:
    repo = SqlQuestionRepository(sessions)
    base = question_draft(ANNA, "Frage", [BERND], escalate_at=None)
    drafts = {
        "answered_long_ago": replace(base, state=QuestionState.ANSWERED, asked_at=NOW - 500 * DAY,
                                     answered_at=NOW - 400 * DAY, answer_text="a"),
        "answered_lately": replace(base, state=QuestionState.ANSWERED, asked_at=NOW - 500 * DAY,
                                   answered_at=NOW - 100 * DAY, answer_text="b"),
        "never_answered_old": replace(base, state=QuestionState.UNASSIGNED,
                                      asked_at=NOW - 366 * DAY),
        "never_answered_new": replace(base, asked_at=NOW - 10 * DAY),
    }  # fmt: skip
    return {name: (await repo.add(draft)).id for name, draft in drafts.items()}


async def _votes(sessions: async_sessionmaker[AsyncSession]) -> dict[str, int]:
    """Polls of February (ended > 90 days before NOW), March (not yet) and an open February."""
    repo, ids = SqlStammtischRepository(sessions), {}
    for name, month in (("feb", 2), ("mar", 3), ("feb_open", 2)):
        poll, _ = await repo.add_poll(poll_draft(date(2026, month, 1), BERND, key=name))
        for person in (ANNA, BERND):
            await repo.cast(Vote(poll.id, person.key, person.name, person.teams_id,
                                 {poll.dates[0]: Answer.YES}, None, NOW - 120 * DAY))  # fmt: skip
        if name != "feb_open":
            await repo.save_poll(replace(poll, state=PollState.CLOSED, version=2))
        ids[name] = poll.id
    return ids


async def _requests(sessions: async_sessionmaker[AsyncSession]) -> dict[str, int]:
    """Requests that ended 200 and 100 days ago, each with audit entries 400 and 100 days old."""
    repo, ids = SqlRoomRequestRepository(sessions), {}
    for name, ended in (("ended_long_ago", 200), ("ended_lately", 100)):
        start = NOW - ended * DAY - timedelta(hours=1)
        draft = request_draft(ANNA, "Raum", start=start, end=start + timedelta(hours=1),
                              state=RequestState.BOOKED)  # fmt: skip
        stored = await repo.add(draft)
        for age in (400, 100):
            await repo.add_audit(AuditEntry(stored.id, NOW - age * DAY, ANNA.key, "chose", "r"))
        ids[name] = stored.id
    return ids


async def _onboardings(sessions: async_sessionmaker[AsyncSession]) -> dict[str, int]:
    """Onboardings started 400, 366 and 100 days ago; volunteers and old group markers."""
    repo, ids = SqlOnboardingRepository(sessions), {}
    ages = (("old", ANNA, 400), ("just_expired", BERND, 366), ("recent", CARLA, 100))
    for name, newcomer, age in ages:
        buddy = ANNA if newcomer is BERND else BERND
        draft = Onboarding(
            id=0, newcomer_key=newcomer.key, newcomer_name=newcomer.name, tenant_id="t1",
            source="team", created_at=NOW - age * DAY, state=OnboardingState.PAIRED,
            buddy_key=buddy.key, buddy_name=buddy.name, reasons=("gleiches Haus",),
            paired_at=NOW - age * DAY,
        )  # fmt: skip
        ids[name] = (await repo.start(draft))[0].id
    for person in (ANNA, BERND):
        await repo.save_volunteer(VolunteerProfile(person.key, person.name, 2))
    await repo.remember_members("group-1", [ANNA.key, BERND.key], NOW - 400 * DAY)
    return ids


async def _jobs(sessions: async_sessionmaker[AsyncSession]) -> dict[str, int]:
    """Jobs finished 40 and 10 days ago, and one pending (overdue by 100 days)."""
    queue, ids = SqlJobQueue(sessions), {}
    for name, finished in (("done_long_ago", 40), ("done_lately", 10)):
        done_at = NOW - finished * DAY
        await queue.schedule("test.job", {"who": ANNA.key}, done_at, f"test.job:{name}")
        [job] = await queue.claim_due(done_at, 10, timedelta(minutes=5))
        await queue.complete(job.id, done_at)
        ids[name] = job.id
    await queue.schedule("test.job", {"who": BERND.key}, NOW - 100 * DAY, "test.job:pending")
    pending = await table_rows(sessions, "scheduled_jobs")
    ids["pending"] = next(j["id"] for j in pending if j["dedup_key"] == "test.job:pending")
    return ids


async def _members(sessions: async_sessionmaker[AsyncSession]) -> SqlMemberRepository:
    """Anna left the network 40 days ago, Bernd 10 days ago, Carla is still in it (last listed
    100 days ago); the app left the board's team 40 days ago. Outcomes 40 and 10 days old."""
    repo = SqlMemberRepository(sessions)
    for installed in (NETWORK, BOARD):
        await repo.install_team(installed)
    people = (ANNA, BERND, CARLA)
    await repo.upsert_members([p.member(NETWORK, NOW - 100 * DAY) for p in people])
    await repo.upsert_members([BERND.member(BOARD, NOW - 100 * DAY)])
    birthdays = SqlBirthdayRepository(sessions)
    for person in (ANNA, BERND):
        await birthdays.save(BirthdayProfile(person.key, person.name, birthday=DayOfYear(1, 5)))
    for follower, followed in ((ANNA, BERND), (CARLA, ANNA), (BERND, CARLA)):
        await birthdays.follow(Follow(follower.key, followed.key, followed.name))
    roulette = SqlRouletteRepository(sessions)
    for person in (ANNA, CARLA):
        await roulette.save_participant(Participant(person.key, person.name, None))
    await repo.remove_member(NETWORK.team_id, ANNA.teams_id, NOW - 40 * DAY)
    await repo.remove_member(NETWORK.team_id, BERND.teams_id, NOW - 10 * DAY)
    await repo.uninstall_team(BOARD.team_id, NOW - 40 * DAY)
    await repo.record_reach(Reach(ANNA.key, "", False, "blocked", NOW - 40 * DAY))
    await repo.record_reach(Reach(CARLA.key, CARLA.name, True, "roster", NOW - 10 * DAY))
    return repo


async def test_purge_removes_exactly_the_expired_rows(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    questions, polls = await _questions(sessions), await _votes(sessions)
    requests = await _requests(sessions)
    onboardings, jobs = await _onboardings(sessions), await _jobs(sessions)
    members = await _members(sessions)
    counts = await SqlPersonalData(sessions).purge(Retention().cutoffs(NOW))
    # Questions: answered 400 days ago, never answered and asked 366 days ago. Votes: the two
    # of the closed February poll. Requests: the one that ended 200 days ago. Audit: its two
    # entries and the 400-day-old entry of the one that ended 100 days ago. Onboardings: those
    # started 400 and 366 days ago. Jobs: the one finished 40 days ago. Members: Anna (left
    # 40 days ago) and Bernd's membership of the board (the app left 40 days ago), with the
    # board's team; the outcome 40 days old.
    # Birthdays: Anna's opt-ins and her two follows go with her (left 40 days ago, in no team
    # with the app any more); Bernd's (left 10 days ago) stay. So do her buddy volunteering
    # and her roulette opt-in: once her roster rows are gone, nothing would tell she left.
    assert counts == {"questions": 2, "votes": 2, "room_requests": 1, "audit": 3,
                      "onboardings": 2, "jobs": 1, "members": 2, "teams": 1,
                      "reach": 1, "birthdays": 3, "buddy_volunteers": 1,
                      "roulette_participants": 1, "roulette_groups": 0,
                      "urgent_calls": 0}  # fmt: skip
    assert [row["user_key"] for row in await table_rows(sessions, "birthday_profiles")] == [
        BERND.key
    ]
    assert [
        (row["follower_key"], row["followed_key"])
        for row in await table_rows(sessions, "birthday_follows")
    ] == [(BERND.key, CARLA.key)]
    left = {row["id"] for row in await table_rows(sessions, "questions")}
    assert left == {questions["answered_lately"], questions["never_answered_new"]}
    votes = await table_rows(sessions, "stammtisch_votes")
    anonymous = {(v["poll_id"], v["member_name"], v["teams_id"]) for v in votes
                 if is_pseudonym(v["member_key"])}  # fmt: skip
    assert anonymous == {(polls["feb"], ERASED_NAME, "")}
    assert sum(1 for v in votes if v["poll_id"] == polls["feb"]) == 2  # the tally stays
    kept = {row["id"] for row in await table_rows(sessions, "room_requests")}
    assert requests["ended_long_ago"] not in kept and requests["ended_lately"] in kept
    audit = await table_rows(sessions, "room_audit")
    assert {row["request_id"] for row in audit} == kept
    assert all(row["at"] >= NOW - 365 * DAY for row in audit)
    left = {row["id"] for row in await table_rows(sessions, "onboardings")}
    assert left == {onboardings["recent"]}
    # Volunteers are current consent (while in a team with the app), group markers keep
    # members from being welcomed again.
    assert [r["user_key"] for r in await table_rows(sessions, "buddy_volunteers")] == [BERND.key]
    assert [r["user_key"] for r in await table_rows(sessions, "roulette_participants")] == [
        CARLA.key
    ]
    assert len(await table_rows(sessions, "onboarding_group_members")) == 3  # with "" marker
    left = {row["id"] for row in await table_rows(sessions, "scheduled_jobs")}
    assert left == {jobs["done_lately"], jobs["pending"]}
    # Bernd left only 10 days ago; Carla is still a member however long ago she was listed.
    rows = await table_rows(sessions, "team_members")
    assert sorted((r["user_key"], r["removed_at"] is None) for r in rows) == sorted(
        [(BERND.key, False), (CARLA.key, True)]
    )
    assert [m.user_key for m in await members.members_of(NETWORK.team_id)] == [CARLA.key]
    assert await members.get_team(BOARD.team_id) is None
    assert [r.user_key for r in await members.reach_overview()] == [CARLA.key]
    # A second run finds nothing more (anonymised votes are not counted again).
    again = await SqlPersonalData(sessions).purge(Retention().cutoffs(NOW))
    assert again == dict.fromkeys(counts, 0)


async def test_shorter_retention_removes_more(sessions: async_sessionmaker[AsyncSession]) -> None:
    await _questions(sessions)
    await _onboardings(sessions)
    await _jobs(sessions)
    await _members(sessions)
    retention = Retention(questions_days=5, votes_days=1, room_requests_days=1, audit_days=1,
                          onboarding_days=50, jobs_days=5, members_days=5)  # fmt: skip
    counts = await SqlPersonalData(sessions).purge(retention.cutoffs(NOW))
    assert (counts["questions"], counts["onboardings"], counts["jobs"]) == (4, 3, 2)
    # Bernd's departure 10 days ago is now expired too; Carla, still a member, stays.
    assert (counts["members"], counts["reach"]) == (3, 2)
    assert [m["user_key"] for m in await table_rows(sessions, "team_members")] == [CARLA.key]
    # A pending job stays however short the retention.
    [pending] = await table_rows(sessions, "scheduled_jobs")
    assert pending["done_at"] is None


async def test_the_retention_job_purges_and_plans_the_next_day(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    await _questions(sessions)
    data, queue, clock = SqlPersonalData(sessions), SqlJobQueue(sessions), ManualClock(NOW)
    service = PrivacyService(data, data, queue, clock, Retention())
    await service.plan_retention()
    await service.plan_retention()  # a second replica: still one run today
    [job] = await queue.claim_due(NOW, 10, timedelta(minutes=5))
    assert job.kind == RETENTION_JOB
    await service.handlers()[RETENTION_JOB](job)
    assert len(await table_rows(sessions, "questions")) == 2
    planned = [j for j in await table_rows(sessions, "scheduled_jobs") if j["done_at"] is None]
    assert [j["dedup_key"] for j in planned] == [
        f"{RETENTION_JOB}:{NOW.date()}",  # claimed, completed by the runner
        f"{RETENTION_JOB}:{(NOW + DAY).date()}",
    ]


class _BrokenStore:
    async def purge(self, cutoffs: Cutoffs) -> dict[str, int]:
        raise RuntimeError("database unavailable")


async def test_a_failing_retention_run_still_plans_the_next_day(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    # Else one failed run (ten attempts) would end the daily runs until the next restart.
    queue, clock = SqlJobQueue(sessions), ManualClock(NOW)
    data = SqlPersonalData(sessions)
    service = PrivacyService(data, _BrokenStore(), queue, clock, Retention())
    await service.plan_retention()
    [job] = await queue.claim_due(NOW, 10, timedelta(minutes=5))
    with pytest.raises(RuntimeError):
        await service.handlers()[RETENTION_JOB](job)
    planned = [j["dedup_key"] for j in await table_rows(sessions, "scheduled_jobs")]
    assert f"{RETENTION_JOB}:{(NOW + DAY).date()}" in planned


async def test_opt_ins_of_thousands_who_left_go_and_the_app_leaving_is_not_leaving(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """17,000 people left the network 40 days ago (more than one statement may carry as
    parameters, had the purge listed them); Dora's only team dropped the app 40 days ago:
    her birthday goes with the roster (documented), her buddy volunteering and roulette
    opt-in stay, since the features do not count that as her leaving."""
    repo = SqlMemberRepository(sessions)
    for installed in (NETWORK, BOARD):
        await repo.install_team(installed)
    dora = replace(CARLA, key="dddd4444-dddd-4ddd-8ddd-dddddddddddd", teams_id="29:1dora")
    await repo.upsert_members([dora.member(BOARD, NOW - 100 * DAY)])
    await repo.uninstall_team(BOARD.team_id, NOW - 40 * DAY)
    keys = [f"left-{n:05d}" for n in range(17_000)]
    member = dora.member(NETWORK, NOW - 100 * DAY)
    async with sessions.begin() as session:
        await session.execute(
            insert(TeamMemberRow),
            [{**_row(member), "user_key": key, "teams_id": f"29:{key}",
              "removed_at": NOW - 40 * DAY} for key in keys],
        )  # fmt: skip
        await session.execute(
            insert(models.BirthdayProfileRow),
            [{"user_key": key, "name": key, "tenant_id": None, "birth_day": 1, "birth_month": 5,
              "visibility": "network", "jubilee": False, "remind_network": False,
              "updated_at": NOW} for key in [*keys, dora.key]],
        )  # fmt: skip
    roulette = SqlRouletteRepository(sessions)
    await roulette.save_participant(Participant(dora.key, dora.name, None))
    volunteers = SqlOnboardingRepository(sessions)
    await volunteers.save_volunteer(VolunteerProfile(dora.key, dora.name, 2))
    async with sessions.begin() as session:
        await session.execute(
            insert(models.RouletteParticipantRow),
            [{"user_key": key, "name": key, "tenant_id": None, "formats": ["coffee"],
              "scope": "all", "department": None, "site": None, "active": True,
              "updated_at": NOW} for key in keys],
        )  # fmt: skip

    counts = await SqlPersonalData(sessions).purge(Retention().cutoffs(NOW))
    assert counts["birthdays"] == 17_001 and counts["roulette_participants"] == 17_000
    assert counts["buddy_volunteers"] == 0 and counts["members"] == 17_001
    assert [r["user_key"] for r in await table_rows(sessions, "roulette_participants")] == [
        dora.key
    ]
    assert [r["user_key"] for r in await table_rows(sessions, "buddy_volunteers")] == [dora.key]
    assert await table_rows(sessions, "birthday_profiles") == []


def _row(member: TeamMember) -> dict[str, object]:
    return {
        "team_id": member.team_id, "teams_id": member.teams_id, "user_key": member.user_key,
        "name": member.name, "upn": member.upn, "tenant_id": member.tenant_id,
        "service_url": member.service_url, "bot_id": member.bot_id, "seen_at": member.seen_at,
        "removed_at": None,
    }  # fmt: skip
