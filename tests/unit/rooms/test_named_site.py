"""A site named in the request ("in Hamburg", "am Standort Hamburg", "Hamburg", "in Hamburg"
in English) is read from the catalogue's own cities and buildings, and only rooms there are
offered; if nothing fits or is free there, the requester is told instead of getting rooms in
another city."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.domain.graph_types import NewEvent, Room
from bot.domain.rooms.model import BrokerError
from bot.domain.rooms.nearby import at_sites, named_sites
from bot.domain.rooms.service import Requester
from tests.unit.rooms.test_broker import jana, make_world, tomorrow

ANJA = "565fec57-5c3a-50c3-8a5a-fe0f73ff1e08"  # office in Köln
HAMBURG = Room("h", "h@example.com", "H", 4, "Hamburg, Haus Alster", city="Hamburg")
KOELN = Room("k", "k@example.com", "K", 4, "Koeln, Deutz-Campus", city="Köln")
LEIPZIG = Room("l", "l@example.com", "L", 4, "Leipzig Zentrale", city="Leipzig")
CATALOGUE = [HAMBURG, KOELN, LEIPZIG]


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        ("raum morgen 10-11 Uhr für 4 Personen in Hamburg", ["Hamburg"]),
        ("Ich brauche einen Raum am Standort Hamburg morgen", ["Hamburg"]),
        ("Hamburg, morgen 10 Uhr, 4 Personen", ["Hamburg"]),
        ("room in hamburg tomorrow 10-11 for 4 people", ["Hamburg"]),
        ("raum in Köln", ["Köln"]),
        ("raum in Koeln", ["Köln"]),
        ("raum am Deutz-Campus", ["Deutz-Campus"]),
        ("raum in Leipzig", ["Leipzig"]),  # a city no list in the code knows
        ("raum morgen 10 Uhr für 4 Personen", []),
        ("Besuch aus Hamburg, raum morgen 10 Uhr", []),  # where people come from
        ("guests from Hamburg, room tomorrow", []),
        ("Gäste aus Köln, Raum in Hamburg", ["Hamburg"]),
        ("raum in Hamburgs Hafen", []),  # whole words only
        ("raum in Berlin", []),  # no rooms there: not a site of the catalogue
    ],
)
def test_sites_named_in_a_request_come_from_the_catalogue(text: str, sites: list[str]) -> None:
    assert named_sites(text, CATALOGUE) == sites


def test_rooms_at_a_named_site_are_those_of_its_city_or_building() -> None:
    assert at_sites(CATALOGUE, ["Hamburg"]) == [HAMBURG]
    assert at_sites(CATALOGUE, ["Deutz-Campus"]) == [KOELN]
    assert at_sites(CATALOGUE, ["Köln", "Leipzig"]) == [KOELN, LEIPZIG]
    assert at_sites([replace(HAMBURG, building=None, city=None)], ["Hamburg"]) == []


def anja() -> Requester:
    return Requester(ANJA, "Anja Werner", "tenant", {"reference": {"user": ANJA}})


def with_text(text: str, people: int = 4):  # type: ignore[no-untyped-def]
    return replace(tomorrow(10, 11, people), text=text)


async def test_a_koeln_requester_asking_for_hamburg_is_offered_hamburg_rooms() -> None:
    world = await make_world()
    offers = await world.broker.search(anja(), with_text("raum für 4 Personen in Hamburg"))
    assert offers.rooms and all(room.city == "Hamburg" for room in offers.rooms)
    assert not offers.elsewhere
    plain = await world.broker.search(anja(), with_text("raum für 4 Personen"))
    assert all(room.city == "Köln" for room in plain.rooms)  # her own site without a name


async def test_nothing_free_at_the_named_site_is_said_not_replaced_by_another_city() -> None:
    world = await make_world()
    wish = with_text("raum für 4 Personen in Hamburg")
    rooms = await world.broker.catalogue.list_rooms()
    for room in at_sites(rooms, ["Hamburg"]):
        event = NewEvent("belegt", wish.start, wish.end, room_email=room.email)
        await world.calendar.create_event("kerstin.vogel@nordlicht-demo.de", event)
    with pytest.raises(BrokerError) as refused:
        await world.broker.search(anja(), wish)
    assert (refused.value.code, refused.value.params) == ("none_free_at", {"site": "Hamburg"})
    offers = await world.broker.search(jana(), replace(wish, text="raum für 4 Personen"))
    assert offers.elsewhere  # without a named site, other sites are still offered


async def test_no_room_fitting_at_the_named_site_is_said() -> None:
    world = await make_world()
    with pytest.raises(BrokerError) as refused:
        await world.broker.search(jana(), with_text("raum für 30 Personen in Köln", 30))
    assert (refused.value.code, refused.value.params) == ("no_matching_room_at", {"site": "Köln"})
