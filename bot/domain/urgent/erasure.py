"""A person's urgent calls when they erase their data ("meine Daten löschen").

The erasure pseudonymises their calls, the organiser's mailbox (their own) included, and
cancels the open ones in the database. A call whose booking the bot never confirmed (still
being tried, unconfirmed after a give-up, or cancelled or expired while a look could still
find its meeting) may have a Teams meeting in everyone's calendar all the same: after the
erasure nobody could find it any more (the looks no longer know the mailbox), and nobody was
ever told it stands. So those calls are collected before the erasure and, once it went
through, their meeting is looked for by its transaction id and cancelled in Graph (attendees
notified), as "Absagen" would. A booked call's meeting stays: it was confirmed to everyone
and stands in the person's own calendar, where they can still cancel it.

Nothing is written back from the calls collected before: they hold the erased data.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.domain.urgent.given_up import cancel_unseen, may_be_created
from bot.domain.urgent.model import AuditEntry, UrgentCall

if TYPE_CHECKING:
    from bot.domain.urgent.decisions import UrgentDecisions

log = logging.getLogger(__name__)


async def unconfirmed_of(decisions: UrgentDecisions, asker_key: str) -> list[UrgentCall]:
    """The person's calls whose meeting may exist without the bot having seen it."""
    service = decisions.service
    now = service.clock.now()
    return [call for call in await service.calls.of_asker(asker_key) if may_be_created(call, now)]


async def cancel_meetings(decisions: UrgentDecisions, calls: Sequence[UrgentCall]) -> int:
    """After the erasure: cancel in Graph the meeting of each of ``calls`` (as collected
    before it) that Graph shows; how many were cancelled. A failure is logged and skipped:
    the erasure itself has already happened."""
    service = decisions.service
    cancelled = 0
    for call in calls:
        try:
            if not await cancel_unseen(service, call):
                continue
        except Exception as error:
            log.warning(
                "urgent meeting of an erased asker not cancelled: %s", type(error).__name__
            )
            continue
        cancelled += 1
        entry = AuditEntry(call.id, service.clock.now(), "bot", "meeting_cancelled", "erasure")
        await service.calls.add_audit(entry)
    return cancelled
