"""The admins' "bot status" through the real endpoint: figures from the database and a Graph
probe; non-admins get a refusal; a Graph outage shows as "NICHT erreichbar"."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

from bot.adapters.graph.simulator import running_simulator
from bot.demo.organisation import load_demo_organisation
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
