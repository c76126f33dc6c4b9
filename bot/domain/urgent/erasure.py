"""A person's urgent calls when they erase their data ("meine Daten löschen").

The erasure pseudonymises their calls, the organiser's mailbox (their own) included, and
cancels the open ones in the database. A call whose booking the bot never confirmed (still
being tried, unconfirmed after a give-up, or cancelled or expired while a look could still
find its meeting) may have a Teams meeting in everyone's calendar all the same: after the
erasure nobody could find it any more (the looks no longer know the mailbox), and nobody was
ever told it stands. So its meeting is looked for by its transaction id and cancelled in Graph
(attendees notified), as "Absagen" would. A booked call's meeting stays: it was confirmed to
everyone and stands in the person's own calendar, where they can still cancel it.

The assistants asked to free time for an open call would wait for ever: the erasure cancels
the call but no card. So each of their cards is replaced by a plain "withdrawn" (no name of
the asker in it).

Both are jobs (``follow_ups``), collected before the erasure and stored in its own
transaction: a crash right after its commit loses none, none runs for an erasure that did not
happen, the job queue runs each on one replica at a time, and while Graph or Teams fails for
a while the job raises and is retried with backoff. Their payloads name neither the person's
key nor their name. The cancellation must keep the organiser's mailbox (Graph knows the
meeting only there; afterwards the call no longer does): the job carries it, and the finished
job goes with the retention of finished jobs.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from bot.domain.graph_types import CalendarRefusedError
from bot.domain.ports import PlannedJob
from bot.domain.urgent.given_up import may_be_created, own_event
from bot.domain.urgent.model import AuditEntry, CallState

if TYPE_CHECKING:
    from bot.domain.urgent.decisions import UrgentDecisions

log = logging.getLogger(__name__)

# Cancels the meeting of an erased asker's call (payload: call id, mailbox, language).
CANCEL_JOB = "urgent.erased_cancel"
# Withdraws an assistant's card of an erased asker's call (payload: call id, reader, handle).
WITHDRAW_JOB = "urgent.erased_withdraw"
# The calls whose assistants still have a question open (booking ones have settled them).
ASKING_STATES = frozenset({CallState.OFFERED, CallState.ASKING})


async def follow_ups(decisions: UrgentDecisions, asker_key: str) -> list[PlannedJob]:
    """The jobs to store with the person's erasure, read before it (afterwards the calls no
    longer name the organiser's mailbox or the asker): one per call whose meeting may exist
    unseen, one per assistant's card still asking. Their dedup keys keep each single."""
    service = decisions.service
    now = service.clock.now()
    lang = await service.languages.language_of(asker_key)  # of the cancellation's comment
    jobs: list[PlannedJob] = []
    for call in await service.calls.of_asker(asker_key):
        if may_be_created(call, now):
            payload: dict[str, Any] = {"call_id": call.id, "mailbox": call.organiser, "lang": lang}
            jobs.append(PlannedJob(CANCEL_JOB, payload, f"{CANCEL_JOB}:{call.id}"))
        if call.state not in ASKING_STATES:
            continue
        # The card's key "assistant|executive" may end in the asker's own key (no manager):
        # the dedup key keeps only its position.
        for number, (key, handle) in enumerate(call.cards.items()):
            if "|" not in key:  # the asker's own card is "asker"
                continue
            payload = {"call_id": call.id, "reader": key.partition("|")[0], "handle": dict(handle)}
            jobs.append(PlannedJob(WITHDRAW_JOB, payload, f"{WITHDRAW_JOB}:{call.id}:{number}"))
    return jobs


def cancelling(jobs: list[PlannedJob]) -> int:
    """How many meetings ``jobs`` look for to cancel (the card says they are under way)."""
    return sum(job.kind == CANCEL_JOB for job in jobs)


async def cancel_meeting(
    decisions: UrgentDecisions, call_id: int, mailbox: str, lang: str
) -> None:
    """Job: cancel in Graph the meeting of an erased asker's call if Graph shows it (attendees
    notified). A meeting already cancelled is not shown: a re-run cancels nothing twice. Graph
    refusing for good is not retried; any other failure raises and the runner retries."""
    service = decisions.service
    call = await service.calls.get(call_id)
    if call is None or call.booked is None or call.event_id:
        return  # gone (retention), never booked, or its meeting settled by a look
    call = replace(call, organiser=mailbox)  # in memory only: the row keeps the pseudonym
    mine = await own_event(service, call)
    if mine is None:
        return  # none created, or an earlier attempt cancelled it
    comment = service.views.cancellation_comment(lang)
    try:
        await service.calendar.cancel_event(mailbox, mine.id, comment)
    except CalendarRefusedError as error:  # for good: retrying changes nothing
        await _left_standing(decisions, call_id, error.detail)
        return
    await _audit(decisions, call_id, "meeting_cancelled", "erasure")


async def cancel_given_up(decisions: UrgentDecisions, call_id: int) -> None:
    """The cancellation job failed on every attempt (Graph kept failing): as for a refusal,
    the meeting may stand; there is nobody to tell (the asker is erased), so it is logged and
    kept in the call's audit trail."""
    await _left_standing(decisions, call_id, "erasure; given up after the last attempt")


async def _left_standing(decisions: UrgentDecisions, call_id: int, detail: str) -> None:
    log.warning("urgent meeting of an erased asker not cancelled (call %s): %s", call_id, detail)
    await _audit(decisions, call_id, "cancel_refused", detail)


async def _audit(decisions: UrgentDecisions, call_id: int, action: str, detail: str) -> None:
    service = decisions.service
    if await service.calls.get(call_id) is not None:
        entry = AuditEntry(call_id, service.clock.now(), "bot", action, detail)
        await service.calls.add_audit(entry)


async def withdraw_ask(decisions: UrgentDecisions, reader: str, handle: dict[str, Any]) -> None:
    """Job: the assistant's card of an erased asker's call says the request was withdrawn (no
    name in it). Replacing it twice shows the same card; a failure raises and is retried."""
    service = decisions.service
    lang = await service.languages.language_of(reader)
    await service.notifier.update_card(handle, service.views.withdrawn_card(lang))


def withdraw_given_up(call_id: int) -> None:
    """Teams refused the card's update on every attempt: the card keeps asking (logged)."""
    log.warning("urgent card of an erased asker not updated (call %s)", call_id)
