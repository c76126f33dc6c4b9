"""Stammtisch poll rules: candidate dates, exact tally with changed votes, tie-break, merging
partial ballots."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.business_hours import BusinessCalendar
from bot.domain.stammtisch.poll import (
    Answer,
    Ballot,
    candidate_dates,
    decide,
    merge_ballot,
    tally,
    validate_ballot,
)

NW = BusinessCalendar("Europe/Berlin", "NW")
D1, D2, D3 = date(2026, 6, 2), date(2026, 6, 9), date(2026, 6, 16)


def test_candidate_dates_skip_weekends_holidays_and_blackouts() -> None:
    # June 2026 in NW: Fronleichnam on Thursday 4 June.
    dates = candidate_dates(date(2026, 6, 1), NW, count=20, weekdays=(3,))
    assert date(2026, 6, 4) not in dates and date(2026, 6, 11) in dates
    spread = candidate_dates(date(2026, 6, 1), NW, count=3, blackout=[date(2026, 6, 2)])
    assert len(spread) == 3 and date(2026, 6, 2) not in spread
    assert all(d.weekday() in (1, 2, 3) and d.month == 6 for d in spread)
    assert spread == sorted(spread)


def test_latest_ballot_counts_and_yes_voters_are_listed() -> None:
    ballots = [
        Ballot("anna", {D1: Answer.YES, D2: Answer.NO}),
        Ballot("ben", {D1: Answer.MAYBE}),
        Ballot("anna", {D1: Answer.NO, D2: Answer.YES}),  # changed her vote
    ]
    first, second, third = tally(ballots, [D1, D2, D3])
    assert (first.yes, first.maybe, first.no) == (0, 1, 1)
    assert second.yes_voters == ("anna",) and third.yes == 0


def test_tie_break_most_yes_then_yes_plus_maybe_then_earliest() -> None:
    ballots = [
        Ballot("a", {D1: Answer.YES, D2: Answer.YES, D3: Answer.YES}),
        Ballot("b", {D2: Answer.MAYBE, D3: Answer.MAYBE}),
    ]
    assert decide(ballots, [D1, D2, D3]).day == D2  # yes tie; D2 earliest of the maybe tie
    assert (
        decide([Ballot("a", {D3: Answer.YES}), Ballot("b", {D1: Answer.YES})], [D1, D3]).day == D1
    )
    assert decide([Ballot("a", {D1: Answer.NO})], [D1]).day is None


def test_place_follows_the_yes_voters_of_the_winning_date() -> None:
    ballots = [
        Ballot("a", {D1: Answer.YES}, "Brauhaus"),
        Ballot("b", {D1: Answer.YES}, "Kantine"),
        Ballot("c", {D1: Answer.YES}, "Kantine"),
        Ballot("d", {D1: Answer.NO}, "Brauhaus"),
    ]
    outcome = decide(ballots, [D1], ["Brauhaus", "Kantine"])
    assert outcome.place == "Kantine" and outcome.yes_voters == ("a", "b", "c")


def test_ballots_for_unknown_dates_or_places_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown dates"):
        validate_ballot(Ballot("a", {date(2030, 1, 1): Answer.YES}), [D1], [])
    with pytest.raises(ValueError, match="unknown place"):
        validate_ballot(Ballot("a", {D1: Answer.YES}, "Mond"), [D1], ["Kantine"])


@given(
    st.lists(
        st.tuples(st.integers(0, 30), st.sampled_from(list(Answer)), st.sampled_from([D1, D2])),
        max_size=200,
    )
)
def test_tally_equals_the_last_vote_of_every_member(votes: list[tuple[int, Answer, date]]) -> None:
    ballots, last = [], {}
    for member, answer, day in votes:
        current = dict(last.get(member, {}))
        current[day] = answer
        last[member] = current
        ballots.append(Ballot(str(member), current))
    counts = {t.day: t for t in tally(ballots, [D1, D2])}
    for day in (D1, D2):
        expected = [a.get(day) for a in last.values()]
        assert counts[day].yes == expected.count(Answer.YES)
        assert counts[day].maybe == expected.count(Answer.MAYBE)
        assert counts[day].no == expected.count(Answer.NO)


_ANSWER = st.sampled_from(list(Answer))
_PARTIAL = st.fixed_dictionaries({}, optional={D1: _ANSWER, D2: _ANSWER, D3: _ANSWER})
_PLACE = st.none() | st.sampled_from(["Brauhaus", "Italiener"])


@given(st.lists(st.tuples(_PARTIAL, _PLACE), min_size=1, max_size=12))
def test_partial_ballots_leave_each_date_at_its_latest_answer(
    ballots: list[tuple[dict[date, Answer], str | None]],
) -> None:
    stored: Ballot | None = None
    for answers, place in ballots:
        stored = merge_ballot(stored, Ballot("anna", answers, place))
    assert stored is not None
    for day in (D1, D2, D3):
        given_answers = [answers[day] for answers, _ in ballots if day in answers]
        assert stored.answers.get(day) == (given_answers[-1] if given_answers else None)
    places = [place for _, place in ballots if place is not None]
    assert stored.place == (places[-1] if places else None)
