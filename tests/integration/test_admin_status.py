"""The admins' "bot status" through the real endpoint: figures from the database and a Graph
probe; non-admins get a refusal; a Graph outage shows as "NICHT erreichbar"; the member store
with the teams' last roster reads and who the bot cannot reach (and why)."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from bot.adapters.clock import ManualClock
from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.members import SqlMemberRepository
from bot.domain.members.model import InstalledTeam, Reach, TeamMember
from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator import running_simulator
from tests.conftest import RunningBot, local_settings
from tests.support import activities
from tests.support.connector_sink import ConnectorSink

ADMIN = ("c009aadc-479f-503c-b41a-60b0bbea7223", "Sabine Krüger")
MEMBER = ("3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85", "Jana Becker")


async def test_status_for_admins_only_and_graph_outage_visible(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with running_simulator(load_demo_organisation()) as graph_url:
        settings = local_settings(database_url, graph_base_url=graph_url, admin_ids=[ADMIN[0]])
        bot = await bot_factory(settings)
        ask = activities.as_user(activities.message(sink.url, "bot status"), *MEMBER)
        assert (await bot.post(ask)).status == 201
        assert "nur Administratorinnen" in sink.texts()[-1]

        ask = activities.as_user(activities.message(sink.url, "bot status"), *ADMIN)
        assert (await bot.post(ask)).status == 201
        facts = json.dumps(sink.cards()[-1], ensure_ascii=False)
        assert "Datenbank" in facts and "Geplante Aufgaben" in facts
        assert facts.count("NICHT erreichbar") == 0

    # The simulator is gone: Graph is down, the database still answers.
    ask = activities.as_user(activities.message(sink.url, "bot status"), *ADMIN)
    assert (await bot.post(ask)).status == 201
    facts = json.dumps(sink.cards()[-1], ensure_ascii=False)
    assert facts.count("NICHT erreichbar") == 1


NOW = datetime(2026, 6, 15, 8, 0, tzinfo=UTC)
SERVICE = "https://smba.example/emea/"


def _team(team_id: str, name: str) -> InstalledTeam:
    return InstalledTeam(team_id, "t1", SERVICE, "28:bot", name, NOW - timedelta(days=9))


def _member(team: InstalledTeam, n: int, name: str) -> TeamMember:
    return TeamMember(team.team_id, f"29:member-{n}", f"aad-{n}", name, f"m{n}@firma.de", "t1",
                      SERVICE, "28:bot", NOW - timedelta(days=1))  # fmt: skip


async def _member_store(database_url: str) -> None:
    """Two teams (one read yesterday, one never), Anna and Bernd in the first. Anna blocked the
    bot (the failure is stored without a name), Bernd was reached; 21 people without a team."""
    engine = create_engine(database_url)
    try:
        repo = SqlMemberRepository(create_session_factory(engine))
        network, board = _team("19:network", "Assistenz-Netzwerk"), _team("19:board", "Vorstand")
        for team in (network, board):
            await repo.install_team(team)
        await repo.upsert_members([_member(network, 1, "Anna Auerbach"),
                                   _member(network, 2, "Bernd Brückner")])  # fmt: skip
        await repo.finish_sync(network.team_id, NOW - timedelta(days=1), NOW - timedelta(days=1))
        for n in range(21):
            when = NOW - timedelta(hours=2, minutes=n)
            await repo.record_reach(Reach(f"ffff-{n:02d}", "", False, "not_in_any_team", when))
        await repo.record_reach(Reach("aad-1", "", False, "blocked", NOW - timedelta(hours=1)))
        await repo.record_reach(Reach("aad-2", "Bernd Brückner", True, "roster", NOW))
    finally:
        await engine.dispose()


async def test_status_shows_the_member_store_and_who_is_unreachable(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    await _member_store(database_url)
    settings = local_settings(database_url, admin_ids=[ADMIN[0]])
    bot = await bot_factory(settings, ManualClock(NOW))
    ask = activities.as_user(activities.message(sink.url, "bot status"), *ADMIN)
    assert (await bot.post(ask)).status == 201
    body = sink.cards()[-1]["body"]
    facts = {f["title"]: f["value"] for part in body if part["type"] == "FactSet"
             for f in part["facts"]}  # fmt: skip
    assert facts["Teams mit der App"] == "2"
    assert facts["Mitglieder (Personen)"] == "2"
    assert facts["zuletzt nicht erreichbar"] == "22"
    # Never read first, then the oldest read (local time, Europe/Berlin).
    assert (facts["Vorstand"], facts["Assistenz-Netzwerk"]) == ("noch nie", "14.06.2026 10:00")
    # Anna's name comes from the roster; someone the bot never met shows by the Entra id.
    assert facts["Anna Auerbach"] == "hat den Bot blockiert oder entfernt"
    assert facts["ffff-00"] == "nicht in einem Team mit der App"
    texts = [part.get("text", "") for part in body]
    assert "und 2 weitere" in texts
    card = json.dumps(body, ensure_ascii=False)
    assert "Bernd" not in card  # reachable people are not listed
    # 20 shown, the newest first: Anna, then 19 of the 21 without a team.
    assert "ffff-18" in card and "ffff-19" not in card


async def test_status_names_people_only_in_the_personal_chat(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """The status lists who cannot be reached by name: @mentioned in a channel or a group chat
    it is refused there (everyone reads along), with the way to the personal chat."""
    await _member_store(database_url)
    settings = local_settings(database_url, admin_ids=[ADMIN[0]])
    bot = await bot_factory(settings, ManualClock(NOW))
    for where in (activities.channel_mention, activities.group_chat_mention):
        ask = activities.as_user(where(sink.url, "bot status"), *ADMIN)
        assert (await bot.post(ask)).status == 201
        assert "persönlichen Chat" in sink.texts()[-1]
    english = activities.as_user(activities.channel_mention(sink.url, "admin status"), *ADMIN)
    english["locale"] = "en-US"
    assert (await bot.post(english)).status == 201
    assert "personal chat" in sink.texts()[-1]
    everything = json.dumps(sink.sent, ensure_ascii=False)
    assert "Anna Auerbach" not in everything and "blockiert" not in everything
    assert sink.cards() == []

    ask = activities.as_user(activities.message(sink.url, "bot status"), *ADMIN)
    assert (await bot.post(ask)).status == 201
    assert "Anna Auerbach" in json.dumps(sink.cards()[-1], ensure_ascii=False)
