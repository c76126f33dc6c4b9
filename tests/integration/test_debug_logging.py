"""LOG_LEVEL=DEBUG on a real `serve` process: a full routing flow writes no personal data.

The database drivers, SQLAlchemy and aiohttp log SQL parameters, rows or request lines at
DEBUG/INFO; with the root logger at DEBUG they would write names and questions to the log.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import aiohttp

from bot.seeding import import_experts_file
from devkit.demo.organisation import load_demo_organisation
from devkit.demo.runner import DEMO_EXPERTS
from devkit.graph_simulator import running_simulator
from tests.conftest import local_settings
from tests.support import activities
from tests.support.bot_processes import running_bots
from tests.support.connector_sink import ConnectorSink

ASKER = "Jana Becker"
EXPERTS = ("Kerstin Vogel", "Birgit Fischer")
QUESTION = "Wer kann mir bei der Raumplanung in Hamburg für das Quartalstreffen helfen?"
ANSWER = "Raum 3.12 über Outlook buchen."


async def test_debug_log_holds_no_names_questions_or_answers(
    database_url: str, sink: ConnectorSink, tmp_path: Path
) -> None:
    people = {p.display_name: p.id for p in load_demo_organisation().people}
    async with running_simulator(load_demo_organisation()) as graph_url:
        settings = local_settings(database_url, graph_base_url=graph_url)
        await import_experts_file(settings, DEMO_EXPERTS, "default")
        env = {
            "database_url": database_url,
            "mode": "local",
            "graph_base_url": graph_url,
            "log_level": "DEBUG",
            "log_json": "true",  # as in production; also no colour codes to search around
        }
        async with (
            running_bots(1, env, tmp_path) as [bot],
            aiohttp.ClientSession() as http,
        ):

            async def post(activity: dict[str, Any], name: str) -> Any:
                sent = activities.as_user(activity, people[name], name)
                async with http.post(f"{bot.url}/api/messages", json=sent) as response:
                    assert response.status in (200, 201), await response.text()
                    return await response.json() if response.status == 200 else None

            for expert in EXPERTS:
                await post(activities.message(sink.url, "hilfe"), expert)
            await post(activities.channel_mention(sink.url, QUESTION), ASKER)
            assert any(ASKER in json.dumps(c, ensure_ascii=False) for c in sink.cards())
            question_id = _question_id(sink)
            take = {"question_id": question_id, "view": "expert"}
            await post(activities.card_invoke(sink.url, "routing.take", take), EXPERTS[0])
            answer = activities.card_invoke(sink.url, "routing.answer", dict(take, answer=ANSWER))
            body = await post(answer, EXPERTS[0])
            assert "Danke für Ihre Antwort" in json.dumps(body, ensure_ascii=False)
        log = bot.log_text()
    levels = {json.loads(line).get("level") for line in log.splitlines() if line.startswith("{")}
    assert "debug" in levels  # DEBUG really was on (asyncio and others log at it)
    for personal in (ASKER, *EXPERTS, QUESTION, ANSWER):
        assert personal not in log, _around(log, personal)


def _question_id(sink: ConnectorSink) -> int:
    for card in sink.cards():
        for found in _values(card, "question_id"):
            return int(found)
    raise AssertionError("no card carries a question id")


def _values(node: Any, key: str) -> list[Any]:
    if isinstance(node, dict):
        own = [node[key]] if key in node else []
        return own + [v for child in node.values() for v in _values(child, key)]
    if isinstance(node, list):
        return [v for child in node for v in _values(child, key)]
    return []


def _around(log: str, text: str) -> str:
    at = log.find(text)
    return log[max(0, at - 800) : at + 400]
