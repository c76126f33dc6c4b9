"""StammtischRepository contract: fake, SQLite and PostgreSQL behave the same, also when racing."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.models import StammtischPollRow
from bot.adapters.db.stammtisch import SqlStammtischRepository
from bot.domain.stammtisch.model import Poll, PollState, Rule, Vote
from bot.domain.stammtisch.poll import Answer, tally
from bot.domain.stammtisch.ports import StammtischRepository
from devkit.fakes.memory_stammtisch import InMemoryStammtischRepository
from tests.support.databases import contract_store, fresh_database

T0 = datetime(2027, 1, 4, 8, 0, tzinfo=UTC)
DATES = (date(2027, 2, 2), date(2027, 2, 10), date(2027, 2, 18), date(2027, 2, 24))
PLACES = ("Brauhaus", "Pizzeria")
PLACE = {"conversation_id": "19:team@thread.tacv2", "service_url": "https://smba.example/"}


@pytest.fixture
async def repo(backend_url: str | None) -> AsyncIterator[StammtischRepository]:
    async with contract_store(
        backend_url, InMemoryStammtischRepository, SqlStammtischRepository
    ) as store:
        yield store


def new_rule(team: str = "team-1", **changes: object) -> Rule:
    rule = Rule(team, PLACE, "orga", "Olga Organisatorin", "tenant-1", places=PLACES)
    return replace(rule, **changes)  # type: ignore[arg-type]


def new_poll(team: str = "team-1", month: date = date(2027, 2, 1)) -> Poll:
    return Poll(
        id=0,
        key=f"{team}:{month:%Y-%m}",
        team_key=team,
        place=PLACE,
        month=month,
        dates=DATES,
        places=PLACES,
        lunch_start=time(12, 0),
        lunch_end=time(13, 30),
        deadline=T0 + timedelta(days=4, hours=7),
        organiser_key="orga",
        organiser_name="Olga Organisatorin",
        tenant_id="tenant-1",
        language="de",
        created_at=T0,
    )


def vote(poll: Poll, member: int, answer: Answer = Answer.YES, place: str | None = None) -> Vote:
    answers = {day: answer if i % 2 == member % 2 else Answer.NO for i, day in enumerate(DATES)}
    name = f"Mitglied {member:03d}"
    return Vote(poll.id, f"m{member}", name, f"29:{member}", answers, place, T0)


def closed(poll: Poll) -> Poll:
    return replace(
        poll, state=PollState.CLOSED, winner_day=DATES[0], winner_place=PLACES[0],
        closed_at=T0 + timedelta(days=5), version=poll.version + 1,
    )  # fmt: skip


async def test_rules_are_upserted_per_team_and_listed_when_active(
    repo: StammtischRepository,
) -> None:
    await repo.save_rule(new_rule())
    changed = new_rule(post_week=5, post_time=time(10, 15), candidate_weekdays=(0, 4))
    await repo.save_rule(changed)
    await repo.save_rule(new_rule("team-0", active=False))
    await repo.save_rule(new_rule("team-2", places=()))
    assert await repo.get_rule("team-1") == changed
    assert await repo.get_rule("team-0") == new_rule("team-0", active=False)
    assert await repo.get_rule("unknown") is None
    assert [r.team_key for r in await repo.list_rules()] == ["team-1", "team-2"]


async def test_a_poll_is_added_once_per_key(repo: StammtischRepository) -> None:
    stored, created = await repo.add_poll(new_poll())
    assert created and stored.id > 0 and stored.version == 1 and stored.is_open
    assert await repo.get_poll(stored.id) == stored
    again, created = await repo.add_poll(replace(new_poll(), dates=DATES[:1]))
    assert not created and again == stored
    later, created = await repo.add_poll(new_poll(month=date(2027, 3, 1)))
    assert created and later.id != stored.id
    assert await repo.latest_poll("team-1") == later
    assert await repo.latest_poll("team-2") is None
    assert await repo.get_poll(later.id + 100) is None


async def test_concurrent_starts_of_the_same_month_create_one_poll(
    repo: StammtischRepository,
) -> None:
    results = await asyncio.gather(*(repo.add_poll(new_poll()) for _ in range(10)))
    assert [created for _, created in results].count(True) == 1
    assert len({poll.id for poll, _ in results}) == 1


async def test_save_poll_requires_the_previous_version(repo: StammtischRepository) -> None:
    stored, _ = await repo.add_poll(new_poll())
    assert await repo.save_poll(closed(stored))
    cancelled = replace(stored, state=PollState.CANCELLED, version=2)
    assert not await repo.save_poll(cancelled)
    assert not await repo.save_poll(replace(closed(stored), id=stored.id + 100))
    loaded = await repo.get_poll(stored.id)
    assert loaded == closed(stored)


async def test_records_keep_the_version_and_survive_a_stale_save(
    repo: StammtischRepository,
) -> None:
    stored, _ = await repo.add_poll(new_poll())
    handle = {"conversation_id": PLACE["conversation_id"], "activity_id": "1:abc"}
    await repo.record_card(stored.id, handle)
    assert await repo.get_poll(stored.id) == replace(stored, card=handle)
    assert await repo.save_poll(closed(stored))  # a copy loaded before the card was recorded
    await repo.record_event(stored.id, "AAMkEvent=")
    cancelled = replace(closed(stored), state=PollState.CANCELLED, version=3)
    assert await repo.save_poll(cancelled)  # loaded before the invitation was recorded
    final = await repo.get_poll(stored.id)
    assert final == replace(cancelled, card=handle, event_id="AAMkEvent=")
    await repo.record_card(stored.id + 100, handle)  # unknown polls are ignored
    await repo.record_event(stored.id + 100, "x")


async def test_a_new_vote_replaces_the_old_one(repo: StammtischRepository) -> None:
    poll, _ = await repo.add_poll(new_poll())
    assert await repo.cast(vote(poll, 2))
    assert await repo.cast(vote(poll, 1, Answer.MAYBE))
    changed = replace(vote(poll, 1, Answer.YES, "Pizzeria"), member_name="Anna")
    assert await repo.cast(changed)
    assert await repo.vote_of(poll.id, "m1") == changed
    assert await repo.vote_of(poll.id, "m3") is None
    assert await repo.votes(poll.id) == [changed, vote(poll, 2)]


@pytest.mark.parametrize("state", [PollState.CLOSED, PollState.CANCELLED])
async def test_votes_are_refused_unless_the_poll_is_open(
    repo: StammtischRepository, state: PollState
) -> None:
    poll, _ = await repo.add_poll(new_poll())
    assert await repo.cast(vote(poll, 1))
    assert await repo.save_poll(replace(poll, state=state, version=2))
    assert not await repo.cast(vote(poll, 1, Answer.NO))
    assert not await repo.cast(vote(poll, 2))
    assert not await repo.cast(replace(vote(poll, 3), poll_id=poll.id + 100))
    assert await repo.votes(poll.id) == [vote(poll, 1)]
    assert await repo.votes(poll.id + 100) == []


async def test_concurrent_votes_and_changes_give_the_exact_tally(
    repo: StammtischRepository,
) -> None:
    poll, _ = await repo.add_poll(new_poll())

    async def member(i: int) -> list[Vote]:
        ballots = [vote(poll, i, Answer.YES)]
        if i % 3 == 0:  # changes their mind while everybody else is voting
            ballots.append(vote(poll, i, Answer.MAYBE, "Brauhaus"))
        for ballot in ballots:
            assert await repo.cast(ballot)
        return ballots

    cast = await asyncio.gather(*(member(i) for i in range(100)))
    finals = [ballots[-1] for ballots in cast]
    stored = await repo.votes(poll.id)
    assert len(stored) == 100
    assert sorted(stored, key=lambda v: v.member_key) == sorted(finals, key=lambda v: v.member_key)
    counts = tally([v.ballot() for v in stored], DATES)
    assert counts == tally([v.ballot() for v in finals], DATES)
    assert [(t.yes, t.maybe, t.no) for t in counts] == [(33, 17, 50)] * 4


async def test_a_close_racing_votes_counts_each_vote_or_refuses_it(
    repo: StammtischRepository,
) -> None:
    async def race(month: int) -> None:
        poll, _ = await repo.add_poll(new_poll(month=date(2027, month, 1)))
        ballots = [vote(poll, i) for i in range(50)]

        async def close() -> list[Vote]:
            assert await repo.save_poll(closed(poll))
            return list(await repo.votes(poll.id))

        # The close starts amid the votes, so some should land on either side of it.
        casts = [asyncio.create_task(repo.cast(ballot)) for ballot in ballots[:25]]
        closing = asyncio.create_task(close())
        casts += [asyncio.create_task(repo.cast(ballot)) for ballot in ballots[25:]]
        await asyncio.gather(closing, *casts)
        counted = {b.member_key for b, task in zip(ballots, casts, strict=True) if task.result()}
        final = await repo.votes(poll.id)
        assert {v.member_key for v in final} == counted
        assert final == closing.result(), "a vote was written after the close"

    # Several polls at once for more interleavings; the lock itself is pinned down below.
    await asyncio.gather(*(race(month) for month in range(1, 5)))


@pytest.fixture
def postgres_url(tmp_path: Path) -> Iterator[str]:
    with fresh_database("postgres", tmp_path) as url:
        yield url


@pytest.mark.postgres
async def test_postgres_vote_waits_for_an_uncommitted_close(postgres_url: str) -> None:
    # The race above rarely hits the gap between reading "open" and committing the vote, so
    # hold a close open by hand: without FOR SHARE the vote would slip in beside it (the
    # foreign key's KEY SHARE lock does not conflict with a non-key UPDATE).
    engine = create_engine(postgres_url)
    repo = SqlStammtischRepository(create_session_factory(engine))
    poll, _ = await repo.add_poll(new_poll())
    try:
        async with engine.connect() as closer:
            await closer.execute(
                update(StammtischPollRow)
                .where(StammtischPollRow.id == poll.id)
                .values(state=PollState.CLOSED.value, version=2)
            )
            pending = asyncio.create_task(repo.cast(vote(poll, 1)))
            await asyncio.sleep(0.3)
            assert not pending.done(), "the vote did not wait for the close"
            await closer.commit()
        assert not await pending
        assert await repo.votes(poll.id) == []
    finally:
        await engine.dispose()


async def test_a_partial_ballot_keeps_the_dates_and_place_it_leaves_empty(
    repo: StammtischRepository,
) -> None:
    poll, _ = await repo.add_poll(new_poll())
    full = replace(vote(poll, 1), answers=dict.fromkeys(DATES, Answer.YES), place="Brauhaus")
    assert await repo.cast(full) == full
    later = T0 + timedelta(hours=1)
    partial = replace(full, answers={DATES[2]: Answer.NO}, place=None, updated_at=later)
    expected = replace(partial, answers={**full.answers, DATES[2]: Answer.NO}, place="Brauhaus")
    assert await repo.cast(partial) == expected
    assert await repo.vote_of(poll.id, "m1") == expected


async def test_concurrent_partial_ballots_of_the_same_member_all_count(
    repo: StammtischRepository,
) -> None:
    # Each member sends one ballot per date at once (a double click on a card with one date
    # set, four times): the first inserts, the others must merge, none may overwrite.
    poll, _ = await repo.add_poll(new_poll())
    ballots = [
        replace(vote(poll, member), answers={day: Answer.MAYBE})
        for member in range(10)
        for day in DATES
    ]
    stored = await asyncio.gather(*(repo.cast(ballot) for ballot in ballots))
    assert all(stored)
    votes = await repo.votes(poll.id)
    assert len(votes) == 10
    assert all(v.answers == dict.fromkeys(DATES, Answer.MAYBE) for v in votes)
