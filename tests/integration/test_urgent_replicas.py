"""Three real bot processes on one PostgreSQL database: an urgent call's "Einladen" that Teams
delivers to every replica, while Graph throttles the booking past msgraph's own retries, ends
in exactly one Teams meeting (the booking job runs once; the transaction id guards retries)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from bot.adapters.db.engine import create_engine, create_session_factory
from bot.domain.urgent.service import BOOK_JOB
from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator import running_simulator
from tests.integration.test_three_replicas import (  # noqa: F401 (fixtures)
    JANA,
    QUIET,
    Cluster,
    postgres_url,
)
from tests.support import activities
from tests.support.bot_processes import running_bots
from tests.support.connector_sink import running_sink

ASK = "Ich brauche heute noch 30 Minuten mit Dr. Albrecht und Herrn Meyer"
JANA_MAIL = "jana.becker@nordlicht-demo.de"
ALBRECHT = "katharina.albrecht@nordlicht-demo.de"


@pytest.fixture
async def stack(postgres_url: str, tmp_path: Path) -> AsyncIterator[tuple[Cluster, str]]:  # noqa: F811
    """Three replicas on one database and the Graph simulator's address."""
    engine = create_engine(postgres_url)
    async with running_simulator(load_demo_organisation()) as graph_url, running_sink() as sink:
        settings = {
            "mode": "local", "database_url": postgres_url, "graph_base_url": graph_url,
            "log_json": "true", "log_level": "INFO",
        }  # fmt: skip
        workdir = tmp_path / "replicas"
        workdir.mkdir()
        try:
            sessions = create_session_factory(engine)
            async with running_bots(3, settings, workdir) as bots, aiohttp.ClientSession() as http:
                yield Cluster(bots, sink, http, sessions), graph_url
            assert [bot.returncode for bot in bots] == [0, 0, 0]
        finally:
            await engine.dispose()


async def _meetings(graph_url: str, mailbox: str) -> list[dict[str, object]]:
    url = f"{graph_url.removesuffix('/v1.0')}/_sim/calendars/{mailbox}"
    async with aiohttp.ClientSession() as http, http.get(url) as response:
        events = (await response.json())["events"]
    return [e for e in events if str(e["subject"]).startswith("Dringender Termin")]


@pytest.mark.postgres
async def test_one_meeting_when_every_replica_gets_the_click_and_graph_throttles(
    stack: tuple[Cluster, str],
) -> None:
    cluster, graph_url = stack
    sink = cluster.sink
    asked = activities.as_user(activities.message(sink.url, ASK), *JANA)
    status, _ = await cluster.post(0, asked)
    assert status == 201
    cards = [
        a["attachments"][0]["content"]
        for a in sink.sent
        if a["_conversation"] == f"a:personal-{JANA[0]}" and a.get("attachments")
    ]
    offer = next(a["data"] for a in cards[-1]["actions"] if a.get("verb") == "urgent.invite")
    fault = {"path_prefix": f"/users/{JANA_MAIL}/calendar/events", "method": "POST",
             "status": 429, "retry_after": 1, "count": 4}  # fmt: skip
    async with aiohttp.ClientSession() as http:
        admin = graph_url.removesuffix("/v1.0") + "/_sim/faults"
        async with http.post(admin, json=fault) as response:
            assert response.status == 201
    click = activities.as_user(activities.card_invoke(sink.url, "urgent.invite", offer), *JANA)
    results = await asyncio.gather(*(cluster.post(n, click) for n in range(3)))
    bodies = [body for _, body in results]
    # The refused clicks answer with the asker's card as it is now ("Wird gebucht") and the
    # reason on top; one click alone books.
    refused = [b for b in bodies if "bereits entschieden" in b]
    assert len(refused) == 2, bodies
    assert sum("Wird gebucht" in b or "gebucht:" in b for b in bodies if b not in refused) == 1
    await cluster.settled({BOOK_JOB}, within=30)
    await asyncio.sleep(QUIET)
    for mailbox in (JANA_MAIL, ALBRECHT):
        meetings = await _meetings(graph_url, mailbox)
        assert len(meetings) == 1, (mailbox, meetings)
        assert meetings[0]["isOnlineMeeting"] is True
    jobs = [job for job in await cluster.jobs() if job.kind == BOOK_JOB]
    assert len(jobs) == 1 and jobs[0].done_at is not None and jobs[0].attempts >= 1
