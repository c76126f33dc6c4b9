"""A daily birthday run late by a whole day, through the real endpoint and database (SQLite and
PostgreSQL) with replicas on one database and a ManualClock: the missed day is caught up once,
belatedly, also when two runs of the day race on two replicas and when a run is repeated."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from bot.adapters.clock import ManualClock
from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.models import ScheduledJob
from bot.domain.birthdays.service import DAILY_JOB
from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator import running_simulator
from tests.conftest import RunningBot, local_settings
from tests.integration.test_birthdays_endpoint import (
    JANA,
    MELANIE,
    SABINE,
    Chat,
    _stack,
    channel_posts,
    dms,
)
from tests.support.connector_sink import ConnectorSink
from tests.support.queue import drained

BELATED = "Gestern hatte Jana Becker Geburtstag."


async def _run_again(database_url: str, key: str, now: datetime) -> None:
    """The daily job of ``key`` runs once more (as after a crash before it was marked done)."""
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine).begin() as session:
            again = await session.execute(
                update(ScheduledJob)
                .where(ScheduledJob.dedup_key == key)
                .values(done_at=None, due_at=now, locked_until=None, attempts=0)
            )
            assert again.rowcount == 1  # type: ignore[attr-defined]
    finally:
        await engine.dispose()


async def test_a_birthday_on_a_day_without_a_run_is_announced_the_next_day_once(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """Before, when the bot was down on the morning of Jana's birthday (14.03.), the run that
    came on the 15th planned only the 15th: Melanie (who follows her) and Sabine (network
    birthdays) were never told. Now the run knows from the database that the 14th was not
    announced: "Gestern hatte Jana Becker Geburtstag." comes once to each, with "Gratulieren"
    still posting in the channel; a second run of the day on a third replica, racing the late
    one, a repeated run and the next day's run add nothing."""
    clock = ManualClock(datetime(2027, 3, 12, 6, 0, tzinfo=UTC))  # 07:00 in Berlin
    async with running_simulator(load_demo_organisation(), clock=clock) as graph_url:
        first, _second = await _stack(bot_factory, sink, database_url, clock, graph_url)
        chat = Chat(first, sink)
        assert "14. März" in await chat.say(JANA, "mein geburtstag 14.03.")
        assert "das Netzwerk" in await chat.say(JANA, "geburtstag sichtbar für netzwerk")
        assert "Sie folgen jetzt Jana Becker" in await chat.say(MELANIE, "folge jana")
        assert "Netzwerk" in await chat.say(SABINE, "erinnere mich an geburtstage im netzwerk")

        clock.advance(timedelta(days=1, hours=1, minutes=1))  # 13.03., 08:01: the day before
        await drained(database_url, clock.now())
        for who in (MELANIE, SABINE):
            assert len(dms(sink, who, "Jana Becker hat am 14.3. Geburtstag – morgen")) == 1

        # The 14th passes without a run (the bot was down); on the 15th, 08:01, the late run
        # of the 14th and a third replica's run of the 15th (planned at its start) are due at
        # once and may run side by side.
        clock.advance(timedelta(days=2))
        await bot_factory(local_settings(database_url, graph_base_url=graph_url), clock)
        await drained(database_url, clock.now())
        for who in (MELANIE, SABINE):
            [belated] = dms(sink, who, BELATED)
            assert "Heute hat" not in belated
        assert dms(sink, JANA, "Geburtstag") == []

        # A repeated run of the day plans nothing new either.
        await _run_again(database_url, f"{DAILY_JOB}:2027-03-15", clock.now())
        await drained(database_url, clock.now())
        assert [len(dms(sink, who, BELATED)) for who in (MELANIE, SABINE)] == [1, 1]

        data = {"person_key": JANA[0], "day": "2027-03-14"}
        assert "erscheint gleich im Kanal" in await chat.click(
            SABINE, "birthdays.congratulate", data
        )
        await drained(database_url, clock.now())
        [greeting] = channel_posts(sink)
        assert "Sabine Krüger gratuliert Jana Becker zum Geburtstag" in greeting

        clock.advance(timedelta(days=1))  # 16.03.: the next run catches up nothing
        await drained(database_url, clock.now())
        for who in (MELANIE, SABINE):
            assert len(dms(sink, who, "Erinnerung")) == 2  # the day before, and belatedly
            assert len(dms(sink, who, BELATED)) == 1
