"""A check-in that came due while the newcomer was gone, through the real endpoint and database
(SQLite and PostgreSQL): when they are added again and the onboarding continues, it is asked
once after the return (also when its job had not run yet, or was the first to find them gone,
and when Teams re-delivers the join), saying how many days ago they were introduced; once the
buddy period is over, not at all."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import timedelta

from sqlalchemy import update

from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.member_tables import TeamMemberRow
from bot.domain.onboarding.model import OnboardingState
from tests.conftest import RunningBot
from tests.integration.test_onboarding_admin_pick_endpoint import Day, welcomed_day
from tests.integration.test_onboarding_departure_endpoint import melanie_leaves
from tests.integration.test_onboarding_endpoint import JANA, MELANIE, NOW, cards_to, member_added
from tests.support.connector_sink import ConnectorSink

CHECK_IN = "Haben Sie sich getroffen"
SEVEN_DAYS = 7
TWENTY_EIGHT_DAYS = 28


def asked(sink: ConnectorSink, who: tuple[str, str], days: int) -> list[str]:
    """The ``days`` check-in cards to ``who`` (told apart by their buttons, not their text)."""
    return [c for c in cards_to(sink, who) if CHECK_IN in c and f'"days": {days}, "answer"' in c]


def check_ins(sink: ConnectorSink, who: tuple[str, str], days: int) -> int:
    return len(asked(sink, who, days))


def says(sink: ConnectorSink, days: int, wording: str) -> bool:
    """Whether every ``days`` check-in to Melanie and Jana says ``wording``."""
    cards = asked(sink, MELANIE, days) + asked(sink, JANA, days)
    return bool(cards) and all(wording in c for c in cards)


@asynccontextmanager
async def away(
    day: Day, leaves: int, back: int, leave: Callable[[Day], Awaitable[object]] = melanie_leaves
) -> AsyncIterator[None]:
    """Melanie leaves the team on day ``leaves`` (``leave``: how the bot learns it), the body
    runs while she is away, and on day ``back`` she is added again (Teams delivers the join
    twice): the onboarding continues with Jana."""
    melanie = [m for m in day.sink.members if m["aadObjectId"] == MELANIE[0]]
    day.bot.clock.current = NOW + timedelta(days=leaves)
    await leave(day)
    yield
    day.bot.clock.current = NOW + timedelta(days=back)
    day.sink.members += melanie
    again = member_added(day.sink, f"29:{MELANIE[0]}")
    for _ in range(2):
        assert (await day.bot.post(again)).status in (200, 201)
        await day.settle()
    resumed = await day.stored()
    assert resumed.state is OnboardingState.PAIRED and resumed.buddy_key == JANA[0]


async def test_a_check_in_missed_while_away_is_asked_once_after_the_return(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with welcomed_day(bot_factory, sink, database_url) as day:
        async with away(day, leaves=6, back=8):
            day.bot.clock.current = NOW + timedelta(days=7, minutes=1)
            await day.settle()  # the week's check-in finds the onboarding ended: nothing
            assert check_ins(sink, MELANIE, SEVEN_DAYS) == check_ins(sink, JANA, SEVEN_DAYS) == 0
        assert check_ins(sink, MELANIE, SEVEN_DAYS) == 1
        assert check_ins(sink, JANA, SEVEN_DAYS) == 1
        # Asked a day late, it says so: the pairing was 8 days ago, not 7.
        assert says(sink, SEVEN_DAYS, "Vor 8 Tagen haben wir Sie mit")
        day.bot.clock.current = NOW + timedelta(days=9)
        await day.settle()
        assert check_ins(sink, MELANIE, SEVEN_DAYS) == check_ins(sink, JANA, SEVEN_DAYS) == 1
        # The last check-in comes as planned.
        day.bot.clock.current = NOW + timedelta(days=28, minutes=1)
        await day.settle()
        assert check_ins(sink, MELANIE, TWENTY_EIGHT_DAYS) == 1
        assert check_ins(sink, JANA, TWENTY_EIGHT_DAYS) == 1
        assert says(sink, TWENTY_EIGHT_DAYS, "Vor 28 Tagen haben wir Sie mit")


async def test_a_check_in_whose_job_had_not_run_while_away_is_asked_once(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with welcomed_day(bot_factory, sink, database_url) as day:
        async with away(day, leaves=6, back=8):
            pass  # nothing runs in between (a busy runner): the week's check-in is pending
        assert check_ins(sink, MELANIE, SEVEN_DAYS) == 1
        assert check_ins(sink, JANA, SEVEN_DAYS) == 1
        assert says(sink, SEVEN_DAYS, "Vor 8 Tagen haben wir Sie mit")


async def gone_unnoticed(day: Day) -> None:
    """Melanie is off the team, and the member store says so, but nothing ended her onboarding:
    Teams' membersRemoved never came, and the job that ends what a leaver had has not run (or
    failed): the next job that looks is the first to find her gone."""
    day.sink.members = [m for m in day.sink.members if m["aadObjectId"] != MELANIE[0]]
    engine = create_engine(day.database_url)
    try:
        async with create_session_factory(engine).begin() as session:
            removed = await session.execute(
                update(TeamMemberRow)
                .where(TeamMemberRow.user_key == MELANIE[0])
                .values(removed_at=day.bot.clock.now())
            )
            assert getattr(removed, "rowcount", 0) == 1
    finally:
        await engine.dispose()


async def test_a_check_in_that_first_found_the_newcomer_gone_is_asked_after_the_return(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with welcomed_day(bot_factory, sink, database_url) as day:
        async with away(day, leaves=6, back=8, leave=gone_unnoticed):
            day.bot.clock.current = NOW + timedelta(days=7, minutes=1)
            await day.settle()  # the week's check-in finds her gone and ends the onboarding
            ended = await day.stored()
            assert ended.state is OnboardingState.LEFT and ended.left_at is not None
            assert ended.left_at > NOW + timedelta(days=7)  # later than the check-in's due
            assert check_ins(sink, MELANIE, SEVEN_DAYS) == check_ins(sink, JANA, SEVEN_DAYS) == 0
        assert check_ins(sink, MELANIE, SEVEN_DAYS) == 1
        assert check_ins(sink, JANA, SEVEN_DAYS) == 1
        assert says(sink, SEVEN_DAYS, "Vor 8 Tagen haben wir Sie mit")
        day.bot.clock.current = NOW + timedelta(days=9)
        await day.settle()
        assert check_ins(sink, MELANIE, SEVEN_DAYS) == check_ins(sink, JANA, SEVEN_DAYS) == 1
        # Gone again and back again: the week's check-in was asked, it is not asked again.
        async with away(day, leaves=10, back=11):
            pass
        assert check_ins(sink, MELANIE, SEVEN_DAYS) == check_ins(sink, JANA, SEVEN_DAYS) == 1


async def test_after_the_buddy_period_a_missed_check_in_is_not_asked(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with welcomed_day(bot_factory, sink, database_url) as day:
        day.bot.clock.current = NOW + timedelta(days=7, minutes=1)
        await day.settle()
        assert check_ins(sink, MELANIE, SEVEN_DAYS) == 1
        assert says(sink, SEVEN_DAYS, "Vor 7 Tagen haben wir Sie mit")  # asked on time
        async with away(day, leaves=27, back=29):
            day.bot.clock.current = NOW + timedelta(days=28, minutes=1)
            await day.settle()
        day.bot.clock.current = NOW + timedelta(days=30)
        await day.settle()
        assert check_ins(sink, MELANIE, TWENTY_EIGHT_DAYS) == 0
        assert check_ins(sink, JANA, TWENTY_EIGHT_DAYS) == 0
        assert check_ins(sink, MELANIE, SEVEN_DAYS) == 1  # the one asked before is not again
