"""A booking job given up: the call ends, unless an attempt did create the meeting.

Graph may still create the meeting after the last attempt timed out, and it may be down when
the bot looks: so whatever the look could not settle is looked for again by a job a few
minutes later (by the meeting's transaction id). Until a look settles it the call is
unconfirmed (its cards ask to check the calendar): a card never says "niemand wurde
eingeladen" while the bot itself still expects the meeting may appear. "Absagen" on such a
call looks for the meeting too and cancels it in Graph (``cancel_found``), and so does
"Absagen" while a booking is still being tried (``cancel_booking``)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.domain.graph_types import CalendarEvent, CalendarRefusedError
from bot.domain.urgent import refused
from bot.domain.urgent.model import CallState, UrgentCall
from bot.domain.urgent.service import LOOK_JOB, UrgentService

if TYPE_CHECKING:
    from bot.domain.urgent.decisions import UrgentDecisions

log = logging.getLogger(__name__)
# After the give-up: Graph has usually finished a slow creation within two minutes; the second
# look catches a longer outage. Two looks keep it bounded.
LOOK_AGAIN_AFTER = (timedelta(minutes=2), timedelta(minutes=10))
# Past the slot's end and this margin, a meeting found or not helps nobody any more.
LOOK_UNTIL_AFTER_END = timedelta(minutes=15)
# "Absagen" while Graph cannot be asked whether the meeting exists: one more look, soon.
CANCEL_LOOK_AFTER = timedelta(minutes=2)


def transaction_id(call: UrgentCall) -> str:
    """Graph's transaction id of the call's meeting: a retried booking books once."""
    return f"urgent-call-{call.id}"


async def end_booking(
    decisions: UrgentDecisions, call: UrgentCall, skip: str | None = None
) -> UrgentCall:
    """End a call whose booking stopped being retried: booked with the meeting an attempt
    created; else unconfirmed while a look is planned (or Graph could not be asked at all),
    expired when Graph shows no meeting and the slot leaves no time to look again."""
    # An attempt may have created the meeting and then lost Graph's answer or the save.
    # Its invitations went out and it stands in every calendar with its Teams link, so
    # the call counts as booked (the asker can still cancel it from the card); expiring
    # would say "niemand wurde eingeladen", and cancelling would mail everyone again and
    # leave the asker to invite anew for the same slot.
    try:
        mine = await own_event(decisions.service, call)
    except Exception as error:
        log.warning("urgent booking not looked up: %s", type(error).__name__)
        # Planned before the state is stored: a give-up run again after a failed save finds
        # the looks planned (the dedup key keeps them single).
        await _plan_looks(decisions.service, call)
        return await decisions.settle(call, CallState.UNCONFIRMED, skip)
    if mine is not None:
        return await decisions.record_booked(call, mine.id, skip)
    # Graph shows no meeting, but a last attempt that timed out may still be creating it:
    # unconfirmed until a look settles it (the asker might otherwise invite everyone twice).
    if await _plan_looks(decisions.service, call):
        return await decisions.settle(call, CallState.UNCONFIRMED, skip)
    return await decisions.settle(call, CallState.EXPIRED, skip)


async def look_again(
    decisions: UrgentDecisions, call_id: int, final: bool = True
) -> UrgentCall | None:
    """Job: look for the meeting of a given-up booking once more; returns the call when this
    look changed something, None otherwise (so a re-run changes nothing twice). Only the
    ``final`` planned look expires an unconfirmed call that Graph shows no meeting for: an
    earlier one leaves it unconfirmed (a later look may still find the meeting, and a card
    must not say "fehlgeschlagen" and then "gebucht")."""
    service = decisions.service
    call = await service.get(call_id)
    looked_for = (CallState.UNCONFIRMED, CallState.EXPIRED, CallState.CANCELLED)
    if call.state not in looked_for or call.booked is None or call.event_id:
        return None  # booked meanwhile (by an earlier look), or never a booking
    if service.clock.now() > call.booked.end + LOOK_UNTIL_AFTER_END:
        return None
    try:
        mine = await own_event(service, call)
    except Exception as error:
        # No retry of its own: the next planned look tries again, and after the last one an
        # unconfirmed call stays so (its cards ask to check the calendar, which is true).
        log.warning("urgent booking not looked up again: %s", type(error).__name__)
        return None
    if mine is None:
        if call.state is CallState.UNCONFIRMED and final:  # Graph answers: nothing created
            return await decisions.settle(call, CallState.EXPIRED)
        return None
    if call.state is CallState.CANCELLED:
        # The asker withdrew the call while the bot could not see its meeting (so nothing
        # was cancelled in Graph then). The meeting was never confirmed to anyone and nobody
        # else can remove it, so it is cancelled now as the asker wanted: attendees get a
        # cancellation instead of a meeting its organiser no longer wants. The call stays
        # cancelled, now with the meeting's id (a re-run leaves it alone; its card no longer
        # asks to check the calendar). A failed cancellation raises: the job's retry looks anew.
        try:
            cancelled = await _cancel_meeting(service, call, mine, "found after the give-up")
        except CalendarRefusedError as error:  # for good: no retry, the asker is told
            cancelled = await refused.cancel_refused(decisions, call, mine, error)
        await decisions.refresh(cancelled)
        return cancelled
    return await decisions.record_booked(call, mine.id, None)


def may_have_meeting(call: UrgentCall) -> bool:
    """True for a call whose booking was given up without the bot seeing its meeting (which
    a late or lost attempt may have created all the same)."""
    given_up = call.state in (CallState.UNCONFIRMED, CallState.EXPIRED)
    return given_up and call.booked is not None and not call.event_id


def may_be_created(call: UrgentCall, now: datetime) -> bool:
    """True while ``call`` may have a meeting the bot never saw: a booking still tried, or
    one given up (or the call ended meanwhile) without the meeting's id, and a meeting found
    now would still matter (until the slot's end and the margin)."""
    unseen = (CallState.BOOKING, CallState.UNCONFIRMED, CallState.CANCELLED, CallState.EXPIRED)
    if call.state not in unseen or call.booked is None or call.event_id:
        return False
    return now <= call.booked.end + LOOK_UNTIL_AFTER_END


async def cancel_found(decisions: UrgentDecisions, call: UrgentCall) -> UrgentCall:
    """The asker cancelled ``call`` (stored as cancelled) whose booking was given up: its
    meeting, if Graph shows it by the transaction id, is cancelled too (attendees notified).
    When Graph cannot be asked, one more look is planned; it cancels a meeting it finds."""
    service = decisions.service
    mine: CalendarEvent | None = None
    try:
        mine = await own_event(service, call)
        if mine is not None:
            await _cancel_in_graph(service, call, mine)
    except CalendarRefusedError as error:  # for good: no look helps, the asker is told
        if mine is None:
            raise
        return await refused.cancel_refused(decisions, call, mine, error)
    except Exception as error:
        log.warning("urgent meeting not cancelled, looked for again: %s", type(error).__name__)
        await _plan_look(service, call, CANCEL_LOOK_AFTER, "cancel")
        return call
    if mine is None:
        return call  # looks still planned cancel a meeting a slow attempt creates later
    return await _meeting_cancelled(service, call, mine, "found when cancelled")


async def cancel_booking(decisions: UrgentDecisions, call: UrgentCall) -> UrgentCall:
    """The asker cancelled ``call`` (stored as cancelled) while its booking was still being
    tried (an older card's "Absagen"): no further attempt books it, but one under way, or one
    whose answer was lost, may have created the meeting or create it yet. So it is looked for
    now, and the looks of a given-up booking are planned: each cancels a meeting it finds."""
    await _plan_looks(decisions.service, call)  # first: a failure below leaves them planned
    return await cancel_found(decisions, call)


async def _cancel_meeting(
    service: UrgentService, call: UrgentCall, event: CalendarEvent, detail: str
) -> UrgentCall:
    await _cancel_in_graph(service, call, event)
    return await _meeting_cancelled(service, call, event, detail)


async def _cancel_in_graph(service: UrgentService, call: UrgentCall, event: CalendarEvent) -> None:
    comment = service.views.cancellation_comment(
        await service.languages.language_of(call.asker_key)
    )
    await service.calendar.cancel_event(call.organiser, event.id, comment)


async def _meeting_cancelled(
    service: UrgentService, call: UrgentCall, event: CalendarEvent, detail: str
) -> UrgentCall:
    """The cancelled call keeps the cancelled meeting's id: looks leave it alone, and its
    card says plainly that it is cancelled."""
    cancelled = await service.save(call, event_id=f"{call.organiser}|{event.id}")
    await service.audit(cancelled, "bot", "meeting_cancelled", detail)
    return cancelled


async def own_event(service: UrgentService, call: UrgentCall) -> CalendarEvent | None:
    """The call's meeting in the organiser's calendar, found by its transaction id."""
    if call.booked is None:
        return None
    events = await service.calendar.list_events(call.organiser, call.booked.start, call.booked.end)
    mine = (e for e in events if e.transaction_id == transaction_id(call) and not e.is_cancelled)
    return next(mine, None)


async def _plan_looks(service: UrgentService, call: UrgentCall) -> bool:
    """Plan the looks after a give-up that still help; True when at least one is planned.
    The last of them is marked final: only it may expire the call."""
    now = service.clock.now()
    helpful = [
        (number, after)
        for number, after in enumerate(LOOK_AGAIN_AFTER, start=1)
        if _helps(call, now + after)
    ]
    for number, after in helpful:
        final = number == helpful[-1][0]
        await _plan_look(service, call, after, str(number), final=final)
    return bool(helpful)


def _helps(call: UrgentCall, at: datetime) -> bool:
    """False past the slot's end and the margin: a meeting found then helps nobody."""
    return call.booked is not None and at <= call.booked.end + LOOK_UNTIL_AFTER_END


async def _plan_look(
    service: UrgentService, call: UrgentCall, after: timedelta, tag: str, final: bool = True
) -> bool:
    now = service.clock.now()
    if not _helps(call, now + after):
        return False
    key = f"{LOOK_JOB}:{call.id}:{tag}"
    payload = {"call_id": call.id, "final": final}
    await service.jobs.schedule(LOOK_JOB, payload, now + after, key)
    return True
