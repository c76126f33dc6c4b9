"""Application service of the Stammtisch: start polls, take votes, keep the card current.

Votes are upserts that the repository checks against the poll's state in one transaction, so
concurrent clicks leave an exact tally and nothing counts after the close. The shared card is
not updated per vote (Teams throttles updates to about 7 per second per conversation) but by a
job per short interval that renders the tally as it is when the job runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from bot.domain.business_hours import BusinessCalendar
from bot.domain.ports import Clock, JobQueue, Notifier, RecipientLanguages
from bot.domain.stammtisch import monthly, schedule
from bot.domain.stammtisch.model import Poll, PollError, Rule, Vote
from bot.domain.stammtisch.monthly import MONTHLY_JOB as MONTHLY_JOB  # re-exported
from bot.domain.stammtisch.poll import Answer, Ballot, candidate_dates, validate_ballot
from bot.domain.stammtisch.ports import (
    Invitations,
    PollMembers,
    StammtischRepository,
    TeamRoster,
)
from bot.domain.stammtisch.views import PollViews

CARD_JOB = "stammtisch.card"
CLOSE_JOB = "stammtisch.close"
REMIND_JOB = "stammtisch.remind"
DIRECT_JOB = "stammtisch.direct"
INVITE_JOB = "stammtisch.invite"
DAY_BEFORE_JOB = "stammtisch.day_before"
UNINVITE_JOB = "stammtisch.uninvite"
CARD_ORPHANED_AFTER = timedelta(minutes=2)


@dataclass(frozen=True, slots=True)
class StammtischPolicy:
    """Deployment settings of the Stammtisch."""

    organisers: frozenset[str] = frozenset()  # empty: whoever starts a poll organises it
    blackout: frozenset[date] = frozenset()  # e.g. school holidays
    reminder_lead: timedelta = timedelta(hours=24)
    card_interval: timedelta = timedelta(seconds=2)
    day_before_at: time = time(9, 0)
    extend_by: timedelta = timedelta(days=2)


@dataclass(frozen=True, slots=True)
class Voter:
    """Who clicked: Entra id, display name, Teams id."""

    key: str
    name: str
    teams_id: str


@dataclass
class StammtischService:
    """Starts polls, records votes and drives the card; closing lives in lifecycle.py."""

    repo: StammtischRepository
    roster: TeamRoster
    notifier: Notifier
    invitations: Invitations
    jobs: JobQueue
    clock: Clock
    calendar: BusinessCalendar
    views: PollViews
    members: PollMembers
    languages: RecipientLanguages
    policy: StammtischPolicy = field(default_factory=StammtischPolicy)
    # poll id -> the last update interval this process planned a card update for; saves a
    # database round trip per vote (the dedup key keeps replicas to one job per interval).
    _planned: dict[int, int] = field(default_factory=dict, repr=False)

    async def check_access(self, poll: Poll, member_key: str, team_key: str) -> None:
        """Only members of the poll's team (or chat), from there, may vote or see it."""
        if team_key != poll.team_key:
            raise PollError("not_member")
        if not await self.members.is_member(poll.team_key, poll.place, member_key):
            raise PollError("not_member")

    def may_organise(self, user_key: str, poll: Poll | None = None) -> bool:
        """Configured organisers, or (none configured) the poll's own organiser."""
        if user_key in self.policy.organisers:
            return True
        if poll is not None and user_key == poll.organiser_key:
            return True
        return not self.policy.organisers and poll is None

    async def save_rule(self, rule: Rule) -> datetime:
        """Store the monthly rule and plan its next posting; returns when that is."""
        return await monthly.save_rule(self, rule)

    async def passed_posting(self, rule: Rule) -> tuple[date, datetime] | None:
        """The month left out because the rule's date this month has passed (monthly.py)."""
        return await monthly.passed_posting(self, rule)

    async def schedule_monthly(self, team_key: str, month: date, due: datetime) -> None:
        """Plan the rule's posting for ``month`` on ``due`` (once per team, month and date)."""
        await monthly.schedule_monthly(self, team_key, month, due)

    async def run_monthly(
        self, team_key: str, period: str, planned: datetime | None = None
    ) -> None:
        """Job: post the month's poll if the rule still posts on ``planned`` (monthly.py)."""
        await monthly.run_monthly(self, team_key, period, planned)

    async def announce_skipped(self, team_key: str, period: str) -> None:
        """Job: the note that a month has no poll (monthly.py)."""
        await monthly.announce_skipped(self, team_key, period)

    async def start(
        self, rule: Rule, month: date | None = None, votes_after: datetime | None = None
    ) -> tuple[Poll, bool]:
        """Open the poll of ``month`` (default: next month) unless it exists; post its card.
        Votes close on the rule's deadline after now, or after ``votes_after`` if later (the
        rule's own day of a poll posted early for a holiday).

        Safe to repeat: a second call (another replica, a retried job, "stammtisch neu" after
        the automatic poll) finds the stored poll and only posts the card if that is missing.
        """
        now = self.clock.now()
        zone = self.calendar.zone
        month = month or schedule.first_of_next_month(now.astimezone(zone).date())
        deadline = schedule.deadline_after(max(now, votes_after or now), rule, self.calendar)
        dates = candidate_dates(
            month,
            self.calendar,
            rule.candidate_count,
            rule.candidate_weekdays,
            self.policy.blackout,
        )
        dates = [d for d in dates if schedule.local(d, rule.lunch_start, zone) > deadline]
        if not dates:
            raise PollError("no_dates")
        draft = Poll(
            id=0,
            key=f"{rule.team_key}:{schedule.period_of(month)}",
            team_key=rule.team_key,
            place=rule.place,
            month=month,
            dates=tuple(dates),
            places=rule.places,
            lunch_start=rule.lunch_start,
            lunch_end=rule.lunch_end,
            deadline=deadline,
            organiser_key=rule.organiser_key,
            organiser_name=rule.organiser_name,
            tenant_id=rule.tenant_id,
            language=rule.language,
            created_at=now,
        )
        poll, created = await self.repo.add_poll(draft)
        # Only the call that created the poll posts its card; a concurrent "stammtisch neu"
        # on another replica would otherwise post a second one. A creator that died before
        # posting leaves an old poll without card: a later call (the retried job) posts it.
        orphaned = now - poll.created_at > CARD_ORPHANED_AFTER
        if poll.card is None and poll.is_open and (created or orphaned):
            handle = await self.notifier.post_card(poll.place, self.views.poll_card(poll, []))
            await self.repo.record_card(poll.id, handle)
            poll = replace(poll, card=handle)
        await self.plan_deadline(poll)
        return poll, created

    async def plan_deadline(self, poll: Poll) -> None:
        """Schedule the reminder and the close for the poll's current deadline."""
        stamp = poll.deadline.isoformat()
        payload = {"poll_id": poll.id, "deadline": stamp}
        await self.jobs.schedule(
            CLOSE_JOB, payload, poll.deadline, dedup_key=f"{CLOSE_JOB}:{poll.id}:{stamp}"
        )
        remind_at = poll.deadline - self.policy.reminder_lead
        if remind_at > self.clock.now():
            await self.jobs.schedule(
                REMIND_JOB, payload, remind_at, dedup_key=f"{REMIND_JOB}:{poll.id}:{stamp}"
            )

    async def get(self, poll_id: int) -> Poll:
        """The poll, or PollError("unknown")."""
        poll = await self.repo.get_poll(poll_id)
        if poll is None:
            raise PollError("unknown")
        return poll

    async def vote(
        self,
        poll_id: int,
        voter: Voter,
        answers: Mapping[date, Answer],
        place: str | None,
    ) -> tuple[Poll, Vote]:
        """Record a member's ballot, merged into their earlier vote (dates left empty keep
        their answer); refused for closed or unknown polls and for dates or places that are
        not on the poll. Returns the poll and the member's vote as now stored."""
        poll = await self.get(poll_id)
        if not poll.is_open:
            raise PollError("closed")
        try:
            validate_ballot(Ballot(voter.key, answers, place), poll.dates, poll.places)
        except ValueError as error:
            raise PollError("unknown_option") from error
        if not answers and (place is None or await self.repo.vote_of(poll.id, voter.key) is None):
            # Nothing to record; a place alone only amends an earlier vote.
            raise PollError("empty_vote")
        now = self.clock.now()
        ballot = Vote(poll.id, voter.key, voter.name, voter.teams_id, dict(answers), place, now)
        stored = await self.repo.cast(ballot)
        if stored is None:
            raise PollError("closed")  # closed between our read and the vote
        await self.schedule_card_update(poll.id)
        return poll, stored

    async def schedule_card_update(self, poll_id: int) -> None:
        """Ask for a card update at the end of the current interval (one job per interval).

        The job renders the tally when it runs, which is after every vote of its interval
        (the runner claims it at or after its due time, on the same clock).
        """
        now = self.clock.now()
        width = self.policy.card_interval.total_seconds()
        bucket = int(now.timestamp() // width)
        if self._planned.get(poll_id) == bucket:
            return
        due = datetime.fromtimestamp((bucket + 1) * width, tz=now.tzinfo)
        await self.jobs.schedule(
            CARD_JOB, {"poll_id": poll_id}, due, dedup_key=f"{CARD_JOB}:{poll_id}:{bucket}"
        )
        self._planned[poll_id] = bucket

    async def update_card(self, poll_id: int) -> None:
        """Job: render the shared card with the current tally, for everyone."""
        poll = await self.get(poll_id)
        if poll.card is None:
            return
        votes = await self.repo.votes(poll.id)
        await self.notifier.update_card(poll.card, self.views.poll_card(poll, votes))

    async def personal_card(
        self, poll_id: int, member_key: str, note: str | None = None, poll: Poll | None = None
    ) -> dict[str, Any]:
        """The card as one member sees it (their answers preselected); ``poll`` when the
        caller has just loaded it."""
        poll = poll if poll is not None and poll.id == poll_id else await self.get(poll_id)
        votes = await self.repo.votes(poll.id)
        mine = next((v for v in votes if v.member_key == member_key), None)
        return self.views.poll_card(poll, votes, viewer=mine, note=note)
