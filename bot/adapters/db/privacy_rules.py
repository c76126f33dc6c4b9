"""Erasure rules per table: the new values of one row, or None to delete it.

Semantics: see ``bot.adapters.db.privacy``. Each rule gets the row as stored and returns it
changed; ``privacy_erase`` finds the rows and writes the changes in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.adapters.db.privacy_rows import Row
from bot.domain.onboarding.model import OnboardingState
from bot.domain.privacy.identity import ERASED_NAME, Traces, new_pseudonym
from bot.domain.rooms.model import OPEN_STATES as OPEN_REQUESTS
from bot.domain.rooms.model import RequestState
from bot.domain.rooms.service import REMIND_JOB as ROOM_REMIND_JOB
from bot.domain.routing.questions import OPEN_STATES as OPEN_QUESTIONS
from bot.domain.routing.questions import QuestionState
from bot.domain.routing.service import ESCALATE_JOB
from bot.domain.stammtisch.model import PollState
from bot.domain.urgent.model import OPEN_STATES as URGENT_OPEN
from bot.domain.urgent.model import CallState

_OPEN_ONBOARDING = (OnboardingState.PAIRED, OnboardingState.UNPAIRED)


@dataclass
class Erasure:
    """The rules of one erasure, with what they learn on the way (pseudonyms, versions)."""

    traces: Traces
    now: datetime
    poll_states: dict[int, str] = field(default_factory=dict)
    own_requests: set[int] = field(default_factory=set)
    request_alias: dict[int, str] = field(default_factory=dict)
    # (job kind, record id, old version, new version, new due time or None): jobs that run
    # only on a given version
    carried: list[tuple[str, int, int, int, datetime | None]] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The Entra object id of the person being erased."""
        return self.traces.identity.key

    def scrubbed(self, row: Row, alias: str) -> Row:
        """Every column of ``row`` with the person replaced by ``alias``."""
        return {name: self.traces.scrub(value, alias) for name, value in row.items()}

    def without_mentions(self, handles: dict[str, Any]) -> dict[str, Any]:
        """Message handles without those keyed by the person (their DM cards: dropped)."""
        return {k: v for k, v in handles.items() if not self.traces.mentioned_in(k)}

    def reference(self, row: Row) -> Row | None:
        """conversation_references: the person's are deleted."""
        return None if row["user_key"] == self.key else self.scrubbed(row, new_pseudonym())

    def ledger(self, row: Row) -> Row | None:
        """processed_activities: ids naming their chat or Teams id are deleted."""
        return None

    def team_member(self, row: Row) -> Row | None:
        """team_members: their memberships are deleted (the next roster read of a team they
        are still in stores them again: the bot must be able to reach its members)."""
        if row["user_key"] == self.key or row["teams_id"] in self.traces.identity.ids:
            return None
        return self.scrubbed(row, new_pseudonym())

    def reach(self, row: Row) -> Row | None:
        """member_reach: their last delivery outcome is deleted."""
        return None if row["user_key"] == self.key else self.scrubbed(row, new_pseudonym())

    def expert(self, row: Row) -> Row | None:
        """experts: their profile is deleted, a deputy that was them cleared."""
        if row["user_key"] == self.key:
            return None
        deputy = None if row["deputy_key"] == self.key else row["deputy_key"]
        return {**self.scrubbed(row, new_pseudonym()), "deputy_key": deputy}

    def question(self, row: Row) -> Row:
        """questions: asked, named, taken or answered by them."""
        alias, new = new_pseudonym(), dict(row)
        if row["state"] == QuestionState.TAKEN and row["owner_key"] == self.key:
            new.update(state=QuestionState.UNASSIGNED.value, owner_key=None)
        if row["asker_key"] == self.key:
            new.update(asker_key=alias, asker_name=ERASED_NAME)
            if new["state"] in OPEN_QUESTIONS:
                new.update(state=QuestionState.WITHDRAWN.value, escalate_at=None)
            if new["state"] != QuestionState.ANSWERED:
                new["text"] = ""  # only answered questions are kept, as knowledge
        named = [e.get("expert_key") == self.key for e in row["candidates"]]
        new["candidates"] = [
            {**e, "expert_key": alias, "name": ERASED_NAME, "department": "", "location": "",
             "erased": True} if theirs else e
            for e, theirs in zip(row["candidates"], named, strict=True)
        ]  # fmt: skip
        new["expert_cards"] = self.without_mentions(row["expert_cards"])
        # Waiting for their reaction: the next expert is asked now, not at the old deadline.
        due = None
        if new["state"] == QuestionState.ASKED and named[row["current_index"]]:
            new["escalate_at"] = due = self.now
        self.carried.append((ESCALATE_JOB, row["id"], row["version"], row["version"] + 1, due))
        return {**self.scrubbed(new, alias), "version": row["version"] + 1}

    def decision(self, row: Row) -> Row | None:
        """routing_decisions: what the ranking learnt about them (declined, forwarded to
        them) is deleted; others' decisions on their questions hold nothing of them."""
        return None if row["expert_key"] == self.key else self.scrubbed(row, new_pseudonym())

    def stammtisch(self, row: Row) -> Row:
        """stammtisch_rules and stammtisch_polls: organised by them."""
        alias = new_pseudonym()
        new = self.scrubbed(row, alias)
        if row["organiser_key"] == self.key:
            new.update(organiser_key=alias, organiser_name=ERASED_NAME)
            if "active" in row:  # a rule: no more polls in the name of a deleted person
                new["active"] = False
        if "version" in row:  # a poll
            new["version"] = row["version"] + 1
        return new

    def vote(self, row: Row) -> Row | None:
        """stammtisch_votes: kept anonymously on closed polls, deleted on open ones."""
        if (
            row["member_key"] == self.key
            and self.poll_states.get(row["poll_id"]) == PollState.OPEN
        ):
            return None  # the poll still runs: a kept vote would count twice if they vote again
        new = self.scrubbed(row, new_pseudonym())
        if row["member_key"] == self.key:
            new.update(member_name=ERASED_NAME, teams_id="")
        return new

    def request(self, row: Row) -> Row:
        """room_requests: requested, to be approved or decided by them."""
        alias = self.request_alias.setdefault(row["id"], new_pseudonym())
        new = {**row, "cards": self.without_mentions(row["cards"])}
        if row["requester_key"] == self.key:
            self.own_requests.add(row["id"])
            new.update(requester_key=alias, requester_name=ERASED_NAME, text="", reason="")
            if row["state"] in OPEN_REQUESTS:
                new["state"] = RequestState.CANCELLED.value
        self.carried.append((ROOM_REMIND_JOB, row["id"], row["version"], row["version"] + 1, None))
        return {**self.scrubbed(new, alias), "version": row["version"] + 1}

    def audit(self, row: Row) -> Row:
        """room_audit: entries by them, with the pseudonym of their request."""
        new = self.scrubbed(row, self.request_alias.setdefault(row["request_id"], new_pseudonym()))
        if row["request_id"] in self.own_requests and row["action"] == "requested":
            new["detail"] = ""  # the request's free text
        return new

    def job(self, row: Row) -> Row:
        """scheduled_jobs: naming them; pending ones are cancelled."""
        new = self.scrubbed(row, new_pseudonym())
        if row["done_at"] is None:  # pending work for or about the person is cancelled
            new.update(done_at=self.now, locked_until=None)
        return new

    def onboarding(self, row: Row) -> Row:
        """onboardings: as newcomer or as buddy."""
        alias, new = new_pseudonym(), dict(row)
        if row["newcomer_key"] == self.key:
            new.update(newcomer_key=alias, newcomer_name=ERASED_NAME)
            if row["state"] in _OPEN_ONBOARDING:
                new["state"] = OnboardingState.OPTED_OUT.value
        if row["buddy_key"] == self.key:
            new.update(buddy_key=None, buddy_name="")
            if new["state"] == OnboardingState.PAIRED:  # an admin can pick a new buddy
                new["state"] = OnboardingState.UNPAIRED.value
        return {**self.scrubbed(new, alias), "version": row["version"] + 1}

    def volunteer(self, row: Row) -> Row | None:
        """buddy_volunteers: their profile is deleted."""
        return None if row["user_key"] == self.key else self.scrubbed(row, new_pseudonym())

    def birthday_profile(self, row: Row) -> Row | None:
        """birthday_profiles: their opt-ins are deleted."""
        return None if row["user_key"] == self.key else self.scrubbed(row, new_pseudonym())

    def birthday_follow(self, row: Row) -> Row | None:
        """birthday_follows: relations in both directions are deleted."""
        return None

    def roulette_participant(self, row: Row) -> Row | None:
        """roulette_participants: their opt-in and preferences are deleted."""
        return None if row["user_key"] == self.key else self.scrubbed(row, new_pseudonym())

    def roulette_group(self, row: Row) -> Row:
        """roulette_groups: they leave the group, which stays for the others (their
        introduction's buttons, no repeat of their pairing): no suggestion, follow-up or
        delivery attempt goes to a stand-in of them, and nobody is shown "gelöschte Person"."""
        kept = [i for i, key in enumerate(row["members"]) if key != self.key]
        names = row["names"]
        new = {**row, "members": [row["members"][i] for i in kept],
               "names": [names[i] for i in kept if i < len(names)],
               "answered": [k for k in row.get("answered") or () if k != self.key]}  # fmt: skip
        return {**self.scrubbed(new, new_pseudonym()), "version": row["version"] + 1}

    def urgent_call(self, row: Row) -> Row:
        """urgent_calls: asked by them (an open one is cancelled), or naming them."""
        new = {**row, "cards": self.without_mentions(row["cards"])}
        if row["asker_key"] == self.key:
            new.update(asker_name=ERASED_NAME)
            if row["state"] in {s.value for s in URGENT_OPEN}:
                new["state"] = CallState.CANCELLED.value
        return {**self.scrubbed(new, new_pseudonym()), "version": row["version"] + 1}

    def urgent_audit(self, row: Row) -> Row:
        """urgent_audit: entries by them, pseudonymised."""
        return self.scrubbed(row, new_pseudonym())

    def group_member(self, row: Row) -> Row:
        """onboarding_group_members: kept as a suppression marker."""
        # Without it the next group poll would see the person as new and welcome them (and
        # pick a buddy) again.
        return row
