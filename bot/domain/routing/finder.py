"""The search "Wer weiß was?": the experts a topic would be routed to, present now.

No ranking of its own: the pool's router ranks the topic exactly as it ranks a question, and
``ExpertSelection.absence`` decides who is away, as for routing. An absent expert is left out
rather than marked: a search result invites a chat now, and she would not answer. Her stand-in
(her deputy from "Meine Themen", or a colleague her out-of-office note names) is listed in her
place, "Vertretung für …", as routing would ask the stand-in. Someone who
only shares the site ("Raumplanung Köln": works in Köln) is left out as routing never names
her (``SITE_ONLY``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.domain.routing.experts import ExpertRecord
from bot.domain.routing.selection import SITE_ONLY, ExpertSelection
from bot.domain.routing.service import RoutingService
from bot.domain.routing.why import Why, why_ranked

# The router ranks this many at most; a topic matching more people is too broad to page on.
MAX_FOUND = 25


@dataclass(frozen=True, slots=True)
class FoundExpert:
    """One present expert for a topic, with the reason line routing would show."""

    record: ExpertRecord
    reason: Why


async def who_knows(
    service: RoutingService,
    pool_id: str,
    topic: str,
    now: datetime,
    *,
    skip: int = 0,
    count: int = 10,
    english: bool = False,
    searcher: str = "",
) -> list[FoundExpert]:
    """Present experts of ``pool_id`` for ``topic`` in routing order, ``count`` from ``skip``;
    ``english``: typed in an English client. Like routing, which never names the asker, the
    ``searcher`` is not offered to themselves."""
    pool = await service.routers.get(pool_id)
    if pool.empty or skip >= MAX_FOUND:
        return []
    # A topic has no function words to tell its language by, and "room planning" read as
    # German finds nobody: the client's language decides (a German topic typed in an English
    # client ranks the same either way).
    ranking = pool.rank(topic, k=MAX_FOUND, english_client=english)
    selection = ExpertSelection(service.experts, service.directory, service.calendar.zone)
    found: list[FoundExpert] = []
    listed = {searcher}
    for candidate in (c for c in ranking.candidates if c.reason != SITE_ONLY):
        if len(found) >= skip + count:
            break
        record = await service.experts.get(pool_id, candidate.expert_id)
        if record is None or record.user_key in listed:
            continue
        reason = why_ranked(candidate.reason, selection.zone)
        away = await selection.absence(record, now)
        if away is not None:
            deputy = await selection.deputy_of(record, away, now, searcher)
            if deputy is None:
                continue
            record, reason = deputy, Why("deputy", name=record.name)
            if record.user_key in listed:
                continue  # listed already, for her own topic or as another's stand-in
        listed.add(record.user_key)
        found.append(FoundExpert(record, reason))
    return found[skip:]
