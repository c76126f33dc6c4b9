"""Who is named for a question: the ranked experts, stand-ins for the absent, the absent last.

An absent expert (paused in "Meine Themen", or with an active out-of-office reply in Graph) is
not asked. Her deputy from "Meine Themen" stands in, else a colleague of the pool whom her
out-of-office note names ("In dringenden Fällen hilft Anja Werner weiter."). Without a stand-in
she is still named, marked "abwesend bis …" and never asked: an answer "Dazu kenne ich niemanden"
would be wrong when the network has the expert, and she can take it when she is back.

An expert whose account is gone from Entra (left the company) is never named: not asked, not
listed as absent; a deputy from "Meine Themen" stands in. Leaving the team is not leaving the
network: experts outside the team are reached by the personal app or an @mention.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.ports import Directory
from bot.domain.routing.clarify import choices_for, close_call
from bot.domain.routing.experts import ExpertRecord
from bot.domain.routing.models import Candidate, Reason, RoutingResult
from bot.domain.routing.named import NamedExpert
from bot.domain.routing.ports import ExpertRepository
from bot.domain.routing.questions import MAX_NAMED
from bot.domain.routing.text import fold
from bot.domain.routing.why import Why, why_ranked

log = logging.getLogger(__name__)
# Sharing only the site with the question ("… in Hamburg") says where someone works, not what
# they know: such an expert is never named, so never asked in place of an absent one.
SITE_ONLY = Reason("profile", field="location")
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Absence:
    """Why an expert is away: the last day away (None: open-ended) and their note."""

    last_day: date | None
    note: str = ""
    # Gone for good: the account is gone from the directory.
    left: bool = False


GONE = Absence(None, left=True)


def named_expert(record: ExpertRecord, reason: Why) -> NamedExpert:
    """The question's view of an expert record."""
    return NamedExpert(
        expert_key=record.user_key,
        name=record.name,
        reason=reason,
        department=record.department,
        location=record.location,
    )


@dataclass
class ExpertSelection:
    """Turns ranked candidates into the (at most three) experts a question names."""

    experts: ExpertRepository
    directory: Directory
    zone: ZoneInfo

    async def named(
        self,
        pool_id: str,
        candidates: Iterable[Candidate],
        now: datetime,
        asker_key: str,
        limit: int = MAX_NAMED,
    ) -> tuple[NamedExpert, ...]:
        """Present experts (or stand-ins) in ranking order, then the absent ones; at most
        ``limit``."""
        present: list[NamedExpert] = []
        absent: list[NamedExpert] = []
        seen = {asker_key}
        for candidate in (c for c in candidates if c.reason != SITE_ONLY):
            record = await self.experts.get(pool_id, candidate.expert_id)
            if record is None or record.user_key in seen:
                continue
            reason = why_ranked(candidate.reason, self.zone)
            away = await self.absence(record, now)
            if away is None:
                seen.add(record.user_key)
                present.append(named_expert(record, reason))
                continue
            deputy = await self.deputy_of(record, away, now, asker_key)
            if deputy is not None:
                if deputy.user_key not in seen:
                    seen.add(deputy.user_key)
                    stand_in = Why("deputy", name=record.name)
                    present.append(named_expert(deputy, stand_in))
                continue
            if away.left:
                continue  # gone for good: "abwesend" would promise they come back
            seen.add(record.user_key)
            until = away.last_day.isoformat() if away.last_day else ""
            absent.append(replace(named_expert(record, reason), absent=True, absent_until=until))
        return tuple((present + absent)[:limit])

    async def choices(
        self, pool_id: str, ranking: RoutingResult, now: datetime, asker_key: str
    ) -> tuple[NamedExpert, ...]:
        """The experts of each "Geht es um …?" choice (labelled with it), or () when the
        ranking's winner is clear or fewer than two choices are left to ask about."""
        if not close_call(ranking):
            return ()
        profiles = {r.user_key: r.to_profile() for r in await self.experts.list_pool(pool_id)}
        by_id = {c.expert_id: c for c in ranking.candidates}
        named: dict[str, NamedExpert] = {}
        for choice in choices_for(ranking, profiles):
            group = [by_id[i] for i in choice.expert_ids]
            for expert in await self.named(pool_id, group, now, asker_key):
                named.setdefault(expert.expert_key, replace(expert, choice=choice.label))
        labelled = tuple(named.values())
        return labelled if len({e.choice for e in labelled}) >= 2 else ()

    async def absence(self, record: ExpertRecord, now: datetime) -> Absence | None:
        """None when the expert can be asked now; ``GONE`` when they left."""
        if not record.available_at(now) and record.paused_until is not None:
            return Absence(self.last_day(record.paused_until))
        try:
            replies = await self.directory.get_automatic_replies(record.email or record.user_key)
        except Exception:
            # Graph unreachable must not block routing: ask the expert; escalation follows.
            log.warning("out-of-office state unknown for expert %s", record.user_key)
            return None
        if replies.status == "unknown" and await self._account_gone(record):
            return GONE
        if not replies.active_at(now):
            return None
        end = replies.scheduled_end if replies.status == "scheduled" else None
        return Absence(self.last_day(end) if end else None, replies.internal_message)

    async def forward_refusal(self, record: ExpertRecord, now: datetime) -> str | None:
        """Why a question may not be forwarded to the expert now ("target_gone": their account
        is gone; "target_away": paused or out of office), None when they can be asked. Routing
        never asks such an expert; a forward must not either, or nobody would answer."""
        away = await self.absence(record, now)
        if away is None:
            return None
        return "target_gone" if away.left else "target_away"

    async def _account_gone(self, record: ExpertRecord) -> bool:
        # No mailbox: either a person without one (asked as usual) or an account deleted.
        try:
            return await self.directory.get_person(record.user_key) is None
        except Exception:
            log.warning("directory entry unknown for expert %s", record.user_key)
            return False

    async def deputy_of(
        self, record: ExpertRecord, away: Absence, now: datetime, asker_key: str
    ) -> ExpertRecord | None:
        """Who stands in for ``record``, who is ``away``: her deputy from "Meine Themen", else
        a colleague of the pool her out-of-office note names, if present now; else None."""
        # The asker never stands in for the expert they are asking about: the expert is
        # then listed as away, and the question waits for them.
        keys = [record.deputy_key] if record.deputy_key else []
        if away.note:
            pool = await self.experts.list_pool(record.pool_id)
            keys += [e.user_key for e in pool if e.user_key != record.user_key and
                     _names(away.note, e.name)]  # fmt: skip
        for key in (k for k in keys if k != asker_key):
            deputy = await self.experts.get(record.pool_id, key)
            if deputy is not None and await self.absence(deputy, now) is None:
                return deputy
        return None

    def last_day(self, end: datetime) -> date:
        # Pauses and scheduled replies end at a local midnight: the day before is the last away.
        return (end - timedelta(seconds=1)).astimezone(self.zone).date()


def _names(note: str, name: str) -> bool:
    """True when an out-of-office note (plain text or HTML) names the person in full."""
    text = _SPACE.sub(" ", fold(html.unescape(_TAG.sub(" ", note))))
    wanted = _SPACE.sub(" ", fold(name)).strip()
    return bool(wanted) and re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", text) is not None
