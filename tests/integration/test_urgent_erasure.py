""" "Meine Daten löschen" by the asker of an urgent call whose booking was given up without
the bot seeing its meeting (real endpoint, SQLite and PostgreSQL, Graph simulator): the call
is cancelled, the meeting an attempt created is cancelled in Graph (nobody could find it
afterwards), and nothing about the asker stays in the call; the assistants still asked for
an open call see their card withdrawn (without the asker's name).

Both follow-ups are jobs stored in the erasure's own transaction (before, they ran inline
after its commit: a crash in between lost them, and Graph failing for a while was only
logged): retried with backoff while Graph fails, run by whichever replica comes first, and
only once."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import aiohttp
from sqlalchemy import select

from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.models import ScheduledJob, UrgentAuditRow, UrgentCallRow
from bot.app import RUNTIME, SETTINGS
from bot.domain.urgent.erasure import CANCEL_JOB, WITHDRAW_JOB
from tests.conftest import RunningBot
from tests.integration.test_urgent_endpoint import (  # noqa: F401 (fixture)
    ALBRECHT,
    JANA,
    JANA_MAIL,
    SABINE,
    Stack,
    _created_by_graph,
    _given_up_unconfirmed,
    _meetings,
    _sim,
    stack,
)
from tests.support.queue import drained


async def _stored(on: Stack, call_id: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The call's row and its audit trail as stored (every column)."""
    engine = create_engine(on.database_url)
    try:
        async with create_session_factory(engine)() as session:
            row = (await session.execute(select(UrgentCallRow.__table__).where(
                UrgentCallRow.id == call_id))).mappings().one()  # fmt: skip
            trail = (await session.execute(select(UrgentAuditRow.__table__).where(
                UrgentAuditRow.call_id == call_id))).mappings().all()  # fmt: skip
            return dict(row), [dict(entry) for entry in trail]
    finally:
        await engine.dispose()


async def _erase(on: Stack, who: tuple[str, str]) -> str:
    await on.say("meine daten löschen", who)
    confirm = on.cards_to(who)[-1]
    [token] = [a["data"]["token"] for a in confirm["actions"]
               if a.get("verb") == "privacy.erase_confirm"]  # fmt: skip
    return await on.invoke("privacy.erase_confirm", {"token": token}, who)


async def test_erasing_the_asker_of_an_unconfirmed_call_cancels_its_meeting(
    stack: Stack,  # noqa: F811 (the fixture imported above)
) -> None:
    offer = await _given_up_unconfirmed(stack)
    await _created_by_graph(stack, offer)  # the invitations went out; the bot never saw it
    answer = await _erase(stack, JANA)
    assert "Ihre Daten sind gelöscht" in answer
    assert "deren Besprechung jetzt abgesagt wird" in answer
    await drained(stack.database_url, stack.clock.now())
    # Cancelled in Graph (attendees told): afterwards nobody could find it any more.
    assert [m["isCancelled"] for m in _meetings(await stack.calendar(ALBRECHT))] == [True]
    row, trail = await _stored(stack, offer["call_id"])
    assert row["state"] == "cancelled"
    assert trail[-1]["action"] == "meeting_cancelled"
    for minutes in (2, 8):  # the looks planned at the give-up change nothing
        stack.clock.advance(timedelta(minutes=minutes))
        await drained(stack.database_url, stack.clock.now())
    after, trail = await _stored(stack, offer["call_id"])
    assert after["state"] == "cancelled"
    stored = json.dumps([after, trail], ensure_ascii=False, default=str).casefold()
    for trace in (JANA[0], JANA[1], JANA_MAIL, f"personal-{JANA[0]}"):
        assert trace.casefold() not in stored, trace


async def test_erasing_the_asker_while_assistants_are_asked_withdraws_their_cards(
    stack: Stack,  # noqa: F811 (the fixture imported above)
) -> None:
    await stack.busy(ALBRECHT, "09:00", "17:00")
    await stack.say("Ich brauche heute noch 30 Minuten mit Dr. Albrecht", JANA)
    asked = stack.cards_to(SABINE)[-1]
    assert any(a.get("verb") == "urgent.answer" for a in asked["actions"])
    before = len(stack.sink.updated)
    assert "Ihre Daten sind gelöscht" in await _erase(stack, JANA)
    await drained(stack.database_url, stack.clock.now())
    updates = [json.dumps(u, ensure_ascii=False) for u in stack.sink.updated[before:]]
    sabine = [u for u in updates if f"personal-{SABINE[0]}" in u]
    assert sabine and "Anfrage nach einem dringenden Termin wurde abgesagt" in sabine[-1]
    assert "urgent.answer" not in sabine[-1] and JANA[1] not in sabine[-1]


