"""The monthly rule through the real endpoint, database (SQLite and PostgreSQL), job queue
and Graph simulator: the poll appears on the day the bot confirmed when the rule was saved,
also after the rule was changed or switched off."""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.adapters.clock import ManualClock
from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator import running_simulator
from tests.conftest import RunningBot, local_settings
from tests.support import activities
from tests.support.connector_sink import ConnectorSink
from tests.support.queue import drained

SABINE = ("c009aadc-479f-503c-b41a-60b0bbea7223", "Sabine Krüger")
JANA = ("3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85", "Jana Becker")
# Friday 20 March 2026, 09:00 in Berlin: March's first Monday and third Wednesday are past.
FRIDAY = datetime(2026, 3, 20, 8, 0, tzinfo=UTC)
# The rule "1. Montag" for May: 6 April is Easter Monday (and 3 April Good Friday), so the poll
# comes on Thursday 2 April, 09:00 CEST.
MAY_POSTING = datetime(2026, 4, 2, 7, 0, tzinfo=UTC)
THIRD_WEDNESDAY = datetime(2026, 4, 15, 7, 0, tzinfo=UTC)
RULE = {
    "post_week": "1", "post_weekday": "0", "post_time": "09:00", "deadline_weekday": "4",
    "deadline_time": "16:00", "lunch_start": "12:00", "lunch_end": "13:30",
    "weekdays": "1,2,3", "count": "4", "places": "Alex, Block House", "active": "true",
}  # fmt: skip


class Channel:
    def __init__(self, bot: RunningBot, sink: ConnectorSink, url: str, clock: ManualClock):
        self.bot, self.sink, self.database_url, self.clock = bot, sink, url, clock

    async def save_rule(self, **changes: str) -> str:
        data = {**RULE, **changes}
        activity = activities.card_invoke(self.sink.url, "stammtisch.rule", data)
        activity = activities.as_user(activities.in_channel(activity), *SABINE)
        response = await self.bot.post(activity)
        assert response.status == 200
        return json.dumps(await response.json(), ensure_ascii=False)

    async def at(self, moment: datetime) -> None:
        """Move the clock to ``moment`` and wait until every job due by then has run."""
        self.clock.current = moment
        await drained(self.database_url, moment)

    def posted(self) -> list[str]:
        """Every card sent to the team, as text."""
        return [json.dumps(card, ensure_ascii=False) for card in self.sink.cards()]


@contextlib.asynccontextmanager
async def serving(
    bot_factory: Callable[..., Awaitable[RunningBot]],
    sink: ConnectorSink,
    database_url: str,
    **changes: Any,
) -> AsyncIterator[Channel]:
    clock = ManualClock(FRIDAY)
    async with running_simulator(load_demo_organisation(), clock=clock) as graph_url:
        settings = local_settings(
            database_url,
            graph_base_url=graph_url,
            stammtisch_organiser_ids=[SABINE[0]],
            **changes,
        )
        sink.members = [activities.user(aad=aad, name=name) for aad, name in (SABINE, JANA)]
        bot = await bot_factory(settings, clock)
        yield Channel(bot, sink, database_url, clock)


