"""The end of a poll: close (by deadline or organiser), extend, call off, and the follow-ups.

Every state change is a version-checked save, so a deadline job and an organiser's click at
the same moment close a poll once. Side effects (announcement, invitation, reminders) are
jobs with dedup keys: each happens once even when a step is retried or runs on two replicas.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from bot.domain.graph_types import CalendarRefusedError
from bot.domain.ports import ActivityLedger
from bot.domain.stammtisch import orphaned, schedule
from bot.domain.stammtisch.model import Member, Poll, PollError, PollState
from bot.domain.stammtisch.poll import decide
from bot.domain.stammtisch.service import (
    DAY_BEFORE_JOB,
    DIRECT_JOB,
    INVITE_JOB,
    UNINVITE_JOB,
    StammtischService,
)

log = logging.getLogger(__name__)


@dataclass
class PollLifecycle:
    """Close, extend, cancel and the scheduled follow-ups of a poll."""

    service: StammtischService
    ledger: ActivityLedger | None = None  # remembers extend clicks (Teams re-delivers)

    async def _organised(self, poll_id: int, user_key: str | None) -> Poll:
        poll = await self.service.get(poll_id)
        if user_key is not None and not self.service.may_organise(user_key, poll):
            raise PollError("not_organiser")
        return poll

    async def close(self, poll_id: int, by: str | None = None) -> Poll:
        """Close now (``by`` an organiser) and decide; a second close is refused."""
        poll = await self._organised(poll_id, by)
        if not poll.is_open:
            raise PollError("closed")
        svc = self.service
        closed = replace(
            poll,
            state=PollState.CLOSED,
            closed_at=svc.clock.now(),
            version=poll.version + 1,
        )
        # Votes are refused from the moment the state is saved; decide on what was stored.
        if not await svc.repo.save_poll(closed):
            raise PollError("closed")
        votes = await svc.repo.votes(poll.id)
        outcome = decide([v.ballot() for v in votes], poll.dates, poll.places)
        decided = replace(
            closed,
            winner_day=outcome.day,
            winner_place=outcome.place,
            version=closed.version + 1,
        )
        if not await svc.repo.save_poll(decided):
            return await svc.get(poll.id)  # called off in between: that decision stands
        await svc.schedule_card_update(poll.id)
        if poll.card is not None:
            await svc.notifier.post_card(
                _thread_of(svc, poll), svc.views.announcement_card(decided, votes)
            )
        if outcome.day is not None:
            await self._plan_after_close(decided)
        return decided

    async def _plan_after_close(self, poll: Poll) -> None:
        svc, now = self.service, self.service.clock.now()
        await svc.jobs.schedule(
            INVITE_JOB, {"poll_id": poll.id}, now, dedup_key=f"{INVITE_JOB}:{poll.id}"
        )
        assert poll.winner_day is not None
        remind_at = schedule.day_before_reminder(
            poll.winner_day, svc.policy.day_before_at, svc.calendar.zone
        )
        await svc.jobs.schedule(
            DAY_BEFORE_JOB,
            {"poll_id": poll.id},
            max(remind_at, now),
            dedup_key=f"{DAY_BEFORE_JOB}:{poll.id}",
        )

    async def close_due(self, poll_id: int, deadline: str) -> None:
        """Job: close at the deadline, unless the poll was closed or extended meanwhile."""
        poll = await self.service.get(poll_id)
        if not poll.is_open or poll.deadline.isoformat() != deadline:
            return
        try:
            if orphaned.unattended(self.service.policy, poll):  # see orphaned.py
                await self._call_off(poll, None)
            else:
                await self.close(poll_id)
        except PollError as error:
            log.info("poll close skipped: %s", error.code)

    async def extend(self, poll_id: int, by: str, click: str = "") -> Poll:
        """Move the deadline by the configured time onto a working day; reminder and close
        follow it. One ``click`` (its activity) extends once: a re-delivery of it gets the
        deadline as it stands. A concurrent other click is refused ("changed")."""
        poll = await self._organised(poll_id, by)
        if not poll.is_open:
            raise PollError("closed")
        svc, key = self.service, f"stammtisch.extend|{poll_id}|{click}"
        once = self.ledger if click else None
        if once is not None and not await once.claim(key, svc.clock.now()):
            return await svc.get(poll_id)
        try:
            start = max(poll.deadline, svc.clock.now())
            deadline = schedule.extended_deadline(start, svc.policy.extend_by, svc.calendar)
            extended = replace(poll, deadline=deadline, version=poll.version + 1)
            if not await svc.repo.save_poll(extended):
                raise PollError("changed")
        except Exception:
            if once is not None:
                await once.release(key)  # nothing was extended: a re-delivery may
            raise
        await svc.plan_deadline(extended)
        await svc.schedule_card_update(poll.id)
        return extended

    async def cancel(self, poll_id: int, by: str) -> Poll:
        """Call the Stammtisch off: the poll ends and a sent invitation is cancelled."""
        poll = await self._organised(poll_id, by)
        if poll.state is PollState.CANCELLED:
            raise PollError("cancelled")
        return await self._call_off(poll, by)

    async def _call_off(self, poll: Poll, by: str | None) -> Poll:
        svc = self.service
        cancelled = replace(poll, state=PollState.CANCELLED, version=poll.version + 1)
        if poll.closed_at is None:
            cancelled = replace(cancelled, closed_at=svc.clock.now())
        if not await svc.repo.save_poll(cancelled):
            raise PollError("changed")
        await svc.jobs.cancel(f"{DAY_BEFORE_JOB}:{poll.id}")
        await svc.jobs.schedule(
            UNINVITE_JOB,
            {"poll_id": poll.id, "by": by},
            svc.clock.now(),
            f"{UNINVITE_JOB}:{poll.id}",
        )
        await svc.schedule_card_update(poll.id)
        await svc.notifier.post_card(_thread_of(svc, poll), svc.views.cancelled_card(cancelled))
        return cancelled

    async def remind_non_voters(self, poll_id: int, deadline: str) -> int:
        """Job: plan one reminder DM per member who has not voted; returns how many."""
        svc = self.service
        poll = await svc.get(poll_id)
        if not poll.is_open or poll.deadline.isoformat() != deadline:
            return 0
        if orphaned.unattended(svc.policy, poll):  # nobody runs it: called off, not reminded
            try:
                await self._call_off(poll, None)
            except PollError as error:
                log.info("poll call-off skipped: %s", error.code)
            return 0
        missing = await self.non_voters(poll)
        for member in missing:
            await svc.jobs.schedule(
                DIRECT_JOB,
                {
                    "poll_id": poll.id,
                    "member_key": member.key,
                    "name": member.name,
                    "kind": "reminder",
                },
                svc.clock.now(),
                dedup_key=f"{DIRECT_JOB}:reminder:{poll.id}:{deadline}:{member.key}",
            )
        return len(missing)

    async def non_voters(self, poll: Poll) -> Sequence[Member]:
        """Members of the poll's team without a vote."""
        voted = {vote.member_key for vote in await self.service.repo.votes(poll.id)}
        members = await self.service.roster.members(poll.place)
        return [m for m in members if m.key and m.key not in voted]

    async def send_direct(self, poll_id: int, member_key: str, kind: str, name: str = "") -> None:
        """Job: one reminder, day-before, "invitation refused" or "cancellation refused" DM
        (skipped when no longer relevant)."""
        svc = self.service
        poll = await svc.get(poll_id)
        if kind == "reminder":
            if not poll.is_open or await svc.repo.vote_of(poll.id, member_key) is not None:
                return
        elif poll.state is not (
            PollState.CANCELLED if kind == "uninvite_refused" else PollState.CLOSED
        ):
            return
        # The DM is the member's own: in their language, not the channel's (the poll's); asked
        # only once the DM is still due (it may cost a Graph call).
        lang = await svc.languages.language_of(member_key)
        if kind == "reminder":
            card = svc.views.reminder_card(poll, lang)
        elif kind == "refused":
            names = await self._yes_names(poll)
            card = svc.views.invitation_refused_card(poll, names, lang)
        elif kind == "uninvite_refused":
            card = svc.views.uninvite_refused_card(poll, lang)
        else:
            card = svc.views.day_before_card(poll, lang)
        if await svc.notifier.send_direct(member_key, card, poll.tenant_id) is not None:
            return
        log.info("stammtisch %s DM not deliverable", kind)
        if kind == "reminder" and name:
            # Never silent: a member the bot cannot DM is reminded in the poll's thread.
            note = svc.views.reminder_mention(poll)
            await svc.notifier.mention_in_thread(_thread_of(svc, poll), member_key, name, note)

    async def day_before(self, poll_id: int) -> None:
        """Job: plan the day-before DM to every yes-voter of the winning date."""
        svc = self.service
        poll = await svc.get(poll_id)
        if poll.state is not PollState.CLOSED or poll.winner_day is None:
            return
        for member_key in await self._yes_voters(poll):
            await svc.jobs.schedule(
                DIRECT_JOB,
                {"poll_id": poll.id, "member_key": member_key, "kind": "day_before"},
                svc.clock.now(),
                dedup_key=f"{DIRECT_JOB}:day_before:{poll.id}:{member_key}",
            )

    async def _yes_voters(self, poll: Poll) -> list[str]:
        votes = await self.service.repo.votes(poll.id)
        outcome = decide([v.ballot() for v in votes], poll.dates, poll.places)
        return list(outcome.yes_voters)

    async def _yes_names(self, poll: Poll) -> list[str]:
        votes = await self.service.repo.votes(poll.id)
        yes = set(decide([v.ballot() for v in votes], poll.dates, poll.places).yes_voters)
        return [v.member_name for v in votes if v.member_key in yes]

    async def invite(self, poll_id: int) -> None:
        """Job: send the calendar invitation to the yes-voters (once; the id is stored)."""
        svc = self.service
        poll = await svc.get(poll_id)
        if poll.state is not PollState.CLOSED or poll.winner_day is None or poll.event_id:
            return
        start, end = schedule.lunch_window(
            poll.winner_day, poll.lunch_start, poll.lunch_end, svc.calendar.zone
        )
        # One event for everyone, so one language: the poll's (the channel's).
        subject, body = svc.views.invitation(poll)
        try:
            event_id = await svc.invitations.invite(
                poll, await self._yes_voters(poll), start, end, subject, body
            )
        except CalendarRefusedError as error:
            # For good (no permission on the sending mailbox, no such mailbox): retrying for
            # hours changes nothing and nobody would hear of it. The job ends here and the
            # organiser (erased: the configured ones) is told once to invite by hand.
            log.warning("stammtisch invitation refused: %s %s", error.status, error.code)
            await orphaned.tell_in_charge(svc, poll, "refused")
            return
        await svc.repo.record_event(poll.id, event_id)

    async def uninvite(self, poll_id: int, by: str | None = None) -> None:
        """Job: cancel the invitation of a called-off Stammtisch (an invitation already gone
        counts as cancelled; a refusal for good is not retried: the organiser who called it
        off, ``by``, is told)."""
        svc = self.service
        poll = await svc.get(poll_id)
        if not poll.event_id:
            return
        try:
            await svc.invitations.cancel(poll, poll.event_id, svc.views.invitation_cancelled(poll))
        except CalendarRefusedError as error:
            # For good (no permission on the sending mailbox): no retry cancels it, so the job
            # ends and who called it off (else the organiser, erased: the configured ones)
            # is told once to cancel it in Outlook.
            log.warning("stammtisch cancellation refused: %s %s", error.status, error.code)
            await orphaned.tell_in_charge(svc, poll, "uninvite_refused", by)

    async def export(self, poll_id: int, by: str, start: int = 0) -> dict[str, Any]:
        """The results table from vote ``start`` on, and the non-voters (organisers only)."""
        poll = await self._organised(poll_id, by)
        votes = await self.service.repo.votes(poll.id)
        missing = await self.non_voters(poll)
        return self.service.views.export_card(poll, votes, missing, start)


def _thread_of(svc: StammtischService, poll: Poll) -> dict[str, Any]:
    """Where follow-ups go: as a reply to the poll card when it is in a channel."""
    if poll.card is None:
        return poll.place
    return svc.notifier.thread_of(poll.card, poll.place)
