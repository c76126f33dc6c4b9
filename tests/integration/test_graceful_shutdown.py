"""Graceful shutdown (SQLite and PostgreSQL): in-flight turns finish, jobs release their locks.

In process, through the aiohttp runner's cleanup, and as a real `assistenz-bot serve` process
stopped with SIGTERM. The connector sink answers slowly, so that work is in flight at the stop.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web
from sqlalchemy import select

from bot.adapters.clock import ManualClock
from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.jobs import SqlJobQueue
from bot.adapters.db.models import ScheduledJob
from bot.adapters.db.onboarding import SqlOnboardingRepository
from bot.app import create_app
from bot.domain.onboarding.service import WELCOME_JOB
from bot.services import PURGE_JOB
from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator import running_simulator
from tests.conftest import local_settings
from tests.support import activities
from tests.support.bot_processes import running_bots
from tests.support.held_sink import HeldSink, running_held_sink

JANA = ("3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85", "Jana Becker")
MELANIE = ("2b86549a-01f9-5f68-8b62-6230b0f81209", "Melanie Schäfer")
SABINE = ("c009aadc-479f-503c-b41a-60b0bbea7223", "Sabine Krüger")
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@asynccontextmanager
async def served(app: web.Application) -> AsyncIterator[tuple[web.AppRunner, str]]:
    """Serve ``app`` on a loopback port; the test may shut the runner down itself."""
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=20)
    await runner.setup()
    try:
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        yield runner, f"http://127.0.0.1:{port}"
    finally:
        if runner.server is not None:  # not shut down by the test
            await runner.cleanup()


async def post(http: aiohttp.ClientSession, url: str, activity: dict[str, Any]) -> int:
    """POST an activity to /api/messages; returns the status once the answer is complete."""
    async with http.post(f"{url}/api/messages", json=activity) as response:
        await response.read()
        return response.status


async def refuses_connections(url: str) -> bool:
    """True when nothing listens at ``url`` any more (a fresh connection is refused)."""
    async with aiohttp.ClientSession() as fresh:
        try:
            async with fresh.get(f"{url}/healthz"):
                return False
        except aiohttp.ClientConnectionError:
            return True


def volunteering(sink: HeldSink, who: tuple[str, str]) -> dict[str, Any]:
    """The message "ich werde gern buddy" in ``who``'s 1:1 chat."""
    return activities.as_user(activities.message(sink.url, "ich werde gern buddy"), *who)


def member_added(sink: HeldSink, aad: str) -> dict[str, Any]:
    """conversationUpdate as Teams sends it: only the new member's id, no name."""
    activity = activities.bot_added_to_team(sink.url)
    activity["membersAdded"] = [{"id": f"29:{aad}"}]
    return activity


def chat_of(who: tuple[str, str]) -> str:
    """The 1:1 conversation id of ``who`` (as the sink names it)."""
    return f"a:personal-{who[0]}"


def sent_to(sink: HeldSink, who: tuple[str, str]) -> list[dict[str, Any]]:
    """The activities the sink has answered in ``who``'s 1:1 chat."""
    return [activity for activity in sink.sent if activity["_conversation"] == chat_of(who)]


async def job_rows(database_url: str) -> list[ScheduledJob]:
    """Every row of the job table."""
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            return list((await session.scalars(select(ScheduledJob))).all())
    finally:
        await engine.dispose()


async def volunteer_keys(database_url: str) -> set[str]:
    """Who is stored as buddy volunteer."""
    engine = create_engine(database_url)
    try:
        repository = SqlOnboardingRepository(create_session_factory(engine))
        return {volunteer.user_key for volunteer in await repository.volunteers()}
    finally:
        await engine.dispose()


def assert_no_lease_left(jobs: list[ScheduledJob]) -> None:
    """Every job a runner started is completed; no job keeps a lease."""
    assert [(job.kind, job.locked_until) for job in jobs if job.locked_until is not None] == []
    assert [job.kind for job in jobs if job.attempts and job.done_at is None] == []
    assert [(job.kind, job.last_error) for job in jobs if job.last_error] == []


async def test_turn_in_flight_at_shutdown_gets_its_answer_and_its_effect(
    database_url: str,
) -> None:
    async with (
        running_simulator(load_demo_organisation()) as graph_url,
        running_held_sink(delay=1.0) as sink,
    ):
        settings = local_settings(database_url, graph_base_url=graph_url)
        app = create_app(settings, clock=ManualClock(NOW))
        async with served(app) as (runner, url), aiohttp.ClientSession() as http:
            request = asyncio.create_task(post(http, url, volunteering(sink, JANA)))
            await sink.wait_for_arrival(lambda conversation: conversation == chat_of(JANA))
            shutdown = asyncio.create_task(runner.cleanup())
            await asyncio.sleep(0.2)
            # Stopping: no new connections, but the turn in flight is still being answered.
            assert await refuses_connections(url)
            assert not request.done() and not shutdown.done()
            assert sent_to(sink, JANA) == []
            assert await asyncio.wait_for(request, 10) == 201
            await asyncio.wait_for(shutdown, 10)
    [reply] = sent_to(sink, JANA)
    assert "als Buddy gemeldet" in reply["text"]
    assert await volunteer_keys(database_url) == {JANA[0]}


