"""Three real bot processes behind one endpoint on one PostgreSQL database: re-delivered
activities and scheduled jobs have their side effects exactly once, counted at the sink."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.member_tables import TeamMemberRow
from bot.adapters.db.models import ScheduledJob, StammtischPollRow
from bot.adapters.db.stammtisch import SqlStammtischRepository
from bot.domain.onboarding.service import INTRO_JOB, WELCOME_JOB
from bot.domain.stammtisch.poll import tally
from bot.domain.stammtisch.service import CARD_JOB
from bot.seeding import import_experts_file
from bot.settings import Settings
from devkit.demo.organisation import load_demo_organisation
from devkit.demo.runner import DEMO_EXPERTS
from devkit.graph_simulator import running_simulator
from tests.support import activities
from tests.support.bot_processes import BotProcess, running_bots
from tests.support.connector_sink import ConnectorSink, running_sink
from tests.support.databases import fresh_database

SABINE = ("c009aadc-479f-503c-b41a-60b0bbea7223", "Sabine Krüger")
JANA = ("3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85", "Jana Becker")
MELANIE = ("2b86549a-01f9-5f68-8b62-6230b0f81209", "Melanie Schäfer")
VOTERS = 30
WAVES = 3
# Longer than two job-runner poll intervals (1 s): a job run twice would have shown by then.
QUIET = 2.5

Sessions = async_sessionmaker[AsyncSession]


@dataclass
class Cluster:
    """Three replicas, the sink they all send to, a client, and the shared database."""

    bots: list[BotProcess]
    sink: ConnectorSink
    http: aiohttp.ClientSession
    sessions: Sessions

    async def post(self, replica: int, activity: dict[str, Any]) -> tuple[int, str]:
        """POST an activity to one replica's /api/messages; returns (status, body)."""
        url = f"{self.bots[replica].url}/api/messages"
        async with self.http.post(url, json=activity) as response:
            return response.status, await response.text()

    async def everywhere(self, activity: dict[str, Any]) -> list[int]:
        """The same activity to every replica at once (Teams re-delivering it)."""
        results = await asyncio.gather(*(self.post(n, activity) for n in range(len(self.bots))))
        return [status for status, _ in results]

    async def jobs(self) -> list[ScheduledJob]:
        """Every row of the job table."""
        async with self.sessions() as session:
            return list((await session.scalars(select(ScheduledJob))).all())

    async def settled(self, kinds: set[str], within: float = 15) -> None:
        """Wait until every job of ``kinds`` that is due now is done."""
        async with asyncio.timeout(within):
            while True:
                now = datetime.now(UTC)
                open_jobs = [
                    job
                    for job in await self.jobs()
                    if job.kind in kinds and job.done_at is None and job.due_at <= now
                ]
                if not open_jobs:
                    return
                await asyncio.sleep(0.1)


@dataclass(frozen=True)
class Poll:
    """The poll that was started: its id, candidate days and the posted card's activity id."""

    id: int
    days: list[date]
    card_id: str


@pytest.fixture
def postgres_url(tmp_path: Path) -> Iterator[str]:
    with fresh_database("postgres", tmp_path) as url:
        yield url


@pytest.fixture
async def cluster(postgres_url: str, tmp_path: Path) -> AsyncIterator[Cluster]:
    engine = create_engine(postgres_url)
    async with running_simulator(load_demo_organisation()) as graph_url, running_sink() as sink:
        people = (SABINE, JANA, MELANIE)
        sink.members = [activities.user(aad=aad, name=name) for aad, name in people] + [
            activities.user(n, name=f"Mitglied {n}") for n in range(VOTERS + 1)
        ]
        settings = {
            "mode": "local",
            "database_url": postgres_url,
            "graph_base_url": graph_url,
            "stammtisch_organiser_ids": json.dumps([SABINE[0]]),
            "stammtisch_card_update_seconds": "1",
            "log_json": "true",
            "log_level": "INFO",
        }
        workdir = tmp_path / "replicas"
        workdir.mkdir()
        try:
            sessions = create_session_factory(engine)
            async with running_bots(3, settings, workdir) as bots, aiohttp.ClientSession() as http:
                yield Cluster(bots, sink, http, sessions)
            # Leaving running_bots sent SIGTERM: each replica stopped gracefully, no job leased.
            logs = {bot.name: bot.log_text()[-3000:] for bot in bots}
            assert [bot.returncode for bot in bots] == [0, 0, 0], logs
            async with sessions() as session:
                leased = select(ScheduledJob.kind).where(ScheduledJob.locked_until.is_not(None))
                assert (await session.scalars(leased)).all() == []
        finally:
            await engine.dispose()


def poll_cards(sink: ConnectorSink) -> list[dict[str, Any]]:
    """The Stammtisch poll cards the replicas posted (cards with answer buttons)."""
    return [
        card
        for card in sink.cards()
        if any(e.get("verb") == "stammtisch.answer" for e in _walk(card))
    ]


