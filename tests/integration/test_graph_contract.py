"""One contract for Graph: the in-memory fakes and the msgraph-sdk adapter over the simulator."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp
import pytest
from kiota_abstractions.api_error import APIError

from bot.adapters.clock import ManualClock
from bot.adapters.graph.client import GraphConnection
from bot.domain.graph_types import CalendarRefusedError, NewEvent
from bot.domain.ports import Directory, RoomCalendar
from bot.settings import Settings
from devkit.demo import expand_calendar_seeds, load_demo_organisation
from devkit.fakes.graph import FakeDirectory, FakeRoomCalendar
from devkit.graph_simulator import running_simulator

pytestmark = pytest.mark.filterwarnings(
    "ignore:This class is deprecated:DeprecationWarning"  # msgraph-sdk warns at import time
)
ORG = load_demo_organisation()
PAGE = 5  # small simulator pages make the adapter follow @odata.nextLink
BERLIN = ZoneInfo("Europe/Berlin")
SABINE = "sabine.krueger@nordlicht-demo.de"
JANA = "jana.becker@nordlicht-demo.de"
DOM = "raum.k-dom@nordlicht-demo.de"  # seeded: tomorrow 14-16 Lieferantengespräch
FLEET = "raum.hh-fleet@nordlicht-demo.de"  # no seeds
SPEICHERSTADT = "raum.hh-speicherstadt@nordlicht-demo.de"  # daily 09:00-09:30
ELBBLICK = "raum.hh-elbblick@nordlicht-demo.de"  # tomorrow 13-15, Mondays 9-11
RESERVED = "raum.hh-vorstandsbuero@nordlicht-demo.de"


@dataclass
class Backend:
    name: str
    directory: Directory
    rooms: RoomCalendar
    clock: ManualClock
    # The test controls: a room answers only when processed, like Exchange's booking attendant.
    room_control: Callable[[str, str], Awaitable[None]]


def _settings(base_url: str) -> Settings:
    return Settings(_env_file=None, graph_auth="simulator", graph_base_url=base_url)  # type: ignore[call-arg]


@pytest.fixture(params=["fake", "graph"])
async def backend(request: pytest.FixtureRequest) -> AsyncIterator[Backend]:
    """The fakes, or msgraph-sdk against the simulator (small pages to exercise paging)."""
    clock = ManualClock()
    if request.param == "fake":
        fake = FakeRoomCalendar(ORG, clock)

        async def control_fake(room: str, action: str) -> None:
            fake.defer_room(room) if action == "defer" else fake.process_room(room)

        yield Backend("fake", FakeDirectory(ORG, clock), fake, clock, control_fake)
        return
    async with (
        running_simulator(ORG, clock=clock, page_size=PAGE) as base_url,
        GraphConnection(_settings(base_url)) as graph,
        aiohttp.ClientSession() as http,
    ):
        admin = base_url.removesuffix("/v1.0") + "/_sim"

        async def control_simulator(room: str, action: str) -> None:
            async with http.post(f"{admin}/rooms/{room}/{action}") as response:
                assert response.status in (200, 204)

        yield Backend("graph", graph.directory, graph.room_calendar, clock, control_simulator)


def tomorrow_at(clock: ManualClock, hour: int, minute: int = 0) -> datetime:
    day = clock.now().astimezone(BERLIN).date() + timedelta(days=1)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN).astimezone(UTC)


def booking(clock: ManualClock, room: str, start: int, end: int, **kw: Any) -> NewEvent:
    return NewEvent(
        subject=kw.pop("subject", "Abstimmung Raumbroker"),
        start=tomorrow_at(clock, start),
        end=tomorrow_at(clock, end),
        attendees=(JANA,),
        room_email=room,
        location=kw.pop("location", None),
        body_html="<p>Gebucht vom Assistenz-Bot</p>",
        **kw,
    )


async def test_get_person_by_id_and_mail(backend: Backend) -> None:
    expected = ORG.person(SABINE)
    assert expected is not None
    by_id = await backend.directory.get_person(expected.id)
    by_mail = await backend.directory.get_person(SABINE.upper())
    assert by_id == by_mail == expected.to_person()
    assert by_id is not None and by_id.department == "Vorstand"
    assert by_id.office_location == "Hamburg, Haus Alster, 6. OG"
    emily = await backend.directory.get_person("emily.clarke@nordlicht-demo.de")
    assert emily is not None and emily.preferred_language == "en-US"


async def test_unknown_person_is_none(backend: Backend) -> None:
    assert await backend.directory.get_person("niemand@nordlicht-demo.de") is None
    assert await backend.directory.get_person("00000000-0000-0000-0000-000000000000") is None


async def test_get_manager(backend: Backend) -> None:
    katharina = ORG.person("katharina.albrecht@nordlicht-demo.de")
    sabine = ORG.person(SABINE)
    assert katharina is not None and sabine is not None and sabine.manager == katharina.id
    by_mail = await backend.directory.get_manager(SABINE)
    by_id = await backend.directory.get_manager(sabine.id)
    assert by_mail == by_id == katharina.to_person()
    assert by_id is not None and by_id.department == "Vorstand"
    assert await backend.directory.get_manager(katharina.id) is None  # nobody above her
    assert await backend.directory.get_manager("niemand@nordlicht-demo.de") is None
    assert await backend.directory.get_manager("00000000-0000-0000-0000-000000000000") is None


async def test_group_members(backend: Backend) -> None:
    members = await backend.directory.list_group_members(ORG.team.group_id)
    assert [p.id for p in members] == [p.id for p in ORG.transitive_people(ORG.team.group_id)]
    assert len(members) == 12
    assert "martina.huber@nordlicht-demo.de" not in {p.mail for p in members}
    everyone = next(g for g in ORG.groups if g.display_name == "Alle Mitarbeitenden")
    assert len(await backend.directory.list_group_members(everyone.id)) == len(ORG.people)


async def test_automatic_replies(backend: Backend) -> None:
    now = backend.clock.now()
    claudia = await backend.directory.get_automatic_replies("claudia.neumann@nordlicht-demo.de")
    assert claudia.status == "alwaysEnabled" and claudia.active_at(now)
    katrin = await backend.directory.get_automatic_replies("katrin.weber@nordlicht-demo.de")
    assert katrin.status == "scheduled"
    assert katrin.active_at(now) and not katrin.active_at(now + timedelta(days=10))
    assert katrin.scheduled_start == datetime(2026, 2, 28, 23, 0, tzinfo=UTC)
    # The internal note names the stand-in; routing reads it (fake and real adapter alike).
    assert "Anja Werner" in katrin.internal_message
    assert "Michael Hoffmann" in claudia.internal_message
    sabine = await backend.directory.get_automatic_replies(SABINE)
    assert sabine.status == "disabled" and not sabine.active_at(now)
    # No such mailbox (Graph: 404): routing then asks the directory whether the account is gone.
    unknown = await backend.directory.get_automatic_replies("niemand@nordlicht-demo.de")
    assert unknown.status == "unknown" and not unknown.active_at(now)


async def test_list_rooms(backend: Backend) -> None:
    rooms = await backend.rooms.list_rooms()
    assert len(rooms) == len(ORG.rooms) == 13
    assert sorted(rooms, key=lambda r: r.id) == sorted(
        (ORG.graph_room(r) for r in ORG.rooms), key=lambda r: r.id
    )
    assert {r.city for r in rooms} == {"Hamburg", "Köln"}
    elbblick = next(r for r in rooms if r.email == ELBBLICK)
    assert (elbblick.capacity, elbblick.floor_number, elbblick.floor_label) == (14, 6, "6. OG")
    assert elbblick.video_device_name == "Poly Studio X70" and "Video" in elbblick.tags
    reserved = next(r for r in rooms if r.email == RESERVED)
    assert reserved.booking_type == "reserved"


async def test_get_schedules_shows_seeded_busy_slots(backend: Backend) -> None:
    start, end = tomorrow_at(backend.clock, 7), tomorrow_at(backend.clock, 19)
    boxes = [DOM, SPEICHERSTADT, ELBBLICK, FLEET, "gibt-es-nicht@nordlicht-demo.de"]
    schedules = await backend.rooms.get_schedules(boxes, start, end, SABINE)
    assert [s.mailbox for s in schedules] == boxes
    by_box = {s.mailbox: s for s in schedules}
    today = ORG.local_today(backend.clock.now())
    for box in (DOM, SPEICHERSTADT, ELBBLICK):
        expected = [
            (o.start, o.end)
            for o in expand_calendar_seeds(ORG, today)
            if o.mailbox == box and o.start < end and start < o.end
        ]
        assert [(b.start, b.end) for b in by_box[box].busy] == expected
        assert expected and by_box[box].error is None
    assert by_box[DOM].busy[0].start == tomorrow_at(backend.clock, 14)
    assert by_box[FLEET].busy == () and by_box[FLEET].error is None
    assert by_box["gibt-es-nicht@nordlicht-demo.de"].error is not None


async def test_create_event_books_room(backend: Backend) -> None:
    created = await backend.rooms.create_event(SABINE, booking(backend.clock, FLEET, 15, 16))
    assert created.id and created.room_response == "accepted" and not created.room_declined
    start, end = tomorrow_at(backend.clock, 8), tomorrow_at(backend.clock, 18)
    in_room = await backend.rooms.list_events(FLEET, start, end)
    assert [(e.subject, e.start, e.end) for e in in_room] == [
        ("Abstimmung Raumbroker", tomorrow_at(backend.clock, 15), tomorrow_at(backend.clock, 16))
    ]
    assert in_room[0].organizer == SABINE
    (schedule,) = await backend.rooms.get_schedules([FLEET], start, end, SABINE)
    assert [(b.start, b.end) for b in schedule.busy] == [(in_room[0].start, in_room[0].end)]
    own = await backend.rooms.get_event(SABINE, created.id)
    assert own is not None and own.room_response == "accepted"
    (invitation,) = await backend.rooms.list_events(JANA, start, end)
    assert (invitation.subject, invitation.show_as) == ("Abstimmung Raumbroker", "tentative")
    assert in_room[0].show_as == "busy"


async def test_the_organisers_event_carries_its_transaction_id(backend: Backend) -> None:
    # How a booking retry recognises an event whose creation response was lost.
    event = booking(backend.clock, FLEET, 12, 13, transaction_id="room-request-42")
    created = await backend.rooms.create_event(SABINE, event)
    start, end = tomorrow_at(backend.clock, 8), tomorrow_at(backend.clock, 18)
    own = [e for e in await backend.rooms.list_events(SABINE, start, end) if e.id == created.id]
    assert [e.transaction_id for e in own] == ["room-request-42"]


async def test_busy_room_declines(backend: Backend) -> None:
    seeded = await backend.rooms.create_event(SABINE, booking(backend.clock, DOM, 15, 16))
    assert seeded.room_declined and seeded.room_response == "declined"
    first = await backend.rooms.create_event(SABINE, booking(backend.clock, FLEET, 10, 11))
    second = await backend.rooms.create_event(JANA, booking(backend.clock, FLEET, 10, 11))
    assert first.room_response == "accepted" and second.room_declined
    start, end = tomorrow_at(backend.clock, 0), tomorrow_at(backend.clock, 23)
    assert len(await backend.rooms.list_events(FLEET, start, end)) == 1
    dom_events = await backend.rooms.list_events(DOM, start, end)
    assert [e.subject for e in dom_events] == ["Lieferantengespräch"]
    reserved = await backend.rooms.create_event(SABINE, booking(backend.clock, RESERVED, 8, 9))
    assert reserved.room_declined


async def test_a_room_that_answers_later_declines_the_second_request_for_a_slot(
    backend: Backend,
) -> None:
    # Exchange's booking attendant answers after the event is created: "none" first, then
    # the first request for a slot wins and later ones are declined.
    await backend.room_control(FLEET, "defer")
    first = await backend.rooms.create_event(JANA, booking(backend.clock, FLEET, 10, 11))
    second = await backend.rooms.create_event(SABINE, booking(backend.clock, FLEET, 10, 11))
    withdrawn = await backend.rooms.create_event(SABINE, booking(backend.clock, FLEET, 12, 13))
    assert [e.room_response for e in (first, second, withdrawn)] == ["none"] * 3
    await backend.rooms.delete_event(SABINE, withdrawn.id)
    start, end = tomorrow_at(backend.clock, 0), tomorrow_at(backend.clock, 23)
    assert await backend.rooms.list_events(FLEET, start, end) == []
    await backend.room_control(FLEET, "process")
    read_first = await backend.rooms.get_event(JANA, first.id)
    read_second = await backend.rooms.get_event(SABINE, second.id)
    assert read_first is not None and read_first.room_response == "accepted"
    assert read_second is not None and read_second.room_response == "declined"
    in_room = await backend.rooms.list_events(FLEET, start, end)
    assert [(e.organizer, e.start) for e in in_room] == [(JANA, tomorrow_at(backend.clock, 10))]


async def test_transaction_id_makes_create_idempotent(backend: Backend) -> None:
    event = booking(backend.clock, FLEET, 12, 13, transaction_id="rooms-request-42")
    first = await backend.rooms.create_event(SABINE, event)
    again = await backend.rooms.create_event(SABINE, event)
    assert again.id == first.id and again.room_response == "accepted"
    start, end = tomorrow_at(backend.clock, 0), tomorrow_at(backend.clock, 23)
    assert len(await backend.rooms.list_events(FLEET, start, end)) == 1


async def test_find_people_by_surname_given_name_or_display_name(backend: Backend) -> None:
    by_surname = {p.display_name for p in await backend.directory.find_people("Albrecht")}
    assert by_surname == {"Dr. Katharina Albrecht"}
    assert {p.display_name for p in await backend.directory.find_people("sabine")} == {
        "Sabine Krüger"
    }
    assert {p.display_name for p in await backend.directory.find_people("Vog")} == {
        "Henrik Vogt", "Kerstin Vogel"
    }  # fmt: skip
    assert await backend.directory.find_people("Niemand") == []


async def test_direct_reports_are_the_people_whose_manager_this_is(backend: Backend) -> None:
    meyer = {
        p.display_name
        for p in await backend.directory.direct_reports("ralf.meyer@nordlicht-demo.de")
    }
    assert meyer == {"Birgit Fischer", "Kerstin Vogel"}
    assert await backend.directory.direct_reports(SABINE) == []
    assert await backend.directory.direct_reports("niemand@nordlicht-demo.de") == []


async def test_an_online_meeting_is_a_teams_meeting_for_everyone(backend: Backend) -> None:
    call = replace(booking(backend.clock, FLEET, 16, 17, online_meeting=True), room_email=None)
    created = await backend.rooms.create_event(SABINE, call)
    start, end = tomorrow_at(backend.clock, 0), tomorrow_at(backend.clock, 23)
    own = await backend.rooms.get_event(SABINE, created.id)
    (invitation,) = await backend.rooms.list_events(JANA, start, end)
    assert own is not None and own.online_meeting and invitation.online_meeting


@pytest.mark.parametrize("how", ["cancel", "delete"])
async def test_cancel_or_delete_frees_the_room(backend: Backend, how: str) -> None:
    created = await backend.rooms.create_event(SABINE, booking(backend.clock, FLEET, 15, 16))
    if how == "cancel":
        await backend.rooms.cancel_event(SABINE, created.id, "Termin entfällt")
        await backend.rooms.cancel_event(SABINE, created.id, "doppelt")  # idempotent
    else:
        await backend.rooms.delete_event(SABINE, created.id)
        await backend.rooms.delete_event(SABINE, created.id)
    start, end = tomorrow_at(backend.clock, 8), tomorrow_at(backend.clock, 18)
    assert await backend.rooms.list_events(FLEET, start, end) == []
    (schedule,) = await backend.rooms.get_schedules([FLEET], start, end, SABINE)
    assert schedule.busy == ()
    assert await backend.rooms.get_event(SABINE, created.id) is None
    (jana_copy,) = await backend.rooms.list_events(JANA, start, end)
    assert jana_copy.is_cancelled
    again = await backend.rooms.create_event(JANA, booking(backend.clock, FLEET, 15, 16))
    assert again.room_response == "accepted"


# --- simulator only: throttling, counters, inspection ------------------------------------


@dataclass
class Sim:
    base_url: str
    graph: GraphConnection
    http: aiohttp.ClientSession
    clock: ManualClock

    @property
    def admin(self) -> str:
        return self.base_url.removesuffix("/v1.0") + "/_sim"

    async def fault(self, **body: Any) -> None:
        async with self.http.post(f"{self.admin}/faults", json=body) as response:
            assert response.status == 201

    async def counts(self) -> dict[str, int]:
        async with self.http.get(f"{self.admin}/requests") as response:
            routes: dict[str, int] = (await response.json())["routes"]
            return routes


@pytest.fixture
async def sim() -> AsyncIterator[Sim]:
    clock = ManualClock()
    async with (
        running_simulator(ORG, clock=clock, page_size=PAGE) as base_url,
        GraphConnection(_settings(base_url)) as graph,
        aiohttp.ClientSession() as http,
    ):
        yield Sim(base_url, graph, http, clock)


async def test_429_with_retry_after_is_retried_by_msgraph(sim: Sim) -> None:
    await sim.fault(path_prefix="/places", status=429, retry_after=1, count=2)
    started = time.monotonic()
    rooms = await sim.graph.room_calendar.list_rooms()
    assert len(rooms) == 13
    assert time.monotonic() - started >= 2.0
    assert (await sim.counts())["GET /v1.0/places/graph.room"] == 2 + 3  # 2 faults, 3 pages


async def test_503_on_post_is_retried_by_msgraph(sim: Sim) -> None:
    await sim.fault(path_prefix="/v1.0/users", status=503, retry_after=1, count=2, method="POST")
    start, end = tomorrow_at(sim.clock, 8), tomorrow_at(sim.clock, 18)
    (schedule,) = await sim.graph.room_calendar.get_schedules([DOM], start, end, SABINE)
    assert len(schedule.busy) == 1
    assert (await sim.counts())["POST /v1.0/users/{user}/calendar/getSchedule"] == 3


async def test_persistent_429_surfaces_after_three_retries(sim: Sim) -> None:
    await sim.fault(path_prefix="/places", status=429, retry_after=1, count=10)
    with pytest.raises(APIError) as raised:
        await sim.graph.room_calendar.list_rooms()
    assert raised.value.response_status_code == 429
    assert (await sim.counts())["GET /v1.0/places/graph.room"] == 4


async def test_request_counter_per_route(sim: Sim) -> None:
    async with sim.http.delete(f"{sim.admin}/requests") as response:
        assert response.status == 204
    await sim.graph.directory.get_person(SABINE)
    await sim.graph.directory.get_person(JANA)
    await sim.graph.directory.list_group_members(ORG.team.group_id)
    assert await sim.counts() == {
        "GET /v1.0/users/{user}": 2,
        "GET /v1.0/groups/{group}/transitiveMembers/graph.user": 3,  # 12 members, pages of 5
    }


async def test_calendar_inspection_and_auth(sim: Sim) -> None:
    created = await sim.graph.room_calendar.create_event(SABINE, booking(sim.clock, FLEET, 9, 10))
    async with sim.http.get(f"{sim.admin}/calendars/{FLEET}") as response:
        events = (await response.json())["events"]
    assert [e["subject"] for e in events] == ["Abstimmung Raumbroker"]
    assert events[0]["responseStatus"]["response"] == "accepted"
    async with sim.http.get(f"{sim.admin}/calendars/{SABINE}") as response:
        own = [e for e in (await response.json())["events"] if e["id"] == created.id]
    assert own[0]["attendees"][-1]["status"]["response"] == "accepted"
    async with sim.http.get(f"{sim.base_url}/users/{SABINE}") as response:
        assert response.status == 401
        assert (await response.json())["error"]["code"] == "InvalidAuthenticationToken"


@pytest.mark.parametrize("how", ["cancel", "delete"])
async def test_a_cancellation_graph_refuses_for_good_raises_calendar_refused(
    sim: Sim, how: str
) -> None:
    # 403: the bot may no longer write the organiser's mailbox. No retry changes that, so
    # it is not raised like an outage (which callers retry for hours).
    created = await sim.graph.room_calendar.create_event(SABINE, booking(sim.clock, FLEET, 9, 10))
    method = "POST" if how == "cancel" else "DELETE"
    await sim.fault(path_prefix=f"/users/{SABINE}/events", status=403, count=1, method=method)
    rooms = sim.graph.room_calendar
    with pytest.raises(CalendarRefusedError) as raised:
        if how == "cancel":
            await rooms.cancel_event(SABINE, created.id, "Termin entfällt")
        else:
            await rooms.delete_event(SABINE, created.id)
    assert raised.value.status == 403
    assert await rooms.get_event(SABINE, created.id) is not None  # still there


async def test_a_lost_response_fault_creates_the_event_and_the_transaction_id_finds_it(
    sim: Sim,
) -> None:
    # "after": Graph creates the event, then the answer is lost (504, after msgraph's own
    # retries, which carry the same transactionId and so create nothing more).
    event = booking(sim.clock, FLEET, 9, 10, transaction_id="urgent-call-7")
    path = f"/users/{SABINE}/calendar/events"
    lost = {"status": 504, "retry_after": 0, "count": 4, "method": "POST", "after": True}
    await sim.fault(path_prefix=path, **lost)
    with pytest.raises(APIError):
        await sim.graph.room_calendar.create_event(SABINE, event)
    start, end = tomorrow_at(sim.clock, 8), tomorrow_at(sim.clock, 18)
    [mine] = [e for e in await sim.graph.room_calendar.list_events(SABINE, start, end)
              if e.transaction_id == "urgent-call-7"]  # fmt: skip
    again = await sim.graph.room_calendar.create_event(SABINE, event)  # the caller's retry
    assert again.id == mine.id
    assert len(await sim.graph.room_calendar.list_events(FLEET, start, end)) == 1
