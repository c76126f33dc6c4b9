"""Partial ballots from the shared poll card (empty dropdowns) amend a member's vote instead of
erasing the dates they left empty; through the service and the in-memory repository."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.stammtisch.model import PollError
from bot.domain.stammtisch.poll import Answer, tally
from bot.domain.stammtisch.service import Voter
from tests.support.stammtisch_world import HENRIK, JANA, make_world, rule

YES, MAYBE, NO = Answer.YES, Answer.MAYBE, Answer.NO
MEMBERS = (JANA, HENRIK)

# One ballot: who, {index of the poll's date: answer}, place (None: left empty).
_BALLOT = st.tuples(
    st.sampled_from(MEMBERS),
    st.dictionaries(st.integers(0, 2), st.sampled_from(list(Answer)), min_size=1),
    st.none() | st.sampled_from(["Brauhaus", "Italiener"]),
)


def voter(key: str) -> Voter:
    return Voter(key, key[:6], f"29:{key}")


@settings(deadline=None, max_examples=40)
@given(st.lists(_BALLOT, min_size=1, max_size=10))
def test_any_sequence_of_partial_ballots_keeps_each_members_latest_answers(
    ballots: list[tuple[str, dict[int, Answer], str | None]],
) -> None:
    async def scenario() -> None:
        world = make_world()
        poll, _ = await world.service.start(rule())
        days = poll.dates[:3]
        for member, answers, place in ballots:
            chosen = {days[index]: answer for index, answer in answers.items()}
            await world.service.vote(poll.id, voter(member), chosen, place)
        votes = {vote.member_key: vote for vote in await world.repo.votes(poll.id)}
        assert set(votes) == {member for member, _, _ in ballots}
        for member, vote in votes.items():
            own = [(answers, place) for who, answers, place in ballots if who == member]
            for index, day in enumerate(days):
                given_answers = [answers[index] for answers, _ in own if index in answers]
                expected = given_answers[-1] if given_answers else None
                assert vote.answers.get(day) == expected
            places = [place for _, place in own if place is not None]
            assert vote.place == (places[-1] if places else None)

    asyncio.run(scenario())


async def test_one_changed_date_leaves_the_others_in_the_tally() -> None:
    world = make_world()
    poll, _ = await world.service.start(rule())
    await world.service.vote(poll.id, voter(JANA), dict.fromkeys(poll.dates, YES), "Brauhaus")
    _, stored = await world.service.vote(poll.id, voter(JANA), {poll.dates[1]: NO}, None)
    assert stored.place == "Brauhaus"
    assert stored.answers == {**dict.fromkeys(poll.dates, YES), poll.dates[1]: NO}
    counts = tally([v.ballot() for v in await world.repo.votes(poll.id)], poll.dates)
    expected = [(0, 1) if day == poll.dates[1] else (1, 0) for day in poll.dates]
    assert [(c.yes, c.no) for c in counts] == expected


async def test_a_place_alone_amends_an_earlier_vote_but_is_no_vote_by_itself() -> None:
    world = make_world()
    poll, _ = await world.service.start(rule())
    with pytest.raises(PollError) as refused:
        await world.service.vote(poll.id, voter(JANA), {}, "Italiener")
    assert refused.value.code == "empty_vote"
    assert await world.repo.votes(poll.id) == []
    await world.service.vote(poll.id, voter(JANA), {poll.dates[0]: MAYBE}, None)
    _, stored = await world.service.vote(poll.id, voter(JANA), {}, "Italiener")
    assert (stored.answers, stored.place) == ({poll.dates[0]: MAYBE}, "Italiener")