def cards_to(sink: ConnectorSink, who: tuple[str, str], marker: str) -> list[str]:
    """Card JSON sent into ``who``'s 1:1 chat that contains ``marker``."""
    sent = [
        json.dumps(activity.get("attachments"), ensure_ascii=False)
        for activity in sink.sent
        if activity["_conversation"] == f"a:personal-{who[0]}"
    ]
    return [card for card in sent if marker in card]


async def eventually(check: Callable[[], bool], within: float = 15) -> None:
    """Wait until ``check`` holds (the state lives in other processes: nothing to await)."""
    for _ in range(int(within / 0.05)):
        if check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"not reached within {within} s")


def member_added(sink: ConnectorSink, aad: str) -> dict[str, Any]:
    """conversationUpdate as Teams sends it: only the new member's id, no name."""
    activity = activities.bot_added_to_team(sink.url)
    activity["membersAdded"] = [{"id": f"29:{aad}"}]
    return activity


def vote(sink: ConnectorSink, n: int, data: dict[str, Any]) -> dict[str, Any]:
    """Member n's Action.Execute on the poll card in the channel."""
    activity = activities.card_invoke(sink.url, "stammtisch.vote", data)
    return activities.as_user(
        activities.in_channel(activity), f"00000000-0000-4000-8000-{n:012d}", f"Mitglied {n}"
    )


@pytest.mark.postgres
async def test_three_replicas_have_each_side_effect_exactly_once(cluster: Cluster) -> None:
    started = time.monotonic()
    sink = cluster.sink
    poll = await _one_poll_card(cluster)
    await _one_welcome_and_one_introduction(cluster)
    await _exact_tally_and_card_updates(cluster, poll)  # ends with QUIET seconds of quiet

    assert len(poll_cards(sink)) == 1
    assert len(cards_to(sink, MELANIE, "Willkommen im Assistenz-Netzwerk")) == 1
    assert len(cards_to(sink, JANA, "Sie sind Buddy für")) == 1
    jobs = await cluster.jobs()
    now = datetime.now(UTC)
    assert [job.kind for job in jobs if job.done_at is None and job.due_at <= now] == []
    # Each job ran once: claimed by exactly one replica, in one attempt, without an error.
    assert [(job.kind, job.attempts) for job in jobs if job.attempts != 1 and job.done_at] == []
    assert [(job.kind, job.last_error) for job in jobs if job.last_error] == []
    done = Counter(entry["job_id"] for bot in cluster.bots for entry in bot.events("job_done"))
    assert done == Counter(job.id for job in jobs if job.done_at is not None)
    by_replica = {bot.name: len(bot.events("job_done")) for bot in cluster.bots}
    print(f"\njobs done per replica: {by_replica}; scenario {time.monotonic() - started:.1f} s")


def _walk(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, list):
        return [e for item in node for e in _walk(item)]
    if not isinstance(node, dict):
        return []
    return [node] + [e for value in node.values() for e in _walk(value)]


async def _one_poll_card(cluster: Cluster) -> Poll:
    """A re-delivered "stammtisch neu", then a second one: one poll, one card."""
    sink = cluster.sink
    start = activities.as_user(activities.channel_mention(sink.url, "stammtisch neu"), *SABINE)
    again = activities.as_user(activities.channel_mention(sink.url, "stammtisch neu"), *SABINE)
    # The same activity on all three replicas, and another "stammtisch neu" at the same moment.
    everywhere, elsewhere = await asyncio.gather(cluster.everywhere(start), cluster.post(1, again))
    assert everywhere == [201, 201, 201] and elsewhere[0] == 201
    [card] = poll_cards(sink)
    [posted] = [a for a in sink.sent if a.get("attachments")]
    [exists] = [a for a in sink.sent if not a.get("attachments")]
    assert "gibt es schon eine Stammtisch-Umfrage" in exists["text"]
    assert {a["_conversation"] for a in sink.sent} == {"19:general@thread.tacv2"}
    async with cluster.sessions() as session:
        polls = (await session.scalars(select(StammtischPollRow))).all()
    # Every one-click answer button names the poll.
    answers = [a for a in _walk(card) if a.get("verb") == "stammtisch.answer"]
    [poll_id] = {int(a["data"]["poll_id"]) for a in answers}
    assert [poll.id for poll in polls] == [poll_id]
    assert polls[0].card is not None and polls[0].card["activity_id"] == posted["_id"]
    days = [
        date.fromisoformat(item["id"][2:])
        for container in card["body"]
        if container.get("type") == "Container"
        for item in container["items"]
        if str(item.get("id", "")).startswith("d_")
    ]
    assert len(days) >= 2
    return Poll(poll_id, days, posted["_id"])


