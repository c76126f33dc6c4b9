"""The approvers' side of a room request: their cards (each in the approver's own language),
reminders, and the job that sends again a card whose first sending failed."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial
from typing import Any

from bot.domain.outbox import Outbox
from bot.domain.rooms.model import RequestState, RoomRequest
from bot.domain.rooms.service import ASK_JOB, REMIND_JOB, RoomBroker

log = logging.getLogger(__name__)

# Key prefix in ``RoomRequest.cards`` of the requester's own card (the approvers' are keyed by
# their id); the person's id in the key lets an erasure drop it.
REQUESTER_CARD = "requester:"
# Suffix of an approver's reminder card in ``RoomRequest.cards``.
REMINDER = ":reminder"


def requester_card_key(requester_key: str) -> str:
    """The ``cards`` key of the card on which the requester chose the room."""
    return f"{REQUESTER_CARD}{requester_key}"


@dataclass
class ApproverCards:
    """Approval cards: sent, reminded, re-sent after a failure, updated with the outcome."""

    broker: RoomBroker
    outbox: Outbox

    async def ask(self, request: RoomRequest) -> None:
        broker = self.broker
        # The reminder first: whatever happens to one card, the request is not forgotten.
        await broker.jobs.schedule(
            REMIND_JOB,
            {"request_id": request.id, "version": request.version},
            broker.clock.now() + broker.policy.reminder_after,
            f"{REMIND_JOB}:{request.id}:{request.version}",
        )
        await self._send_all(request, reminder=False)

    async def _send_all(self, request: RoomRequest, *, reminder: bool) -> None:
        """Each approver's card on its own, through the outbox: one that fails (Teams down for
        a moment) is sent again by a job, and the others still get theirs now."""
        cards: dict[str, dict[str, Any]] = {}
        kind = "reminder" if reminder else "card"
        for approver in request.approvers:
            payload = {"request_id": request.id, "version": request.version}
            await self.outbox.deliver(
                ASK_JOB,
                {**payload, "approver": approver, "reminder": reminder},
                f"{ASK_JOB}:{request.id}:{request.version}:{kind}:{approver}",
                partial(self._send_one, request, approver, cards, reminder=reminder),
            )

    async def _send_one(
        self,
        request: RoomRequest,
        approver: str,
        cards: dict[str, dict[str, Any]],
        *,
        reminder: bool,
    ) -> None:
        card = await self._card_of(request, approver, cards)
        handle = await self.broker.notifier.send_direct(approver, card, request.tenant_id)
        if handle is not None:  # updated with the others once somebody decides
            key = approver + REMINDER if reminder else approver
            await self.broker.requests.record_card(request.id, key, handle)

    async def send_again(
        self, request_id: int, version: int, approver: str, *, reminder: bool
    ) -> None:
        """Job: the card whose sending failed (or never happened), if the request still waits
        for it (raises while the send fails: the job runner retries with backoff)."""
        request = await self.broker.get(request_id)
        key = approver + REMINDER if reminder else approver
        waiting = request.state is RequestState.PENDING and request.version == version
        if not waiting or approver not in request.approvers or key in request.cards:
            return
        await self._send_one(request, approver, {}, reminder=reminder)

    async def card_for(self, request: RoomRequest, lang: str) -> dict[str, Any]:
        """The approvers' card of a request in its current state."""
        broker = self.broker
        names = {}
        for key in {*request.approvers, request.decided_by or ""} - {""}:
            person = await broker.directory.get_person(key)
            names[key] = person.display_name if person else key
        return broker.views.approval_card(request, await broker.rooms_by_mail(), names, lang)

    async def _card_of(
        self, request: RoomRequest, approver: str, cards: dict[str, dict[str, Any]]
    ) -> dict[str, Any]:
        """The approval card in ``approver``'s own language (``cards``: built per language)."""
        lang = await self.broker.languages.language_of(approver)
        if lang not in cards:
            cards[lang] = await self.card_for(request, lang)
        return cards[lang]

    async def update_cards(self, request: RoomRequest) -> None:
        """Every approver's card shows the decision (failures are logged, not raised)."""
        stored = await self.broker.requests.get(request.id)
        cards: dict[str, dict[str, Any]] = {}
        for key, handle in (stored.cards if stored else {}).items():
            if key.startswith(REQUESTER_CARD):
                continue
            card = await self._card_of(request, key.removesuffix(REMINDER), cards)
            try:
                await self.broker.notifier.update_card(handle, card)
            except Exception:
                log.warning("approval card not updated", exc_info=True)

    async def remind(self, request_id: int, version: int) -> None:
        """Job: approvers of a request that still waits get their card again as a reminder."""
        request = await self.broker.get(request_id)
        if request.state is not RequestState.PENDING or request.version != version:
            return
        await self._send_all(request, reminder=True)
