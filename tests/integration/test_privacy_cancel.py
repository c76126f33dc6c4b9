"""'meine daten löschen' through the real endpoint (SQLite and PostgreSQL): "Abbrechen" on the
confirmation uses the offer up, so a later "Ja, endgültig löschen" on the same card (another
device, an old copy) erases nothing."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator import running_simulator
from tests.conftest import RunningBot, local_settings
from tests.support import activities
from tests.support.connector_sink import ConnectorSink

JANA = ("3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85", "Jana Becker")


async def _click(bot: RunningBot, sink: ConnectorSink, verb: str, data: dict[str, Any]) -> str:
    click = activities.as_user(activities.card_invoke(sink.url, verb, data), *JANA)
    response = await bot.post(click)
    assert response.status == 200
    return json.dumps(await response.json(), ensure_ascii=False)


async def test_cancelled_erasure_cannot_be_confirmed_later(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with running_simulator(load_demo_organisation()) as graph_url:
        bot = await bot_factory(local_settings(database_url, graph_base_url=graph_url))
        await _offer_cancel_confirm(bot, sink)


async def _offer_cancel_confirm(bot: RunningBot, sink: ConnectorSink) -> None:
    for text in ("kaffee roulette an", "meine daten löschen"):
        assert (
            await bot.post(activities.as_user(activities.message(sink.url, text), *JANA))
        ).status == 201
    offer = sink.cards()[-1]
    verbs = {a["verb"]: a["data"] for a in offer["actions"] if a.get("verb")}
    cancelled = await _click(bot, sink, "privacy.erase_cancel", verbs["privacy.erase_cancel"])
    assert "Abgebrochen – es wurde nichts gelöscht" in cancelled
    late = await _click(bot, sink, "privacy.erase_confirm", verbs["privacy.erase_confirm"])
    assert "ungültig" in late and "gelöscht:" not in late.lower(), late
    shown = activities.as_user(activities.message(sink.url, "kaffee roulette"), *JANA)
    assert (await bot.post(shown)).status == 201
    assert "Sie sind dabei" in json.dumps(sink.cards()[-1], ensure_ascii=False)


async def test_the_confirmation_delivered_twice_does_not_say_nothing_was_deleted(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """Before, when Teams delivered the "Ja, endgültig löschen" click again (a retried invoke,
    a double click), the second answer replaced the card with "Diese Bestätigung ist ungültig
    … Es wurde nichts gelöscht", though the data was erased. Now it says the confirmation was
    already used to delete; a withdrawn or forged one still erases nothing."""
    async with running_simulator(load_demo_organisation()) as graph_url:
        bot = await bot_factory(local_settings(database_url, graph_base_url=graph_url))
        for text in ("kaffee roulette an", "meine daten löschen"):
            message = activities.as_user(activities.message(sink.url, text), *JANA)
            assert (await bot.post(message)).status == 201
        offer = sink.cards()[-1]
        [data] = [a["data"] for a in offer["actions"] if a["verb"] == "privacy.erase_confirm"]
        click = activities.as_user(activities.card_invoke(sink.url, "privacy.erase_confirm", data),
                                   *JANA)  # fmt: skip
        first = json.dumps(await (await bot.post(click)).json(), ensure_ascii=False)
        assert "Ihre Daten sind gelöscht" in first
        again = json.dumps(await (await bot.post(click)).json(), ensure_ascii=False)
        assert "nichts gelöscht" not in again and "schon gelöscht worden" in again
        assert "Sie nehmen zurzeit nicht am Roulette teil" in json.dumps(
            await _say_roulette(bot, sink), ensure_ascii=False
        )
        forged = await _click(bot, sink, "privacy.erase_confirm", {"token": "x" * 43})
        assert "Es wurde nichts gelöscht" in forged


async def _say_roulette(bot: RunningBot, sink: ConnectorSink) -> Any:
    before = len(sink.sent)
    message = activities.as_user(activities.message(sink.url, "kaffee roulette"), *JANA)
    assert (await bot.post(message)).status == 201
    return sink.sent[before:]