DAY_AFTER = "2026-03-04"  # the day after tomorrow, seen from the evening of the give-up


async def _jobs(on: Stack) -> list[tuple[str, int, bool, bool, dict[str, Any]]]:
    """Per follow-up job: kind, attempts, done, failed for good, payload."""
    engine = create_engine(on.database_url)
    try:
        async with create_session_factory(engine)() as session:
            rows = await session.execute(
                select(ScheduledJob.kind, ScheduledJob.attempts, ScheduledJob.done_at,
                       ScheduledJob.failed_at, ScheduledJob.payload)
                .where(ScheduledJob.kind.in_((CANCEL_JOB, WITHDRAW_JOB)))
                .order_by(ScheduledJob.kind)
            )  # fmt: skip
            return [
                (k, n, done is not None, failed is not None, p) for k, n, done, failed, p in rows
            ]
    finally:
        await engine.dispose()


async def _cancel_calls(on: Stack) -> int:
    return sum(n for route, n in (await on.requests()).items() if route.endswith("/cancel"))


async def _later(on: Stack, minutes: int) -> None:
    on.clock.advance(timedelta(minutes=minutes))
    await drained(on.database_url, on.clock.now())


async def _unconfirmed_and_asking(on: Stack) -> int:
    """Jana has a given-up call whose meeting Graph did create (the bot never saw it) and a
    second call for which Sabine is asked to free time; the first call's id."""
    offer = await _given_up_unconfirmed(on)
    await _created_by_graph(on, offer)
    # It is evening by now: the second call is for the day after tomorrow, Albrecht busy.
    blocker = {"subject": "Blocker", "start": {"dateTime": f"{DAY_AFTER}T07:00:00", "timeZone":
               "Europe/Berlin"}, "end": {"dateTime": f"{DAY_AFTER}T19:00:00", "timeZone":
               "Europe/Berlin"}}  # fmt: skip
    async with aiohttp.ClientSession() as http:
        created = await http.post(f"{on.graph}/users/{ALBRECHT}/calendar/events", json=blocker,
                                  headers={"Authorization": "Bearer test"})  # fmt: skip
        assert created.status == 201
    await on.say("Ich brauche übermorgen 30 Minuten mit Dr. Albrecht", JANA)
    assert any(a.get("verb") == "urgent.answer" for a in on.cards_to(SABINE)[-1]["actions"])
    await _sim(on, "DELETE", "requests")
    return int(offer["call_id"])


def _withdrawn(on: Stack, before: int) -> list[str]:
    """Sabine's cards replaced by "withdrawn" since ``before`` updates."""
    updates = [json.dumps(u, ensure_ascii=False) for u in on.sink.updated[before:]]
    return [u for u in updates if f"personal-{SABINE[0]}" in u and "wurde abgesagt" in u]


async def _another_replica(
    on: Stack, bot_factory: Callable[..., Awaitable[RunningBot]]
) -> RunningBot:
    """A second bot on the same database, Graph and clock, with its own job runner."""
    return await bot_factory(on.bot.app[SETTINGS], on.clock)


async def test_a_cancellation_graph_fails_for_a_while_is_retried_until_done_once(
    stack: Stack,  # noqa: F811 (the fixture imported above)
) -> None:
    offer = await _given_up_unconfirmed(stack)
    await _created_by_graph(stack, offer)
    await _sim(stack, "DELETE", "requests")
    # msgraph-sdk retries a 503 three times itself (Retry-After: 1 s): two attempts fail.
    unavailable = {"path_prefix": f"/users/{JANA_MAIL}/events", "method": "POST",
                   "status": 503, "retry_after": 1, "count": 8}  # fmt: skip
    await _sim(stack, "POST", "faults", unavailable)
    assert "Ihre Daten sind gelöscht" in await _erase(stack, JANA)
    await drained(stack.database_url, stack.clock.now())
    assert [m["isCancelled"] for m in _meetings(await stack.calendar(ALBRECHT))] == [False]
    [(_, attempts, done, _, payload)] = await _jobs(stack)
    assert (attempts, done) == (1, False)  # failed for now, not forgotten
    assert JANA[0] not in json.dumps(payload) and JANA[1] not in json.dumps(payload)
    for _ in range(4):
        await _later(stack, 5)  # backoff 30 s, 60 s: the third attempt cancels
    assert [m["isCancelled"] for m in _meetings(await stack.calendar(ALBRECHT))] == [True]
    assert await _cancel_calls(stack) == 8 + 1  # the failed calls and one cancellation
    assert [job[:4] for job in await _jobs(stack)] == [(CANCEL_JOB, 3, True, False)]
    _, trail = await _stored(stack, offer["call_id"])
    assert [e["action"] for e in trail].count("meeting_cancelled") == 1


