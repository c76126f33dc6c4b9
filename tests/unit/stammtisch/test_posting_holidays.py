"""The monthly poll is not posted on a public holiday: it moves to the working day before,
judged by the same holidays (HOLIDAY_STATE) as the Stammtisch dates themselves."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.domain.business_hours import BusinessCalendar
from bot.domain.stammtisch.schedule import (
    Step,
    deadline_after,
    monthly_step,
    next_posting,
    posting_due,
)
from tests.support.stammtisch_world import make_world, rule

NW = BusinessCalendar("Europe/Berlin", "NW")
HH = BusinessCalendar("Europe/Berlin", "HH")
# Friday 20 March 2026, 09:00 in Berlin.
FRIDAY = datetime(2026, 3, 20, 8, 0, tzinfo=UTC)
# April's first Monday is Easter Monday (6 April), the Friday before Good Friday: Thursday.
EASTER_THURSDAY = datetime(2026, 4, 2, 7, 0, tzinfo=UTC)  # 09:00 CEST
FIRST_MONDAY = rule()


async def test_a_posting_day_on_easter_monday_moves_to_the_working_day_before() -> None:
    world = make_world()
    world.clock.current = FRIDAY
    assert await world.service.save_rule(FIRST_MONDAY) == EASTER_THURSDAY
    world.clock.current = EASTER_THURSDAY
    await world.run_due()
    poll = await world.repo.latest_poll(FIRST_MONDAY.team_key)
    assert poll is not None and poll.month == date(2026, 5, 1)
    assert len(world.notifier.posts) == 1
    # Earlier, not shorter: votes close on the Friday after the rule's own day, as always
    # (not on Good Friday, the day after the posting).
    assert poll.deadline == datetime(2026, 4, 10, 14, 0, tzinfo=UTC)


def test_labour_day_and_german_unity_day_move_to_the_day_before_also_across_a_month() -> None:
    first_friday = rule(post_weekday=4)
    # 1 May 2026 is the first Friday of May: June's poll comes on Thursday 30 April.
    june = posting_due(first_friday, date(2026, 6, 1), NW)
    assert june == datetime(2026, 4, 30, 7, 0, tzinfo=UTC)
    # 3 October 2025, a Friday: November's poll on Thursday 2 October.
    november = posting_due(first_friday, date(2025, 11, 1), NW)
    assert november == datetime(2025, 10, 2, 7, 0, tzinfo=UTC)
    # Planned on 1 April for June's poll: the next posting is that Thursday in April.
    after = datetime(2026, 4, 10, 8, 0, tzinfo=UTC)
    assert next_posting(first_friday, after, NW) == (date(2026, 6, 1), june)


def test_the_holidays_are_those_of_the_configured_state() -> None:
    # Corpus Christi (4 June 2026) is a holiday in NW, not in HH: July's poll of a rule
    # "1. Donnerstag" moves in NW only, as the Stammtisch dates do.
    first_thursday = rule(post_weekday=3)
    july = date(2026, 7, 1)
    assert posting_due(first_thursday, july, NW) == datetime(2026, 6, 3, 7, 0, tzinfo=UTC)
    assert posting_due(first_thursday, july, HH) == datetime(2026, 6, 4, 7, 0, tzinfo=UTC)


def test_a_job_planned_for_the_holiday_itself_before_the_update_still_posts() -> None:
    # Planned by a version that did not move postings off holidays: on its day (Easter
    # Monday) it posts late rather than leaving May without a poll.
    easter_monday = datetime(2026, 4, 6, 7, 0, tzinfo=UTC)
    step = monthly_step(FIRST_MONDAY, date(2026, 5, 1), easter_monday, easter_monday, NW)
    assert step == (Step.POST, EASTER_THURSDAY)
    moved = monthly_step(rule(post_week=3), date(2026, 5, 1), easter_monday, easter_monday, NW)
    assert moved[0] is Step.MOVED  # the rule itself changed since: its new date counts


def test_a_voting_deadline_on_a_holiday_moves_to_the_working_day_before() -> None:
    friday_16 = rule()  # "abstimmen bis Freitag 16:00"
    # Posted Monday 30 March 2026: Friday is Good Friday, so votes close on Thursday.
    posted = datetime(2026, 3, 30, 7, 0, tzinfo=UTC)
    assert deadline_after(posted, friday_16, NW) == datetime(2026, 4, 2, 14, 0, tzinfo=UTC)
    # Posted on that Thursday itself: the day before is no deadline (nobody could vote), so
    # it moves past Easter to Tuesday 7 April.
    thursday = datetime(2026, 4, 2, 7, 0, tzinfo=UTC)
    assert deadline_after(thursday, friday_16, NW) == datetime(2026, 4, 7, 14, 0, tzinfo=UTC)
    # Corpus Christi (4 June 2026, Thursday) is a holiday in NW, not in Hamburg.
    thursday_16 = rule(deadline_weekday=3)
    monday = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
    assert deadline_after(monday, thursday_16, NW) == datetime(2026, 6, 3, 14, 0, tzinfo=UTC)
    assert deadline_after(monday, thursday_16, HH) == datetime(2026, 6, 4, 14, 0, tzinfo=UTC)
