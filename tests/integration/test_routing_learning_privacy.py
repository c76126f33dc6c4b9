"""What routing learnt from a person's decisions is exported and erased with their data."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.decisions import SqlDecisionLog
from bot.adapters.db.privacy import SqlPersonalData
from bot.adapters.db.questions import SqlQuestionRepository
from bot.domain.privacy.retention import Retention
from bot.domain.routing.decisions import DecisionSignal
from tests.support.privacy_world import ANNA, BERND, CARLA, NOW, seed

SINCE = NOW - timedelta(days=30)


async def _learnt(sessions: async_sessionmaker[AsyncSession]) -> list[tuple[int, str, str]]:
    recent = await SqlDecisionLog(sessions).recent("default", SINCE)
    return [(d.signal.question_id, d.signal.expert_key, d.signal.kind) for d in recent]


async def test_export_lists_her_declines_and_forwards_to_her(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    ids = (await seed(sessions)).questions
    export = await SqlPersonalData(sessions).export(ANNA.key)
    assert export["routing_decisions"] == [
        {"question_id": ids["anna_asked"], "kind": "declined",
         "decided_at": (NOW - timedelta(days=2)).isoformat()},
        {"question_id": ids["bernd_only"], "kind": "forwarded_to",
         "decided_at": (NOW - timedelta(days=2)).isoformat()},
    ]  # fmt: skip
    bernd = await SqlPersonalData(sessions).export(BERND.key)
    assert [r["question_id"] for r in bernd["routing_decisions"]] == [ids["anna_answered"]]


async def test_erasure_deletes_what_was_learnt_about_her_and_keeps_the_others(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    ids = (await seed(sessions)).questions
    counts = await SqlPersonalData(sessions).erase(ANNA.key, NOW)
    assert counts["routing_decisions"] == 2
    # Carla's forward on Bernd's question and Bernd's decline of Anna's answered question stay
    # (her question is kept as knowledge, without her name).
    assert sorted(await _learnt(sessions)) == sorted(
        [(ids["anna_asked"], CARLA.key, "forwarded_to"),
         (ids["anna_answered"], BERND.key, "declined")]
    )  # fmt: skip
    assert not (await SqlPersonalData(sessions).export(ANNA.key))["routing_decisions"]


async def test_a_question_blanked_by_the_erasure_carries_no_text_and_retention_drops_it(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    ids = (await seed(sessions)).questions
    log, questions = SqlDecisionLog(sessions), SqlQuestionRepository(sessions)
    await log.record([DecisionSignal("default", ids["anna_open"], BERND.key, "declined", NOW)])
    await SqlPersonalData(sessions).erase(ANNA.key, NOW)
    opened = await questions.get(ids["anna_open"])
    assert opened is not None and opened.text == ""
    [blank] = [d for d in await log.recent("default", SINCE) if d.signal.question_id == opened.id]
    assert blank.text == ""  # the ranking ignores it (DecisionAdjuster)
    # Retention: once the questions are past their period, their signals are gone too.
    await SqlPersonalData(sessions).purge(Retention().cutoffs(NOW + timedelta(days=800)))
    assert await _learnt(sessions) == []
