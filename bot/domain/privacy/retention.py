"""How long each kind of personal data is kept: the configured days and the resulting cutoffs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta


@dataclass(frozen=True, slots=True)
class Cutoffs:
    """Data older than these instants is expired (see ``Retention.cutoffs``)."""

    questions: datetime  # answered before this (never answered: asked before this)
    votes: date  # votes of polls for months that began before this first of a month
    room_requests: datetime  # requests (with their audit trail) that ended before this
    audit: datetime  # audit entries written before this
    onboardings: datetime  # onboardings (with their pairing) started before this
    jobs: datetime  # scheduled jobs finished before this (pending jobs never expire)
    # Team members removed (or whose team uninstalled the app) before this, and delivery
    # outcomes last checked before this.
    members: datetime


@dataclass(frozen=True, slots=True)
class Retention:
    """Days each kind of data is kept; a daily job removes or anonymises what is older."""

    questions_days: int = 365
    votes_days: int = 90
    room_requests_days: int = 180
    audit_days: int = 365
    onboarding_days: int = 365
    jobs_days: int = 30
    members_days: int = 30

    def __post_init__(self) -> None:
        names = ("questions_days", "votes_days", "room_requests_days", "audit_days",
                 "onboarding_days", "jobs_days", "members_days")  # fmt: skip
        for name in names:
            if getattr(self, name) < 1:
                raise ValueError(f"retention {name} must be at least one day")

    def cutoffs(self, now: datetime) -> Cutoffs:
        """The cutoffs at ``now``; a poll's month ends when the next month begins."""
        votes_day = (now - timedelta(days=self.votes_days)).date()
        return Cutoffs(
            questions=now - timedelta(days=self.questions_days),
            # A month ended at least votes_days ago iff it began before the first of the
            # month that contains (now - votes_days).
            votes=votes_day.replace(day=1),
            room_requests=now - timedelta(days=self.room_requests_days),
            audit=now - timedelta(days=self.audit_days),
            onboardings=now - timedelta(days=self.onboarding_days),
            jobs=now - timedelta(days=self.jobs_days),
            members=now - timedelta(days=self.members_days),
        )
