"""Kaffee- und Mittags-Roulette through the real endpoint and database (SQLite and PostgreSQL),
two bot replicas on one database and the Graph simulator's calendars: opt in, a round pairs
the participants, each gets one introduction in their own language with a common free time
(one getSchedule per group), "anderer Vorschlag", the follow-up a week later, opt out, and
forged or stale cards that change nothing."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import pytest

from bot.adapters.clock import ManualClock
from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.roulette import SqlRouletteRepository
from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator import running_simulator
from tests.conftest import RunningBot, local_settings
from tests.support import activities
from tests.support.card_nodes import elements
from tests.support.connector_sink import ConnectorSink
from tests.support.queue import drained

SABINE = ("c009aadc-479f-503c-b41a-60b0bbea7223", "Sabine Krüger")
KERSTIN = ("f38180ae-1428-558d-b7ec-fb33fc42d9f1", "Kerstin Vogel")
JANA = ("3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85", "Jana Becker")
PETRA = ("518b18c1-15ae-550c-aa0f-62e875e4afbe", "Petra Zimmermann")  # Köln
MONDAY = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # 09:00 in Berlin
ROUND = datetime(2026, 3, 9, 8, 0, tzinfo=UTC)  # the next round (every 2 weeks from 2024-01-01)


class Stack:
    def __init__(self, bots: list[RunningBot], sink: ConnectorSink, graph: str, url: str) -> None:
        self.bots, self.sink, self.graph, self.database_url = bots, sink, graph, url
        self.clock = bots[0].clock

    async def say(self, text: str, who: tuple[str, str], locale: str = "de-DE", n: int = 0) -> str:
        activity = activities.as_user(activities.message(self.sink.url, text, locale=locale), *who)
        before = len(self.sink.sent)
        assert (await self.bots[n % len(self.bots)].post(activity)).status == 201
        return json.dumps(self.sink.sent[before:], ensure_ascii=False)

    async def invoke(self, verb: str, data: dict[str, Any], who: tuple[str, str]) -> str:
        activity = activities.as_user(activities.card_invoke(self.sink.url, verb, data), *who)
        response = await self.bots[1].post(activity)
        assert response.status == 200
        return json.dumps(await response.json(), ensure_ascii=False)

    def cards_to(self, who: tuple[str, str]) -> list[dict[str, Any]]:
        return [
            a["attachments"][0]["content"]
            for a in self.sink.sent
            if a["_conversation"] == f"a:personal-{who[0]}" and a.get("attachments")
        ]

    async def graph_json(self, method: str, path: str, body: Any = None) -> Any:
        async with aiohttp.ClientSession() as http:
            auth = {"Authorization": "Bearer test"}
            response = await http.request(method, self.graph + path, json=body, headers=auth)
            return await response.json() if response.status != 204 else None

    async def settle(self) -> None:
        await drained(self.database_url, self.clock.now())
        await asyncio.sleep(0.5)  # both runners had time to (wrongly) send again


@pytest.fixture
async def stack(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> AsyncIterator[Stack]:
    clock = ManualClock(MONDAY)
    async with running_simulator(load_demo_organisation(), clock=clock) as graph_url:
        settings = local_settings(database_url, graph_base_url=graph_url, admin_ids=[SABINE[0]])
        bots = [await bot_factory(settings, clock), await bot_factory(settings, clock)]
        yield Stack(bots, sink, graph_url.removesuffix("/v1.0"), database_url)


def text_of(card: dict[str, Any]) -> str:
    return json.dumps(card, ensure_ascii=False)


def _having(cards: list[dict[str, Any]], *texts: str) -> list[dict[str, Any]]:
    return [c for c in cards if any(text in text_of(c) for text in texts)]


async def test_a_round_introduces_each_pair_once_with_a_free_time(stack: Stack) -> None:
    # Opt in (in the personal chat; Kerstin's Teams is English), preferences card at once.
    assert "Mittagessen" in await stack.say("kaffee roulette an", SABINE)
    assert "How would you like to meet?" in await stack.say(
        "coffee roulette on", KERSTIN, "en-US", n=1
    )
    await stack.say("kaffee roulette an", JANA)
    await stack.say("Kaffee Roulette an", PETRA, n=1)
    # Bad input changes nothing: no format, an unknown scope, a group that does not exist.
    assert "mindestens eine Art" in await stack.invoke(
        "roulette.save", {"formats": "", "scope": "all"}, SABINE
    )
    assert "mit wem" in await stack.invoke(
        "roulette.save", {"formats": "coffee", "scope": "mars"}, SABINE
    )
    assert "ungültig" in await stack.invoke("roulette.other", {"group_id": "x"}, SABINE)
    saved = await stack.invoke(
        "roulette.save", {"formats": "coffee,virtual", "scope": "all"}, SABINE
    )
    assert "gespeichert" in saved
    # Petra wants lunch at her own site only (Köln): nobody else there takes part.
    await stack.invoke("roulette.save", {"formats": "lunch", "scope": "site"}, PETRA)
    # Jana is busy on Tuesday at 10:00 (Berlin), the first coffee time of the week.
    busy = {"subject": "Jour fixe", "start": {"dateTime": "2026-03-10T10:00:00",
            "timeZone": "Europe/Berlin"}, "end": {"dateTime": "2026-03-10T10:30:00",
            "timeZone": "Europe/Berlin"}}  # fmt: skip
    await stack.graph_json("POST", "/v1.0/users/jana.becker@nordlicht-demo.de/events", busy)
    await stack.graph_json("DELETE", "/_sim/requests")

    stack.clock.advance(ROUND + timedelta(minutes=1) - stack.clock.now())
    await stack.settle()

    intros = {who: _having(stack.cards_to(who), "Los entschieden", "draw decided")
              for who in (SABINE, KERSTIN, JANA)}  # fmt: skip
    assert all(len(cards) == 1 for cards in intros.values()), intros
    sabine = text_of(intros[SABINE][0])
    assert "Sie treffen" in sabine and "Jana Becker" in sabine and "Kerstin Vogel" in sabine
    assert "Di, 10.3., 15:00–15:30 Uhr (Kaffee)" in sabine, sabine  # 10:00: Jana's Jour fixe
    assert "users=jana.becker@nordlicht-demo.de,kerstin.vogel@" in sabine
    english = text_of(intros[KERSTIN][0])
    assert "You are meeting" in english and "(coffee)" in english
    assert not [c for c in stack.cards_to(PETRA) if "Los entschieden" in text_of(c)]
    requests = await stack.graph_json("GET", "/_sim/requests")
    assert requests["routes"].get("POST /v1.0/users/{user}/calendar/getSchedule") == 1

    # "Passt nicht – anderer Vorschlag": the next common time, the others hear of it.
    other = next(a for a in intros[SABINE][0]["actions"] if a.get("verb") == "roulette.other")
    moved = await stack.invoke("roulette.other", other["data"], SABINE)
    assert "Neuer Vorschlag" in moved and "Mi, 11.3., 10:00–10:30 Uhr" in moved
    assert "nicht mehr aktuell" in await stack.invoke("roulette.other", other["data"], SABINE)
    assert "gehört nicht" in await stack.invoke("roulette.other", other["data"], PETRA)
    await stack.settle()
    for who, expected in ((JANA, "Mi, 11.3., 10:00"), (KERSTIN, "Wed, 11 Mar, 10:00")):
        newer = [c for c in stack.cards_to(who) if expected in text_of(c)]
        assert len(newer) == 1, (who, [text_of(c) for c in stack.cards_to(who)])

    # Jana leaves; a week later the others are asked once whether they met.
    assert "nicht mehr beim Roulette" in await stack.say("kaffee roulette aus", JANA)
    stack.clock.advance(ROUND + timedelta(days=7, minutes=2) - stack.clock.now())
    await stack.settle()
    asked = {who: _having(stack.cards_to(who), "getroffen?", "Did you meet?")
             for who in (SABINE, KERSTIN, JANA)}  # fmt: skip
    assert [len(asked[w]) for w in (SABINE, KERSTIN, JANA)] == [1, 1, 0]
    yes = next(a for a in asked[SABINE][0]["actions"] if a["data"]["met"] is True)
    assert "nächsten Runde" in await stack.invoke("roulette.met", yes["data"], SABINE)
    no = next(a for a in asked[KERSTIN][0]["actions"] if a["data"]["met"] is False)
    assert "Schade" in await stack.invoke("roulette.met", no["data"], KERSTIN)
    assert "gehört nicht" in await stack.invoke("roulette.met", yes["data"], PETRA)

    engine = create_engine(stack.database_url)
    try:
        repo = SqlRouletteRepository(create_session_factory(engine))
        latest = await repo.latest_round()
        assert latest is not None and (latest.groups, latest.met_yes, latest.met_no) == (1, 1, 1)
        assert [p.user_key for p in await repo.participants()] == sorted(
            [SABINE[0], KERSTIN[0], PETRA[0]]
        )
    finally:
        await engine.dispose()
    # The admins see aggregate counts only.
    status = await stack.say("bot status", SABINE)
    assert "Kaffee-Roulette: getroffen / nicht getroffen (letzte Runde)" in status
    assert '"value": "1 / 1"' in status and "Kaffee-Roulette: Teilnehmende" in status


async def test_the_names_of_the_help_text_turn_the_roulette_on(stack: Stack) -> None:
    """ "Kaffee- und Mittags-Roulette" / "Coffee and lunch roulette": each part of the name
    opts in (before, these went to the experts as a question nobody knew about)."""
    for text, locale, shown in (
        ("mittagsroulette an", "de-DE", "Sie sind dabei"),
        ("Mittags-Roulette an", "de-DE", "Sie sind dabei"),
        ("Kaffee- und Mittags-Roulette an", "de-DE", "Sie sind dabei"),
        ("roulette an", "de-DE", "Sie sind dabei"),
        ("lunch roulette on", "en-US", "How would you like to meet?"),
        ("coffee and lunch roulette on", "en-US", "How would you like to meet?"),
    ):
        answer = await stack.say(text, SABINE, locale)
        assert shown in answer and "kenne ich" not in answer, (text, answer)
        assert "nicht mehr beim Roulette" in await stack.say("roulette aus", SABINE)
    assert "roulette.join" in await stack.say("mittagsroulette", SABINE)


async def test_roulette_commands_outside_the_personal_chat_are_refused(stack: Stack) -> None:
    activity = activities.channel_mention(stack.sink.url, "kaffee roulette an")
    assert (await stack.bots[0].post(activity)).status == 201
    assert "persönlichen Chat" in stack.sink.texts()[-1]


async def test_the_help_cards_roulette_button_opens_the_preferences(stack: Stack) -> None:
    await stack.say("hilfe", SABINE)
    [help_card] = stack.cards_to(SABINE)
    buttons = [
        action
        for block in help_card["body"]
        for item in block.get("items", [])
        if item.get("type") == "ActionSet"
        for action in item["actions"]
    ]
    [roulette] = [b for b in buttons if b["data"].get("target") == "roulette"]
    assert roulette["type"] == "Action.Submit" and roulette["title"] == "Kaffee-Roulette"
    click = activities.as_user(
        activities.card_submit(stack.sink.url, "help.open", {"target": "roulette"}), *SABINE
    )
    assert (await stack.bots[0].post(click)).status in (200, 201)
    shown = text_of(stack.cards_to(SABINE)[-1])
    assert "nicht am Roulette teil" in shown and "roulette.join" in shown
    joined = await stack.invoke("roulette.join", {}, SABINE)
    assert "roulette.save" in joined and "Sie sind dabei (Standort: Hamburg)" in joined
    assert "roulette.join" in await stack.invoke("roulette.off", {}, SABINE)


async def test_my_data_shows_the_roulette_and_erasure_removes_it(stack: Stack) -> None:
    await stack.say("kaffee roulette an", SABINE)
    shown = await stack.say("meine daten", SABINE)
    assert "Kaffee-Roulette: Teilnahme und Wünsche" in shown
    offer = await stack.say("meine daten löschen", SABINE)
    token = json.loads(offer)[-1]["attachments"][0]["content"]
    [confirm] = [a for a in _actions(token) if a.get("verb") == "privacy.erase_confirm"]
    await stack.invoke("privacy.erase_confirm", confirm["data"], SABINE)
    engine = create_engine(stack.database_url)
    try:
        assert await SqlRouletteRepository(create_session_factory(engine)).participants() == []
    finally:
        await engine.dispose()


def _actions(card: dict[str, Any]) -> list[dict[str, Any]]:
    return list(elements(card, "Action."))
