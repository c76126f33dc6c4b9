"""Buddy matcher: one example per rule, and hypothesis properties over generated populations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from random import Random

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.onboarding import (
    BuddyChoice,
    MatchPolicy,
    Newcomer,
    NoBuddy,
    Pairing,
    Volunteer,
    choose_buddy,
    exclusion,
)

NOW = datetime(2025, 3, 12, 9, 30, tzinfo=UTC)
POLICY = MatchPolicy(repeat_window=timedelta(days=90))
NEW = Newcomer("n.neu", site="Berlin", floor="3. OG", manager_id="m.chef")


def vol(id: str, **kw: object) -> Volunteer:
    """A free volunteer in another city unless told otherwise."""
    fields: dict[str, object] = {"site": "Leipzig", "floor": "1. OG", "capacity": 2}
    fields.update(kw)
    return Volunteer(id, **fields)  # type: ignore[arg-type]


def pick(volunteers: list[Volunteer], history: tuple[Pairing, ...] = ()) -> BuddyChoice | NoBuddy:
    return choose_buddy(NEW, volunteers, history, NOW, POLICY)


def buddy(volunteers: list[Volunteer], history: tuple[Pairing, ...] = ()) -> str:
    result = pick(volunteers, history)
    assert isinstance(result, BuddyChoice)
    return result.buddy_id


def test_opted_out_newcomer_gets_no_buddy() -> None:
    out = Newcomer("n.neu", opted_out=True)
    assert choose_buddy(out, [vol("a")], (), NOW, POLICY) == NoBuddy("opted_out")


def test_nobody_fits_when_the_list_is_empty_or_all_excluded() -> None:
    assert pick([]) == NoBuddy("nobody_fits")
    assert pick([vol("a", stopped=True), vol("b", capacity=0)]) == NoBuddy("nobody_fits")


def test_never_the_newcomer_themself() -> None:
    assert pick([vol("n.neu", site="Berlin"), vol("z")]) == BuddyChoice(
        "z", ("no_recent_pairing", "fewest_buddies")
    )
    assert pick([vol("n.neu")]) == NoBuddy("nobody_fits")


def test_stopped_and_paused_volunteers_are_skipped_until_the_pause_ends() -> None:
    paused = vol("a", paused_until=NOW + timedelta(days=1))
    assert exclusion(NEW, paused, (), NOW, POLICY) == "paused"
    assert pick([paused, vol("b", stopped=True)]) == NoBuddy("nobody_fits")
    assert exclusion(NEW, vol("a", paused_until=NOW), (), NOW, POLICY) is None
    assert exclusion(NEW, vol("b", stopped=True), (), NOW, POLICY) == "stopped"


def test_full_volunteers_are_skipped() -> None:
    assert exclusion(NEW, vol("a", capacity=2, active_buddies=2), (), NOW, POLICY) == "at_capacity"
    assert buddy([vol("a", capacity=2, active_buddies=2, site="Berlin"), vol("b")]) == "b"


def test_never_the_assistant_of_the_newcomers_manager() -> None:
    own = vol("a", site="Berlin", floor="3. OG", assistant_of=frozenset({"m.chef"}))
    assert exclusion(NEW, own, (), NOW, POLICY) == "managers_assistant"
    assert buddy([own, vol("b", assistant_of=frozenset({"m.other"}))]) == "b"


def test_no_repeat_with_the_same_newcomer_inside_the_window() -> None:
    inside = Pairing("a", "n.neu", NOW - timedelta(days=89))
    outside = Pairing("a", "n.neu", NOW - timedelta(days=90))
    assert pick([vol("a")], (inside,)) == NoBuddy("nobody_fits")
    assert buddy([vol("a")], (outside,)) == "a"


def test_prefers_someone_without_recent_pairings_even_over_proximity() -> None:
    recent = (Pairing("near", "n.other", NOW - timedelta(days=3)),)
    near = vol("near", site="Berlin", floor="3. OG")
    assert pick([near, vol("far")], recent) == BuddyChoice(
        "far", ("no_recent_pairing", "fewest_buddies")
    )
    # Without an alternative the recently paired volunteer is still better than nobody.
    assert pick([near], recent) == BuddyChoice(
        "near", ("same_site", "same_floor", "fewest_buddies")
    )


def test_prefers_same_site_then_same_floor() -> None:
    site = vol("s", site="Berlin", floor="5. OG")
    floor = vol("t", site="Berlin", floor="3. OG")
    other_city_same_floor = vol("a", site="Leipzig", floor="3. OG")
    assert pick([other_city_same_floor, site]) == BuddyChoice(
        "s", ("same_site", "no_recent_pairing", "fewest_buddies")
    )
    assert pick([other_city_same_floor, site, floor]) == BuddyChoice(
        "t", ("same_site", "same_floor", "no_recent_pairing", "fewest_buddies")
    )


def test_proximity_preferences_can_be_switched_off() -> None:
    policy = MatchPolicy(repeat_window=timedelta(days=90), prefer_same_site=False)
    chosen = choose_buddy(NEW, [vol("b", site="Berlin"), vol("a")], (), NOW, policy)
    assert chosen == BuddyChoice("a", ("no_recent_pairing", "fewest_buddies"))


def test_spreads_load_fewest_active_then_oldest_last_pairing_then_id() -> None:
    assert pick([vol("a", active_buddies=1), vol("b")]) == BuddyChoice(
        "b", ("no_recent_pairing", "fewest_buddies")
    )
    old = (
        Pairing("a", "x", NOW - timedelta(days=200)),
        Pairing("b", "y", NOW - timedelta(days=300)),
    )
    assert buddy([vol("a"), vol("b")], old) == "b"
    assert buddy([vol("a"), vol("b"), vol("c")], old) == "c"
    assert buddy([vol("b"), vol("a")]) == "a"


# --- properties -----------------------------------------------------------------------------

IDS = [f"p{i}" for i in range(8)]
MANAGERS = ["m1", "m2"]
SITES = st.sampled_from(["Berlin", "Leipzig", None])
FLOORS = st.sampled_from(["1. OG", "3. OG", None])
DAYS = st.integers(-20, 400).map(lambda d: NOW - timedelta(days=d))

newcomers = st.builds(
    Newcomer,
    id=st.sampled_from(IDS),
    site=SITES,
    floor=FLOORS,
    manager_id=st.sampled_from([*MANAGERS, None]),
    opted_out=st.booleans(),
)
volunteer = st.builds(
    Volunteer,
    id=st.sampled_from(IDS),
    site=SITES,
    floor=FLOORS,
    capacity=st.integers(0, 3),
    active_buddies=st.integers(0, 4),
    paused_until=st.none() | st.integers(-10, 10).map(lambda d: NOW + timedelta(days=d)),
    stopped=st.booleans(),
    assistant_of=st.frozensets(st.sampled_from(MANAGERS)),
)
populations = st.lists(volunteer, max_size=8, unique_by=lambda v: v.id)
histories = st.lists(
    st.builds(Pairing, buddy_id=st.sampled_from(IDS), newcomer_id=st.sampled_from(IDS),
              paired_at=DAYS),
    max_size=12,
)  # fmt: skip
policies = st.builds(
    MatchPolicy,
    repeat_window=st.integers(0, 365).map(lambda d: timedelta(days=d)),
    prefer_same_site=st.booleans(),
    prefer_same_floor=st.booleans(),
)


def recent(p: Pairing, policy: MatchPolicy) -> bool:
    return NOW - p.paired_at < policy.repeat_window


def eligible(n: Newcomer, v: Volunteer, history: list[Pairing], policy: MatchPolicy) -> bool:
    """An independent restatement of the hard rules."""
    return (
        v.id != n.id
        and not v.stopped
        and (v.paused_until is None or v.paused_until <= NOW)
        and v.active_buddies < v.capacity
        and (n.manager_id is None or n.manager_id not in v.assistant_of)
        and not any(
            p.buddy_id == v.id and p.newcomer_id == n.id and recent(p, policy) for p in history
        )
    )


@settings(max_examples=400)
@given(newcomers, populations, histories, policies)
def test_the_choice_obeys_every_hard_rule(
    n: Newcomer, vs: list[Volunteer], history: list[Pairing], policy: MatchPolicy
) -> None:
    result = choose_buddy(n, vs, history, NOW, policy)
    if n.opted_out:
        assert result == NoBuddy("opted_out")
        return
    fits = [v for v in vs if eligible(n, v, history, policy)]
    if not fits:
        assert result == NoBuddy("nobody_fits")
        return
    assert isinstance(result, BuddyChoice)  # anyone eligible means someone is chosen
    chosen = next(v for v in vs if v.id == result.buddy_id)
    assert chosen.id != n.id
    assert not chosen.stopped
    assert chosen.paused_until is None or chosen.paused_until <= NOW
    assert chosen.active_buddies < chosen.capacity
    assert n.manager_id not in chosen.assistant_of
    assert not any(
        p.buddy_id == chosen.id and p.newcomer_id == n.id and recent(p, policy) for p in history
    )
    assert chosen in fits


@settings(max_examples=400)
@given(newcomers, populations, histories, policies)
def test_no_recently_paired_buddy_while_a_fresh_alternative_exists(
    n: Newcomer, vs: list[Volunteer], history: list[Pairing], policy: MatchPolicy
) -> None:
    result = choose_buddy(n, vs, history, NOW, policy)
    if not isinstance(result, BuddyChoice):
        return
    busy = {p.buddy_id for p in history if recent(p, policy)}
    fresh = [v for v in vs if eligible(n, v, history, policy) and v.id not in busy]
    if fresh:
        assert result.buddy_id not in busy
        assert "no_recent_pairing" in result.reasons
    # Proximity wins among equally fresh candidates.
    peers = fresh or [v for v in vs if eligible(n, v, history, policy)]
    if policy.prefer_same_site and any(n.site is not None and v.site == n.site for v in peers):
        assert "same_site" in result.reasons


@settings(max_examples=300)
@given(newcomers, populations, histories, policies, st.randoms(use_true_random=False))
def test_deterministic_and_independent_of_input_order(
    n: Newcomer, vs: list[Volunteer], history: list[Pairing], policy: MatchPolicy, rnd: Random
) -> None:
    first = choose_buddy(n, vs, history, NOW, policy)
    assert choose_buddy(n, vs, history, NOW, policy) == first
    shuffled_vs, shuffled_history = list(vs), list(history)
    rnd.shuffle(shuffled_vs)
    rnd.shuffle(shuffled_history)
    assert choose_buddy(n, shuffled_vs, shuffled_history, NOW, policy) == first
    assert choose_buddy(n, tuple(reversed(vs)), tuple(history), NOW, policy) == first