async def test_follow_ups_stored_with_the_erasure_run_after_a_crash_on_another_replica(
    stack: Stack,  # noqa: F811 (the fixture imported above)
    bot_factory: Callable[..., Awaitable[RunningBot]],
) -> None:
    call_id = await _unconfirmed_and_asking(stack)
    # The replica that erases dies right after the erasure's commit: its job runner never
    # gets to the follow-ups (stopped before the click, so nothing runs them here).
    await stack.bot.app[RUNTIME].services.jobs.stop()
    before = len(stack.sink.updated)
    assert "Ihre Daten sind gelöscht" in await _erase(stack, JANA)
    assert [m["isCancelled"] for m in _meetings(await stack.calendar(ALBRECHT))] == [False]
    assert not _withdrawn(stack, before)
    stored = [job[:4] for job in await _jobs(stack)]
    assert stored == [(CANCEL_JOB, 0, False, False), (WITHDRAW_JOB, 0, False, False)]

    await _another_replica(stack, bot_factory)  # another replica (or the restarted one)
    await drained(stack.database_url, stack.clock.now())
    assert [m["isCancelled"] for m in _meetings(await stack.calendar(ALBRECHT))] == [True]
    assert len(_withdrawn(stack, before)) == 1
    _, trail = await _stored(stack, call_id)
    assert trail[-1]["action"] == "meeting_cancelled"


async def test_two_replicas_cancel_the_meeting_and_withdraw_the_card_once(
    stack: Stack,  # noqa: F811 (the fixture imported above)
    bot_factory: Callable[..., Awaitable[RunningBot]],
) -> None:
    await _unconfirmed_and_asking(stack)
    first = stack.bot.app[RUNTIME].services.jobs
    await first.stop()
    second = (await _another_replica(stack, bot_factory)).app[RUNTIME].services.jobs
    await second.stop()
    before = len(stack.sink.updated)
    await _erase(stack, JANA)
    await first.start()
    await second.start()  # both poll the queue at once
    await drained(stack.database_url, stack.clock.now())
    assert [m["isCancelled"] for m in _meetings(await stack.calendar(ALBRECHT))] == [True]
    assert await _cancel_calls(stack) == 1
    assert len(_withdrawn(stack, before)) == 1
    done = [job[:4] for job in await _jobs(stack)]
    assert done == [(CANCEL_JOB, 1, True, False), (WITHDRAW_JOB, 1, True, False)]


async def test_a_cancellation_graph_fails_on_every_attempt_is_given_up_and_audited_once(
    stack: Stack,  # noqa: F811 (the fixture imported above)
) -> None:
    offer = await _given_up_unconfirmed(stack)
    await _created_by_graph(stack, offer)
    down = {"path_prefix": f"/users/{JANA_MAIL}/events", "method": "POST", "status": 502,
            "count": 10_000}  # fmt: skip
    await _sim(stack, "POST", "faults", down)  # down for hours (msgraph does not retry 502)
    await _erase(stack, JANA)
    for _ in range(12):
        await _later(stack, 60)  # ten attempts, backoff capped at an hour
    assert [job[:4] for job in await _jobs(stack)] == [(CANCEL_JOB, 10, True, True)]
    assert [m["isCancelled"] for m in _meetings(await stack.calendar(ALBRECHT))] == [False]
    _, trail = await _stored(stack, offer["call_id"])
    actions = [entry["action"] for entry in trail]
    assert actions.count("cancel_refused") == 1 and "meeting_cancelled" not in actions
