"""SQL implementation of the privacy ports: export, erasure and retention of personal data.

A person is found by their Entra object id plus what the tables store alongside it (Teams user
ids and display names from conversation references and votes, mail from the expert profile,
the ids of their 1:1 chats with the bot). Erasure runs in ONE transaction; every record keeps
working for everyone else, and each changed record gets its own random pseudonym
("geloescht-<uuid>", never derived from the key and stored nowhere with it):

- conversation_references: the person's rows are deleted (no more proactive messages).
- processed_activities: re-delivery ids that contain their 1:1 chat or Teams id are deleted.
- team_members: their memberships are deleted. While they are still in a team with the app,
  the next roster read (daily) stores them again: they are a member, and the bot must be able
  to reach them (documented in docs/datenschutz.md).
- member_reach: their last delivery outcome is deleted.
- installed_teams: not searched, no personal data (see ``FREE_OF_PERSONAL_DATA``).
- experts: their profile rows are deleted; another expert's deputy that was them is cleared.
- questions: as asker: asker key/name pseudonymised; open questions are withdrawn; the text is
  kept only for answered questions (knowledge of the network, without a name) and blanked
  otherwise. As named expert: their candidate entry gets the pseudonym, "gelöschte Person", no
  department or location; a question they had taken becomes open without an expert again;
  answers they gave stay, without their name; their DM card handles are dropped.
- routing_decisions: what the ranking learnt from their clicks ("Nicht mein Thema") and from
  forwards to them is deleted. Other experts' decisions on their questions stay (they name
  no one else); a question whose text was blanked carries no signal any more. Retention: the
  rows go with their question (ON DELETE CASCADE).
- stammtisch_rules / stammtisch_polls: organiser pseudonymised; their rule is deactivated (no
  more polls and invitations in the name of a deleted person).
- stammtisch_votes: on closed or called-off polls the vote stays with its answers (the tally is
  unchanged) under a pseudonym, "gelöschte Person" and no Teams id; on a poll that is still
  open the vote is deleted (they may vote again; a kept vote would count twice).
- room_requests: as requester: pseudonymised, free text and reason blanked, open requests
  cancelled; times, room, attendees and state stay for the audit. As approver or decider:
  pseudonymised, their DM card handles dropped. Bookings that have not ended are cancelled in
  Exchange after the erasure by jobs stored in its transaction (``erase_confirmed``'s ``then``,
  planned by ``bot.domain.rooms.erasure``): this module has no Graph access, and afterwards
  nobody could find them to cancel.
- room_audit: the actor is pseudonymised (the same pseudonym as the request's requester where
  that was them); the free text of their own "requested" entries is blanked.
- onboardings: as newcomer: pseudonymised, an open onboarding ends as opted out; as buddy:
  the buddy is cleared and a paired onboarding waits for an admin to pick a new one.
- buddy_volunteers: their volunteer profile is deleted.
- onboarding_group_members: KEPT, the one exception: the "already seen" marker (group id, key,
  time) stops the next group poll from welcoming them as a newcomer again (a suppression
  marker, like a do-not-contact list).
- scheduled_jobs: jobs naming them are pseudonymised; pending ones are cancelled (done).
- In every other text or JSON value of the rows found, their ids and mail (whole tokens: never
  inside "julia.schmidt@…" for "a.schmidt@…"; rows the substring search in SQL finds only so
  are left alone, ``rows_mentioning``) and names (whole words)
  are replaced too. Versioned records (questions, polls, requests) get a new version, and
  escalations or approval reminders planned for the old version move to the new one.

Not found: mentions by name only in other people's free text, and tables this module does not
list (``ERASURE_TABLES``); tests/integration/test_privacy.py fails for a new table until it is
handled in ``privacy_erase`` or declared ``FREE_OF_PERSONAL_DATA``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.dialect import dialect_insert
from bot.adapters.db.models import ScheduledJob
from bot.adapters.db.privacy_erase import ERASURE_TABLES, FREE_OF_PERSONAL_DATA, erase_person
from bot.adapters.db.privacy_export import export_person
from bot.adapters.db.privacy_retention import purge_expired
from bot.domain.ports import PlannedJob
from bot.domain.privacy.ports import Export
from bot.domain.privacy.retention import Cutoffs
from bot.domain.privacy.service import ERASED_MARK, OFFER_JOB

__all__ = ["ERASURE_TABLES", "FREE_OF_PERSONAL_DATA", "SqlPersonalData"]


class SqlPersonalData:
    """Implements PersonalData and RetentionStore on the bot's database."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def export(self, user_key: str) -> Export:
        """Every record that concerns the person, per table."""
        async with self._sessions() as session:
            return await export_person(session, user_key)

    async def erase(self, user_key: str, now: datetime) -> dict[str, int]:
        """Delete or anonymise the person's data; rows changed per table."""
        async with self._sessions.begin() as session:
            return await erase_person(session, user_key, now)

    async def erase_confirmed(
        self, user_key: str, offer_key: str, now: datetime, then: Sequence[PlannedJob] = ()
    ) -> dict[str, int] | None:
        """Erase only with a valid pending offer for this person, used up in the same
        transaction together with storing the jobs ``then``; None (nothing changed, no job)
        for a forged, foreign, used or expired one."""
        async with self._sessions.begin() as session:
            offer = await session.scalar(
                select(ScheduledJob)
                .where(
                    ScheduledJob.dedup_key == offer_key,
                    ScheduledJob.kind == OFFER_JOB,
                    ScheduledJob.done_at.is_(None),
                    ScheduledJob.due_at > now,
                )
                .with_for_update()
            )
            if offer is None or offer.payload.get("user_key") != user_key:
                return None
            offer.done_at = now
            await session.flush()
            counts = await erase_person(session, user_key, now)
            # Names nobody (the erasure pseudonymised the row): only that it was used for this.
            offer.payload = {ERASED_MARK: True}
            # After the erasure's own pass over scheduled_jobs, which cancels pending jobs that
            # name the person: these name nobody, and they commit with it or not at all.
            for job in then:
                row = {"kind": job.kind, "payload": job.payload, "due_at": now,
                       "dedup_key": job.dedup_key, "attempts": 0}  # fmt: skip
                insert = dialect_insert(session, ScheduledJob)
                await session.execute(insert.values(row).on_conflict_do_nothing())
            return counts

    async def erased_with(self, offer_key: str) -> bool:
        """True when the offer was used up by an erasure."""
        async with self._sessions() as session:
            payload = await session.scalar(
                select(ScheduledJob.payload).where(
                    ScheduledJob.dedup_key == offer_key,
                    ScheduledJob.kind == OFFER_JOB,
                    ScheduledJob.done_at.is_not(None),
                )
            )
            return bool(payload and payload.get(ERASED_MARK))

    async def purge(self, cutoffs: Cutoffs) -> dict[str, int]:
        """Remove or anonymise what is past its retention; rows per data kind."""
        async with self._sessions.begin() as session:
            return await purge_expired(session, cutoffs)