@pytest.fixture
async def channel(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> AsyncIterator[Channel]:
    async with serving(bot_factory, sink, database_url) as running:
        yield running


@pytest.fixture
async def may_blocked(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> AsyncIterator[Channel]:
    """School holidays all May (STAMMTISCH_BLACKOUT): May has no possible date."""
    blackout = ["2026-05-01..2026-05-31"]
    async with serving(bot_factory, sink, database_url, stammtisch_blackout=blackout) as running:
        yield running


def polls(texts: list[str]) -> list[str]:
    return [text for text in texts if "Assistenz-Stammtisch im" in text]


async def test_a_changed_rule_posts_on_the_confirmed_day_not_the_old_one(
    channel: Channel,
) -> None:
    assert "am Do, 02.04., 09:00 Uhr hier" in await channel.save_rule()
    changed = await channel.save_rule(post_week="3", post_weekday="2")
    assert "am Mi, 15.04., 09:00 Uhr hier" in changed
    await channel.at(MAY_POSTING)
    assert polls(channel.posted()) == []
    await channel.at(THIRD_WEDNESDAY)
    [poll] = polls(channel.posted())
    # May's poll, voting until the Friday after the confirmed posting day.
    assert "Assistenz-Stammtisch im Mai 2026" in poll and "bis Fr, 17.04., 16:00 Uhr" in poll


async def test_a_switched_off_rule_posts_nothing(channel: Channel) -> None:
    assert "am Do, 02.04., 09:00 Uhr hier" in await channel.save_rule()
    assert "ausgeschaltet" in await channel.save_rule(active="false")
    await channel.at(MAY_POSTING)
    await channel.at(datetime(2026, 6, 2, 8, 0, tzinfo=UTC))
    assert polls(channel.posted()) == []


async def test_a_month_without_a_possible_date_is_announced_and_the_next_one_posted(
    may_blocked: Channel,
) -> None:
    assert "am Do, 02.04., 09:00 Uhr hier" in await may_blocked.save_rule()
    await may_blocked.at(MAY_POSTING)
    posted = may_blocked.posted()
    assert polls(posted) == []
    [note] = [text for text in posted if "keine Stammtisch-Umfrage" in text]
    assert "im Mai 2026" in note and "am Mo, 04.05., 09:00 Uhr hier" in note
    # The rule goes on: June's poll on May's first Monday, as the note said.
    await may_blocked.at(datetime(2026, 5, 4, 7, 0, tzinfo=UTC))
    [june] = polls(may_blocked.posted())
    assert "Assistenz-Stammtisch im Juni 2026" in june
    assert len([t for t in may_blocked.posted() if "keine Stammtisch-Umfrage" in t]) == 1


WEDNESDAY_8_APRIL = datetime(2026, 4, 8, 7, 0, tzinfo=UTC)  # 09:00 CEST
PASSED = "Der Umfragetermin im April 2026 (Do, 02.04.) liegt schon in der Vergangenheit"


async def test_a_rule_moved_before_today_says_this_month_is_left_out_and_how_to_post_it(
    channel: Channel,
) -> None:
    # Before, May's poll (due on the old rule's 15 April) was dropped without a word when the
    # rule moved to the first Monday, which had passed: the reply named 4 May, June's poll.
    assert "am Mi, 15.04., 09:00 Uhr hier" in await channel.save_rule(
        post_week="3", post_weekday="2"
    )
    await channel.at(WEDNESDAY_8_APRIL)
    moved = await channel.save_rule()  # 1. Montag: its day (2 April, for Easter) has passed
    assert "am Mo, 04.05., 09:00 Uhr hier" in moved
    assert PASSED in moved and "die Regel gilt ab Mai 2026" in moved, moved
    assert "„stammtisch neu“" in moved and "Stammtisch im Mai 2026" in moved
    # The organiser posts May's poll by hand, as the reply said; the rule goes on in May.
    start = activities.as_user(
        activities.channel_mention(channel.sink.url, "stammtisch neu"), *SABINE
    )
    assert (await channel.bot.post(start)).status == 201
    await channel.at(THIRD_WEDNESDAY)
    [may] = polls(channel.posted())
    assert "Assistenz-Stammtisch im Mai 2026" in may
    await channel.at(datetime(2026, 5, 4, 7, 0, tzinfo=UTC))
    assert "Assistenz-Stammtisch im Juni 2026" in polls(channel.posted())[-1]


async def test_no_word_on_a_passed_date_when_this_months_poll_is_out(channel: Channel) -> None:
    start = activities.as_user(
        activities.channel_mention(channel.sink.url, "stammtisch neu"), *SABINE
    )
    assert (await channel.bot.post(start)).status == 201  # April's poll, on 20 March
    saved = await channel.save_rule()  # March's first Monday has passed: nothing left out
    assert "am Do, 02.04., 09:00 Uhr hier" in saved and "Vergangenheit" not in saved
    off = await channel.save_rule(active="false")
    assert "Vergangenheit" not in off


async def test_a_posting_day_on_a_public_holiday_moves_to_the_working_day_before(
    channel: Channel,
) -> None:
    # "1. Montag" in April 2026 is Easter Monday: before, the poll went out on the holiday.
    assert "am Do, 02.04., 09:00 Uhr hier" in await channel.save_rule()
    await channel.at(MAY_POSTING)
    [poll] = polls(channel.posted())
    # Earlier, not shorter: votes close on the Friday after the rule's own day, as always.
    assert "Assistenz-Stammtisch im Mai 2026" in poll and "bis Fr, 10.04., 16:00 Uhr" in poll


async def test_a_voting_deadline_on_a_public_holiday_moves_to_the_working_day_before(
    channel: Channel,
) -> None:
    # "letzter Montag, abstimmen bis Freitag 16:00": posted on Monday 30 March 2026, the
    # Friday is Good Friday (3 April). Before, the card said "bis Fr, 03.04." and votes closed
    # on the holiday; now both happen on Thursday 2 April, 16:00, as posting days move.
    assert "am Mo, 30.03., 09:00 Uhr hier" in await channel.save_rule(post_week="5")
    await channel.at(datetime(2026, 3, 30, 7, 0, tzinfo=UTC))  # 09:00 CEST
    [poll] = polls(channel.posted())
    assert "Assistenz-Stammtisch im April 2026" in poll
    assert "bis Do, 02.04., 16:00 Uhr" in poll and "03.04." not in poll, poll
    # The reminder to those who have not voted (Jana never wrote to the bot) names it too.
    await channel.at(datetime(2026, 4, 1, 14, 0, tzinfo=UTC))
    reminders = [json.dumps(a, ensure_ascii=False) for a in channel.sink.sent]
    assert any("noch nicht abgestimmt" in r and "02.04." in r for r in reminders)
    await channel.at(datetime(2026, 4, 2, 13, 59, tzinfo=UTC))
    assert not [t for t in channel.posted() if "Kein Stammtisch-Termin gefunden" in t]
    await channel.at(datetime(2026, 4, 2, 14, 0, tzinfo=UTC))  # Thursday, 16:00 CEST
    assert [t for t in channel.posted() if "Kein Stammtisch-Termin gefunden" in t]
