"""The asker erases their data: calls whose meeting the bot never saw (booking given up, or
cancelled or expired while a look could still find it) are collected before the erasure, and
afterwards the meeting Graph shows is cancelled there (the looks could not: the erasure took
the organiser's mailbox). A booked call's meeting stays; nothing erased is written back."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.urgent.erasure import cancel_meetings, unconfirmed_of
from bot.domain.urgent.model import OPEN_STATES, CallState
from tests.unit.urgent.test_booking_looked_up_again import Booking, _given_up, count_cancels
from tests.unit.urgent.test_service import JANA, _start, _world


async def _erased(given: Booking) -> None:
    """What the database erasure does to the call: pseudonymised, open ones cancelled."""
    stored = await given.decisions.service.get(given.call.id)
    assert stored.state in OPEN_STATES  # the unconfirmed call is cancelled like an open one
    await given.decisions.service.save(
        stored, asker_key="geloescht-1", asker_name="gelöschte Person",
        organiser="geloescht-1", state=CallState.CANCELLED,
    )  # fmt: skip


async def test_the_meeting_of_an_unconfirmed_call_is_cancelled_after_the_erasure() -> None:
    given = await _given_up(graph_down=True)
    await given.late()  # the invitations went out, but the bot could not see it
    calls = await unconfirmed_of(given.decisions, JANA.key)
    assert [c.id for c in calls] == [given.call.id]
    await _erased(given)
    given.graph_down[0] = False
    cancels = count_cancels(given)
    assert await cancel_meetings(given.decisions, calls) == 1
    assert [e.is_cancelled for e in await given.meetings()] == [True] and len(cancels) == 1
    stored = await given.decisions.service.get(given.call.id)
    assert stored.organiser == "geloescht-1" and stored.asker_name == "gelöschte Person"
    assert (await given.audit())[-1] == "meeting_cancelled"
    await given.minutes_later(2)  # the looks no longer know the mailbox: nothing more
    await given.minutes_later(8)
    assert len(cancels) == 1


async def test_graph_down_after_the_erasure_cancels_nothing_and_does_not_fail() -> None:
    given = await _given_up(graph_down=True)
    calls = await unconfirmed_of(given.decisions, JANA.key)
    await _erased(given)
    assert await cancel_meetings(given.decisions, calls) == 0


async def test_cancelled_calls_with_a_look_ahead_count_and_past_or_booked_ones_do_not() -> None:
    given = await _given_up(graph_down=True)
    await given.late()
    await given.decisions.cancel(given.call.id, JANA.key)  # Graph down: a look is planned
    assert [c.id for c in await unconfirmed_of(given.decisions, JANA.key)] == [given.call.id]
    assert given.call.booked is not None
    given.clock.advance(given.call.booked.end + timedelta(minutes=16) - given.clock.now())
    assert await unconfirmed_of(given.decisions, JANA.key) == []  # a past meeting stays
    decisions, _calendar, _notifier = _world()
    call = await _start(decisions, "Ich brauche heute noch 30 Minuten mit Dr. Albrecht")
    booked = await decisions.invite(call.id, JANA.key, call.slots[0].start)
    assert booked.state is CallState.BOOKED and CallState.BOOKED not in OPEN_STATES
    assert await unconfirmed_of(decisions, JANA.key) == []  # confirmed to everyone: it stays
