"""Application service of the urgent call: understand the request, read everyone's free/busy
with one getSchedule call, offer common slots or find whose time must be freed.

What happens after (the assistants' answers, booking, cancelling) lives in decisions.py."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from bot.domain.business_hours import BusinessCalendar
from bot.domain.graph_types import Person
from bot.domain.ports import (
    ActivityLedger,
    Clock,
    Directory,
    JobQueue,
    Notifier,
    RecipientLanguages,
    RoomCalendar,
)
from bot.domain.urgent import slots as slot_rules
from bot.domain.urgent.model import (
    Ask,
    AuditEntry,
    CallState,
    Participant,
    Slot,
    UrgentCall,
    UrgentError,
)
from bot.domain.urgent.parse import UrgentParse
from bot.domain.urgent.people import Ambiguous, resolve
from bot.domain.urgent.ports import UrgentCallRepository, UrgentViews

ASK_JOB = "urgent.ask_assistant"  # an assistant's card whose inline send failed
BOOK_JOB = "urgent.book"  # a booking that failed at Graph
EXPIRE_JOB = "urgent.expire"  # at the end of the last offered slot: the cards say so
LOOK_JOB = "urgent.look_again"  # a given-up booking's meeting, looked for again by its id
ASKER_CARD = "asker"
# Graph statuses that leave a person available for an urgent call (lower case: Graph writes
# "workingElsewhere"). Home office or another site is no meeting: a Teams call fits, as for
# the coffee roulette. "unknown" counts as free too, as there: Graph reports it for items
# without a status, which hold no meeting anyone accepted; the invitee can still decline.
# (Room booking keeps its own stricter reading of the same schedules.)
AVAILABLE = frozenset({"free", "workingelsewhere", "unknown"})


@dataclass(frozen=True, slots=True)
class Asker:
    """Who asks (an assistant, usually) and where their card goes."""

    key: str
    name: str
    tenant_id: str | None


@dataclass
class UrgentService:
    """Starts urgent calls; the ports are shared with ``UrgentDecisions``."""

    calls: UrgentCallRepository
    directory: Directory
    calendar: RoomCalendar
    notifier: Notifier
    jobs: JobQueue
    clock: Clock
    hours: BusinessCalendar
    languages: RecipientLanguages
    views: UrgentViews
    # Remembers the submits that started a call (Teams re-delivers, people double-click).
    ledger: ActivityLedger | None = None

    async def get(self, call_id: int) -> UrgentCall:
        """A stored call; refused when unknown."""
        call = await self.calls.get(call_id)
        if call is None:
            raise UrgentError("unknown_call")
        return call

    async def audit(self, call: UrgentCall, actor: str, action: str, detail: str = "") -> None:
        """One line in the audit trail."""
        await self.calls.add_audit(AuditEntry(call.id, self.clock.now(), actor, action, detail))

    async def start(
        self,
        asker: Asker,
        parsed: UrgentParse,
        picks: Mapping[str, str],
        once: str | None = None,
    ) -> UrgentCall | Ambiguous:
        """Check the request, read free/busy once, store the call with its offers (or the
        assistants to ask); nothing is sent to anyone here. Raises ``UrgentError``; with
        ``once`` (the submit's key) "resubmitted" when that submit started a call before."""
        if once is None or self.ledger is None:
            return await self._start(asker, parsed, picks)
        if not await self.ledger.claim(once, self.clock.now()):
            raise UrgentError("resubmitted")
        try:
            started = await self._start(asker, parsed, picks)
        except BaseException:
            await self.ledger.release(once)  # no call: a corrected or retried submit may
            raise
        if isinstance(started, Ambiguous):
            await self.ledger.release(once)
        return started

    async def _start(
        self, asker: Asker, parsed: UrgentParse, picks: Mapping[str, str]
    ) -> UrgentCall | Ambiguous:
        if parsed.problems:
            raise UrgentError(parsed.problems[0])
        assert parsed.minutes is not None
        now = self.clock.now()
        spans, fallback = slot_rules.windows(
            self.hours, now, parsed.days_ahead, parsed.until, parsed.minutes, parsed.on_day
        )
        named = await resolve(self.directory, parsed.names, picks)
        if isinstance(named, Ambiguous):
            return named
        me = await self.directory.get_person(asker.key)
        if me is None:
            raise UrgentError("no_user")
        executive = await self.directory.get_manager(asker.key) or me
        people = _participants(executive, named)
        duration = timedelta(minutes=parsed.minutes)
        busy = await self._busy(people, spans + fallback, me.mail)
        window = Slot(spans[0].start, spans[-1].end)
        call = UrgentCall(
            id=0, asker_key=asker.key, asker_name=asker.name[:200], tenant_id=asker.tenant_id,
            organiser=me.mail, on_behalf_key=executive.id, on_behalf_name=executive.display_name,
            participants=people, minutes=parsed.minutes, window=window, created_at=now,
        )  # fmt: skip
        offers = slot_rules.common_slots(busy, spans, duration)
        if offers:
            call = _with(call, state=CallState.OFFERED, slots=tuple(offers))
        else:
            call = await self._asking(call, busy, spans, fallback, duration)
        stored = await self.calls.add(call)
        await self.audit(stored, asker.key, "requested", ", ".join(p.mail for p in people))
        # Planned before any card goes out: an unanswered call does not stay open for ever.
        ends = max([stored.window.end, *(s.end for s in stored.slots)])
        await self.jobs.schedule(
            EXPIRE_JOB, {"call_id": stored.id}, ends, f"{EXPIRE_JOB}:{stored.id}"
        )
        return stored

    async def _busy(
        self, people: Sequence[Participant], spans: Sequence[Slot], requester: str
    ) -> dict[str, list[Slot]]:
        """Everyone's busy times in one getSchedule call (Graph allows 20 mailboxes)."""
        if len(people) > 20:
            raise UrgentError("too_many")
        start, end = min(s.start for s in spans), max(s.end for s in spans)
        schedules = await self.calendar.get_schedules(
            [p.mail for p in people], start, end, requester
        )
        by_mail = {s.mailbox.lower(): s for s in schedules}
        busy: dict[str, list[Slot]] = {}
        for person in people:
            schedule = by_mail.get(person.mail.lower())
            if schedule is None or schedule.error:
                raise UrgentError("no_calendar", name=person.name)
            busy[person.key] = [
                Slot(b.start, b.end) for b in schedule.busy if b.status.lower() not in AVAILABLE
            ]
        return busy

    async def _asking(
        self,
        call: UrgentCall,
        busy: Mapping[str, Sequence[Slot]],
        spans: Sequence[Slot],
        fallback: Sequence[Slot],
        duration: timedelta,
    ) -> UrgentCall:
        """No common slot: the assistants of whoever is in the way are to be asked."""
        blocked, span = slot_rules.in_the_way(busy, spans, duration)
        asks = []
        for key in blocked:
            if key == call.on_behalf_key != call.asker_key:
                # The asker runs their executive's calendar: they are asked themselves (the
                # executive's other reports are no assistants of this call).
                asks.append(Ask(call.asker_key, call.asker_name, key))
                continue
            for assistant in await self.directory.direct_reports(key):
                if assistant.id != call.asker_key:
                    asks.append(Ask(assistant.id, assistant.display_name[:200], key))
        later = slot_rules.common_slots(busy, fallback, duration)
        if not asks and not later:
            raise UrgentError("no_slot")
        # Every blocked person is kept, also one without an assistant: the proposal needs a
        # "Ja" for each of them, and the card names whom nobody can be asked for.
        people = tuple(replace(p, blocked=p.key in blocked) for p in call.participants)
        return _with(
            call, state=CallState.ASKING, participants=people, asks=tuple(asks),
            ask_window=span, slots=tuple(later),
        )  # fmt: skip

    async def save(self, call: UrgentCall, **changes: Any) -> UrgentCall:
        """Store a change (version + 1); a concurrent change wins and this one is refused."""
        changed = _with(call, **changes, version=call.version + 1)
        if not await self.calls.save(changed):
            raise UrgentError("stale")
        return changed


def _participants(executive: Person, named: Sequence[Person]) -> tuple[Participant, ...]:
    people = [executive, *(p for p in named if p.id != executive.id)]
    return tuple(Participant(p.id, p.display_name, p.mail) for p in people)


def _with(call: UrgentCall, **changes: Any) -> UrgentCall:
    return replace(call, **changes)
