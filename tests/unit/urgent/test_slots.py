"""Slot finding within business hours, who is in the way, and the assistants' answers
combined (properties by hypothesis)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.business_hours import BusinessCalendar
from bot.domain.urgent import slots as rules
from bot.domain.urgent.model import Ask, CallState, Participant, Slot, UrgentCall, UrgentError

HOURS = BusinessCalendar("Europe/Berlin", "NW", time(8), time(17))
MONDAY_9 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # 09:00 Berlin
DAY = Slot(MONDAY_9, datetime(2026, 3, 2, 16, 0, tzinfo=UTC))  # 09:00–17:00 Berlin
HALF = timedelta(minutes=30)


def at(hour: int, minute: int = 0) -> datetime:
    """Monday, Berlin wall-clock time, as UTC."""
    return datetime(2026, 3, 2, hour - 1, minute, tzinfo=UTC)


def test_heute_noch_is_the_rest_of_today_with_tomorrow_morning_as_fallback() -> None:
    spans, fallback = rules.windows(HOURS, MONDAY_9, 0, None, 30)
    assert spans == (DAY,)
    assert fallback == (
        Slot(datetime(2026, 3, 3, 7, tzinfo=UTC), datetime(2026, 3, 3, 11, tzinfo=UTC)),
    )


def test_bis_morgen_12_uhr_spans_two_days() -> None:
    spans, fallback = rules.windows(HOURS, MONDAY_9, 1, time(12), 30)
    assert spans[-1].end == datetime(2026, 3, 3, 11, tzinfo=UTC) and len(spans) == 2
    assert fallback == ()


def test_a_friday_evening_request_looks_at_monday_morning() -> None:
    friday_18 = datetime(2026, 3, 6, 17, tzinfo=UTC)
    spans, _ = rules.windows(HOURS, friday_18, 0, None, 30)
    assert spans[0].start == datetime(2026, 3, 9, 7, tzinfo=UTC)


@pytest.mark.parametrize(
    ("days", "until", "minutes", "code"),
    [(0, time(8), 30, "past"), (0, None, 600, "too_long"), (0, None, 2, "too_short")],
)
def test_impossible_requests_are_refused(
    days: int, until: time | None, minutes: int, code: str
) -> None:
    with pytest.raises(UrgentError) as raised:
        rules.windows(HOURS, MONDAY_9, days, until, minutes)
    assert raised.value.code == code


def test_common_slots_skip_everyones_busy_times() -> None:
    busy = {"a": [Slot(at(9), at(11))], "b": [Slot(at(11), at(11, 30))], "c": []}
    found = rules.common_slots(busy, [DAY], HALF)
    assert [s.start for s in found] == [at(11, 30), at(12), at(12, 30)]


def test_the_one_person_in_the_way_and_the_span_the_others_are_free() -> None:
    busy = {"a": [Slot(at(9), at(17))], "b": [Slot(at(9), at(14))], "c": []}
    blocked, span = rules.in_the_way(busy, [DAY], HALF)
    assert blocked == ["a"] and span == Slot(at(14), at(17))


intervals = st.lists(
    st.tuples(st.integers(0, 31), st.integers(1, 8)).map(
        lambda t: Slot(MONDAY_9 + t[0] * rules.STEP, MONDAY_9 + (t[0] + t[1]) * rules.STEP)
    ),
    max_size=5,
)


@given(
    st.dictionaries(st.sampled_from("abcd"), intervals, min_size=1),
    st.sampled_from([15, 30, 45, 60]),
)
def test_offered_slots_are_free_for_everyone_in_hours_and_ordered(
    busy: dict[str, list[Slot]], minutes: int
) -> None:
    duration = timedelta(minutes=minutes)
    found = rules.common_slots(busy, [DAY], duration)
    assert found == sorted(found, key=lambda s: s.start) and len(found) <= 3
    for slot in found:
        assert (
            DAY.start <= slot.start and slot.end <= DAY.end and slot.end - slot.start == duration
        )
        assert all(
            not (b.start < slot.end and slot.start < b.end) for v in busy.values() for b in v
        )
    if not found:
        blocked, span = rules.in_the_way(busy, [DAY], duration)
        assert blocked and set(blocked) <= set(busy)
        others = {k: v for k, v in busy.items() if k not in blocked}
        assert rules.common_slots(others, [span], duration)


def _call(*asks: Ask) -> UrgentCall:
    return UrgentCall(
        id=1, asker_key="jana", asker_name="Jana", tenant_id=None, organiser="jana@x",
        on_behalf_key="m", on_behalf_name="M",
        participants=(Participant("m", "M", "m@x"), Participant("a", "A", "a@x"),
                      Participant("b", "B", "b@x")),
        minutes=30, window=DAY, created_at=MONDAY_9, state=CallState.ASKING, asks=asks,
        ask_window=Slot(at(14), at(17)),
    )  # fmt: skip


def test_answers_combine_to_the_latest_first_yes_of_each_blocked_person() -> None:
    a1 = Ask("sa", "SA", "a", "yes", at(15), at(10))
    a2 = Ask("sa2", "SA2", "a", "yes", at(14), at(10, 5))  # later answer: not the first
    b1 = Ask("sb", "SB", "b")
    assert rules.proposal(_call(a1, a2, b1), MONDAY_9) is None  # B's assistant has not answered
    b_yes = replace(b1, answer="yes", free_from=at(15, 30), answered_at=at(10, 1))
    assert rules.proposal(_call(a1, a2, b_yes), MONDAY_9) == Slot(at(15, 30), at(16))
    late = replace(b_yes, free_from=at(16, 45))  # does not fit before 17:00
    assert rules.proposal(_call(a1, a2, late), MONDAY_9) is None


def test_all_assistants_saying_no_means_refused() -> None:
    no = Ask("sa", "SA", "a", "no", None, at(10))
    call = _call(no, Ask("sb", "SB", "b"))
    assert rules.refused(call, "a") and not rules.refused(call, "b")
    assert rules.proposal(call, MONDAY_9) is None


def test_a_blocked_person_without_an_assistant_keeps_every_proposal_off() -> None:
    # A and B are busy; only A has an assistant. A "Ja" for A frees nobody for B.
    call = _call(Ask("sa", "SA", "a", "yes", at(15), at(10)))
    people = tuple(replace(p, blocked=p.key in ("a", "b")) for p in call.participants)
    call = replace(call, participants=people)
    assert call.blocked == ("a", "b") and call.unassisted == ("b",)
    assert rules.proposal(call, MONDAY_9) is None
    assert not rules.refused(call, "b")  # shown as "no assistant", not as "they said no"


def test_an_unreachable_assistant_counts_as_no_time() -> None:
    call = _call(Ask("sa", "SA", "a", "unreachable", None, at(10)), Ask("sb", "SB", "b"))
    assert rules.refused(call, "a") and not call.asks[0].waiting


def test_late_answers_and_choices_never_start_in_the_past() -> None:
    a = Ask("sa", "SA", "a", "yes", at(14), at(14, 20))
    b = Ask("sb", "SB", "b", "yes", at(14), at(14, 20))
    late = at(14, 20)  # the "Ja, ab 14:00" arrived at 14:20
    assert rules.proposal(_call(a, b), late) == Slot(at(14, 30), at(15))
    assert rules.start_choices(_call(), late)[0] == at(14, 30)
    assert rules.start_choices(_call())[0] == at(14)  # the whole grid, to check answers


@given(st.lists(st.integers(0, 11), min_size=1, max_size=4))
def test_a_proposal_is_never_before_any_first_yes(quarters: list[int]) -> None:
    asks = tuple(
        Ask(f"s{n}", "S", "a" if n % 2 else "b", "yes", at(14) + q * rules.STEP, at(10, n))
        for n, q in enumerate(quarters)
    )
    call = _call(*asks)
    found = rules.proposal(call, MONDAY_9)
    firsts = [rules.first_yes(asks, key) for key in call.blocked]
    if found is not None:
        assert all(f is not None and f.free_from and f.free_from <= found.start for f in firsts)
        assert found.end <= at(17) and found.start in rules.start_choices(call)
