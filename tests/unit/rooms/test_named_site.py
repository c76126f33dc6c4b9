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


ESSEN = Room("e", "e@example.com", "E", 8, "Essen, Rüttenscheid", city="Essen")
HOF = Room("hf", "hf@example.com", "HF", 4, "Hof Zentrum", city="Hof")
HALLE = Room("hl", "hl@example.com", "HL", 4, "Halle (Saale), Markt", city="Halle")
WORD_CITIES = [*CATALOGUE, ESSEN, HOF, HALLE]


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        # The everyday word: no site, the requester's own site is offered.
        ("Raum für Essen mit Kunden morgen 12-13 Uhr", []),
        ("raum morgen zum Essen, 6 Personen", []),
        ("Raum im Hof, morgen 10 Uhr", []),  # the courtyard
        ("Besprechung in der Halle, morgen", []),  # the hall
        ("Essen mit Kunden, Raum in Hamburg", ["Hamburg"]),
        # Used as a place: the site.
        ("Raum in Essen morgen 10-11 Uhr für 4 Personen", ["Essen"]),
        ("Raum am Standort Essen", ["Essen"]),
        ("Kundentermin nach Essen verlegt, Raum morgen", ["Essen"]),
        ("Raum für Essen mit Kunden in Essen", ["Essen"]),
        ("raum in Hof", ["Hof"]),
        ("raum in Halle", ["Halle"]),
        ("room in Essen tomorrow", ["Essen"]),
        ("Essen: Raum morgen 10 Uhr für 4 Personen", ["Essen"]),  # the request's label
        # A city that is no everyday word still counts without "in".
        ("Hamburg, morgen 10 Uhr", ["Hamburg"]),
    ],
)
def test_a_city_that_is_also_an_everyday_word_counts_only_as_a_place(
    text: str, sites: list[str]
) -> None:
    assert named_sites(text, WORD_CITIES) == sites


async def test_a_lunch_with_customers_is_offered_rooms_at_the_requesters_own_site() -> None:
    # With an office in Essen in the catalogue, "Raum für Essen mit Kunden" from Jana
    # (Hamburg) was read as "in Essen": only Essen rooms, here none free. Now her own site.
    world = await make_world()
    rooms = [*await world.broker.catalogue.list_rooms(), ESSEN]
    await world.broker.catalogue.replace_all(rooms, world.clock.now())
    offers = await world.broker.search(jana(), with_text("Raum für Essen mit Kunden"))
    assert offers.rooms and all(room.city == "Hamburg" for room in offers.rooms)
    with pytest.raises(BrokerError) as refused:
        await world.broker.search(jana(), with_text("Raum in Essen mit Kunden"))
    assert refused.value.params == {"site": "Essen"}  # asked there: said, not replaced
