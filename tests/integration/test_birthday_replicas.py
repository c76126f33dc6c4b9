"""Three real bot processes on one PostgreSQL database: the daily birthday job runs once, each
reminder DM goes out once, and "Gratulieren" clicked on all three replicas posts one greeting."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from bot.adapters.db.models import ScheduledJob
from bot.domain.birthdays.service import DAILY_JOB, GREET_JOB, REMIND_JOB
from bot.domain.members.sync import SYNC_JOB
from tests.integration.test_three_replicas import (  # noqa: F401 (fixtures)
    JANA,
    MELANIE,
    QUIET,
    SABINE,
    Cluster,
    cards_to,
    cluster,
    eventually,
    postgres_url,
)
from tests.support import activities

BERLIN = ZoneInfo("Europe/Berlin")
TEAM = "19:team@thread.tacv2"


@pytest.mark.postgres
async def test_the_daily_birthday_job_and_its_messages_happen_once(
    cluster: Cluster,  # noqa: F811 (the fixture imported above)
) -> None:
    sink = cluster.sink
    assert (await cluster.post(0, activities.bot_added_to_team(sink.url)))[0] in (200, 201)
    await eventually(lambda: bool(sink.paged_requests))
    await cluster.settled({SYNC_JOB})
    today = datetime.now(UTC).astimezone(BERLIN).date()

    async def say(replica: int, who: tuple[str, str], text: str) -> str:
        activity = activities.as_user(activities.message(sink.url, text), *who)
        status, _ = await cluster.post(replica, activity)
        assert status in (200, 201)
        return sink.texts()[-1]

    assert "Gespeichert" in await say(0, JANA, f"mein geburtstag {today.day}.{today.month}.")
    assert "Netzwerk" in await say(1, JANA, "geburtstag sichtbar für netzwerk")
    assert "Sie folgen jetzt Jana Becker" in await say(2, MELANIE, "folge Jana Becker")
    assert "Geburtstage" in await say(1, SABINE, "erinnere mich an geburtstage im netzwerk")

    # The morning comes: every replica planned today's run at start (one row, dedup key).
    async with cluster.sessions.begin() as session:
        moved = await session.execute(
            update(ScheduledJob)
            .where(ScheduledJob.kind == DAILY_JOB, ScheduledJob.done_at.is_(None))
            .values(due_at=datetime.now(UTC))
        )
        assert moved.rowcount == 1  # type: ignore[attr-defined]
    await eventually(lambda: bool(cards_to(sink, SABINE, "Heute hat Jana Becker Geburtstag")))
    await cluster.settled({DAILY_JOB, REMIND_JOB})
    await asyncio.sleep(QUIET)
    for who in (SABINE, MELANIE):
        assert len(cards_to(sink, who, "Heute hat Jana Becker Geburtstag")) == 1
    assert cards_to(sink, JANA, "Geburtstag") == []

    click = activities.card_invoke(
        sink.url, "birthdays.congratulate", {"person_key": JANA[0], "day": today.isoformat()}
    )
    bodies = await asyncio.gather(
        *(cluster.post(n, activities.as_user(dict(click), *SABINE)) for n in range(3))
    )
    texts = [body for _, body in bodies]
    assert sum("erscheint gleich" in t for t in texts) == 1
    assert sum("schon gratuliert" in t for t in texts) == 2
    await eventually(lambda: any(a["_conversation"] == TEAM for a in sink.sent))
    await cluster.settled({GREET_JOB})
    await asyncio.sleep(QUIET)
    greetings = [a for a in sink.sent if a["_conversation"] == TEAM and a.get("attachments")]
    assert len(greetings) == 1

    jobs = [job for job in await cluster.jobs() if job.kind.startswith("birthdays.")]
    ran = [job for job in jobs if job.done_at is not None]
    assert sorted(job.kind for job in ran if job.kind != DAILY_JOB) == sorted(
        [REMIND_JOB, REMIND_JOB, GREET_JOB]
    )
    # Started after 08:00 Berlin time, the replicas run today's missed daily job at once (before
    # the birthday is saved) and the one moved to now above is the next day's: one per day
    # either way (the dedup key holds the day), never one per replica.
    daily = [job for job in ran if job.kind == DAILY_JOB]
    assert 1 <= len(daily) <= 2, [job.dedup_key for job in daily]
    assert [(job.kind, job.attempts, job.last_error) for job in ran if job.attempts != 1] == []
    # Tomorrow's run is planned once, whichever replica ran today's. (After 08:00 the run moved
    # to now above already was tomorrow's, so the day it would plan next is taken.)
    pending = [job.kind for job in jobs if job.done_at is None]
    assert pending == ([DAILY_JOB] if len(daily) == 1 else []), [j.dedup_key for j in daily]
