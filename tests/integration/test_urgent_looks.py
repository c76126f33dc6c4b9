"""Looks for the meeting of a given-up booking through the real endpoint, job queue (SQLite
and PostgreSQL) and Graph simulator: only the last planned look may call the booking failed,
so a card never says "fehlgeschlagen" and then "gebucht"; "Absagen" while the booking is still
being tried (on the "Wird gebucht" card or an older one) cancels the meeting an attempt created,
now or later."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from tests.integration.test_urgent_endpoint import (  # noqa: F401 (fixture)
    ALBRECHT,
    ASK,
    JANA,
    JANA_MAIL,
    UNCONFIRMED,
    Stack,
    _actions,
    _asker_texts,
    _created_by_graph,
    _given_up_unconfirmed,
    _meetings,
    _sim,
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


async def _booking(on: Stack) -> tuple[dict[str, Any], dict[str, Any]]:
    """Graph fails the click and the job's retries (500, an outage; a refusal for good would
    fail the call at once): the call stays "booking". Returns the offer clicked and the
    "Absagen" of the first card (still showing the offers)."""
    await on.busy(ALBRECHT, "09:00", "17:00")  # tomorrow's slots are offered
    await on.say(ASK, JANA)
    first = on.cards_to(JANA)[-1]
    offer, cancel = _actions(first, "urgent.invite")[0], _actions(first, "urgent.cancel")[0]
    events = f"/users/{JANA_MAIL}/calendar/events"
    await _sim(on, "POST", "faults", {"path_prefix": events, "method": "POST", "status": 500,
                                      "count": 99})  # fmt: skip
    assert "Wird gebucht" in await on.invoke("urgent.invite", offer, JANA)
    return offer, cancel


async def test_absagen_while_booking_cancels_the_meeting_an_attempt_created(
    stack: Stack,  # noqa: F811 (the fixture imported above)
) -> None:
    offer, cancel = await _booking(stack)
    await _created_by_graph(stack, offer)  # an attempt created it, its answer was lost
    answer = await stack.invoke("urgent.cancel", cancel, JANA)  # the older card's button
    assert "Abgesagt (" in answer and "nicht bestätigt" not in answer
    assert [m["isCancelled"] for m in _meetings(await stack.calendar(ALBRECHT))] == [True]
    await _minutes_later(stack, 2)  # the booking job (Graph answers again) books nothing
    await _minutes_later(stack, 8)
    assert [m["isCancelled"] for m in _meetings(await stack.calendar(ALBRECHT))] == [True]


async def test_absagen_while_booking_cancels_a_meeting_created_later_by_a_look(
    stack: Stack,  # noqa: F811 (the fixture imported above)
) -> None:
    offer, cancel = await _booking(stack)
    answer = await stack.invoke("urgent.cancel", cancel, JANA)
    assert "Abgesagt (" in answer and "prüfen Sie Ihren Kalender" in answer
    await _created_by_graph(stack, offer)  # the timed-out attempt created it after all
    await _minutes_later(stack, 2)
    assert [m["isCancelled"] for m in _meetings(await stack.calendar(ALBRECHT))] == [True]
    assert "prüfen Sie Ihren Kalender" not in _asker_texts(stack)[-1]


async def test_the_card_of_a_booking_still_tried_offers_absagen(
    stack: Stack,  # noqa: F811 (the fixture imported above)
) -> None:
    """ "Wird gebucht …" has its own "Absagen": the asker need not find an older card."""
    await stack.busy(ALBRECHT, "09:00", "17:00")  # tomorrow's slots are offered
    await stack.say(ASK, JANA)
    offer = _actions(stack.cards_to(JANA)[-1], "urgent.invite")[0]
    events = f"/users/{JANA_MAIL}/calendar/events"
    await _sim(stack, "POST", "faults", {"path_prefix": events, "method": "POST", "status": 500,
                                         "count": 99})  # fmt: skip
    booking = json.loads(await stack.invoke("urgent.invite", offer, JANA))["value"]
    [cancel] = _actions(booking, "urgent.cancel")
    assert "Wird gebucht" in json.dumps(booking, ensure_ascii=False)
    await _created_by_graph(stack, offer)  # an attempt created it, its answer was lost
    answer = await stack.invoke("urgent.cancel", cancel, JANA)
    assert "Abgesagt (" in answer and not _actions(json.loads(answer)["value"], "urgent.cancel")
    assert [m["isCancelled"] for m in _meetings(await stack.calendar(ALBRECHT))] == [True]
    await _minutes_later(stack, 10)  # the booking job books nothing
    assert [m["isCancelled"] for m in _meetings(await stack.calendar(ALBRECHT))] == [True]
