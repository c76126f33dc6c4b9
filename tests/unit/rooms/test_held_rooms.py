"""Rooms the bot's own requests hold (waiting for approval, being booked, booked but not yet
answered by Exchange) are not offered to anyone else for an overlapping time."""

from __future__ import annotations

from dataclasses import replace

from bot.domain.graph_types import Room
from bot.domain.rooms.model import BrokerError, RequestState
from bot.domain.rooms.search import not_held
from tests.unit.rooms.test_broker import jana, make_world, tomorrow

FLEET = "raum.hh-fleet@nordlicht-demo.de"


def test_not_held_drops_held_mailboxes_in_any_case_and_keeps_the_order() -> None:
    rooms = [Room(f"id-{n}", f"{n}@example.com", n) for n in ("a", "b", "c")]
    assert not_held(rooms, ["B@Example.com"]) == [rooms[0], rooms[2]]
    assert not_held(rooms, []) == rooms


async def _hold(state: RequestState, start_hour: int, end_hour: int) -> list[str]:
    """Another request holds Fleet in ``state`` (no event in the calendar, as while Exchange
    has not answered); the rooms then offered to Jana for tomorrow 10–11."""
    world = await make_world()
    held = await world.broker.search(jana(), tomorrow(start_hour, end_hour, people=4))
    chosen = replace(held.request, state=state, room=FLEET, version=2)
    assert await world.broker.requests.save(chosen)
    offers = await world.broker.search(jana(), tomorrow(10, 11, people=4))
    return [room.email for room in offers.rooms]


async def test_a_room_held_by_a_pending_booking_or_booked_request_is_not_offered() -> None:
    for state in (RequestState.PENDING, RequestState.BOOKING, RequestState.BOOKED):
        offered = await _hold(state, 10, 11)
        assert offered and FLEET not in offered, (state, offered)


async def test_a_room_is_offered_again_once_its_request_ended_or_at_another_time() -> None:
    for state in (RequestState.CANCELLED, RequestState.CONFLICT, RequestState.DECLINED):
        assert FLEET in await _hold(state, 10, 11), state
    assert FLEET in await _hold(RequestState.BOOKED, 11, 12)  # back to back: no overlap


async def test_when_every_fitting_room_is_held_nothing_is_free() -> None:
    world = await make_world()
    wish = tomorrow(10, 11, people=13)  # Elbblick, Michel (Hamburg), Kranhaus (Köln) fit
    for _ in range(4):
        try:
            offers = await world.broker.search(jana(), wish)
        except BrokerError as error:
            assert error.code == "none_free"
            return
        room = offers.rooms[0].email.lower()
        chosen = replace(offers.request, state=RequestState.PENDING, room=room, version=2)
        assert await world.broker.requests.save(chosen)
    raise AssertionError("held rooms were offered again")
