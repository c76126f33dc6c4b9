""" "Absagen" on a call whose booking was given up without the bot seeing its meeting: the bot
looks for the meeting by its transaction id and cancels it in Graph at once; when Graph cannot
be asked, one more look is planned (and cancels it), and the card does not claim that no
meeting stands."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.urgent.model import CallState, UrgentCall
from tests.support.refusing_calendar import refuse_cancellations
from tests.unit.urgent.test_booking_looked_up_again import Booking, _given_up, count_cancels
from tests.unit.urgent.test_service import JANA

CHECK = "prüfen Sie Ihren Kalender"


def _card(given: Booking, call: UrgentCall) -> str:
    """The asker's card as the click's answer shows it."""
    return str(given.decisions.service.views.asker_card(call, None, "de"))


async def test_cancelling_an_unconfirmed_call_cancels_the_meeting_graph_shows_now() -> None:
    given = await _given_up(graph_down=True)
    await given.late()  # the invitations went out, but the bot could not see it
    given.graph_down[0] = False
    cancels = count_cancels(given)
    cancelled = await given.decisions.cancel(given.call.id, JANA.key)
    [meeting] = await given.meetings()
    assert meeting.is_cancelled  # at once, not only if a planned look is still ahead
    assert cancelled.state is CallState.CANCELLED
    assert (cancelled.event_id or "").startswith(f"{given.call.organiser}|")  # looks skip it
    assert (await given.audit())[-2:] == ["cancelled", "meeting_cancelled"]
    assert "Abgesagt (" in _card(given, cancelled) and CHECK not in _card(given, cancelled)
    assert "Die Anfrage wurde abgesagt" in given.cards()["sabine"]
    await given.minutes_later(2)  # the planned looks leave it alone
    await given.minutes_later(8)
    assert len(cancels) == 1
    assert (await given.decisions.service.get(given.call.id)).state is CallState.CANCELLED


async def test_cancelling_while_graph_is_down_looks_once_more_and_cancels_the_meeting() -> None:
    given = await _given_up(graph_down=True)
    await given.minutes_later(2)  # both planned looks: Graph still down
    await given.minutes_later(8)
    assert [j.done_at is not None for j in given.looks()] == [True, True]
    await given.late()
    cancelled = await given.decisions.cancel(given.call.id, JANA.key)
    assert cancelled.state is CallState.CANCELLED and cancelled.event_id is None
    card = _card(given, cancelled)  # the bot could not check: no claim that nothing stands
    assert "Abgesagt (" in card and "nicht bestätigt" in card and CHECK in card
    [extra] = [j for j in given.looks() if j.done_at is None]
    assert extra.due_at == given.clock.now() + timedelta(minutes=2)
    given.graph_down[0] = False
    await given.minutes_later(2)
    assert [e.is_cancelled for e in await given.meetings()] == [True]
    assert (await given.decisions.service.get(given.call.id)).state is CallState.CANCELLED
    assert (await given.audit())[-2:] == ["cancelled", "meeting_cancelled"]
    assert "Abgesagt (" in given.cards()["asker"] and CHECK not in given.cards()["asker"]


async def test_cancelling_after_an_empty_first_look_cancels_the_late_meeting() -> None:
    given = await _given_up(graph_down=False)
    await given.minutes_later(2)  # the first look: no meeting yet, another look ahead
    assert (await given.decisions.service.get(given.call.id)).state is CallState.UNCONFIRMED
    await given.late()  # then Graph finishes the timed-out attempt after all
    cancelled = await given.decisions.cancel(given.call.id, JANA.key)
    assert cancelled.state is CallState.CANCELLED and cancelled.event_id is not None
    assert [e.is_cancelled for e in await given.meetings()] == [True]


async def test_a_look_whose_cancellation_graph_refuses_for_good_tells_the_asker_once() -> None:
    # "Absagen" while Graph was down planned one more look; by then Graph answers, but it
    # refuses to cancel the meeting for good (403). Before, the look job raised and was retried
    # like an outage; now the call keeps the meeting's id (no later look tries again) and
    # Jana gets one DM to cancel it in Outlook.
    given = await _given_up(graph_down=True)
    await given.minutes_later(2)
    await given.minutes_later(8)
    await given.late()
    cancelled = await given.decisions.cancel(given.call.id, JANA.key)
    assert cancelled.event_id is None  # Graph down: one more look planned
    given.graph_down[0] = False
    attempts = refuse_cancellations(given.calendar)
    for minutes in (2, 10, 30, 60):
        await given.minutes_later(minutes)
    assert len(attempts) == 1
    [meeting] = await given.meetings()
    assert not meeting.is_cancelled
    stored = await given.decisions.service.get(given.call.id)
    assert stored.state is CallState.CANCELLED and stored.event_id is not None
    assert (await given.audit())[-1] == "cancel_refused"
    told = [card for key, card, *_ in given.notifier.directs if key == JANA.key]
    assert len([c for c in told if "Teams-Besprechung nicht abgesagt" in str(c)]) == 1
