"""How the Stammtisch presents itself: the card-building port (implemented in cards/)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Protocol

from bot.domain.stammtisch.model import Member, Poll, Rule, Vote


class PollViews(Protocol):
    """Builds the Stammtisch cards."""

    def poll_card(
        self,
        poll: Poll,
        votes: Sequence[Vote],
        viewer: Vote | None = None,
        note: str | None = None,
    ) -> dict[str, Any]:
        """The poll; ``viewer`` set: that member's own view (their answers preselected)."""
        ...

    def announcement_card(self, poll: Poll, votes: Sequence[Vote]) -> dict[str, Any]:
        """The result posted to the team at close (or that no date was found)."""
        ...

    def reminder_card(self, poll: Poll, lang: str) -> dict[str, Any]:
        """The DM to a member who has not voted yet, in their language ``lang``."""
        ...

    def reminder_mention(self, poll: Poll) -> str:
        """The reminder in the poll's thread for a member the bot cannot DM ({person})."""
        ...

    def day_before_card(self, poll: Poll, lang: str) -> dict[str, Any]:
        """The DM to a yes-voter the day before, in their language ``lang``."""
        ...

    def invitation_refused_card(
        self, poll: Poll, yes_names: Sequence[str], lang: str
    ) -> dict[str, Any]:
        """The DM to the organiser that Graph refused the invitation for good, naming the
        yes-voters to invite by hand, in their language ``lang``."""
        ...

    def uninvite_refused_card(self, poll: Poll, lang: str) -> dict[str, Any]:
        """The DM to the organiser that Graph refused to cancel the invitation of a called-off
        Stammtisch for good: cancel it in Outlook, in their language ``lang``."""
        ...

    def cancelled_card(self, poll: Poll) -> dict[str, Any]:
        """The notice that the organiser called the Stammtisch off."""
        ...

    def skipped_card(self, rule: Rule, month: date, next_posting: datetime) -> dict[str, Any]:
        """The note that ``month`` has no poll (no possible date) and when the next appears."""
        ...

    def invitation(self, poll: Poll) -> tuple[str, str]:
        """Subject and body of the calendar invitation to the yes-voters."""
        ...

    def invitation_cancelled(self, poll: Poll) -> str:
        """The comment sent with the cancellation of the invitation."""
        ...

    def export_card(
        self, poll: Poll, votes: Sequence[Vote], non_voters: Sequence[Member], start: int = 0
    ) -> dict[str, Any]:
        """Every member's answers from vote ``start`` on, as many as fit in one message, and
        who has not voted (organisers only)."""
        ...

    def rule_card(self, rule: Rule | None, lang: str, note: str | None = None) -> dict[str, Any]:
        """The organiser's form for the monthly rule."""
        ...
