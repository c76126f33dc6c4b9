"""The Stammtisch cycle over fakes with a controllable clock: rule, poll, votes, reminders,
close, invitation, day-before reminder, extend and cancel."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.domain.conversation_refs import StoredReference
from bot.domain.stammtisch.model import PollError, PollState
from bot.domain.stammtisch.poll import Answer, tally
from bot.domain.stammtisch.service import CARD_JOB, MONTHLY_JOB, Voter
from tests.support.stammtisch_world import (
    HENRIK,
    JANA,
    MELANIE,
    MONDAY_9,
    SABINE,
    World,
    make_world,
    rule,
)

YES, MAYBE, NO = Answer.YES, Answer.MAYBE, Answer.NO


def voter(key: str, name: str = "") -> Voter:
    return Voter(key, name or key[:6], f"29:{key}")


async def started(world: World) -> int:
    poll, created = await world.service.start(rule())
    assert created
    return poll.id


async def test_start_posts_one_card_with_dates_of_next_month_after_the_deadline() -> None:
    world = make_world()
    poll, created = await world.service.start(rule())
    assert created and poll.month == date(2026, 4, 1)
    assert 3 <= len(poll.dates) <= 4
    assert all(d.month == 4 and d.weekday() in (1, 2, 3) for d in poll.dates)
    # Deadline: Friday 2026-03-06 16:00 in Berlin (CET, UTC+1).
    assert poll.deadline == datetime(2026, 3, 6, 15, 0, tzinfo=UTC)
    assert len(world.notifier.posts) == 1
    again, created_again = await world.service.start(rule())
    assert not created_again and again.id == poll.id
    assert len(world.notifier.posts) == 1  # "stammtisch neu" twice: one poll, one card


async def test_votes_and_changes_leave_the_latest_answer_per_member() -> None:
    world = make_world()
    poll_id = await started(world)
    poll = await world.service.get(poll_id)
    first, second = poll.dates[0], poll.dates[1]
    await world.service.vote(poll_id, voter(JANA), {first: YES, second: NO}, "Brauhaus")
    await world.service.vote(poll_id, voter(HENRIK), {first: MAYBE}, None)
    await world.service.vote(poll_id, voter(JANA), {first: NO, second: YES}, "Italiener")
    votes = await world.repo.votes(poll_id)
    counts = tally([v.ballot() for v in votes], poll.dates)
    assert (counts[0].yes, counts[0].maybe, counts[0].no) == (0, 1, 1)
    assert (counts[1].yes, counts[1].no) == (1, 0)
    assert {v.member_key: v.place for v in votes} == {JANA: "Italiener", HENRIK: None}


async def test_card_updates_are_coalesced_per_interval_and_show_the_latest_tally() -> None:
    world = make_world()
    poll_id = await started(world)
    poll = await world.service.get(poll_id)
    for key in (JANA, HENRIK, MELANIE):
        await world.service.vote(poll_id, voter(key), {poll.dates[0]: YES}, None)
    await world.run_due()
    assert world.notifier.updates == []  # due at the end of the 2-second interval
    world.clock.advance(timedelta(seconds=2))
    await world.run_due()
    assert len(world.notifier.updates) == 1
    card_text = str(world.notifier.updates[0][1])
    assert "Ja 3 · Vielleicht 0 · Nein 0" in card_text
    assert sum(1 for job in world.jobs.jobs.values() if job.kind == CARD_JOB) == 1


@pytest.mark.parametrize(
    ("poll_id", "answers", "place", "code"),
    [
        (999, {"first": YES}, None, "unknown"),
        (None, {date(2026, 4, 4): YES}, None, "unknown_option"),  # a Saturday: not on the poll
        (None, {"first": YES}, "Bahnhofskneipe", "unknown_option"),
        (None, {}, None, "empty_vote"),
    ],
)
async def test_bad_votes_are_refused_and_change_nothing(
    poll_id: int | None, answers: dict[object, Answer], place: str | None, code: str
) -> None:
    world = make_world()
    real_id = await started(world)
    poll = await world.service.get(real_id)
    resolved = {poll.dates[0] if k == "first" else k: v for k, v in answers.items()}
    with pytest.raises(PollError) as refused:
        await world.service.vote(poll_id or real_id, voter(JANA), resolved, place)  # type: ignore[arg-type]
    assert refused.value.code == code
    assert await world.repo.votes(real_id) == []


async def test_reminder_goes_only_to_members_who_have_not_voted() -> None:
    world = make_world()
    poll_id = await started(world)
    poll = await world.service.get(poll_id)
    await world.service.vote(poll_id, voter(JANA), {poll.dates[0]: YES}, None)
    world.clock.current = poll.deadline - timedelta(hours=24)
    await world.run_due()
    assert sorted(world.notifier.dm_recipients()) == sorted([SABINE, HENRIK, MELANIE])
    await world.run_due()
    assert len(world.notifier.directs) == 3  # the job does not repeat


async def test_each_member_is_reminded_in_their_own_language() -> None:
    world = make_world()
    # Henrik's Teams client is English (his latest activity says so); the poll is German.
    await world.references.save(
        StoredReference(
            f"a:{HENRIK}", HENRIK, "personal", "t", "https://smba", {"locale": "en-GB"}, MONDAY_9
        )
    )
    poll_id = await started(world)
    poll = await world.service.get(poll_id)
    world.clock.current = poll.deadline - timedelta(hours=24)
    await world.run_due()
    cards = {user: json.dumps(card, ensure_ascii=False) for user, card in world.notifier.directs}
    assert "Reminder" in cards[HENRIK] and "Erinnerung" not in cards[HENRIK]
    assert "Erinnerung" in cards[SABINE] and "Reminder" not in cards[SABINE]


async def test_close_by_deadline_announces_invites_yes_voters_and_reminds_the_day_before() -> None:
    world = make_world()
    poll_id = await started(world)
    poll = await world.service.get(poll_id)
    second = poll.dates[1]
    await world.service.vote(poll_id, voter(JANA), {second: YES}, "Italiener")
    await world.service.vote(poll_id, voter(HENRIK), {second: YES, poll.dates[0]: MAYBE}, None)
    world.clock.current = poll.deadline
    await world.run_due()
    closed = await world.service.get(poll_id)
    assert closed.state is PollState.CLOSED and closed.winner_day == second
    assert closed.winner_place == "Italiener"
    announcement = str(world.notifier.posts[-1][1])
    assert "Der Stammtisch steht fest" in announcement and "Uhr, Ort: Italiener –" in announcement
    assert closed.event_id is not None
    organiser_mail, _, event_id = closed.event_id.rpartition("|")
    assert organiser_mail == "sabine.krueger@nordlicht-demo.de"
    event = await world.calendar.get_event(organiser_mail, event_id)
    assert event is not None and event.start.date() == second
    with pytest.raises(PollError):
        await world.service.vote(poll_id, voter(MELANIE), {second: YES}, None)
    before = len(world.notifier.directs)
    day_before_9 = datetime.combine(second - timedelta(days=1), datetime.min.time(), UTC)
    world.clock.current = day_before_9 + timedelta(hours=8)  # 09:00/10:00 in Berlin
    await world.run_due()
    assert sorted(world.notifier.dm_recipients()[before:]) == sorted([JANA, HENRIK])


async def test_only_organisers_close_extend_cancel_and_extend_moves_the_deadline() -> None:
    world = make_world(organisers=frozenset({SABINE}))
    poll_id = await started(world)
    for step in (world.lifecycle.close, world.lifecycle.extend, world.lifecycle.cancel):
        with pytest.raises(PollError) as refused:
            await step(poll_id, JANA)
        assert refused.value.code == "not_organiser"
    poll = await world.service.get(poll_id)
    extended = await world.lifecycle.extend(poll_id, SABINE)
    # Friday 16 Uhr plus two days is a Sunday: votes close on Monday at 16 Uhr.
    assert poll.deadline.weekday() == 4
    assert extended.deadline == poll.deadline + timedelta(days=3)
    world.clock.current = poll.deadline
    await world.run_due()
    assert (await world.service.get(poll_id)).is_open  # the old deadline's close is a no-op
    world.clock.current = extended.deadline
    await world.run_due()
    assert (await world.service.get(poll_id)).state is PollState.CLOSED


async def test_cancel_after_close_cancels_the_invitation_and_the_day_before_reminder() -> None:
    world = make_world()
    poll_id = await started(world)
    poll = await world.service.get(poll_id)
    await world.service.vote(poll_id, voter(JANA), {poll.dates[0]: YES}, None)
    await world.lifecycle.close(poll_id, SABINE)
    with pytest.raises(PollError):
        await world.lifecycle.close(poll_id, SABINE)  # a second close is refused
    await world.run_due()
    closed = await world.service.get(poll_id)
    assert closed.event_id
    mailbox, _, event_id = closed.event_id.rpartition("|")
    await world.lifecycle.cancel(poll_id, SABINE)
    await world.run_due()
    assert await world.calendar.get_event(mailbox, event_id) is None
    world.clock.current = datetime.combine(poll.dates[0], datetime.min.time(), UTC)
    directs = len(world.notifier.directs)
    await world.run_due()
    assert len(world.notifier.directs) == directs  # no day-before reminder for a cancelled one


async def test_monthly_rule_posts_once_per_month_and_plans_the_next() -> None:
    world = make_world()
    due = await world.service.save_rule(rule())
    # Saved on Monday 2 March 09:00 exactly: the next first Monday is 6 April, Easter Monday,
    # so the poll comes on the working day before (Good Friday too): Thursday 2 April, 09:00.
    assert due == datetime(2026, 4, 2, 7, 0, tzinfo=UTC)
    world.clock.current = due
    await world.run_due()
    poll = await world.repo.latest_poll(rule().team_key)
    assert poll is not None and poll.month == date(2026, 5, 1)
    await world.service.run_monthly(rule().team_key, "2026-05")  # a repeated run: no new poll
    assert len(world.notifier.posts) == 1
    monthly = sorted(
        job.payload["period"] for job in world.jobs.jobs.values() if job.kind == MONTHLY_JOB
    )
    assert monthly == ["2026-05", "2026-06"]


async def test_a_month_without_a_possible_date_is_skipped_and_the_rule_goes_on() -> None:
    # School holidays all May: May's poll cannot be posted, June's is planned all the same.
    world = make_world()
    may = {date(2026, 5, 1) + timedelta(days=n) for n in range(31)}
    world.service.policy = replace(world.service.policy, blackout=frozenset(may))
    # Saved on 2 March: May's poll is due on the first Monday of April (6 April, 09:00 CEST).
    world.clock.current = await world.service.save_rule(rule())
    await world.run_due()  # does not raise
    assert await world.repo.latest_poll(rule().team_key) is None
    planned = {
        job.payload["period"]: job.due_at
        for job in world.jobs.jobs.values()
        if job.kind == MONTHLY_JOB
    }
    # June's poll goes out on May's posting day (first Monday, 4 May, 09:00 CEST).
    assert planned["2026-06"] == datetime(2026, 5, 4, 7, 0, tzinfo=UTC)
    # Not silent: the channel is told on the planned day, and when the next poll appears.
    [(place, note)] = world.notifier.posts
    text = json.dumps(note, ensure_ascii=False)
    assert place == rule().place and "Diesen Monat keine Stammtisch-Umfrage" in text
    assert "im Mai 2026" in text and "am Mo, 04.05., 09:00 Uhr hier" in text


async def test_start_refuses_when_no_date_is_possible() -> None:
    world = make_world(clock=None)
    world.clock.current = MONDAY_9
    with pytest.raises(PollError) as refused:
        await world.service.start(rule(candidate_weekdays=(5,)))  # Saturdays only
    assert refused.value.code == "no_dates"


async def test_concurrent_starts_post_one_card_and_an_orphaned_poll_gets_its_card_later() -> None:
    world = make_world()
    results = await asyncio.gather(*(world.service.start(rule()) for _ in range(5)))
    assert sum(created for _, created in results) == 1
    assert len(world.notifier.posts) == 1
    # A creator that died between storing the poll and posting the card:
    other = make_world()
    draft, _ = await other.service.start(rule())
    other.notifier.posts.clear()
    await other.repo.record_card(draft.id, None)  # type: ignore[arg-type]
    await other.service.start(rule())
    assert other.notifier.posts == []  # too early: the creator may still be posting
    other.clock.advance(timedelta(minutes=3))
    await other.service.start(rule())
    assert len(other.notifier.posts) == 1
