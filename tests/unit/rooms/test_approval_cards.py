"""Messages of a room request go through the outbox: an approval card (or the requester's
outcome, or the alternatives after a conflict) that fails (Teams down for a moment) is sent
again by a job, exactly once, and the other approver and the reminder are not held up."""

from __future__ import annotations

from typing import Any

from bot.domain.outbox import RETRY_AFTER
from bot.domain.ports import MessageHandle
from bot.domain.rooms.model import RequestState
from tests.support.fake_notifier import RecordingNotifier
from tests.unit.rooms.test_broker import (
    ELBBLICK,
    JANA,
    KERSTIN,
    SABINE,
    World,
    elbblick_free_hour,
    jana,
    make_world,
    tomorrow,
)


class FlakyNotifier(RecordingNotifier):
    """The next DM to each person in ``failing`` raises, as a Teams 502 would."""

    def __init__(self) -> None:
        super().__init__()
        self.failing: set[str] = set()

    async def send_direct(
        self, user_key: str, card: dict[str, Any], tenant_id: str | None
    ) -> MessageHandle | None:
        if user_key in self.failing:
            self.failing.discard(user_key)
            raise ConnectionError("Teams answered 502")
        return await super().send_direct(user_key, card, tenant_id)


async def _pending(world: World) -> Any:
    hour = await elbblick_free_hour(world)
    request = (await world.broker.search(jana(), tomorrow(hour, hour + 1, 8))).request
    request = await world.broker.save(request, options=(ELBBLICK,))
    chosen = await world.broker.choose(request.id, JANA, ELBBLICK)
    return await world.decisions.after_choice(chosen)


async def _run_due_jobs(world: World) -> None:
    """Run jobs until none is due: the positive signal that everything planned is done."""
    while await world.runner.run_once():
        pass


async def test_a_failed_approval_card_is_sent_again_once_and_the_reminder_stays() -> None:
    world = await make_world()
    flaky = FlakyNotifier()
    world.broker.notifier = flaky
    flaky.failing = {SABINE}
    pending = await _pending(world)
    assert pending.state is RequestState.PENDING
    assert flaky.dm_recipients() == [KERSTIN]  # not held up by Sabine's failure

    await _run_due_jobs(world)
    assert flaky.dm_recipients() == [KERSTIN]  # the retry is not due yet
    world.clock.advance(RETRY_AFTER)
    await _run_due_jobs(world)
    assert sorted(flaky.dm_recipients()) == sorted([KERSTIN, SABINE])
    stored = await world.broker.get(pending.id)
    assert {SABINE, KERSTIN} <= set(stored.cards)  # both cards show the decision later

    # The reminder was planned before any card went out; Kerstin's reminder fails once.
    flaky.failing = {KERSTIN}
    world.clock.advance(world.broker.policy.reminder_after)
    await _run_due_jobs(world)
    world.clock.advance(RETRY_AFTER)
    await _run_due_jobs(world)
    assert sorted(flaky.dm_recipients()) == sorted([KERSTIN, SABINE, SABINE, KERSTIN])
    world.clock.advance(world.broker.policy.reminder_after)
    await _run_due_jobs(world)
    assert len(flaky.directs) == 4  # nothing sent twice


async def test_a_card_sent_again_after_the_decision_is_not_sent() -> None:
    world = await make_world()
    flaky = FlakyNotifier()
    world.broker.notifier = flaky
    flaky.failing = {SABINE}
    pending = await _pending(world)
    await world.decisions.decide(pending.id, KERSTIN, pending.version, False)
    world.clock.advance(RETRY_AFTER)
    await _run_due_jobs(world)
    assert SABINE not in flaky.dm_recipients()  # decided meanwhile: no stale card to her


async def test_a_refused_outcome_reaches_the_requester_by_a_job_exactly_once() -> None:
    world = await make_world()
    flaky = FlakyNotifier()
    world.broker.notifier = flaky
    pending = await _pending(world)
    flaky.failing = {JANA}
    declined = await world.decisions.decide(pending.id, KERSTIN, pending.version, False)
    assert declined.state is RequestState.DECLINED
    assert JANA not in flaky.dm_recipients()  # Teams refused the outcome

    world.clock.advance(RETRY_AFTER)
    await _run_due_jobs(world)
    assert flaky.dm_recipients().count(JANA) == 1
    world.clock.advance(RETRY_AFTER * 10)
    await _run_due_jobs(world)
    assert flaky.dm_recipients().count(JANA) == 1  # the job was done, nothing repeats


async def test_an_outcome_that_was_sent_leaves_no_job_behind() -> None:
    world = await make_world()
    pending = await _pending(world)
    await world.decisions.decide(pending.id, KERSTIN, pending.version, False)
    world.clock.advance(RETRY_AFTER * 10)
    assert await world.runner.run_once() == 0  # every message went out at once


async def test_a_superseded_outcome_is_not_sent_late() -> None:
    world = await make_world()
    flaky = FlakyNotifier()
    world.broker.notifier = flaky
    pending = await _pending(world)
    flaky.failing = {JANA}
    booked = await world.decisions.decide(pending.id, KERSTIN, pending.version, True)
    assert booked.state is RequestState.BOOKED
    await world.decisions.cancel(pending.id, JANA)  # she cancels before the retry
    world.clock.advance(RETRY_AFTER)
    await _run_due_jobs(world)
    assert JANA not in flaky.dm_recipients()  # "Gebucht" after her cancellation would lie