async def _one_welcome_and_one_introduction(cluster: Cluster) -> None:
    """membersAdded re-delivered to all replicas: one welcome DM, one buddy introduction."""
    sink = cluster.sink
    volunteer = activities.as_user(activities.message(sink.url, "ich werde gern buddy"), *JANA)
    status, _ = await cluster.post(2, volunteer)
    assert status == 201 and "als Buddy gemeldet" in sink.texts()[-1]

    assert all(s in (200, 201) for s in await cluster.everywhere(member_added(sink, MELANIE[0])))
    # The replicas' job runners deliver both (whichever claims each job).
    await eventually(
        lambda: bool(cards_to(sink, MELANIE, "Willkommen") and cards_to(sink, JANA, "Buddy für"))
    )
    await cluster.settled({WELCOME_JOB, INTRO_JOB})
    [welcome] = cards_to(sink, MELANIE, "Willkommen im Assistenz-Netzwerk, Melanie")
    assert "Ihr Buddy ist Jana Becker" in welcome
    [intro] = cards_to(sink, JANA, "Sie sind Buddy für")
    assert "Melanie Schäfer" in intro


async def _exact_tally_and_card_updates(cluster: Cluster, poll: Poll) -> None:
    """30 members vote in waves through the three replicas in turn; tally and updates exact."""
    sink, poll_id, days = cluster.sink, poll.id, poll.days
    first, second = days[0], days[1]
    replicas = itertools.cycle(range(len(cluster.bots)))

    def answers(n: int) -> dict[str, Any]:
        return {"poll_id": poll_id, f"d_{first}": "ja", f"d_{second}": "nein" if n % 3 else "ja"}

    bodies: list[tuple[int, str]] = []
    for wave in range(WAVES):
        # Each wave lands in another card-update interval: several card jobs, on any replica.
        if wave:
            await asyncio.sleep(1.1)
        members = range(wave, VOTERS, WAVES)
        bodies += await asyncio.gather(
            *(cluster.post(next(replicas), vote(sink, n, answers(n))) for n in members)
        )
    assert [status for status, _ in bodies] == [200] * VOTERS
    assert all("Ihre Stimme ist gespeichert" in body for _, body in bodies)

    votes = await SqlStammtischRepository(cluster.sessions).votes(poll_id)
    counts = tally([v.ballot() for v in votes], days)
    second_yes = sum(1 for n in range(VOTERS) if n % 3 == 0)
    assert len(votes) == VOTERS
    assert (counts[0].yes, counts[0].maybe, counts[0].no) == (VOTERS, 0, 0)
    assert (counts[1].yes, counts[1].no) == (second_yes, VOTERS - second_yes)

    await cluster.settled({CARD_JOB})
    await asyncio.sleep(QUIET)
    card_jobs = [job for job in await cluster.jobs() if job.kind == CARD_JOB]
    assert len(card_jobs) >= WAVES
    assert all(job.done_at is not None and job.attempts == 1 for job in card_jobs)
    updates = [u for u in sink.updated if u["_activity_id"] == poll.card_id]
    # One shared card update per job (per interval with votes), none twice.
    assert len(updates) == len(card_jobs) == len(sink.updated)
    last = json.dumps(updates[-1], ensure_ascii=False)
    assert f"Ja {VOTERS} · Vielleicht 0 · Nein 0" in last
    assert f"Ja {second_yes} · Vielleicht 0 · Nein {VOTERS - second_yes}" in last


@pytest.mark.postgres
async def test_three_replicas_day_one_each_cold_person_gets_each_card_once(
    cluster: Cluster, postgres_url: str
) -> None:
    """Install and a question reach all three replicas (re-deliveries); nobody wrote before."""
    sink = cluster.sink
    kerstin = ("f38180ae-1428-558d-b7ec-fb33fc42d9f1", "Kerstin Vogel")
    birgit = ("e01e3544-86c5-5cd1-9de4-a550758a6cbc", "Birgit Fischer")
    sink.members += [activities.user(aad=aad, name=name) for aad, name in (kerstin, birgit)]
    settings = Settings(_env_file=None, mode="local", database_url=postgres_url)  # type: ignore[call-arg]
    await import_experts_file(settings, DEMO_EXPERTS, "default")

    install = activities.as_user(activities.bot_added_to_team(sink.url), *SABINE)
    assert all(s in (200, 201) for s in await cluster.everywhere(install))
    await cluster.settled({"members.sync"})
    ask = activities.as_user(
        activities.channel_mention(
            sink.url, "Wer kann mir bei der Raumplanung in Hamburg helfen?"
        ),
        *JANA,
    )
    assert all(s in (200, 201) for s in await cluster.everywhere(ask))
    await eventually(lambda: bool(cards_to(sink, kerstin, "Frage übernehmen")))
    await cluster.settled({"members.sync", "routing.escalate"})
    await asyncio.sleep(QUIET)  # after the queue drained: time for a wrong second send

    assert len(cards_to(sink, kerstin, "Frage übernehmen")) == 1
    opened = [body["members"][0]["id"] for body in sink.created]
    assert opened.count(f"29:{kerstin[0]}") == 1
    async with cluster.sessions() as session:
        rows = (await session.scalars(select(TeamMemberRow))).all()
    assert sorted(row.user_key for row in rows) == sorted(m["aadObjectId"] for m in sink.members)
