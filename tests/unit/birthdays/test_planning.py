"""Properties of the reminder planning: nobody learns a birthday or jubilee they may not."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.birthdays.dates import parse_day
from bot.domain.birthdays.model import BirthdayProfile, Follow, Occasion, Visibility
from bot.domain.birthdays.planning import (
    CATCH_UP_DAYS,
    Planned,
    catch_up,
    missed_days,
    plan_reminders,
)

PEOPLE = ["a", "b", "c", "d"]
World = tuple[list[BirthdayProfile], dict[str, list[Follow]], dict[str, date], date, set[str]]


@st.composite
def worlds(draw: st.DrawFn) -> World:
    profiles = []
    for key in draw(st.lists(st.sampled_from(PEOPLE), unique=True)):
        day = parse_day(draw(st.integers(1, 31)), draw(st.integers(1, 2)))
        profiles.append(
            BirthdayProfile(
                key, key.upper(), None, day if draw(st.booleans()) else None,
                draw(st.sampled_from(list(Visibility))), draw(st.booleans()), draw(st.booleans()),
            )
        )  # fmt: skip
    pairs = draw(
        st.lists(st.tuples(st.sampled_from(PEOPLE), st.sampled_from(PEOPLE)), unique=True)
    )
    followers: dict[str, list[Follow]] = {}
    for follower, followed in pairs:
        followers.setdefault(followed, []).append(Follow(follower, followed, followed.upper()))
    hired = {key: draw(st.dates(date(1980, 1, 1), date(2020, 2, 29))) for key in PEOPLE}
    today = draw(st.dates(date(2025, 1, 1), date(2029, 3, 5)))
    in_network = draw(st.sets(st.sampled_from(PEOPLE)))  # the others left (or never joined)
    return profiles, followers, hired, today, in_network


@given(worlds(), st.integers(0, 3))
def test_reminders_reach_only_whom_the_person_chose(world: World, before: int) -> None:
    profiles, followers, hired, today, in_network = world
    by_key = {p.user_key: p for p in profiles}
    planned = plan_reminders(today, profiles, followers, hired, before, in_network=in_network)
    assert len({p.key for p in planned}) == len(planned)  # no reminder twice
    for item in planned:
        person = by_key[item.person]  # only people who opted in to something
        assert item.person in in_network  # nobody who left the teams with the app
        fans = {f.follower_key for f in followers.get(item.person, [])}
        assert item.to != item.person
        if item.occasion is Occasion.JUBILEE:
            assert person.jubilee and item.to in fans and item.years in (10, 20, 25, 30, 40)
        else:
            assert person.birthday is not None and item.ahead in (0, before)
            subscriber = item.to in by_key and by_key[item.to].remind_network
            network = person.visibility is Visibility.NETWORK
            assert item.to in fans or (network and subscriber)


def test_missed_days_are_those_since_the_last_run_at_most_a_few_back() -> None:
    today = date(2027, 3, 15)
    assert missed_days(None, today) == []  # the first run ever: nothing known to be missed
    assert missed_days(today - timedelta(days=1), today) == []
    assert missed_days(today, today) == []  # a second run of the day
    assert missed_days(date(2027, 3, 13), today) == [date(2027, 3, 14)]
    long_ago = missed_days(date(2027, 1, 1), today)
    assert long_ago == [today - timedelta(days=n) for n in range(CATCH_UP_DAYS, 0, -1)]


def test_a_missed_day_keeps_what_still_makes_sense_with_the_days_now_left() -> None:
    missed, today = date(2027, 3, 14), date(2027, 3, 16)

    def item(day: date, ahead: int, occasion: Occasion = Occasion.BIRTHDAY) -> Planned:
        return Planned("to", None, "p", occasion, day, ahead)

    due = [
        item(missed, 0),  # that day's birthday: belated
        item(date(2027, 3, 15), 1),  # the day before one that is past too: its day says it
        item(today, 2),  # the day before today's: today's run says "Heute"
        item(date(2027, 3, 17), 3),  # still ahead: one day left
        item(date(2027, 3, 21), 7, Occasion.JUBILEE),
    ]
    kept = catch_up(missed, today, due)
    assert [(p.day, p.ahead_now) for p in kept] == [
        (missed, -2), (date(2027, 3, 17), 1), (date(2027, 3, 21), 5),
    ]  # fmt: skip
    # The key is the one of the day it was due: an on-time run and a catch-up send one.
    assert [p.key for p in kept] == [due[0].key, due[3].key, due[4].key]
