"""Three real bot processes on one PostgreSQL database: a roulette round that comes due is run
once, and each participant, also one who never wrote to the bot (reached through the team's
roster), gets exactly one introduction."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.adapters.db.jobs import SqlJobQueue
from bot.adapters.db.models import RouletteGroupRow, ScheduledJob
from bot.adapters.db.roulette import SqlRouletteRepository
from bot.domain.roulette.model import Participant
from bot.domain.roulette.schedule import round_at
from bot.domain.roulette.service import INTRO_JOB, PLAN_JOB, ROUND_JOB
from tests.integration.test_three_replicas import (  # noqa: F401 (fixtures)
    JANA,
    MELANIE,
    QUIET,
    SABINE,
    Cluster,
    cards_to,
    cluster,
    postgres_url,
)
from tests.support import activities

INTRO = "Los entschieden"


@pytest.mark.postgres
async def test_three_replicas_run_a_round_once_and_introduce_each_person_once(
    cluster: Cluster,  # noqa: F811 (the fixture imported above)
) -> None:
    sink = cluster.sink
    install = activities.as_user(activities.bot_added_to_team(sink.url), *SABINE)
    assert all(s in (200, 201) for s in await cluster.everywhere(install))
    await cluster.settled({"members.sync"})
    # Sabine opts in; Teams delivers her message to all three replicas.
    opt_in = activities.as_user(activities.message(sink.url, "kaffee roulette an"), *SABINE)
    assert all(s in (200, 201) for s in await cluster.everywhere(opt_in))
    # Jana and Melanie never wrote to the bot (e.g. opted in from the team's welcome card).
    repo = SqlRouletteRepository(cluster.sessions)
    for key, name in (JANA, MELANIE):
        await repo.save_participant(Participant(key, name, activities.TENANT_ID))

    now = datetime.now(UTC)
    number = round_at(now, 2, ZoneInfo("Europe/Berlin"))
    queue = SqlJobQueue(cluster.sessions)
    key = f"{ROUND_JOB}:{number}"
    assert await queue.schedule(ROUND_JOB, {"round_no": number}, now, key)
    assert not await queue.schedule(ROUND_JOB, {"round_no": number}, now, key)
    await cluster.settled({ROUND_JOB, PLAN_JOB, INTRO_JOB}, within=30)
    await asyncio.sleep(QUIET)  # after the queue drained: time for a wrong second send

    for who in (SABINE, JANA, MELANIE):
        assert len(cards_to(sink, who, INTRO)) == 1, who
    async with cluster.sessions() as session:
        groups = (await session.scalars(select(RouletteGroupRow))).all()
        rounds = (
            await session.scalars(select(ScheduledJob).where(ScheduledJob.kind == ROUND_JOB))
        ).all()
    assert [sorted(g.members) for g in groups] == [sorted(k for k, _ in (SABINE, JANA, MELANIE))]
    # The round that ran, and the next one planned once by three starting replicas and the run.
    assert sorted(job.payload["round_no"] for job in rounds) == [number, number + 1]
