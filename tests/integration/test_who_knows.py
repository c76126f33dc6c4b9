"""The search message extension "Wer weiß was?" through the real endpoint, with the
``composeExtension/query`` invokes Teams sends: present experts for a topic in routing's order
with a compact card to insert, a paused expert left out, and kind answers to an empty topic or an
unknown command; a malformed invoke is refused before the bot sees it."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from bot.adapters.clock import ManualClock
from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.experts import SqlExpertRepository
from bot.appmanifest import build_manifest
from bot.seeding import import_experts_file
from devkit.demo.organisation import load_demo_organisation
from devkit.demo.runner import DEMO_EXPERTS
from devkit.graph_simulator import running_simulator
from dialogs.who_knows import COMMAND_ID
from tests.conftest import RunningBot, local_settings
from tests.support import activities
from tests.support.connector_sink import ConnectorSink

JANA = ("3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85", "Jana Becker")
ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"


@pytest.fixture
async def search_bot(
    bot_factory: Callable[..., Awaitable[RunningBot]], database_url: str
) -> AsyncIterator[RunningBot]:
    clock = ManualClock()
    async with running_simulator(load_demo_organisation(), clock=clock) as graph_url:
        settings = local_settings(database_url, graph_base_url=graph_url)
        await import_experts_file(settings, DEMO_EXPERTS, "default")
        yield await bot_factory(settings, clock)


def _query(sink: ConnectorSink, value: Any) -> dict[str, Any]:
    """The invoke as Teams sends it from the compose box of a chat."""
    activity = activities.card_invoke(sink.url, "unused", {})
    activity.update(name="composeExtension/query", value=value)
    activity.pop("replyToId", None)
    return activities.as_user(activity, *JANA)


def _topic(topic: str, command: str = COMMAND_ID, **options: int) -> dict[str, Any]:
    return {
        "commandId": command,
        "parameters": [{"name": "topic", "value": topic}],
        "queryOptions": {"skip": 0, "count": 25, **options},
        "context": {"theme": "default"},
    }


async def _answer(bot: RunningBot, activity: Any) -> dict[str, Any]:
    response = await bot.post(activity)
    assert response.status == 200, await response.text()
    body: dict[str, Any] = await response.json()
    return body["composeExtension"]


def _names(result: dict[str, Any]) -> list[str]:
    assert result["type"] == "result" and result["attachmentLayout"] == "list"
    return [a["preview"]["content"]["title"] for a in result["attachments"]]


async def test_a_topic_lists_the_experts_with_a_card_to_insert(
    search_bot: RunningBot, sink: ConnectorSink
) -> None:
    result = await _answer(search_bot, _query(sink, _topic("Raumplanung")))
    names = _names(result)
    assert names[0] == "Kerstin Vogel" and "Birgit Fischer" in names
    kerstin = result["attachments"][0]
    assert kerstin["contentType"] == ADAPTIVE_CARD
    assert kerstin["preview"]["contentType"] == "application/vnd.microsoft.card.thumbnail"
    preview = kerstin["preview"]["content"]["text"]
    assert "Facility Management · Hamburg, Haus Alster, EG" in preview
    card = json.dumps(kerstin["content"], ensure_ascii=False)
    for part in ("Facility Management", "Hamburg, Haus Alster, EG", "Thema: Raumplanung Hamburg",
                 "Meine Themen: Besucheranmeldung"):  # fmt: skip
        assert part in card
    [chat] = kerstin["content"]["actions"]
    assert chat["type"] == "Action.OpenUrl" and chat["title"] == "Chat"
    users = "users=kerstin.vogel@nordlicht-demo.de"
    assert chat["url"] == f"https://teams.microsoft.com/l/chat/0/0?{users}"
    assert sink.sent == []  # a search posts nothing

    # Teams pages on with skip: the next page continues the same ranking.
    rest = await _answer(search_bot, _query(sink, _topic("Raumplanung", skip=1, count=25)))
    assert _names(rest) == names[1:]


async def test_a_paused_expert_is_not_listed(
    search_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    engine = create_engine(database_url)
    try:
        repository = SqlExpertRepository(create_session_factory(engine))
        [kerstin] = [e for e in await repository.list_pool("default") if e.name == "Kerstin Vogel"]
        paused = search_bot.clock.now() + timedelta(days=7)
        await repository.upsert(replace(kerstin, paused_until=paused))
    finally:
        await engine.dispose()
    names = _names(await _answer(search_bot, _query(sink, _topic("Raumplanung"))))
    assert "Kerstin Vogel" not in names and "Birgit Fischer" in names


async def test_a_paused_experts_deputy_is_listed_in_her_place(
    search_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    # Routing asks the deputy from "Meine Themen" when the expert is away; before, the search
    # only left Kerstin out and never offered Aylin Demir, whom a question would reach.
    engine = create_engine(database_url)
    try:
        repository = SqlExpertRepository(create_session_factory(engine))
        pool = {e.name: e for e in await repository.list_pool("default")}
        paused = search_bot.clock.now() + timedelta(days=7)
        deputy = pool["Aylin Demir"].user_key
        await repository.upsert(
            replace(pool["Kerstin Vogel"], paused_until=paused, deputy_key=deputy)
        )
    finally:
        await engine.dispose()
    before = _names(await _answer(search_bot, _query(sink, _topic("Drucker"))))
    result = await _answer(search_bot, _query(sink, _topic("Raumplanung")))
    names = _names(result)
    assert "Kerstin Vogel" not in names and names[0] == "Aylin Demir" and "Birgit Fischer" in names
    assert "Vertretung für Kerstin Vogel" in result["attachments"][0]["preview"]["content"]["text"]
    assert names.count("Aylin Demir") == 1
    # Her own topics are found as before, and name no one she stands in for.
    assert _names(await _answer(search_bot, _query(sink, _topic("Drucker")))) == before


async def test_sharing_only_the_site_is_no_reason_to_be_listed(
    search_bot: RunningBot, sink: ConnectorSink
) -> None:
    # Routing never names someone for "… in Köln" who only works there (selection.SITE_ONLY);
    # before, the search listed Martina Huber, Anja Werner, … "laut Profil: Standort".
    expected = {
        "Raumplanung Köln": {"Birgit Fischer", "Kerstin Vogel"},
        "Hamburg": {"Kerstin Vogel"},  # "Raumplanung Hamburg"
        # Kerstin's "Raumplanung Hamburg" shares only the site with printers.
        "Drucker Hamburg": {"Aylin Demir"},
    }
    for topic, experts in expected.items():
        result = await _answer(search_bot, _query(sink, _topic(topic)))
        lines = [a["preview"]["content"]["text"] for a in result["attachments"]]
        assert not [line for line in lines if "Standort" in line], (topic, lines)
        assert set(_names(result)) == experts, topic
    # Only colleagues who work there: nobody, as routing would say.
    nowhere = await _answer(search_bot, _query(sink, _topic("Deutz-Campus")))
    assert nowhere["type"] == "message" and "„Deutz-Campus“" in nowhere["text"]


async def test_an_english_topic_finds_whom_the_english_question_is_routed_to(
    search_bot: RunningBot, sink: ConnectorSink
) -> None:
    # "Who can help me with room planning?" names Kerstin Vogel and Birgit Fischer; before, the
    # search answered "Nobody who maintains “room planning” is available right now." (the
    # router read the bare topic as German).
    english = _query(sink, _topic("room planning"))
    english["locale"] = "en-US"
    names = _names(await _answer(search_bot, english))
    assert set(names) == {"Kerstin Vogel", "Birgit Fischer"}
    # A German topic in the English client finds the same as in a German one.
    german = _query(sink, _topic("Raumplanung Köln"))
    german["locale"] = "en-US"
    assert _names(await _answer(search_bot, german))[0] == "Birgit Fischer"
    cologne = _query(sink, _topic("room planning Cologne"))
    cologne["locale"] = "en-US"
    assert _names(await _answer(search_bot, cologne))[0] == "Birgit Fischer"


async def test_an_empty_or_too_long_topic_gets_a_hint(
    search_bot: RunningBot, sink: ConnectorSink
) -> None:
    for topic in ("", "   "):
        empty = await _answer(search_bot, _query(sink, _topic(topic)))
        assert empty["type"] == "message" and "Geben Sie ein Thema ein" in empty["text"]
    opening = {"commandId": COMMAND_ID, "parameters": [{"name": "initialRun", "value": "true"}]}
    assert "Geben Sie ein Thema ein" in (await _answer(search_bot, _query(sink, opening)))["text"]
    long = await _answer(search_bot, _query(sink, _topic("Raumplanung " * 20)))
    assert long["type"] == "message" and "zu lang" in long["text"]
    nobody = await _answer(search_bot, _query(sink, _topic("Gabelstapler")))
    assert nobody["type"] == "message" and "„Gabelstapler“" in nobody["text"]


async def test_an_unknown_command_is_answered_kindly(
    search_bot: RunningBot, sink: ConnectorSink
) -> None:
    answer = await _answer(search_bot, _query(sink, _topic("Raumplanung", command="askNetwork")))
    assert answer == {"type": "message", "text": answer["text"]}
    assert "Diese Suche kenne ich nicht" in answer["text"]


@pytest.mark.parametrize(
    "value",
    [
        "Raumplanung",
        {"parameters": [{"name": "topic", "value": "Raumplanung"}]},
        {"commandId": COMMAND_ID, "parameters": {"name": "topic", "value": "Raumplanung"}},
        {"commandId": COMMAND_ID, "parameters": [{"name": "topic", "value": 42}]},
        {"commandId": COMMAND_ID, "parameters": [{"value": "Raumplanung"}]},
        {**_topic("Raumplanung"), "queryOptions": {"skip": -1, "count": 25}},
        {**_topic("Raumplanung"), "queryOptions": {"skip": 0, "count": "viele"}},
    ],
)
async def test_a_malformed_query_is_refused(
    search_bot: RunningBot, sink: ConnectorSink, value: Any
) -> None:
    response = await search_bot.post(_query(sink, value))
    assert response.status == 400


def test_the_manifest_offers_the_search_in_compose_and_command_box(database_url: str) -> None:
    manifest = build_manifest(local_settings(database_url))
    [extension] = manifest["composeExtensions"]
    [command] = [c for c in extension["commands"] if c["id"] == COMMAND_ID]
    assert command["type"] == "query" and command["context"] == ["compose", "commandBox"]
    assert [p["name"] for p in command["parameters"]] == ["topic"]
    assert command["title"] == "Wer weiß was?"


async def test_the_searcher_is_not_offered_to_herself(
    search_bot: RunningBot, sink: ConnectorSink
) -> None:
    """Before, Kerstin Vogel (Raumplanung Hamburg) searching "Raumplanung" got herself first,
    with a "Chat" button to herself, though routing never names the asker. Now the list
    starts with the colleagues; for Jana, who knows nothing of it, nothing changes."""
    kerstin = ("f38180ae-1428-558d-b7ec-fb33fc42d9f1", "Kerstin Vogel")
    search = activities.as_user(_query(sink, _topic("Raumplanung")), *kerstin)
    names = _names(await _answer(search_bot, search))
    assert "Kerstin Vogel" not in names and names[0] == "Birgit Fischer"
    assert _names(await _answer(search_bot, _query(sink, _topic("Raumplanung"))))[0] == (
        "Kerstin Vogel"
    )
