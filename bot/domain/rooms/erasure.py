"""A person's room bookings when they erase their data.

Erasure pseudonymises their requests, so afterwards nobody can find or cancel their bookings
through the bot, while the rooms stay blocked in Exchange in a deleted person's name. So the
bookings that have not ended yet are cancelled as part of the erasure (the confirmation card
says so): collected before the erasure, cancelled once it went through.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from bot.domain.rooms.decisions import RoomDecisions
from bot.domain.rooms.model import BrokerError, RequestState

log = logging.getLogger(__name__)

_HELD = frozenset({RequestState.PENDING, RequestState.BOOKING, RequestState.BOOKED})


async def held_by(decisions: RoomDecisions, requester_key: str) -> list[int]:
    """Ids of the person's requests that still hold (or wait for) a room."""
    broker = decisions.broker
    requests = await broker.requests.of_requester(requester_key, broker.clock.now())
    return [request.id for request in requests if request.state in _HELD]


async def release(decisions: RoomDecisions, request_ids: Sequence[int]) -> int:
    """Cancel these requests (the Graph events too); how many were cancelled. A failure is
    logged and skipped: the erasure itself has already happened."""
    released = 0
    for request_id in request_ids:
        try:
            request = await decisions.broker.get(request_id)
            if request.state in _HELD:
                await decisions.withdraw(request, "bot")
                released += 1
        except BrokerError:
            continue  # decided or gone meanwhile
        except Exception:
            log.warning("booking of an erased person not cancelled", exc_info=True)
    return released
