"""The rooms test stack's requests to the bot and the Graph simulator, shared by the rooms
endpoint tests: a card click, the simulator's admin API, the last card someone got."""

from __future__ import annotations

import json
from typing import Any

import aiohttp

from tests.conftest import RunningBot
from tests.support import activities
from tests.support.connector_sink import ConnectorSink


async def invoke(
    bot: RunningBot,
    sink: ConnectorSink,
    verb: str,
    data: dict[str, Any],
    who: tuple[str, str],
    locale: str | None = None,
) -> str:
    """Click a card button as ``who`` (``locale``: their Teams language); the answer as text."""
    activity = activities.as_user(activities.card_invoke(sink.url, verb, data), *who)
    if locale is not None:
        activity["locale"] = locale
    response = await bot.post(activity)
    assert response.status == 200
    return json.dumps(await response.json(), ensure_ascii=False)


async def sim_json(sim: str, method: str, path: str, body: Any = None) -> Any:
    """Call the Graph simulator's admin API (``sim``: its /_sim address)."""
    async with aiohttp.ClientSession() as http:
        response = await http.request(method, sim + path, json=body)
        return await response.json() if response.status != 204 else None


def last_card_to(sink: ConnectorSink, who: tuple[str, str]) -> dict[str, Any]:
    """The last card the bot sent to ``who``'s personal chat."""
    sent = [a for a in sink.sent if a["_conversation"] == f"a:personal-{who[0]}"]
    return dict(sent[-1]["attachments"][0]["content"])
