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

The assistants asked to free time for an open call would wait for ever: the erasure cancels
the call but no card. So the handles of their cards are collected before and, once it went
through, each card is replaced by a plain "withdrawn" (no name of the asker in it).

Nothing is written back from the calls collected before: they hold the erased data.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.domain.urgent.given_up import cancel_unseen, may_be_created
from bot.domain.urgent.model import AuditEntry, CallState, UrgentCall

if TYPE_CHECKING:
    from bot.domain.urgent.decisions import UrgentDecisions

log = logging.getLogger(__name__)


async def unconfirmed_of(decisions: UrgentDecisions, asker_key: str) -> list[UrgentCall]:
    """The person's calls whose meeting may exist without the bot having seen it."""
    service = decisions.service
    now = service.clock.now()
    return [call for call in await service.calls.of_asker(asker_key) if may_be_created(call, now)]


# The calls whose assistants still have a question open (booking ones have settled them).
ASKING_STATES = frozenset({CallState.OFFERED, CallState.ASKING})
AskCard = tuple[str, dict[str, object]]  # (the assistant's key, their card's handle)


async def asked_cards_of(decisions: UrgentDecisions, asker_key: str) -> list[AskCard]:
    """The assistants' cards of the person's calls still asking (before the erasure)."""
    calls = await decisions.service.calls.of_asker(asker_key)
    return [
        (key.partition("|")[0], dict(handle))
        for call in calls
        if call.state in ASKING_STATES
        for key, handle in call.cards.items()
        if "|" in key  # the assistants' cards; the asker's own is "asker"
    ]


async def withdraw_asks(decisions: UrgentDecisions, cards: Sequence[AskCard]) -> int:
    """After the erasure: each of ``cards`` says the request was withdrawn; how many were
    updated. A failure is logged and skipped: the erasure itself has already happened."""
    service = decisions.service
    updated = 0
    for reader, handle in cards:
        try:
            lang = await service.languages.language_of(reader)
            await service.notifier.update_card(handle, service.views.withdrawn_card(lang))
        except Exception as error:
            log.warning("urgent card of an erased asker not updated: %s", type(error).__name__)
            continue
        updated += 1
    return updated


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
