"""The bookings "meine daten löschen" cancels, through the real endpoint, database (SQLite and
PostgreSQL), job queue and the Graph simulator's fault mode.

Before, the cancellation ran inline after the erasure: Graph failing for a while (503) was
only logged, and the room stayed blocked in Exchange in a deleted person's name, found by
nobody; a crash between the erasure's commit and the cancellation lost it too. Now one job per
booking is stored in the erasure's transaction: retried with backoff while Graph fails, run by
whichever replica comes first and only once, and given up after its last attempt like a
refusal (the admins are asked to cancel it in Outlook)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy import func, select

from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.models import RoomAuditRow, ScheduledJob
from bot.app import RUNTIME, SETTINGS
from bot.domain.rooms.erasure import RELEASE_JOB
from devkit.demo.organisation import load_demo_organisation
from tests.conftest import RunningBot
from tests.integration.test_rooms_erasure_refused_endpoint import (  # noqa: F401 (fixture)
    JANA,
    SABINE,
    Stack,
    _offers,
    _room_events,
    stack,
)
from tests.support import activities

JANA_EVENTS = "/users/jana.becker@nordlicht-demo.de/events"


def _unavailable(count: int, status: int = 503) -> dict[str, Any]:
    # msgraph-sdk retries a 503 three times itself (after Retry-After: 1 s); past those the
    # cancellation fails, as in an outage of a few minutes. A 502 it does not retry.
    return {"path_prefix": JANA_EVENTS, "method": "POST", "status": status,
            "retry_after": 1, "count": count}  # fmt: skip


async def _book(on: Stack) -> str:
    """Jana books a room everyone may book (the admins are asked if it stays); its mailbox."""
    policy = load_demo_organisation().room_policy()
    await on.say("morgen 10-11 Uhr Raum für 4 Personen", JANA)
    offer = next(o for o in _offers(on.last_card_to(JANA)) if o["room"] not in policy)
    assert "Gebucht ✅" in await on.invoke("rooms.choose", offer, JANA)
    assert await _room_events(on, offer["room"])
    return str(offer["room"])


async def _another_replica(
    on: Stack, bot_factory: Callable[..., Awaitable[RunningBot]]
) -> RunningBot:
    """A second bot on the same database, Graph and clock, with its own job runner."""
    return await bot_factory(on.bot.app[SETTINGS], on.clock)


async def _cancel_calls(on: Stack) -> int:
    routes = (await on.sim_json("GET", "/requests"))["routes"]
    return sum(n for route, n in routes.items() if route.endswith("/cancel"))


async def _release_jobs(on: Stack) -> list[tuple[int, bool, bool]]:
    """Per release job: attempts, done, failed for good."""
    engine = create_engine(on.database_url)
    try:
        async with create_session_factory(engine)() as session:
            rows = await session.execute(
                select(ScheduledJob.attempts, ScheduledJob.done_at, ScheduledJob.failed_at)
                .where(ScheduledJob.kind == RELEASE_JOB)
            )  # fmt: skip
            return [(n, done is not None, failed is not None) for n, done, failed in rows]
    finally:
        await engine.dispose()


async def _cancelled_entries(on: Stack) -> int:
    engine = create_engine(on.database_url)
    try:
        async with create_session_factory(engine)() as session:
            found = await session.scalar(
                select(func.count()).select_from(RoomAuditRow)
                .where(RoomAuditRow.action == "cancelled")
            )  # fmt: skip
            return int(found or 0)
    finally:
        await engine.dispose()


async def test_a_cancellation_graph_fails_for_a_while_is_retried_until_it_is_done_once(
    stack: Stack,  # noqa: F811
) -> None:
    room = await _book(stack)
    await stack.sim_json("DELETE", "/requests")
    await stack.sim_json("POST", "/faults", _unavailable(8))  # two attempts of the job
    erased, _ = await stack.erase(JANA)
    assert "Raumbuchungen, die jetzt storniert werden" in erased, erased
    assert "Stornierte Raumbuchungen" not in erased  # no result it does not have yet
    await stack.later(0)
    assert await _room_events(stack, room)  # Graph failed: still booked, and not forgotten
    assert await _release_jobs(stack) == [(1, False, False)]
    for _ in range(4):
        await stack.later(5)  # backoff 30 s, 60 s: the third attempt cancels
    assert not await _room_events(stack, room)
    assert (await stack.sim_json("GET", "/faults"))["faults"] == []
    assert await _cancel_calls(stack) == 8 + 1  # the failed calls and one cancellation
    assert await _release_jobs(stack) == [(3, True, False)]
    assert await _cancelled_entries(stack) == 1
    assert not stack.notices()  # cancelled: nobody is asked to do it in Outlook


async def test_a_release_stored_with_the_erasure_runs_after_a_crash_on_another_replica(
    stack: Stack,  # noqa: F811
    bot_factory: Callable[..., Awaitable[RunningBot]],
) -> None:
    room = await _book(stack)
    # The replica that erases dies right after the erasure's commit: its job runner never
    # gets to the release (stopped before the click, so nothing runs it here).
    await stack.bot.app[RUNTIME].services.jobs.stop()
    erased, _ = await stack.erase(JANA)
    assert "Raumbuchungen, die jetzt storniert werden" in erased
    assert await _room_events(stack, room)
    assert await _release_jobs(stack) == [(0, False, False)]  # stored with the erasure

    await _another_replica(stack, bot_factory)  # another replica (or the restarted one)
    await stack.later(0)
    assert not await _room_events(stack, room)
    assert await _release_jobs(stack) == [(1, True, False)]
    assert await _cancelled_entries(stack) == 1


async def test_two_replicas_cancel_the_booking_once(
    stack: Stack,  # noqa: F811
    bot_factory: Callable[..., Awaitable[RunningBot]],
) -> None:
    room = await _book(stack)
    first = stack.bot.app[RUNTIME].services.jobs
    await first.stop()
    second = (await _another_replica(stack, bot_factory)).app[RUNTIME].services.jobs
    await second.stop()
    await stack.sim_json("DELETE", "/requests")
    await stack.erase(JANA)
    await first.start()
    await second.start()  # both poll the queue at once
    await stack.later(0)
    assert not await _room_events(stack, room)
    assert await _cancel_calls(stack) == 1
    assert await _release_jobs(stack) == [(1, True, False)]
    assert await _cancelled_entries(stack) == 1


async def test_a_release_graph_fails_on_every_attempt_is_left_to_the_admins_once(
    stack: Stack,  # noqa: F811
) -> None:
    room = await _book(stack)
    await stack.sim_json("POST", "/faults", _unavailable(10_000, 502))  # down for hours
    await stack.erase(JANA)
    for _ in range(12):
        await stack.later(60)  # ten attempts, backoff capped at an hour
    assert await _release_jobs(stack) == [(10, True, True)]  # given up
    notices = stack.notices()
    assert list(notices) == [f"a:personal-{SABINE[0]}"]  # the admin (room everyone may book)
    [notice] = notices[f"a:personal-{SABINE[0]}"]
    assert "bitte stornieren Sie ihn direkt in Outlook" in notice and "Jana" not in notice
    assert await _room_events(stack, room)  # still booked in Exchange, as told
    assert await _cancelled_entries(stack) == 1  # the bot manages it no more


async def test_an_event_created_for_a_booking_under_way_is_cancelled_once(
    stack: Stack,  # noqa: F811
) -> None:
    # Before, the erasure cancelled the request in the bot, and its release skipped it: the
    # event Graph had created (its answer lost) stayed in Exchange under a deleted person.
    policy = load_demo_organisation().room_policy()
    await stack.say("morgen 10-11 Uhr Raum für 4 Personen", JANA)
    offer = next(o for o in _offers(stack.last_card_to(JANA)) if o["room"] not in policy)
    # The event is created, its answer lost (504, after msgraph's own retries, which carry
    # the same transaction id): the request stays "Buchung läuft".
    lost = {"path_prefix": "/users/jana.becker@nordlicht-demo.de/calendar/events",
            "method": "POST", "status": 504, "retry_after": 0, "count": 4,
            "after": True}  # fmt: skip
    await stack.sim_json("POST", "/faults", lost)
    assert "Gebucht ✅" not in await stack.invoke("rooms.choose", offer, JANA)
    assert await _room_events(stack, offer["room"])
    await stack.sim_json("DELETE", "/requests")
    erased, _ = await stack.erase(JANA)
    assert "Raumbuchungen, die jetzt storniert werden" in erased, erased
    for _ in range(3):
        await stack.later(5)  # the release, and the booking job planned before (it books not)
    assert not await _room_events(stack, offer["room"])
    assert await _cancel_calls(stack) == 1
    assert await _release_jobs(stack) == [(1, True, False)]
    assert not stack.notices()


async def test_a_booking_of_someone_the_roster_knows_by_mail_is_cancelled(
    stack: Stack,  # noqa: F811
) -> None:
    # The roster gives the erasure Jana's mail (her UPN), and the erasure replaces it in every
    # stored value, the booking's event id ("<organiser mailbox>|<id>") too. Before, the
    # release then cancelled in a mailbox that does not exist: the event stayed in Exchange.
    jana = activities.user(aad=JANA[0], name=JANA[1])
    jana["userPrincipalName"] = "jana.becker@nordlicht-demo.de"
    stack.sink.members = [jana]
    assert (await stack.bot.post(activities.bot_added_to_team(stack.sink.url))).status < 300
    await stack.later(0)  # the roster is read
    room = await _book(stack)
    await stack.sim_json("DELETE", "/requests")
    erased, _ = await stack.erase(JANA)
    assert "Raumbuchungen, die jetzt storniert werden" in erased, erased
    await stack.later(0)
    assert not await _room_events(stack, room)
    assert await _cancel_calls(stack) == 1
    assert await _release_jobs(stack) == [(1, True, False)]
    assert await _cancelled_entries(stack) == 1
    assert not stack.notices()
