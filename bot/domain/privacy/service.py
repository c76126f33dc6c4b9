"""'Meine Daten' and 'Meine Daten löschen' with a one-time confirmation, and the retention job."""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.domain.ports import Clock, Job, JobHandler, JobQueue, PlannedJob
from bot.domain.privacy.ports import Export, PersonalData, RetentionStore
from bot.domain.privacy.retention import Retention
from bot.domain.recurring import plan_daily

log = logging.getLogger(__name__)

OFFER_JOB = "privacy.erase_offer"
RETENTION_JOB = "privacy.retention"
OFFER_VALIDITY = timedelta(minutes=15)
# The payload of an offer that an erasure used up (it names nobody): a repeated click is told
# that the data is erased, not that "nothing was deleted".
ERASED_MARK = "erased"


def offer_key(token: str) -> str:
    """The dedup key under which an erasure offer is stored: only a hash of the token."""
    return f"{OFFER_JOB}:{hashlib.sha256(token.encode()).hexdigest()}"


@dataclass(frozen=True, slots=True)
class PrivacyService:
    """Export and erasure for the person who asks, and the daily retention run."""

    data: PersonalData
    expired: RetentionStore
    jobs: JobQueue
    clock: Clock
    retention: Retention
    # Told the erased person's key after an erasure on this process: what it keeps in memory
    # about them (the conversations whose references it stored) it forgets.
    on_erased: list[Callable[[str], None]] = field(default_factory=list)

    async def export(self, user_key: str) -> Export:
        """Everything stored about the person, per data kind."""
        return await self.data.export(user_key)

    async def offer_erasure(self, user_key: str) -> str:
        """A one-time token that confirms this person's erasure for a short while.

        The offer is a job that falls due when it expires (any replica can check it); only
        the hash of the token is stored, the token itself travels in the confirmation card.
        """
        token = secrets.token_urlsafe(32)
        expires = self.clock.now() + OFFER_VALIDITY
        await self.jobs.schedule(OFFER_JOB, {"user_key": user_key}, expires, offer_key(token))
        return token

    async def withdraw_erasure(self, token: str) -> None:
        """ "Abbrechen": the offer is used up, a later "Ja, endgültig löschen" on the same card
        (another device, an old copy) erases nothing."""
        await self.jobs.cancel(offer_key(token))

    async def erase(
        self, user_key: str, token: str, then: Sequence[PlannedJob] = ()
    ) -> dict[str, int] | None:
        """Erase the person's data if ``token`` is their valid, unused offer; else None.
        The jobs ``then`` are stored with the erasure, in its transaction: they run once it
        went through (also after a crash right after its commit), never without it."""
        now = self.clock.now()
        counts = await self.data.erase_confirmed(user_key, offer_key(token), now, then)
        if counts is not None:
            for forget in self.on_erased:
                forget(user_key)
        # Counts only: the log must not say who asked to be forgotten.
        log.info("privacy erasure %s: %s", "refused" if counts is None else "done", counts)
        return counts

    async def erased_with(self, token: str) -> bool:
        """True when ``token`` confirmed an erasure already (a double click, or Teams
        delivering the click again): those are told the data is erased."""
        return await self.data.erased_with(offer_key(token))

    async def purge_expired(self, now: datetime | None = None) -> dict[str, int]:
        """Remove or anonymise everything past its retention; counts per data kind."""
        counts = await self.expired.purge(self.retention.cutoffs(now or self.clock.now()))
        log.info("privacy retention run: %s", counts)
        return counts

    async def plan_retention(self) -> None:
        """Plan today's retention run once (several replicas: the dedup key keeps it single)."""
        await self._plan(self.clock.now())

    def handlers(self) -> dict[str, JobHandler]:
        """Job kind -> handler: the daily retention run, and offers that simply expire."""

        async def run_retention(job: Job) -> None:
            now = self.clock.now()
            # First: a run that fails for good (every attempt) must not end the daily runs.
            await self._plan(now + timedelta(days=1))
            await self.purge_expired(now)

        async def offer_expired(job: Job) -> None:
            # Nothing to do: a due (expired) offer no longer confirms anything.
            return None

        return {RETENTION_JOB: run_retention, OFFER_JOB: offer_expired}

    async def _plan(self, when: datetime) -> None:
        await plan_daily(self.jobs, RETENTION_JOB, when)
