"""The roulette through the real endpoint and database (SQLite and PostgreSQL) when things go
wrong: Graph refuses the free/busy read (the group is introduced all the same, without a
suggested time) and follow-up answers that arrive more than once (a repeated click, a Teams
re-delivery, a member who left) are counted once per member."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta

import pytest

from bot.adapters.clock import ManualClock
from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.roulette import SqlRouletteRepository
from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator import running_simulator
from tests.conftest import RunningBot, local_settings
from tests.integration.test_roulette_endpoint import (
    JANA,
    MONDAY,
    ROUND,
    SABINE,
    Stack,
    _having,
    text_of,
)
from tests.support import activities
from tests.support.connector_sink import ConnectorSink


@pytest.fixture
async def stack(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> AsyncIterator[Stack]:
    clock = ManualClock(MONDAY)
    async with running_simulator(load_demo_organisation(), clock=clock) as graph_url:
        settings = local_settings(database_url, graph_base_url=graph_url, admin_ids=[SABINE[0]])
        bots = [await bot_factory(settings, clock), await bot_factory(settings, clock)]
        yield Stack(bots, sink, graph_url.removesuffix("/v1.0"), database_url)


async def _round_of_two(stack: Stack) -> None:
    await stack.say("kaffee roulette an", SABINE)
    await stack.say("kaffee roulette an", JANA, n=1)
    stack.clock.advance(ROUND + timedelta(minutes=1) - stack.clock.now())
    await stack.settle()


async def _met_counts(stack: Stack) -> tuple[int, int]:
    engine = create_engine(stack.database_url)
    try:
        latest = await SqlRouletteRepository(create_session_factory(engine)).latest_round()
        assert latest is not None
        return latest.met_yes, latest.met_no
    finally:
        await engine.dispose()


async def test_a_lasting_free_busy_failure_still_introduces_the_group(stack: Stack) -> None:
    # Graph refuses every getSchedule (no permission): the group must not wait for it.
    fault = {"path_prefix": "/users/", "method": "POST", "status": 403, "count": 100}
    assert (await stack.graph_json("POST", "/_sim/faults", fault))["count"] == 100
    await _round_of_two(stack)
    for _ in range(3):  # the planning's retries, each after its backoff
        stack.clock.advance(timedelta(minutes=5))
        await stack.settle()
    for who in (SABINE, JANA):
        intros = _having(stack.cards_to(who), "Los entschieden")
        assert len(intros) == 1, [text_of(c) for c in stack.cards_to(who)]
        shown = text_of(intros[0])
        assert "keine gemeinsame freie Zeit" in shown and "alle sind frei" not in shown


async def test_a_follow_up_answer_counts_once_per_member(stack: Stack) -> None:
    await _round_of_two(stack)
    stack.clock.advance(timedelta(days=8))  # past the suggested meeting, before round 58
    await stack.settle()
    [asked] = _having(stack.cards_to(SABINE), "getroffen?")
    yes = next(a for a in asked["actions"] if a["data"]["met"] is True)
    no = next(a for a in asked["actions"] if a["data"]["met"] is False)
    click = activities.as_user(
        activities.card_invoke(stack.sink.url, "roulette.met", yes["data"]), *SABINE
    )
    for _ in range(2):  # Teams delivers the same invoke twice
        assert (await stack.bots[1].post(click)).status == 200
    assert "nächsten Runde" in await stack.invoke("roulette.met", yes["data"], SABINE)
    await stack.invoke("roulette.met", no["data"], SABINE)  # an old card's other button
    assert await _met_counts(stack) == (1, 0)
    # Jana leaves the roulette, then clicks her card: no longer counted.
    await stack.say("kaffee roulette aus", JANA)
    [jana] = _having(stack.cards_to(JANA), "getroffen?")
    jana_yes = next(a for a in jana["actions"] if a["data"]["met"] is True)
    assert "nicht am Roulette teil" in await stack.invoke("roulette.met", jana_yes["data"], JANA)
    assert await _met_counts(stack) == (1, 0)
    status = await stack.say("bot status", SABINE)
    assert '"value": "1 / 0"' in status, json.loads(status)
