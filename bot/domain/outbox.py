"""Messages to people that must not be lost, sent at once when Teams answers.

The job that would send the message is written *before* the message is sent; a successful
send drops it again. So a send that fails (Teams answers 502 for a moment) and a process that
dies between the state change and the send both end the same way: the job sends the message a
little later, from the state stored then. Delivery is at least once: a send that worked whose
job could not be dropped (the database gone at that instant) is sent again, which beats never.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from bot.domain.ports import Clock, JobQueue

log = logging.getLogger(__name__)

# Long enough that the inline send is over before any replica claims the job (two sends),
# short enough that a refused message still arrives in the same minute or two.
RETRY_AFTER = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class Outbox:
    """Sends now, with a job as the durable fallback."""

    jobs: JobQueue
    clock: Clock

    async def deliver(
        self,
        kind: str,
        payload: dict[str, Any],
        key: str,
        send: Callable[[], Awaitable[object]],
    ) -> bool:
        """Plan job ``kind`` under ``key``, run ``send`` now, drop the job if it worked.

        Returns False when the job existed already (the same message is on its way: a
        re-delivered activity) and nothing was sent now. The job's handler must send the
        same message, reading what it needs from ``payload`` and the stored state."""
        if not await self.jobs.schedule(kind, payload, self.clock.now() + RETRY_AFTER, key):
            return False
        try:
            await send()
        except Exception as error:
            log.warning("message not sent now, a job sends it: %s %s", kind, type(error).__name__)
            return True
        await self.jobs.cancel(key)
        return True
