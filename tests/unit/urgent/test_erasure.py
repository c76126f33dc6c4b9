"""The asker erases their data: calls whose meeting the bot never saw (booking given up, or
cancelled or expired while a look could still find it) get a job, planned before the erasure,
and it cancels the meeting Graph shows (the looks could not: the erasure took the organiser's
mailbox). A booked call's meeting stays; nothing erased is written back."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.domain.urgent.decisions import UrgentDecisions
from bot.domain.urgent.erasure import CANCEL_JOB, cancel_given_up, cancel_meeting, follow_ups
from bot.domain.urgent.model import OPEN_STATES, CallState
from tests.unit.urgent.test_booking_looked_up_again import Booking, _given_up, count_cancels
from tests.unit.urgent.test_service import JANA, _start, _world


async def unconfirmed_of(decisions: UrgentDecisions, asker_key: str) -> list[int]:
    """The calls a cancellation job is planned for."""
    jobs = await follow_ups(decisions, asker_key)
    return [int(job.payload["call_id"]) for job in jobs if job.kind == CANCEL_JOB]


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
    [job] = await follow_ups(given.decisions, JANA.key)
    assert job.kind == CANCEL_JOB and job.payload["call_id"] == given.call.id
    assert JANA.key not in str(job) and "Jana" not in str(job)
    await _erased(given)
    given.graph_down[0] = False
    cancels = count_cancels(given)
    payload = job.payload
    await cancel_meeting(given.decisions, payload["call_id"], payload["mailbox"], "de")
    assert [e.is_cancelled for e in await given.meetings()] == [True] and len(cancels) == 1
    await cancel_meeting(given.decisions, payload["call_id"], payload["mailbox"], "de")
    assert len(cancels) == 1  # a re-run finds it cancelled
    stored = await given.decisions.service.get(given.call.id)
    assert stored.organiser == "geloescht-1" and stored.asker_name == "gelöschte Person"
    assert (await given.audit())[-1] == "meeting_cancelled"
    await given.minutes_later(2)  # the looks no longer know the mailbox: nothing more
    await given.minutes_later(8)
    assert len(cancels) == 1


async def test_graph_down_after_the_erasure_raises_for_the_retry() -> None:
    given = await _given_up(graph_down=True)
    [job] = await follow_ups(given.decisions, JANA.key)
    await _erased(given)
    with pytest.raises(Exception):  # whatever Graph raised: the runner retries
        await cancel_meeting(given.decisions, given.call.id, job.payload["mailbox"], "de")


async def test_cancelled_calls_with_a_look_ahead_count_and_past_or_booked_ones_do_not() -> None:
    given = await _given_up(graph_down=True)
    await given.late()
    await given.decisions.cancel(given.call.id, JANA.key)  # Graph down: a look is planned
    assert await unconfirmed_of(given.decisions, JANA.key) == [given.call.id]
    assert given.call.booked is not None
    given.clock.advance(given.call.booked.end + timedelta(minutes=16) - given.clock.now())
    assert await unconfirmed_of(given.decisions, JANA.key) == []  # a past meeting stays
    decisions, _calendar, _notifier = _world()
    call = await _start(decisions, "Ich brauche heute noch 30 Minuten mit Dr. Albrecht")
    booked = await decisions.invite(call.id, JANA.key, call.slots[0].start)
    assert booked.state is CallState.BOOKED and CallState.BOOKED not in OPEN_STATES
    assert await unconfirmed_of(decisions, JANA.key) == []  # confirmed to everyone: it stays


async def test_a_cancellation_given_up_is_logged_and_kept_in_the_audit_trail() -> None:
    given = await _given_up(graph_down=True)
    await given.late()
    await _erased(given)
    await cancel_given_up(given.decisions, given.call.id)
    assert (await given.audit())[-1] == "cancel_refused"  # nobody to tell: the asker is gone
    given.graph_down[0] = False
    assert [e.is_cancelled for e in await given.meetings()] == [False]
