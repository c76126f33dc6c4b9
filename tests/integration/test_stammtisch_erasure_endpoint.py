"""An organiser who erases their data ("meine daten löschen") while their Stammtisch poll is
open, through the real endpoint, database (SQLite and PostgreSQL), job queue and the Graph
simulator.

Before, the erasure only pseudonymised the poll: it still closed at its deadline, the
invitation (from the erased person's mailbox, which the bot can no longer name) was refused,
the "invite by hand" message went to the pseudonym, so nobody got it, and the yes-voters were
reminded the day before of a Stammtisch without an invitation; without configured organisers
nobody could close or call off the poll. Now configured organisers get that message, and
without any the poll is called off at its next step like a call-off by hand."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta

from bot.adapters.clock import ManualClock
from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.stammtisch import SqlStammtischRepository
from bot.domain.stammtisch.model import Poll, PollState
from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator import running_simulator
from tests.conftest import RunningBot, local_settings
from tests.integration.test_stammtisch_endpoint import JANA, MONDAY_9, SABINE, _answer_buttons
from tests.support import activities, rooms_stack
from tests.support.connector_sink import ConnectorSink
from tests.support.queue import drained

HENRIK = ("6692252b-53d3-5751-a595-e233dfe3b4c9", "Henrik Vogt")


class Team:
    """The bot with Sabine, Jana and Henrik in a team; Sabine starts the poll."""

    def __init__(self, bot: RunningBot, sink: ConnectorSink, clock: ManualClock, url: str):
        self.bot, self.sink, self.clock, self.database_url = bot, sink, clock, url

    async def say(self, text: str, who: tuple[str, str]) -> None:
        message = activities.as_user(activities.message(self.sink.url, text), *who)
        assert (await self.bot.post(message)).status == 201

    async def erase(self, who: tuple[str, str]) -> str:
        await self.say("meine daten löschen", who)
        [confirm] = [
            a["data"] for a in rooms_stack.last_card_to(self.sink, who)["actions"]
            if a["verb"] == "privacy.erase_confirm"
        ]  # fmt: skip
        return await rooms_stack.invoke(self.bot, self.sink, "privacy.erase_confirm", confirm, who)

    async def poll(self, poll_id: int) -> Poll:
        engine = create_engine(self.database_url)
        try:
            poll = await SqlStammtischRepository(create_session_factory(engine)).get_poll(poll_id)
        finally:
            await engine.dispose()
        assert poll is not None
        return poll

    async def until(self, when: datetime) -> None:
        """Let the clock run to ``when`` half a day at a time, every due job done on the way."""
        while self.clock.now() < when:
            self.clock.advance(min(timedelta(hours=12), when - self.clock.now()))
            await drained(self.database_url, self.clock.now())

    def to(self, who: tuple[str, str]) -> list[str]:
        return [json.dumps(a, ensure_ascii=False) for a in self.sink.sent
                if a["_conversation"] == f"a:personal-{who[0]}"]  # fmt: skip

    def in_channel(self) -> list[str]:
        return [json.dumps(a, ensure_ascii=False) for a in self.sink.sent
                if not a["_conversation"].startswith("a:personal-")]  # fmt: skip


async def _team(
    bot_factory: Callable[..., Awaitable[RunningBot]],
    sink: ConnectorSink,
    database_url: str,
    graph_url: str,
    organisers: list[str],
) -> Team:
    clock = ManualClock(MONDAY_9)
    settings = local_settings(
        database_url, graph_base_url=graph_url, stammtisch_organiser_ids=organisers,
        admin_ids=[],
    )  # fmt: skip
    sink.members = [activities.user(aad=aad, name=name) for aad, name in (SABINE, JANA, HENRIK)]
    team = Team(await bot_factory(settings, clock), sink, clock, database_url)
    for person in (SABINE, JANA, HENRIK):
        await team.say("hilfe", person)  # each has a 1:1 chat with the bot
    return team


async def _erased_with_a_yes(team: Team) -> tuple[int, datetime]:
    start = activities.channel_mention(team.sink.url, "stammtisch neu")
    start = activities.as_user(start, *SABINE)
    assert (await team.bot.post(start)).status == 201
    [buttons] = [b for b in map(_answer_buttons, team.sink.cards()) if b]
    poll_id = buttons[0]["data"]["poll_id"]
    days = sorted({date.fromisoformat(b["data"]["day"]) for b in buttons})
    vote = {"poll_id": poll_id, f"d_{days[1]}": "ja", "place": ""}
    assert "gespeichert" in await _vote(team, vote, JANA)
    assert "gelöscht" in (erased := await team.erase(SABINE)), erased
    poll = await team.poll(poll_id)
    assert poll.is_open and poll.organiser_key.startswith("geloescht-")
    return poll_id, poll.deadline


async def _vote(team: Team, data: dict[str, object], who: tuple[str, str]) -> str:
    activity = activities.card_invoke(team.sink.url, "stammtisch.vote", data)
    activity = activities.as_user(activities.in_channel(activity), *who)
    response = await team.bot.post(activity)
    assert response.status == 200
    return json.dumps(await response.json(), ensure_ascii=False)


async def test_without_organisers_the_erased_organisers_poll_is_called_off(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    clock_start = ManualClock(MONDAY_9)
    async with running_simulator(load_demo_organisation(), clock=clock_start) as graph_url:
        team = await _team(bot_factory, sink, database_url, graph_url, organisers=[])
        poll_id, deadline = await _erased_with_a_yes(team)
        told = {who: len(team.to(who)) for who in (JANA, HENRIK)}
        await team.until(deadline + timedelta(days=40))  # past the Stammtisch's day
        poll = await team.poll(poll_id)
        assert poll.state is PollState.CANCELLED and poll.winner_day is None
        assert poll.event_id is None  # no invitation was attempted
        called_off = [text for text in team.in_channel() if "Stammtisch abgesagt" in text]
        assert len(called_off) == 1  # the call-off notice in the poll's thread, once
        assert not [text for text in team.in_channel() if "steht fest" in text]
        updated = json.dumps(team.sink.updated, ensure_ascii=False)
        assert "Der Stammtisch wurde abgesagt." in updated  # the poll card says so
        # No reminder to Henrik (he has not voted), no day-before message to Jana (yes).
        assert {who: len(team.to(who)) for who in (JANA, HENRIK)} == told


async def test_configured_organisers_are_told_what_the_erased_organiser_would_have_been(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    clock_start = ManualClock(MONDAY_9)
    async with running_simulator(load_demo_organisation(), clock=clock_start) as graph_url:
        organisers = [SABINE[0], HENRIK[0]]
        team = await _team(bot_factory, sink, database_url, graph_url, organisers)
        poll_id, deadline = await _erased_with_a_yes(team)
        await team.until(deadline + timedelta(hours=1))
        poll = await team.poll(poll_id)
        assert poll.state is PollState.CLOSED and poll.winner_day is not None  # runs on
        assert [t for t in team.in_channel() if "steht fest" in t]
        # No STAMMTISCH_MAILBOX: the invitation would come from the erased person's mailbox,
        # so it is refused; Henrik, an organiser, is told once to invite by hand.
        notes = [t for t in team.to(HENRIK) if "Kalendereinladung nicht verschickt" in t]
        assert len(notes) == 1 and "Zugesagt haben: Jana" in notes[0]
        assert not [t for t in team.in_channel() if "Stammtisch abgesagt" in t]
