"""Planning a group over fakes: an unknown free/busy claims no common free time, the
follow-up comes only after the suggested meeting (also after "anderer Vorschlag" moved it),
and a round's retry tells "unmatched" only to those who were in its draw."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from bot.domain.graph_types import NewEvent, Schedule
from bot.domain.roulette.model import Group
from tests.unit.roulette.test_service import (
    AYLIN,
    EMILY,
    NOW,
    ROUND_57,
    SABINE,
    World,
    make_world,
)

JANA = "3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85"  # Personal, Hamburg (like Sabine)


async def _pair(world: World) -> Group:
    for key in (SABINE, JANA):
        await world.service.opt_in(key, key[:6], "t1")
    world.clock.advance(ROUND_57 - NOW)
    await world.rounds.run_round(57)
    await world.run_due()
    [group] = await world.service.repo.groups_since(57)
    return group


async def test_an_errored_schedule_claims_no_common_free_time() -> None:
    world = make_world()

    async def errored(
        mailboxes: Sequence[str], start: datetime, end: datetime, requester: str
    ) -> list[Schedule]:
        return [Schedule(m, error="ErrorMailboxNotFound") if "jana" in m else Schedule(m)
                for m in mailboxes]  # fmt: skip

    world.service.free_busy.get_schedules = errored  # type: ignore[method-assign]
    group = await _pair(world)
    assert group.planned and group.slot is None
    for key in (SABINE, JANA):
        [intro] = world.cards_to(key, "Los entschieden")
        assert "alle sind frei" not in str(intro) and "keine gemeinsame" in str(intro)


async def _asked_at(world: World, until: timedelta) -> datetime | None:
    end = world.clock.now() + until
    while world.clock.now() < end:
        world.clock.advance(timedelta(hours=1))
        await world.run_due()
        if world.cards_to(SABINE, "getroffen?"):
            return world.clock.now()
    return None


async def test_the_follow_up_comes_after_the_suggested_meeting() -> None:
    world = make_world()
    # Jana is away from Tuesday to Friday of the first week: the first common time is the
    # Monday after, later than the usual follow-up a week after the round.
    away = NewEvent("Schulung", datetime(2026, 3, 10, 0, 0, tzinfo=UTC),
                    datetime(2026, 3, 14, 0, 0, tzinfo=UTC))  # fmt: skip
    await world.calendar.create_event("jana.becker@nordlicht-demo.de", away)
    group = await _pair(world)
    assert group.slot is not None and group.slot.start.date() == datetime(2026, 3, 16).date()
    asked = await _asked_at(world, timedelta(days=14))
    assert asked is not None and asked >= group.slot.end + timedelta(days=1), (asked, group.slot)
    assert len(world.cards_to(SABINE, "getroffen?")) == 1
    assert len(world.cards_to(JANA, "getroffen?")) == 1


async def test_another_suggestion_moves_the_follow_up_once() -> None:
    world = make_world()
    group = await _pair(world)
    moved = group
    for index in range(3):  # to the fourth suggestion, about a week after the first
        moved = await world.service.other_slot(group.id, index, SABINE)
    assert moved.slot is not None
    asked = await _asked_at(world, timedelta(days=21))
    assert asked is not None and asked >= moved.slot.end + timedelta(days=1), (asked, moved.slot)
    world.clock.advance(timedelta(days=14))
    await world.run_due()
    assert len(world.cards_to(SABINE, "getroffen?")) == 1
    assert len(world.cards_to(JANA, "getroffen?")) == 1


async def test_a_retried_round_tells_only_those_of_its_draw_that_they_were_left_out() -> None:
    world = make_world()
    for key in (SABINE, JANA):
        await world.service.opt_in(key, key[:6], "t1")
    world.clock.advance(ROUND_57 - NOW)
    await world.rounds.run_round(57)  # imagine it failed after storing the groups
    world.clock.advance(timedelta(minutes=1))
    await world.service.opt_in(EMILY, "Emily", "t1")  # joins before the retry
    await world.rounds.run_round(57)  # the job's retry
    await world.run_due()
    assert world.cards_to(EMILY, "nobody who fits") == []
    assert world.cards_to(EMILY, "niemanden") == []


async def test_hamburg_and_koeln_meet_virtually_or_not_at_all() -> None:
    world = make_world()
    for key in (SABINE, AYLIN):  # Hamburg and Köln, "alle Standorte", coffee only
        await world.service.opt_in(key, key[:6], "t1")
    world.clock.advance(ROUND_57 - NOW)
    await world.rounds.run_round(57)
    await world.run_due()
    assert await world.service.repo.groups_since(57) == []
    assert len(world.cards_to(SABINE, "niemanden")) == 1
    for key in (SABINE, AYLIN):  # both would meet virtually too
        await world.service.set_preferences(key, ["coffee", "virtual"], "all")
    world.clock.advance(timedelta(days=14))
    await world.rounds.run_round(58)
    await world.run_due()
    [group] = await world.service.repo.groups_since(58)
    assert group.formats == ("virtual",) and group.slot is not None
    assert group.slot.format == "virtual"
    [intro] = world.cards_to(SABINE, "Los entschieden")
    assert "(virtuell)" in str(intro) and "(Kaffee)" not in str(intro)
