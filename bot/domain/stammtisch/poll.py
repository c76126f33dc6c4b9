"""Pure rules of the Stammtisch poll (no storage, no Teams).

Tie-break at close, documented for members: most "Ja"; then most "Ja" + "Vielleicht"; then the
earliest date. Places are decided the same way among the preferences of the yes-voters of the
winning date, then by the order in which the organiser listed them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from bot.domain.business_hours import BusinessCalendar


class Answer(StrEnum):
    """A member's answer for one candidate date."""

    YES = "ja"
    MAYBE = "vielleicht"
    NO = "nein"


@dataclass(frozen=True, slots=True)
class Ballot:
    """One member's current vote: an answer per date and an optional place preference."""

    member: str
    answers: Mapping[date, Answer]
    place: str | None = None


@dataclass(frozen=True, slots=True)
class DateTally:
    """Counts for one candidate date and who said yes."""

    day: date
    yes: int
    maybe: int
    no: int
    yes_voters: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    """The winner at close; ``day`` is None when nobody said yes or maybe."""

    day: date | None
    place: str | None
    yes_voters: tuple[str, ...]


def candidate_dates(
    month: date,
    calendar: BusinessCalendar,
    count: int = 4,
    weekdays: Iterable[int] = (1, 2, 3),
    blackout: Iterable[date] = (),
) -> list[date]:
    """Up to ``count`` dates in ``month`` on the given weekdays (Mon=0), open business days,
    outside blackout dates (e.g. school holidays), spread over the month."""
    first = month.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    wanted, closed = set(weekdays), set(blackout)
    days = [
        first + timedelta(days=offset)
        for offset in range((following - first).days)
        if (first + timedelta(days=offset)).weekday() in wanted
    ]
    open_days = [d for d in days if d not in closed and calendar.is_open_day(d)]
    if len(open_days) <= count:
        return open_days
    # Spread evenly so that members with fixed weekly commitments get a real choice.
    step = len(open_days) / count
    return [open_days[int(i * step)] for i in range(count)]


def validate_ballot(ballot: Ballot, dates: Sequence[date], places: Sequence[str]) -> None:
    """Raise ValueError for answers to dates or places that are not on the poll."""
    unknown = set(ballot.answers) - set(dates)
    if unknown:
        raise ValueError(f"unknown dates: {sorted(unknown)}")
    if ballot.place is not None and ballot.place not in places:
        raise ValueError(f"unknown place: {ballot.place}")


def merge_ballot(previous: Ballot | None, ballot: Ballot) -> Ballot:
    """The member's vote after ``ballot``: what it answers replaces, what it leaves out stays.

    The shared poll card shows every member empty dropdowns (Teams personalises at most 60
    viewers, the Playground none), so a ballot that sets one date says nothing about the
    others; only an explicit answer changes a date. The same goes for the place.
    """
    if previous is None:
        return ballot
    return Ballot(
        ballot.member,
        {**previous.answers, **ballot.answers},
        ballot.place if ballot.place is not None else previous.place,
    )


def tally(ballots: Iterable[Ballot], dates: Sequence[date]) -> list[DateTally]:
    """Counts per date in the poll's order; each member counts once (their latest ballot)."""
    latest = {ballot.member: ballot for ballot in ballots}
    result = []
    for day in dates:
        answers = Counter(b.answers.get(day) for b in latest.values())
        yes_voters = tuple(
            sorted(m for m, b in latest.items() if b.answers.get(day) is Answer.YES)
        )
        result.append(
            DateTally(
                day, answers[Answer.YES], answers[Answer.MAYBE], answers[Answer.NO], yes_voters
            )
        )
    return result


def decide(
    ballots: Iterable[Ballot], dates: Sequence[date], places: Sequence[str] = ()
) -> Outcome:
    """Winner by the documented tie-break (see module docstring)."""
    latest = {ballot.member: ballot for ballot in ballots}
    counts = [t for t in tally(latest.values(), dates) if t.yes + t.maybe > 0]
    if not counts:
        return Outcome(None, None, ())
    best = min(counts, key=lambda t: (-t.yes, -(t.yes + t.maybe), t.day))
    preferences = Counter(latest[m].place for m in best.yes_voters if latest[m].place in places)
    place = None
    if places:
        place = min(places, key=lambda p: (-preferences.get(p, 0), places.index(p)))
    return Outcome(best.day, place, best.yes_voters)
