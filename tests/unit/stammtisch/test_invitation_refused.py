"""An invitation Graph refuses for good (403 no permission on the sending mailbox, 404 no such
mailbox) is not retried: the invitation job ends at once and the organiser is told once, in
their language, that the yes-voters got no invitation. An outage is still retried."""

from __future__ import annotations

import json
from datetime import timedelta

from bot.domain.conversation_refs import StoredReference
from bot.domain.graph_types import CreatedEvent, NewEvent
from bot.domain.stammtisch.poll import Answer
from bot.domain.stammtisch.service import INVITE_JOB, Voter
from tests.support.refusing_calendar import refuse_new_events
from tests.support.stammtisch_world import (
    HENRIK,
    JANA,
    MONDAY_9,
    SABINE,
    World,
    make_world,
    rule,
)

REFUSED = "Die Kalendereinladung zum Stammtisch konnte nicht verschickt werden"


async def closed_with_yes_voters(world: World) -> int:
    poll, _ = await world.service.start(rule())
    second = poll.dates[1]
    for key in (JANA, HENRIK):
        await world.service.vote(
            poll.id, Voter(key, key[:6], f"29:{key}"), {second: Answer.YES}, None
        )
    world.clock.current = poll.deadline
    await world.run_due()
    return poll.id


async def run_for_hours(world: World, hours: int) -> None:
    for _ in range(hours * 4):
        world.clock.advance(timedelta(minutes=15))
        await world.run_due()


def told(world: World, key: str) -> list[str]:
    return [json.dumps(card, ensure_ascii=False) for user, card in world.notifier.directs
            if user == key]  # fmt: skip


async def test_a_refused_invitation_is_not_retried_and_the_organiser_is_told_once() -> None:
    world = make_world()
    attempts = refuse_new_events(world.calendar)
    poll_id = await closed_with_yes_voters(world)
    await run_for_hours(world, 12)
    assert len(attempts) == 1
    [job] = [j for j in world.jobs.jobs.values() if j.kind == INVITE_JOB]
    assert job.done_at is not None and job.failed_at is None and job.attempts == 1
    [note] = [t for t in told(world, SABINE) if REFUSED in t]
    assert "Microsoft 365" in note and "selbst" in note
    assert (await world.service.get(poll_id)).event_id is None
    assert not [t for t in told(world, JANA) if REFUSED in t]  # the organiser's business


async def test_the_organiser_is_told_in_their_own_language() -> None:
    world = make_world()
    # Sabine's Teams client is English (her latest activity says so); the poll is German.
    await world.references.save(
        StoredReference(
            f"a:{SABINE}", SABINE, "personal", "t", "https://smba", {"locale": "en-GB"}, MONDAY_9
        )
    )
    refuse_new_events(world.calendar, 404)
    await closed_with_yes_voters(world)
    await run_for_hours(world, 1)
    [note] = [t for t in told(world, SABINE) if "calendar invitation" in t]
    assert "Microsoft 365" in note and REFUSED not in note


async def test_an_organiser_without_a_mailbox_is_told_at_once() -> None:
    # Without STAMMTISCH_MAILBOX the organiser's own mailbox sends; one without a mailbox
    # (a guest, a room account) cannot, and no retry changes that.
    world = make_world()
    poll, _ = await world.service.start(rule(organiser_key="no-mailbox"))
    await world.service.vote(
        poll.id, Voter(JANA, "Jana", f"29:{JANA}"), {poll.dates[0]: Answer.YES}, None
    )
    world.clock.current = poll.deadline
    await run_for_hours(world, 12)
    [job] = [j for j in world.jobs.jobs.values() if j.kind == INVITE_JOB]
    assert job.done_at is not None and job.attempts == 1
    assert [t for t in told(world, "no-mailbox") if REFUSED in t]


async def test_an_outage_is_still_retried_and_then_invites() -> None:
    world = make_world()
    create = world.calendar.create_event
    failures = [1]

    async def down_once(organizer: str, event: NewEvent) -> CreatedEvent:
        if failures[0]:
            failures[0] -= 1
            raise ConnectionError("Graph 503 after the SDK's retries")
        return await create(organizer, event)

    world.calendar.create_event = down_once  # type: ignore[method-assign]
    poll_id = await closed_with_yes_voters(world)
    await run_for_hours(world, 1)
    assert (await world.service.get(poll_id)).event_id is not None
    assert not [t for t in told(world, SABINE) if REFUSED in t]
