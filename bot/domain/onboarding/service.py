"""Application service of buddy onboarding: a newcomer joins → one onboarding, a buddy (or the
admins are asked), the welcome and the buddy's introduction as durable jobs, check-ins later.

Messages go out through jobs with dedup keys: a welcome that cannot be delivered yet (no chat
with the person, Teams throttling) is retried with backoff by the job runner and never sent
twice by two replicas; "willkommen offen" lists what is still waiting. The admins' picks, the
newcomer's opt-out, a newcomer's leaving and the notes to a buddy who is no longer one are in
reassign.py, joining (once per person, a rejoin resumed) in rejoin.py, the Entra group's
joins and departures in group.py, the volunteers' side in volunteering.py, the shared ports
and steps in core.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from bot.domain.graph_types import Person
from bot.domain.onboarding.candidates import find_buddy
from bot.domain.onboarding.core import (
    ADMIN_JOB,
    CHECK_IN_JOB,
    INTRO_JOB,
    NEWCOMER_LEFT_JOB,
    OPTED_OUT_JOB,
    PAIR_JOB,
    PAIR_WAITING_JOB,
    POLL_GROUP_JOB,
    REPLACED_JOB,
    WELCOME_JOB,
    NotSavedYetError,
    OnboardingPolicy,
    UndeliverableError,
)
from bot.domain.onboarding.group import GroupPolling
from bot.domain.onboarding.matching import NoBuddy
from bot.domain.onboarding.model import Onboarding, OnboardingError, OnboardingState
from bot.domain.onboarding.ports import Departures, OnboardingRepository
from bot.domain.onboarding.reassign import Reassigning
from bot.domain.onboarding.views import OnboardingViews
from bot.domain.onboarding.volunteering import Volunteering
from bot.domain.ports import Clock, Directory, JobQueue, Notifier, RecipientLanguages

__all__ = [  # the job kinds are read from here by the wiring
    "ADMIN_JOB", "CHECK_IN_JOB", "INTRO_JOB", "NEWCOMER_LEFT_JOB", "OPTED_OUT_JOB", "PAIR_JOB",
    "PAIR_WAITING_JOB", "POLL_GROUP_JOB",
    "REPLACED_JOB", "WELCOME_JOB", "NotSavedYetError", "OnboardingPolicy", "OnboardingService",
    "UndeliverableError",
]  # fmt: skip
_PAIR_ATTEMPTS = 3  # buddies filled by other jobs in a row: then the admins pick
_WAITING_PER_RUN = 50  # waiting newcomers one pair_waiting run looks at (each asks Graph)


@dataclass
class OnboardingService(Reassigning, GroupPolling, Volunteering):
    """Welcomes newcomers and pairs them with buddies."""

    repo: OnboardingRepository
    departures: Departures
    directory: Directory
    notifier: Notifier
    jobs: JobQueue
    clock: Clock
    views: OnboardingViews
    languages: RecipientLanguages
    policy: OnboardingPolicy = field(default_factory=OnboardingPolicy)

    async def pair_and_welcome(self, onboarding_id: int, resumed: int | None = None) -> None:
        """Job: choose the buddy (or ask the admins), then plan the welcome; ``resumed``: the
        version of an onboarding resumed after a rejoin (whose welcome may have gone out)."""
        onboarding = await self.get(onboarding_id)
        if onboarding.state is OnboardingState.UNPAIRED and onboarding.buddy_key is None:
            person = await self.directory.get_person(onboarding.newcomer_key)
            onboarding = await self._pair(onboarding, person, resumed=resumed)
        if resumed is None:
            await self._send_later(WELCOME_JOB, onboarding, onboarding.newcomer_key)
        elif onboarding.welcomed_at is None:
            await self._resumed_job(WELCOME_JOB, onboarding)
        elif onboarding.buddy_key is not None and onboarding.reasons != ("admin",):
            # Welcomed before they left: only the note naming the new buddy (an admin's pick
            # meanwhile sends its own; nobody found: the admins' pick will).
            newcomer = onboarding.newcomer_key
            await self._send_later(WELCOME_JOB, onboarding, newcomer, version=onboarding.version)

    async def pair_waiting(self, since: datetime, after: int = 0) -> int:
        """Job (planned when someone volunteered at ``since``): newcomers who were waiting for
        a buddy then, oldest first, get one if someone fits now; one welcomed already gets the
        note naming the buddy (the others are welcomed with it). The admins are not asked
        again; one who left is not paired but ended. Onboardings started since are paired by
        their own job. Each run takes the next few after the onboarding ``after`` and plans the
        next run; it stops when no volunteer has room. Returns how many were paired."""
        waiting = await self.repo.waiting(since, after, _WAITING_PER_RUN)
        ended = {o.id for o in await self.end_departed(waiting)}
        paired_now = 0
        for onboarding in (o for o in waiting if o.id not in ended):
            if not await self.pickable_volunteers():
                return paired_now  # nobody has room: the rest waits for the next volunteer
            person = await self.directory.get_person(onboarding.newcomer_key)
            paired = await self._pair(onboarding, person, ask_admins=False)
            if paired.buddy_key is None or paired.reasons == ("admin",):
                continue  # nobody fits yet, or an admin picked meanwhile (that pick tells)
            paired_now += 1
            if onboarding.welcomed_at is not None:
                newcomer = paired.newcomer_key
                await self._send_later(WELCOME_JOB, paired, newcomer, version=paired.version)
        if len(waiting) == _WAITING_PER_RUN:  # more may wait: a new run (each asks Graph)
            payload = {"since": since.isoformat(), "after": waiting[-1].id}
            key = f"{PAIR_WAITING_JOB}:{since.isoformat()}:{waiting[-1].id}"
            await self.jobs.schedule(PAIR_WAITING_JOB, payload, self.clock.now(), dedup_key=key)
        return paired_now

    async def _pair(
        self,
        onboarding: Onboarding,
        person: Person | None,
        *,
        ask_admins: bool = True,
        resumed: int | None = None,
    ) -> Onboarding:
        # Another pairing job (or replica) may fill the chosen buddy between choosing and
        # saving: the save checks the capacity again in one transaction, and a refused one
        # chooses anew from what is stored by then.
        # Newcomers who left free their buddies before the capacity is counted.
        busy_since = self.clock.now() - self.policy.match.buddy_period
        history = await self.repo.with_buddy()
        await self.end_departed([o for o in history if o.paired_since > busy_since])
        for _ in range(_PAIR_ATTEMPTS):
            now = self.clock.now()
            choice = await find_buddy(onboarding, person, repo=self.repo,
                                      departures=self.departures, directory=self.directory,
                                      now=now, policy=self.policy.match)  # fmt: skip
            if isinstance(choice, NoBuddy):
                break
            paired = await self._paired(onboarding, choice.buddy_id, choice.reasons)
            if await self.repo.pair(paired, now - self.policy.match.buddy_period):
                await self._plan_pairing(paired, choice.buddy_id, saved=True)
                return paired
            current = await self.get(onboarding.id)
            if current.version != onboarding.version:
                return current  # changed meanwhile (an admin picked): that stands
        if ask_admins and resumed is None:
            await self._send_later(ADMIN_JOB, onboarding, "admins")
        elif ask_admins:
            # Resumed after a rejoin: the first ask's key is used up, so it is asked again
            # under the resumed version (once per resumption, however often the join is
            # delivered); a first ask still pending (admins unreachable) goes, not twice.
            await self.jobs.cancel(f"{ADMIN_JOB}:{onboarding.id}::admins")
            await self._resumed_job(ADMIN_JOB, onboarding)
        return onboarding

    async def welcome(
        self, onboarding_id: int, buddy: str | None = None, version: int | None = None
    ) -> None:
        """Job: the welcome DM with what the network is and who the buddy is; with ``buddy``
        and ``version`` (an admin's pick after the welcome, which a later one may have
        replaced) only a note naming the new buddy."""
        onboarding = await self._saved(onboarding_id, version)
        if version is not None and onboarding.buddy_key != buddy:
            return  # the pick lost its save, or a later one replaced it (and tells itself)
        if onboarding.state is OnboardingState.LEFT:
            return  # gone before the welcome reached them
        # A newcomer who never wrote to the bot reads it in their Entra profile's language.
        lang = await self.languages.language_of(onboarding.newcomer_key)
        buddy_mail = await self._links(onboarding.buddy_key)
        if version is not None:
            if onboarding.state is not OnboardingState.PAIRED:
                return  # opted out (or ended) since the pick: no buddy to name
            # An admin's pick after the welcome: a short note with the new buddy, not the whole
            # welcome again (each re-pairing would repeat the network's introduction).
            card = self.views.buddy_changed_card(onboarding, buddy_mail, lang)
            await self.deliver(onboarding.newcomer_key, card, onboarding.tenant_id)
            return
        card = self.views.welcome_card(onboarding, buddy_mail, lang)
        await self.deliver(onboarding.newcomer_key, card, onboarding.tenant_id)
        await self._mark(onboarding.id, None, welcomed_at=self.clock.now())

    async def _mark(self, onboarding_id: int, buddy: str | None, **values: Any) -> None:
        for _ in range(3):  # a decision may save in between; the mark is not a decision
            current = await self.get(onboarding_id)
            if buddy is not None and current.buddy_key != buddy:
                return  # re-paired meanwhile: the mark was about the former pairing
            marked = replace(current, **values, version=current.version + 1)
            if await self.repo.save(marked):
                return

    async def introduce_buddy(
        self, onboarding_id: int, buddy_key: str, version: int | None = None
    ) -> None:
        """Job: the buddy's introduction card with links and the checklist (``version``: of
        the admin's pick that planned it, None for the matcher's)."""
        onboarding = await self._saved(onboarding_id, version)
        if onboarding.buddy_key != buddy_key or onboarding.state is not OnboardingState.PAIRED:
            return  # re-paired or opted out meanwhile
        if onboarding.introduced_at is not None:
            return  # introduced already (by a pick that lost its save and was made again)
        lang = await self.languages.language_of(buddy_key)
        newcomer_mail = await self._links(onboarding.newcomer_key)
        card = self.views.buddy_card(onboarding, newcomer_mail, lang)
        await self.deliver(buddy_key, card, onboarding.tenant_id)
        # Recorded: a buddy replaced later is told only if they heard of the newcomer.
        await self._mark(onboarding.id, buddy_key, introduced_at=self.clock.now())

    async def ask_admins(self, onboarding_id: int) -> None:
        """Job: nobody fits, the admins pick someone (each admin gets the card)."""
        onboarding = await self.get(onboarding_id)
        if onboarding.state is not OnboardingState.UNPAIRED:
            return
        volunteers = await self.pickable_volunteers(onboarding.newcomer_key)
        reached = 0
        cards: dict[str, dict[str, Any]] = {}  # built once per language, not per admin
        for admin in sorted(self.policy.admins):
            lang = await self.languages.language_of(admin)
            if lang not in cards:
                cards[lang] = self.views.admin_pick_card(onboarding, volunteers, lang)
            sent = await self.notifier.send_direct(admin, cards[lang], onboarding.tenant_id)
            if sent is not None:
                reached += 1
        if self.policy.admins and not reached:
            raise UndeliverableError("admins")

    async def check_in(
        self, onboarding_id: int, days: int, side: str, buddy: str | None = None
    ) -> None:
        """Job: "Haben Sie sich getroffen?" to one side of the pairing with ``buddy`` (None:
        planned before jobs named the buddy); a pairing replaced since asks nothing."""
        onboarding = await self.repo.get(onboarding_id)
        if onboarding is None:
            return  # removed meanwhile (retention or erasure): nothing to ask
        if onboarding.state is not OnboardingState.PAIRED or not onboarding.buddy_key:
            return
        if buddy is not None and buddy != onboarding.buddy_key:
            return  # an admin paired the newcomer anew: that pairing has its own check-ins
        if onboarding.newcomer_key in await self.departures.departed([onboarding.newcomer_key]):
            # The newcomer left the team: the onboarding ends here. Recorded as missed, so a
            # rejoin asks it after all (left_at, now, is past its due time).
            await self.end_left(onboarding, missed_check_in=days)
            return
        to = onboarding.newcomer_key if side == "newcomer" else onboarding.buddy_key
        lang = await self.languages.language_of(to)
        # The days that really passed since the pairing: one asked late (missed while the
        # newcomer was away, asked after their return) does not claim "7 days ago".
        elapsed = max(days, (self.clock.now() - onboarding.paired_since).days)
        card = self.views.check_in_card(onboarding, days, side, lang, elapsed)
        await self.deliver(to, card, onboarding.tenant_id)

    async def answer_check_in(
        self, onboarding_id: int, days: int, user_key: str, answer: str
    ) -> Onboarding:
        """Record a check-in answer; "hilfe" tells the admins. ``days`` comes from the card:
        only a check-in the onboarding is due for counts (not 5, nor 28 after one week)."""
        onboarding = await self.get(onboarding_id)
        if user_key == onboarding.newcomer_key:
            side = "newcomer"
        elif user_key == onboarding.buddy_key:
            side = "buddy"
        else:
            raise OnboardingError("not_yours")
        due = onboarding.paired_since + timedelta(days)
        if days not in self.policy.check_in_days or self.clock.now() < due:
            raise OnboardingError("check_in_days")
        answers = {**onboarding.check_ins, f"{days}:{side}": answer}
        updated = replace(onboarding, check_ins=answers, version=onboarding.version + 1)
        if not await self.repo.save(updated):
            raise OnboardingError("changed")
        if answer == "hilfe":
            for admin in sorted(self.policy.admins):
                lang = await self.languages.language_of(admin)
                card = self.views.help_needed_card(updated, side, lang)
                await self.notifier.send_direct(admin, card, onboarding.tenant_id)
        return updated
