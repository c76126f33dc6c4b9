"""A meeting Graph refuses for good ends the call as failed at once; a cancellation it
refuses for good is told to the asker at once (``cancel_refused``), not retried.

No permission on the organiser's mailbox (403) or no such mailbox (404, 400) does not change
on a retry: retrying for hours kept the asker's card at "Wird gebucht" and then left the call
unconfirmed. Graph created nothing, so nobody was invited and no meeting is looked for. The
asker's card says so; when the refusal comes from the booking job (the click itself had
failed for a moment), the asker is also told once by DM, since that card changes silently."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from bot.domain.graph_types import CalendarEvent, CalendarRefusedError
from bot.domain.urgent.model import CallState, UrgentCall

if TYPE_CHECKING:
    from bot.domain.urgent.decisions import UrgentDecisions

TELL_JOB = "urgent.tell_refused"  # the DM whose inline send failed
CANCEL_TELL_JOB = "urgent.tell_cancel_refused"  # likewise, for a refused cancellation


async def refused(
    decisions: UrgentDecisions,
    call_id: int,
    error: CalendarRefusedError,
    skip: str | None = None,
    tell: bool = True,
) -> UrgentCall:
    """Store "failed" (if still booking), audit the refusal, refresh every card (``skip``: the
    one just clicked) and, with ``tell``, send the asker their card by DM (once)."""
    service = decisions.service
    call = await service.get(call_id)
    if call.state is not CallState.BOOKING:
        return call  # booked, cancelled or ended meanwhile
    failed = await service.save(call, state=CallState.FAILED)
    await service.audit(failed, "bot", "failed", error.detail)
    if tell:
        await decisions.outbox.deliver(
            TELL_JOB,
            {"call_id": failed.id},
            f"{TELL_JOB}:{failed.id}",
            partial(tell_asker, decisions, failed.id),
        )
    await decisions.refresh(failed, skip=skip)
    return failed


async def tell_asker(decisions: UrgentDecisions, call_id: int) -> None:
    """The asker's card of the failed call by DM, in their language (also the job's send)."""
    service = decisions.service
    call = await service.get(call_id)
    if call.state is not CallState.FAILED:
        return
    lang = await service.languages.language_of(call.asker_key)
    card = service.views.asker_card(call, None, lang)
    await service.notifier.send_direct(call.asker_key, card, call.tenant_id)


async def cancel_refused(
    decisions: UrgentDecisions, call: UrgentCall, event: CalendarEvent, error: CalendarRefusedError
) -> UrgentCall:
    """Graph refused for good to cancel the meeting of the cancelled ``call`` (found after a
    given-up booking): retrying, as for an outage, changes nothing. The meeting stays; the
    call keeps its id, so no later look tries again, and the asker is told once by DM to
    cancel it in Outlook."""
    service = decisions.service
    kept = await service.save(call, event_id=f"{call.organiser}|{event.id}")
    await service.audit(kept, "bot", "cancel_refused", error.detail)
    await decisions.outbox.deliver(
        CANCEL_TELL_JOB,
        {"call_id": kept.id},
        f"{CANCEL_TELL_JOB}:{kept.id}",
        partial(tell_cancel_refused, decisions, kept.id),
    )
    return kept


async def tell_cancel_refused(decisions: UrgentDecisions, call_id: int) -> None:
    """The asker's DM that the meeting could not be cancelled (also the job's send)."""
    service = decisions.service
    call = await service.get(call_id)
    lang = await service.languages.language_of(call.asker_key)
    card = service.views.cancel_refused_card(call, lang)
    await service.notifier.send_direct(call.asker_key, card, call.tenant_id)