async def test_job_running_at_shutdown_completes_and_a_waiting_job_keeps_no_lease(
    database_url: str,
) -> None:
    async with (
        running_simulator(load_demo_organisation()) as graph_url,
        running_held_sink() as sink,
    ):
        sink.members = [activities.user(aad=aad, name=name) for aad, name in (MELANIE, JANA)]
        settings = local_settings(database_url, graph_base_url=graph_url)
        app = create_app(settings, clock=ManualClock(NOW))
        async with served(app) as (runner, url), aiohttp.ClientSession() as http:
            assert await post(http, url, volunteering(sink, JANA)) == 201
            sink.delay = 1.0  # from now on every send takes a second
            assert await post(http, url, member_added(sink, MELANIE[0])) in (200, 201)
            # The job runner is sending the welcome DM when the app is asked to stop.
            await sink.wait_for_arrival(lambda conversation: conversation == chat_of(MELANIE))
            engine = create_engine(database_url)
            try:
                queue = SqlJobQueue(create_session_factory(engine))
                assert await queue.schedule(PURGE_JOB, {}, NOW, dedup_key="graceful:waiting")
            finally:
                await engine.dispose()
            shutdown = asyncio.create_task(runner.cleanup())
            await asyncio.sleep(0.3)
            assert not shutdown.done(), "the shutdown did not wait for the running job"
            assert sent_to(sink, MELANIE) == []
            await asyncio.wait_for(shutdown, 15)
    [welcome] = sent_to(sink, MELANIE)
    assert "Willkommen im Assistenz-Netzwerk, Melanie" in str(welcome["attachments"])
    jobs = await job_rows(database_url)
    [welcome_job] = [job for job in jobs if job.kind == WELCOME_JOB]
    assert welcome_job.done_at == NOW and welcome_job.attempts == 1
    assert_no_lease_left(jobs)
    [waiting] = [job for job in jobs if job.dedup_key == "graceful:waiting"]
    assert (waiting.attempts, waiting.locked_until, waiting.done_at) == (0, None, None)
    # Another replica takes every job that is due and was not finished, at once.
    engine = create_engine(database_url)
    try:
        queue = SqlJobQueue(create_session_factory(engine))
        claimed = await queue.claim_due(NOW, 100, timedelta(minutes=5))
    finally:
        await engine.dispose()
    unfinished = {job.id for job in jobs if job.done_at is None and job.due_at <= NOW}
    assert waiting.id in unfinished and {job.id for job in claimed} == unfinished


async def test_sigterm_lets_the_turn_and_the_job_in_flight_finish(
    database_url: str, tmp_path: Path
) -> None:
    workdir = tmp_path / "replica"
    workdir.mkdir()
    async with (
        running_simulator(load_demo_organisation()) as graph_url,
        running_held_sink() as sink,
    ):
        sink.members = [activities.user(aad=aad, name=name) for aad, name in (MELANIE, JANA)]
        settings = {
            "mode": "local",
            "database_url": database_url,
            "graph_base_url": graph_url,
            "log_json": "true",
        }
        async with running_bots(1, settings, workdir) as [bot], aiohttp.ClientSession() as http:
            assert await post(http, bot.url, volunteering(sink, JANA)) == 201
            sink.gate.clear()  # from now on the sink holds every send until released
            turn: asyncio.Task[int] | None = None
            try:
                assert await post(http, bot.url, member_added(sink, MELANIE[0])) in (200, 201)
                await sink.wait_for_arrival(lambda conversation: conversation == chat_of(MELANIE))
                turn = asyncio.create_task(post(http, bot.url, volunteering(sink, SABINE)))
                await sink.wait_for_arrival(lambda conversation: conversation == chat_of(SABINE))
                bot.terminate()
                await asyncio.sleep(0.5)
                # Draining: the listener is closed, the turn and the job are still held.
                assert bot.returncode is None and await refuses_connections(bot.url)
                assert not turn.done() and sent_to(sink, MELANIE) == sent_to(sink, SABINE) == []
                sink.gate.set()
                assert await asyncio.wait_for(turn, 10) == 201
                assert await asyncio.wait_for(bot.process.wait(), 20) == 0, bot.log_text()
            finally:
                sink.gate.set()
                if turn is not None and not turn.done():
                    turn.cancel()
    assert "als Buddy gemeldet" in sent_to(sink, SABINE)[0]["text"]
    assert "Willkommen im Assistenz-Netzwerk" in str(sent_to(sink, MELANIE)[0]["attachments"])
    assert await volunteer_keys(database_url) == {JANA[0], SABINE[0]}
    jobs = await job_rows(database_url)
    [welcome_job] = [job for job in jobs if job.kind == WELCOME_JOB]
    assert welcome_job.done_at is not None and welcome_job.attempts == 1
    assert_no_lease_left(jobs)
    assert [entry["event"] for entry in bot.events("bot_stopped")] == ["bot_stopped"]
