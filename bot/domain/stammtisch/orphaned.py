"""A poll whose organiser erased their data ("meine daten löschen").

The erasure pseudonymises the organiser of their polls and switches their rule off; it runs in
one database transaction without Teams or Graph, so what follows for a poll still open happens
at the poll's next step (the reminder before its deadline, or the deadline):

- Organisers configured (``STAMMTISCH_ORGANISER_IDS``, ``ADMIN_IDS``): the poll runs on and
  closes at its deadline; they may close, extend or call it off as any poll. What the organiser
  would have been told goes to each of them instead of to a pseudonym nobody reads: above all
  that the invitation was refused (without ``STAMMTISCH_MAILBOX`` it would come from the
  erased person's mailbox, which the bot can no longer name), with who said yes, so they
  invite by hand.
- Nobody configured: nobody could ever close, extend or call it off, and no invitation could
  be sent, so the yes-voters would be reminded the day before of a Stammtisch without an
  invitation or anyone in charge. The poll is called off like a call-off by hand: the card
  says so and its thread gets the call-off notice; no invitation, no day-before message.
"""

from __future__ import annotations

from bot.domain.stammtisch.model import Poll
from bot.domain.stammtisch.service import DIRECT_JOB, StammtischPolicy, StammtischService

# The erasure's pseudonyms start so (bot.domain.privacy.identity.PSEUDONYM_PREFIX; features do
# not import each other, tests/unit/stammtisch/test_orphaned_poll.py keeps the two equal). An
# Entra object id, a GUID, never does.
ERASED_PREFIX = "geloescht-"


def organiser_erased(poll: Poll) -> bool:
    """Whether the poll's organiser erased their data (the erasure left a pseudonym)."""
    return poll.organiser_key.startswith(ERASED_PREFIX)


def unattended(policy: StammtischPolicy, poll: Poll) -> bool:
    """An open poll of an erased organiser, and no organiser configured to run it."""
    return poll.is_open and organiser_erased(poll) and not policy.organisers


def in_charge(policy: StammtischPolicy, poll: Poll, by: str | None = None) -> list[str]:
    """Who is told about the poll: ``by`` (who acted), else its organiser, else (erased)
    the configured organisers."""
    if by:
        return [by]
    if organiser_erased(poll):
        return sorted(policy.organisers)
    return [poll.organiser_key]


async def tell_in_charge(
    svc: StammtischService, poll: Poll, kind: str, by: str | None = None
) -> None:
    """Plan the DM ``kind`` to each one in charge of the poll, once (the dedup key)."""
    for to in in_charge(svc.policy, poll, by):
        # One recipient keeps the key of before (a job planned then stays single).
        suffix = "" if to in (by, poll.organiser_key) else f":{to}"
        await svc.jobs.schedule(
            DIRECT_JOB,
            {"poll_id": poll.id, "member_key": to, "kind": kind},
            svc.clock.now(),
            dedup_key=f"{DIRECT_JOB}:{kind}:{poll.id}{suffix}",
        )
