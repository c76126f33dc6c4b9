"""Rooms near the requester: matching office locations to rooms, ranking, and the broker
offering another site's rooms only when nothing near is free (marked on the card)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import pytest

from bot.domain.graph_types import BusySlot, Room, Schedule
from bot.domain.rooms.nearby import Proximity, normalise, proximity, rank_by_site
from bot.domain.rooms.service import Requester
from devkit.demo.organisation import load_demo_organisation
from devkit.fakes.graph import FakeRoomCalendar
from tests.unit.rooms.test_broker import make_world, tomorrow


def _room(name: str, capacity: int, building: str | None, city: str | None = None) -> Room:
    return Room(f"id-{name}", f"{name}@example.com", name, capacity, building, city=city)


SPREE_BIG = _room("spree-10", 10, "Berlin, Spree-Haus", "Berlin")
SPREE_SMALL = _room("spree-4", 4, "Berlin, Spree-Haus", "Berlin")
HAVEL = _room("havel-3", 3, "Havelhof", "Berlin")
ISAR = _room("isar-2", 2, "Isarturm", "München")
NOWHERE = _room("nowhere-5", 5, None)
BY_SIZE = sorted([SPREE_BIG, SPREE_SMALL, HAVEL, ISAR, NOWHERE], key=lambda r: r.capacity or 0)


def test_normalise_folds_case_accents_and_umlaut_spellings() -> None:
    assert normalise("Köln") == normalise("Koeln") == normalise("KOLN") == "koln"
    assert normalise("Straße 5, 3. OG") == "strasse 5 3 og"
    assert normalise("  Genève ") == "geneve"
    assert normalise(None) == ""


@pytest.mark.parametrize(
    ("office", "room", "expected"),
    [
        ("Berlin, Spree-Haus, 2. OG", SPREE_BIG, Proximity.BUILDING),
        ("spree haus 2.14", SPREE_BIG, Proximity.BUILDING),  # other spelling, no city
        ("Berlin, Spree-Haus, 2. OG", HAVEL, Proximity.SITE),  # same city
        ("BERLIN - Kantstraße 3", SPREE_BIG, Proximity.SITE),
        ("Berlin, Spree-Haus, 2. OG", ISAR, Proximity.ELSEWHERE),
        ("Berlin, Spree-Haus, 2. OG", NOWHERE, Proximity.UNKNOWN),  # room without location
        (None, SPREE_BIG, Proximity.UNKNOWN),  # requester without office location
        ("Muenchen", ISAR, Proximity.SITE),
        # A shared part of the site name counts even when Graph has no city for the room.
        ("Hamburg, Haus Elbe, 3. OG", _room("alster", 8, "Hamburg, Haus Alster"), Proximity.SITE),
        # Whole words only: "Essen" is not in "Essenausgabe".
        ("Essenausgabe Nord", _room("essen", 8, "Ruhrhaus", "Essen"), Proximity.ELSEWHERE),
    ],
)
def test_proximity(office: str | None, room: Room, expected: Proximity) -> None:
    assert proximity(office, room) is expected


def test_ranking_same_building_then_site_then_unknown_each_smallest_first() -> None:
    ranked = rank_by_site(BY_SIZE, BY_SIZE, "Berlin, Spree-Haus, 4. OG")
    assert ranked.near == [SPREE_SMALL, SPREE_BIG, HAVEL, NOWHERE]
    assert ranked.elsewhere == [ISAR]


def test_a_requester_no_room_matches_keeps_the_plain_order() -> None:
    for office in ("Homeoffice", None):
        ranked = rank_by_site(BY_SIZE, BY_SIZE, office)
        assert ranked.near == BY_SIZE and ranked.elsewhere == []


def test_placement_uses_the_whole_catalogue_not_only_fitting_rooms() -> None:
    # Nothing in Berlin fits 20 people: München is still elsewhere for a Berlin requester.
    big_isar = _room("isar-30", 30, "Isarturm", "München")
    ranked = rank_by_site([big_isar], [*BY_SIZE, big_isar], "Berlin, Spree-Haus")
    assert ranked.near == [] and ranked.elsewhere == [big_isar]


JANA = ("3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85", "Jana Becker")  # Hamburg, Haus Alster
ANJA = ("565fec57-5c3a-50c3-8a5a-fe0f73ff1e08", "Anja Werner")  # Köln, Deutz-Campus


class BusyInCity(FakeRoomCalendar):
    """The demo calendars, with every room of one city busy all the time."""

    def __init__(self, *args: Any, busy: set[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.busy = busy

    async def get_schedules(
        self, mailboxes: Sequence[str], start: datetime, end: datetime, requester: str
    ) -> Sequence[Schedule]:
        schedules = await super().get_schedules(mailboxes, start, end, requester)
        slot = BusySlot(start, end)
        return [Schedule(s.mailbox, (slot,)) if s.mailbox in self.busy else s for s in schedules]


def _asker(who: tuple[str, str]) -> Requester:
    return Requester(who[0], who[1], "tenant", {"reference": {"user": who[0]}})


async def _cities() -> dict[str, str]:
    world = await make_world()
    return {r.email: r.city or "" for r in await world.broker.catalogue.list_rooms()}


@pytest.mark.parametrize(("who", "city"), [(JANA, "Hamburg"), (ANJA, "Köln")])
async def test_broker_offers_the_requesters_site_smallest_first(
    who: tuple[str, str], city: str
) -> None:
    world = await make_world()
    cities = await _cities()
    offers = await world.broker.search(_asker(who), tomorrow(10, 11, 4))
    assert offers.rooms and not offers.elsewhere
    assert {cities[room.email] for room in offers.rooms} == {city}
    capacities = [room.capacity or 0 for room in offers.rooms]
    assert capacities == sorted(capacities) and capacities[0] == 4


async def test_another_sites_rooms_only_when_nothing_near_is_free_and_marked() -> None:
    world = await make_world()
    cities = await _cities()
    hamburg = {mail for mail, city in cities.items() if city == "Hamburg"}
    world.broker.calendar = BusyInCity(load_demo_organisation(), clock=world.clock, busy=hamburg)
    offers = await world.broker.search(_asker(JANA), tomorrow(10, 11, 4))
    assert offers.elsewhere and offers.rooms
    assert {cities[room.email] for room in offers.rooms} == {"Köln"}
    assert offers.request.options == tuple(room.email.lower() for room in offers.rooms)

    views = world.broker.views
    german_card = views.offers_card(offers.request, offers.rooms, "de", elsewhere=True)
    german = json.dumps(german_card, ensure_ascii=False)
    assert "kein passender Raum frei" in german
    assert german.count("anderer Standort") == len(offers.rooms)
    english = json.dumps(views.offers_card(offers.request, offers.rooms, "en", elsewhere=True))
    assert "No suitable room is free at your site" in english
    assert english.count("another site") == len(offers.rooms) + 1  # the note says it too
    plain = json.dumps(views.offers_card(offers.request, offers.rooms, "de"), ensure_ascii=False)
    assert "Standort" not in plain
