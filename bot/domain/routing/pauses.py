"""An expert who pauses in "Meine Themen" while a question waits for their reaction.

Routing never asks a paused expert, and a forward to one is refused; a question asked before the
pause would otherwise wait the whole escalation delay for someone who said they are away. It
moves on at once: the expert is marked away until the pause ends (not declined, so the question
can come back to them, see returns.py) and the next named expert is asked. A question the
expert already took stays theirs: taking it was a promise the pause does not undo.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from bot.domain.routing.experts import ExpertRecord
from bot.domain.routing.questions import DecisionError, QuestionState, Step

if TYPE_CHECKING:
    from bot.domain.routing.service import RoutingService


async def hand_on_while_paused(
    service: RoutingService, record: ExpertRecord, now: datetime
) -> int:
    """After ``record`` was saved in "Meine Themen": its pause holds in every pool the expert
    is in (a pause is the person's, not a team's), and every question waiting for their
    reaction moves on while the pause lasts; how many moved on."""
    records = [record, *await _pause_elsewhere(service, record)]
    if record.paused_until is None or record.available_at(now):
        return 0
    until = service.selection.last_day(record.paused_until).isoformat()
    moved = 0
    for pool in (r.pool_id for r in records):
        for question in await service.questions.open_questions(pool):
            current = question.current_expert
            if question.state is not QuestionState.ASKED or current is None:
                continue
            if current.expert_key != record.user_key:
                continue
            with suppress(DecisionError):  # decided meanwhile (taken, answered): that stands
                await service.move_on(question.id, _away(record.user_key, until), record.user_key)
                moved += 1
    return moved


async def _pause_elsewhere(service: RoutingService, record: ExpertRecord) -> list[ExpertRecord]:
    changed = []
    for pool in await service.experts.pools_of(record.user_key):
        if pool == record.pool_id:
            continue  # saved by the form itself
        other = await service.experts.get(pool, record.user_key)
        if other is None or other.paused_until == record.paused_until:
            continue
        other = replace(other, paused_until=record.paused_until, source="profile")
        await service.experts.upsert(other)
        service.routers.invalidate(pool)
        changed.append(other)
    return changed


def _away(expert_key: str, until: str) -> Step:
    return lambda question, due: question.step_away(expert_key, until, due)
