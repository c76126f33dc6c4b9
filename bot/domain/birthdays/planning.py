"""Which reminders are due on a day: a pure function of the opt-ins, follows and hire dates.

Who learns what: a birthday reaches the person's followers, and with visibility "network" also
everyone who asked for the network's birthdays; a round service jubilee reaches the followers
a week ahead. Nobody is reminded of themselves, and a person without a profile (no opt-in)
never appears, nor does one who is not in the network that day (left every team with the app,
or never was in one): their opt-ins and follows stay, and count again once they are back.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from bot.domain.birthdays.dates import (
    JUBILEE_REMIND_DAYS_BEFORE,
    birthday_reminder,
    jubilee_reminder,
)
from bot.domain.birthdays.model import BirthdayProfile, Follow, Occasion, Visibility

# A run late by whole days (the bot was down that morning, the day's job failed for good)
# catches up at most this many days back: a long weekend (Friday to Sunday, caught up on
# Monday). A birthday further back is no longer worth a note, and after a long outage a flood
# of stale ones would bury today's.
CATCH_UP_DAYS = 3


@dataclass(frozen=True, slots=True)
class Planned:
    """One reminder to one recipient about one person's occasion."""

    to: str
    tenant_id: str | None
    person: str
    occasion: Occasion
    day: date  # the day of the occasion
    ahead: int  # days between the reminder's planned day and the occasion
    years: int = 0  # service years of a jubilee
    late: int = 0  # days the run that sends it is late (a missed day caught up)

    @property
    def key(self) -> str:
        """The dedup key: one reminder per recipient, person, occasion, day and lead time.
        A caught-up reminder keeps the key of the day it was due on, so the on-time run and
        any catch-up of that day (another replica, a re-run) send it once between them."""
        return f"{self.day.isoformat()}:{self.occasion}:{self.ahead}:{self.person}:{self.to}"

    @property
    def ahead_now(self) -> int:
        """Days from sending to the occasion: negative for a birthday already past."""
        return self.ahead - self.late


def may_learn_birthday(
    profile: BirthdayProfile, recipient: str, follows: bool, subscriber: bool
) -> bool:
    """True when ``recipient`` may learn ``profile``'s birthday (the person's own choice)."""
    if profile.birthday is None or recipient == profile.user_key:
        return False
    return follows or (profile.visibility is Visibility.NETWORK and subscriber)


def plan_reminders(
    today: date,
    profiles: Sequence[BirthdayProfile],
    followers: Mapping[str, Sequence[Follow]],
    hire_dates: Mapping[str, date],
    days_before: int,
    *,
    in_network: Collection[str],
) -> list[Planned]:
    """Every reminder due ``today`` about the people ``in_network`` (members of a team with
    the app today) to the people ``in_network``, sorted by recipient. Both sides: a birthday
    shared with "the network" is for its members, not for whoever can write to the bot (the
    personal app reaches people outside the teams) or left every team."""
    subscribers = {p.user_key: p.tenant_id for p in profiles if p.remind_network}
    planned: list[Planned] = []
    for profile in profiles:
        if profile.user_key not in in_network:
            continue  # gone from the teams: nobody is reminded, nothing is announced
        fans = {f.follower_key: f.follower_tenant for f in followers.get(profile.user_key, ())}
        if profile.birthday is not None:
            ahead = birthday_reminder(profile.birthday, today, days_before)
            if ahead is not None:
                day = today + timedelta(days=ahead)
                for to, tenant in (subscribers | fans).items():
                    if to not in in_network:
                        continue  # not (or no longer) in the network: kept, not reminded
                    if may_learn_birthday(profile, to, to in fans, to in subscribers):
                        planned.append(
                            Planned(to, tenant, profile.user_key, Occasion.BIRTHDAY, day, ahead)
                        )
        hired = hire_dates.get(profile.user_key)
        if profile.jubilee and hired is not None:
            years = jubilee_reminder(hired, today)
            if years is not None:
                day = today + timedelta(days=JUBILEE_REMIND_DAYS_BEFORE)
                for to, tenant in fans.items():
                    if to != profile.user_key and to in in_network:
                        planned.append(
                            Planned(
                                to, tenant, profile.user_key, Occasion.JUBILEE, day,
                                JUBILEE_REMIND_DAYS_BEFORE, years,
                            )
                        )  # fmt: skip
    return sorted(planned, key=lambda p: (p.to, p.person, p.occasion))


def missed_days(announced_through: date | None, today: date) -> list[date]:
    """The days before ``today`` that no run announced, at most ``CATCH_UP_DAYS`` back;
    none before the first run (nothing is known to be missed then)."""
    if announced_through is None:
        return []
    first = max(announced_through + timedelta(days=1), today - timedelta(days=CATCH_UP_DAYS))
    return [first + timedelta(days=n) for n in range((today - first).days)]


def catch_up(missed: date, today: date, due: Sequence[Planned]) -> list[Planned]:
    """What of ``due`` (planned for the ``missed`` day) still makes sense ``today``: a
    birthday of that day or one since as a belated note, and what is still ahead (a
    jubilee's week, a reminder days before) with the days left; not a reminder before an
    occasion that is past or today (its own day's note says it)."""
    late = (today - missed).days
    kept = []
    for item in due:
        if item.day > today or (item.day < today and item.ahead == 0):
            kept.append(replace(item, late=late))
    return kept
