"""Application service of the roulette: opt-in and preferences, the answers to its cards.

Rounds and their messages are jobs (see rounds.py). Nothing here records whether someone met
anyone: the follow-up answer only adds one to a round's aggregate count (works council).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta

from bot.domain.business_hours import BusinessCalendar
from bot.domain.members.ports import Departures
from bot.domain.ports import Clock, Directory, JobQueue, Notifier, RecipientLanguages, RoomCalendar
from bot.domain.roulette.model import (
    FORMATS,
    SCOPES,
    Format,
    Group,
    Participant,
    RouletteError,
    Scope,
)
from bot.domain.roulette.ports import RouletteRepository, RouletteViews

ROUND_JOB = "roulette.round"
PLAN_JOB = "roulette.plan_group"
INTRO_JOB = "roulette.intro"
SUGGEST_JOB = "roulette.suggest"
FOLLOW_UP_JOB = "roulette.follow_up"
UNMATCHED_JOB = "roulette.unmatched"  # nobody fitted a participant this round: say so


class UndeliverableError(Exception):
    """The person cannot be reached yet; the job runner retries with backoff."""


def _site(office: str | None) -> str | None:
    """The site of an office location: "Hamburg, Haus Alster, 6. OG" → "Hamburg"."""
    site = (office or "").split(",", 1)[0].strip()
    return site[:200] or None


@dataclass(frozen=True, slots=True)
class RoulettePolicy:
    """Deployment settings of the roulette."""

    interval_weeks: int = 2
    window_rounds: int = 3  # no repeated pairing within this many earlier rounds
    follow_up_after: timedelta = timedelta(days=7)


@dataclass
class RouletteService:
    """Opt-in, preferences, and the answers to the introduction and follow-up cards."""

    repo: RouletteRepository
    directory: Directory
    notifier: Notifier
    jobs: JobQueue
    clock: Clock
    calendar: BusinessCalendar
    free_busy: RoomCalendar
    languages: RecipientLanguages
    views: RouletteViews
    departures: Departures
    policy: RoulettePolicy = field(default_factory=RoulettePolicy)

    async def opt_in(self, user_key: str, name: str, tenant_id: str | None) -> Participant:
        """Take part from the next round (again); earlier preferences stay, department and
        site are read from the directory now. Someone who left every team with the bot is
        told so instead: the next round would remove them again without a word."""
        if await self.departures.departed([user_key]):
            raise RouletteError("left_network")
        current = await self.repo.get_participant(user_key)
        person = await self.directory.get_person(user_key)
        base = current or Participant(user_key, name[:200], tenant_id)
        joined = replace(
            base,
            name=(person.display_name if person else name)[:200] or base.name,
            tenant_id=tenant_id or base.tenant_id,
            department=(person.department if person else None) or base.department,
            site=_site(person.office_location if person else None) or base.site,
            active=True,
            updated_at=self.clock.now(),
        )
        await self.repo.save_participant(joined)
        return joined

    async def opt_out(self, user_key: str) -> bool:
        """Leave: no further rounds, the preferences are deleted; False when not taking part."""
        return await self.repo.remove_participant(user_key)

    async def forget_departed(self, user_keys: Sequence[str]) -> set[str]:
        """Who of ``user_keys`` left every team with the bot (or the organisation): their
        participation is removed, so no round matches them and no message is sent to them
        (it could never arrive and would be retried until its job gave up)."""
        gone = await self.departures.departed(user_keys) if user_keys else set()
        for user_key in sorted(gone):
            await self.repo.remove_participant(user_key)
        return gone

    async def member_left(self, user_key: str) -> bool:
        """Someone left a team (membersRemoved): if they left every team with the bot, their
        participation ends now, not only at the next round or look. True when it ended."""
        return bool(await self.forget_departed([user_key]))

    async def participant(self, user_key: str) -> Participant | None:
        """The person's participation, or None. Someone who left every team with the bot takes
        part no more (RouletteError "ended", so that they are not shown as taking part nor
        offered to join): their participation ended with membersRemoved, or ends now if that
        was missed (a roster sync found them gone)."""
        current = await self.repo.get_participant(user_key)
        if await self.forget_departed([user_key]):
            raise RouletteError("ended")
        return current

    async def set_preferences(
        self, user_key: str, formats: Sequence[str], scope: str
    ) -> Participant:
        """Store formats (at least one) and scope; only a participant has preferences."""
        current = await self.participant(user_key)
        if current is None:
            raise RouletteError("not_in")
        chosen: list[Format] = [f for f in FORMATS if f in set(formats)]
        if not chosen or len(set(formats)) != len(chosen):
            raise RouletteError("formats")
        scopes: dict[str, Scope] = {s: s for s in SCOPES}
        if scope not in scopes:
            raise RouletteError("scope")
        updated = replace(
            current, formats=tuple(chosen), scope=scopes[scope], updated_at=self.clock.now()
        )
        await self.repo.save_participant(updated)
        return updated

    async def group_of(self, group_id: int, user_key: str) -> Group:
        """The group, when ``user_key`` is in it; else RouletteError (forged or erased)."""
        group = await self.repo.get_group(group_id)
        if group is None or user_key not in group.members:
            raise RouletteError("not_yours")
        return group

    async def other_slot(self, group_id: int, index: int, user_key: str) -> Group:
        """ "Passt nicht – anderer Vorschlag": the next common free time; the others hear of
        it by DM. A card showing an older suggestion is refused (stale)."""
        group = await self.group_of(group_id, user_key)
        if group.dissolved:
            raise RouletteError("partner_left")
        if index != group.slot_index:
            raise RouletteError("stale")
        if group.slot_index + 1 >= len(group.slots):
            raise RouletteError("no_more_slots")
        moved = replace(group, slot_index=group.slot_index + 1, version=group.version + 1)
        if not await self.repo.save_group(moved):
            raise RouletteError("stale")
        for member in moved.members:
            if member != user_key:
                payload = {"group_id": moved.id, "index": moved.slot_index, "to": member}
                key = f"{SUGGEST_JOB}:{moved.id}:{moved.slot_index}:{member}"
                await self.jobs.schedule(SUGGEST_JOB, payload, self.clock.now(), key)
        return moved

    async def answer_follow_up(self, group_id: int, user_key: str, met: bool) -> Group:
        """Count one anonymous answer for the group's round, once per member: a repeated
        click, a Teams re-delivery or the other button of an old copy of the card adds
        nothing (the first answer stands; the card is replaced once answered). The group
        records that the member answered, never what. Someone who left the roulette is not
        counted (RouletteError "not_in")."""
        group = await self.group_of(group_id, user_key)
        participant = await self.repo.get_participant(user_key)
        if participant is None or not participant.active:
            raise RouletteError("not_in")
        for _ in range(3):  # another member's answer or "anderer Vorschlag" may come between
            if user_key in group.answered:
                return group
            marked = replace(
                group, answered=(*group.answered, user_key), version=group.version + 1
            )
            if await self.repo.save_group(marked):
                # Marked first: a crash between the two steps loses this answer at most,
                # never counts it twice.
                await self.repo.count_answer(group.round_no, met)
                return marked
            group = await self.group_of(group_id, user_key)
        raise RouletteError("stale")

    async def mails(self, group: Group) -> list[str]:
        """Each member's mail from the directory ("" when unknown), in member order."""
        mails = []
        for key in group.members:
            person = await self.directory.get_person(key)
            mails.append(person.mail if person and person.mail else "")
        return mails

    async def deliver(self, user_key: str, card: dict[str, object], tenant: str | None) -> None:
        """Send a DM or raise UndeliverableError (the job is retried later)."""
        if await self.notifier.send_direct(user_key, dict(card), tenant) is None:
            raise UndeliverableError(user_key)
