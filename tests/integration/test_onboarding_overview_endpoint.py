"""The admins' onboarding overview through the real endpoint and database (SQLite and
PostgreSQL): it names newcomers and how they are doing, so it is shown only in the personal
chat; asked in a channel or group chat, the bot says where to ask instead."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

from tests.conftest import RunningBot
from tests.integration.test_onboarding_admin_pick_endpoint import AYLIN, welcomed_day
from tests.support import activities
from tests.support.connector_sink import ConnectorSink


async def test_the_overview_is_shown_only_in_the_personal_chat(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with welcomed_day(bot_factory, sink, database_url) as day:
        for kind in ("channel", "group"):
            reply = await day.say("willkommen offen", AYLIN, kind)
            assert "nur in unserem persönlichen Chat" in reply
            assert "Melanie" not in reply and "Jana" not in reply
        # "Weitere Onboardings" clicked (or forged) in a channel: refused as well.
        click = activities.in_channel(
            activities.card_invoke(sink.url, "onboarding.overview", {"start": 0})
        )
        body = await (await day.bot.post(activities.as_user(click, *AYLIN))).json()
        page = json.dumps(body, ensure_ascii=False)
        assert "nur in unserem persönlichen Chat" in page and "Melanie" not in page
        personal = await day.say("willkommen offen", AYLIN)
        assert "Onboarding: Übersicht" in personal and "Melanie Schäfer" in personal
