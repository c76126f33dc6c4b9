"""Looks for the meeting of a given-up booking through the real endpoint, job queue (SQLite
and PostgreSQL) and Graph simulator: only the last planned look may call the booking failed,
so a card never says "fehlgeschlagen" and then "gebucht"."""

from __future__ import annotations

from datetime import timedelta

from tests.integration.test_urgent_endpoint import (  # noqa: F401 (fixture)
    ALBRECHT,
    UNCONFIRMED,
    Stack,
    _asker_texts,
    _created_by_graph,
    _given_up_unconfirmed,
    _meetings,
    stack,
)
from tests.support.queue import drained

FAILED = "Die Buchung ist fehlgeschlagen"


async def _minutes_later(on: Stack, minutes: int) -> None:
    on.clock.advance(timedelta(minutes=minutes))
    await drained(on.database_url, on.clock.now())


async def test_an_empty_first_look_does_not_fail_a_call_the_last_look_finds_booked(
    stack: Stack,  # noqa: F811 (the fixture imported above)
) -> None:
    offer = await _given_up_unconfirmed(stack)  # Graph could not be asked at the give-up
    await _minutes_later(stack, 2)  # the first look: Graph answers, no meeting yet
    assert UNCONFIRMED in _asker_texts(stack)[-1]
    await _created_by_graph(stack, offer)  # the timed-out attempt created it after all
    await _minutes_later(stack, 8)  # the last look finds it
    assert "Teams-Besprechung gebucht" in _asker_texts(stack)[-1]
    assert not any(FAILED in text for text in _asker_texts(stack))
    assert len(_meetings(await stack.calendar(ALBRECHT))) == 1


async def test_the_last_look_that_finds_nothing_says_the_booking_failed(
    stack: Stack,  # noqa: F811 (the fixture imported above)
) -> None:
    await _given_up_unconfirmed(stack)
    await _minutes_later(stack, 2)
    assert UNCONFIRMED in _asker_texts(stack)[-1]
    await _minutes_later(stack, 8)
    assert (
        FAILED in _asker_texts(stack)[-1] and "niemand wurde eingeladen" in _asker_texts(stack)[-1]
    )
