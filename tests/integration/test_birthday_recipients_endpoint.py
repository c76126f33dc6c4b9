"""Birthday reminders go to members of the network only, through the real endpoint, database
(SQLite and PostgreSQL) and Graph simulator: whoever is in no team with the bot (the personal
app reaches people outside the teams) or left every one is not reminded, and is told so."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from tests.conftest import RunningBot
from tests.integration.test_birthdays_endpoint import (
    JANA,
    MELANIE,
    MONIKA,
    SABINE,
    _leaves,
    _morning_chat,
    _rejoins,
    dms,
)
from tests.support.connector_sink import ConnectorSink
from tests.support.queue import drained


async def test_only_members_of_a_team_with_the_bot_are_reminded(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """Before, Monika, in no team with the bot, could subscribe to the network's birthdays or
    follow Jana and was reminded of Jana's birthday like a member of the network; so was
    Sabine after she had left the team. Now both wishes are kept, they are told that only
    members are reminded, and nothing is sent to them; Sabine is reminded again once she is
    back. Melanie, in the team, is reminded as before."""
    async with _morning_chat(bot_factory, sink, database_url) as chat:
        assert "14. März" in await chat.say(JANA, "mein geburtstag 14.03.")
        assert "das Netzwerk" in await chat.say(JANA, "geburtstag sichtbar für netzwerk")
        member = await chat.say(MELANIE, "folge jana")
        assert "Sie folgen jetzt Jana Becker" in member and "aus keinem Team" not in member
        subscribed = await chat.say(MONIKA, "erinnere mich an geburtstage im netzwerk")
        assert "Ich erinnere Sie" in subscribed and "Erinnerungen bekommen nur" in subscribed
        followed = await chat.say(MONIKA, "folge jana")
        assert (
            "Sie folgen jetzt Jana Becker" in followed and "Erinnerungen bekommen nur" in followed
        )
        english = await chat.say(MONIKA, "remind me of birthdays", "en-US")
        assert "Reminders go only to members" in english
        assert "Ich erinnere Sie" in await chat.say(SABINE, "erinnere mich an geburtstage")
        await _leaves(chat.bot, sink, SABINE, database_url)
        assert "Erinnerungen bekommen nur" in await chat.say(
            SABINE, "erinnere mich an geburtstage"
        )

        clock = chat.bot.clock
        clock.advance(timedelta(days=1, hours=1, minutes=1))  # 13.03., 08:01: the day before
        await drained(database_url, clock.now())
        assert len(dms(sink, MELANIE, "Jana Becker hat am 14.3. Geburtstag")) == 1
        assert dms(sink, MONIKA, "Erinnerung") == [] and dms(sink, SABINE, "Erinnerung") == []

        await _rejoins(chat.bot, sink, SABINE, database_url)  # back before the day
        clock.advance(timedelta(days=1))  # 14.03., 08:01: the day
        await drained(database_url, clock.now())
        assert len(dms(sink, SABINE, "Heute hat Jana Becker Geburtstag")) == 1
        assert len(dms(sink, MELANIE, "Heute hat Jana Becker Geburtstag")) == 1
        assert dms(sink, MONIKA, "Erinnerung") == []
