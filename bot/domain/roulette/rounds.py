"""The roulette's scheduled work: a round pairs everyone who takes part, each group's free
time is read once, and every message is its own job with a dedup key (several replicas send
each exactly once; a person Teams cannot reach yet is retried with backoff)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from bot.domain.business_hours import Interval
from bot.domain.graph_types import CalendarRefusedError
from bot.domain.roulette.matching import Candidate, History, match
from bot.domain.roulette.model import Group, RoundStats
from bot.domain.roulette.schedule import is_start, next_start, round_at, round_start
from bot.domain.roulette.service import (
    FOLLOW_UP_JOB,
    INTRO_JOB,
    PLAN_JOB,
    ROUND_JOB,
    UNMATCHED_JOB,
    RouletteService,
)
from bot.domain.roulette.slots import common_slots, search_window

# Graph statuses that leave a person free for a coffee (compared in lower case: Graph writes
# "workingElsewhere").
FREE = {"free", "workingelsewhere", "unknown"}
# Attempts at reading the group's free/busy before it is introduced without a suggestion:
# a lasting Graph failure (no permission, an outage) must not hold the introduction back
# until the job gives up silently.
PLAN_TRIES = 3


def round_key(at: datetime) -> str:
    """The round job's dedup key: the start alone, so one start holds one round job. The number
    stays out of it: after a round that failed for good (never stored), a restarting replica
    counts from the last round held and would plan the start the failed run already planned
    under the next number; two jobs at one start could run at once on two replicas and pair
    everyone twice. A restart with another interval plans the new schedule's start, which is
    another key (the job waiting at the old start then finds itself off the schedule)."""
    return f"{ROUND_JOB}@{at.astimezone(UTC).isoformat()}"


@dataclass
class RouletteRounds:
    """Runs rounds and sends what they bring, one job per group and per message."""

    service: RouletteService

    async def plan_next(self, after: int | None = None) -> None:
        """Plan the next round at the schedule's next start, once across replicas (the dedup
        key is the start). The number counts the rounds held: one more than the newest
        stored round (or than ``after``, the round now running), never derived from the
        interval, so that a changed ROULETTE_INTERVAL_WEEKS neither reuses a stored number
        (its run would only re-plan old groups) nor skips numbers. Before the first round the
        schedule's index gives it, as it did before."""
        s = self.service
        weeks, zone, now = s.policy.interval_weeks, s.calendar.zone, s.clock.now()
        latest = await s.repo.latest_round()
        last = latest.round_no if latest is not None else round_at(now, weeks, zone)
        number = max(last, last if after is None else after) + 1
        due = next_start(now, weeks, zone)
        payload = {"round_no": number, "at": due.isoformat()}
        await s.jobs.schedule(ROUND_JOB, payload, due, round_key(due))

    async def run_round(self, round_no: int, at: datetime | None = None) -> RoundStats | None:
        """Job: pair the participants for the start ``at`` and plan each group's introduction;
        a repeated run of the same round (a retry after a crash) re-plans the stored groups,
        never new ones. None, doing nothing, for a job that is not this schedule's round: one
        planned under another interval (the restart with the new setting planned the round at
        the new schedule's start), or a second job for a start whose round was held."""
        s = self.service
        weeks, zone = s.policy.interval_weeks, s.calendar.zone
        # Jobs planned before the start was in their payload had the schedule's index.
        start = at or round_start(round_no, weeks, zone)
        stored = await s.repo.get_round(round_no)
        if stored is not None and stored.started_at < start:
            # Its number was held at an earlier start: the interval changed after this job
            # was planned, and the new schedule's plan for this start found the start's key
            # taken. The start counts, not the number: it holds the next one.
            latest = await s.repo.latest_round()
            if latest is not None and latest.started_at >= start:
                return None  # this start's round was held already
            round_no = (latest or stored).round_no + 1
            stored = await s.repo.get_round(round_no)
        if stored is None:
            if start > s.clock.now() or not is_start(start, weeks, zone):
                await self.plan_next()  # from another interval: keep the new schedule going
                return None
            latest = await s.repo.latest_round()
            if latest is not None and latest.started_at >= start:
                return None  # another job (another number) held this start's round
        # First: a round that fails for good must not end the roulette.
        await self.plan_next(after=round_no)
        everyone = await s.repo.participants()
        gone = await s.forget_departed([p.user_key for p in everyone])
        people = [p for p in everyone if p.active and p.user_key not in gone]
        # The rounds actually held, however their numbers or the interval changed.
        earlier = await s.repo.recent_groups(round_no, s.policy.window_rounds)
        thirds = Counter(k for g in earlier if len(g.members) == 3 for k in g.members)
        matching = match(
            [Candidate(p.user_key, frozenset(p.formats), p.scope, p.department, p.site)
             for p in people],
            History([g.members for g in earlier], dict(thirds)),
            round_no,
        )  # fmt: skip
        by_key = {p.user_key: p for p in people}
        drafts = [
            Group(0, round_no, members, tuple(by_key[k].name for k in members), formats,
                  tenant_id=by_key[members[0]].tenant_id)
            for members, formats in zip(matching.groups, matching.formats, strict=True)
        ]  # fmt: skip
        stats = RoundStats(round_no, s.clock.now(), len(people), len(drafts))
        created, groups = await s.repo.start_round(stats, drafts)
        # A retry (the first run failed after storing the round) re-plans the stored groups;
        # whoever opted in (or changed their settings) after that draw was not in it and is
        # not told they were left out of it.
        drawn = stats if created else await s.repo.get_round(round_no) or stats
        for group in groups:
            key = f"{PLAN_JOB}:{group.id}"
            await s.jobs.schedule(PLAN_JOB, {"group_id": group.id}, s.clock.now(), key)
        # Whoever the draw left out hears it, instead of waiting for an introduction.
        grouped = {key for group in groups for key in group.members}
        for person in people:
            late = person.updated_at is not None and person.updated_at > drawn.started_at
            if person.user_key not in grouped and not late:
                payload = {"round_no": round_no, "to": person.user_key}
                key = f"{UNMATCHED_JOB}:{round_no}:{person.user_key}"
                await s.jobs.schedule(UNMATCHED_JOB, payload, s.clock.now(), key)
        return await s.repo.get_round(round_no) or stats

    async def plan_group(self, group_id: int, attempt: int = PLAN_TRIES) -> None:
        """Job: one getSchedule for the group, the common free times stored, then one
        introduction job and one follow-up job per member. When the free/busy cannot be read
        (refused, or still failing at the ``PLAN_TRIES``-th attempt) or a mailbox's schedule
        came back with an error, the group is planned without a suggestion: the members are
        introduced all the same and agree on a time in their chat."""
        s = self.service
        group = await s.repo.get_group(group_id)
        if group is None:
            return  # erased meanwhile
        if not group.planned:
            try:
                busy = await self._busy(group)
            except CalendarRefusedError:
                busy = None  # trying again changes nothing
            except Exception:
                if attempt < PLAN_TRIES:
                    raise  # throttling or a short outage: the job runner retries
                busy = None
            slots = (
                ()
                if busy is None
                else common_slots(s.calendar, s.clock.now(), group.formats, busy)
            )
            planned = replace(group, slots=slots, planned=True, version=group.version + 1)
            if not await s.repo.save_group(planned):
                return  # another run planned it meanwhile and planned the messages too
            group = planned
        follow_up = self.follow_up_due(group)
        for member in group.members:
            payload = {"group_id": group.id, "to": member}
            await s.jobs.schedule(
                INTRO_JOB, payload, s.clock.now(), f"{INTRO_JOB}:{group.id}:{member}"
            )
            await s.jobs.schedule(
                FOLLOW_UP_JOB, payload, follow_up, f"{FOLLOW_UP_JOB}:{group.id}:{member}"
            )

    def follow_up_due(self, group: Group) -> datetime:
        """When to ask "Haben Sie sich getroffen?": ``follow_up_after`` after the planning,
        but never before the suggested meeting is over (suggestions reach two weeks ahead)."""
        s = self.service
        due = s.clock.now() + s.policy.follow_up_after
        after = self._after_meeting(group)
        return max(due, after) if after is not None else due

    def _after_meeting(self, group: Group) -> datetime | None:
        """One business day after the suggested meeting's end (same time), or None."""
        slot, calendar = group.slot, self.service.calendar
        if slot is None:
            return None
        end = slot.end.astimezone(calendar.zone)
        day = end.date() + timedelta(days=1)
        while not calendar.is_open_day(day):
            day += timedelta(days=1)
        return datetime.combine(day, end.time(), calendar.zone).astimezone(UTC)

    async def _busy(self, group: Group) -> list[Interval] | None:
        """Everyone's busy times in the search window, from one getSchedule call; None when
        a member's free/busy is unknown (their schedule came back with an error): nobody can
        then be said to be free."""
        s = self.service
        mails = [m for m in await s.mails(group) if m]
        if not mails:
            return []
        start, end = search_window(s.calendar, s.clock.now())
        schedules = await s.free_busy.get_schedules(mails, start, end, mails[0])
        if any(schedule.error for schedule in schedules):
            return None
        return [
            (b.start, b.end)
            for schedule in schedules
            for b in schedule.busy
            if b.status.lower() not in FREE
        ]

    async def introduce(self, group_id: int, to: str) -> None:
        """Job: the introduction to one member, in their own language."""
        s = self.service
        group = await s.repo.get_group(group_id)
        if group is None or to not in group.members or group.dissolved:
            return  # erased (the group, or the only other member): nobody to introduce
        if await s.forget_departed([to]):
            return  # left since the round: the others are introduced all the same
        lang = await s.languages.language_of(to)
        card = s.views.intro_card(group, to, await s.mails(group), lang)
        await s.deliver(to, card, group.tenant_id)

    async def suggest(self, group_id: int, index: int, to: str) -> None:
        """Job: another member asked for another time; tell ``to`` unless it moved on."""
        s = self.service
        group = await s.repo.get_group(group_id)
        if group is None or to not in group.members or group.slot_index != index:
            return  # erased meanwhile (they are no member any more), or moved on
        if await s.forget_departed([to]):
            return
        lang = await s.languages.language_of(to)
        card = s.views.suggestion_card(group, to, await s.mails(group), lang)
        await s.deliver(to, card, group.tenant_id)

    async def tell_unmatched(self, to: str) -> None:
        """Job: nobody fitted ``to`` this round (preferences, site, too few taking part)."""
        s = self.service
        participant = await s.repo.get_participant(to)
        if participant is None or not participant.active or await s.forget_departed([to]):
            return  # left or paused meanwhile: nothing to say
        lang = await s.languages.language_of(to)
        await s.deliver(to, s.views.unmatched_card(lang), participant.tenant_id)

    async def follow_up(self, group_id: int, to: str) -> None:
        """Job: "Haben Sie sich getroffen?" a week later, to members still taking part."""
        s = self.service
        group = await s.repo.get_group(group_id)
        if group is None or to not in group.members or group.dissolved:
            return  # erased, or the only other member erased their data: no meeting to ask of
        if await s.repo.get_participant(to) is None or await s.forget_departed([to]):
            return  # left the roulette (or the network): no further messages
        due = self._after_meeting(group)
        if due is not None and due > s.clock.now():
            # "Anderer Vorschlag" moved the meeting after this job's time: ask after it. One
            # job per suggestion, so however often it moved, one question is sent.
            payload = {"group_id": group.id, "to": to}
            key = f"{FOLLOW_UP_JOB}:{group.id}:{to}:{group.slot_index}"
            await s.jobs.schedule(FOLLOW_UP_JOB, payload, due, key)
            return
        lang = await s.languages.language_of(to)
        await s.deliver(to, s.views.follow_up_card(group, lang), group.tenant_id)
