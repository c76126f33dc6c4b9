"""Which rooms are near the requester: the directory's free-text office location against
the rooms' building and city from Graph places.

Both sides are written by different people in different tools ("Köln, Deutz-Campus, 2. OG"
against building "Koeln, Deutz-Campus" and city "Köln"), so they are compared after folding
case, accents and umlaut spellings, as whole words, never as raw strings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

from bot.domain.graph_types import Room

_WORD = re.compile(r"[a-z0-9]+")
_PARTS = re.compile(r"[,;/|]|\s[-–]\s")
# "Köln", "Koeln" and "Koln" must meet: accents are stripped, and the German transliteration
# (ae, oe, ue) is folded the same way. Both sides pass through it, so a word like "neue"
# becoming "neu" changes nothing.
_TRANSLITERATION = (("ae", "a"), ("oe", "o"), ("ue", "u"))


class Proximity(IntEnum):
    """How near a room is; lower is nearer (the ranking sorts on it)."""

    BUILDING = 0  # the room's building is named in the office location
    SITE = 1  # same city, or a shared part of the site name ("Hamburg, Haus …")
    UNKNOWN = 2  # one side has no location: no opinion
    ELSEWHERE = 3  # both sides known, nothing in common


def normalise(text: str | None) -> str:
    """Lower-case words without accents or umlaut spellings, joined by single spaces."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = _WORD.findall(plain)
    for spelled, folded in _TRANSLITERATION:
        words = [word.replace(spelled, folded) for word in words]
    return " ".join(words)


def _parts(text: str | None) -> set[str]:
    return {part for part in (normalise(p) for p in _PARTS.split(text or "")) if part}


def _names(haystack: str, needle: str) -> bool:
    """True when ``needle`` occurs in ``haystack`` as whole words."""
    return bool(needle) and f" {needle} " in f" {haystack} "


def proximity(office_location: str | None, room: Room) -> Proximity:
    """How near ``room`` is to someone whose directory office location is given.

    The building counts as named when each part of it besides the city is ("Spree-Haus"
    names "Berlin, Spree-Haus" when the room's city is Berlin); the site when the city or
    any part of the building is.
    """
    where = normalise(office_location)
    parts, city = _parts(room.building), normalise(room.city)
    if not where or not (parts or city):
        return Proximity.UNKNOWN
    specific = parts - {city}
    if specific and all(_names(where, part) for part in specific):
        return Proximity.BUILDING
    if _names(where, city) or any(_names(where, part) for part in parts):
        return Proximity.SITE
    return Proximity.ELSEWHERE


@dataclass(frozen=True, slots=True)
class RankedRooms:
    """Candidate rooms split by site, each list in the order to offer them."""

    near: list[Room]
    elsewhere: list[Room]


def rank_by_site(
    candidates: Sequence[Room], catalogue: Sequence[Room], office_location: str | None
) -> RankedRooms:
    """Same building first, then same site, then rooms without a location; each group keeps
    the candidates' order (smallest fitting first). Rooms at another site are kept apart.

    A requester whose office location matches no room of the whole catalogue cannot be
    placed (an unusual spelling, a site without rooms): then no room counts as elsewhere
    and the order is the candidates' own.
    """
    if not any(proximity(office_location, room) <= Proximity.SITE for room in catalogue):
        return RankedRooms(list(candidates), [])
    scored = [(proximity(office_location, room), room) for room in candidates]
    ordered = sorted(scored, key=lambda pair: pair[0])  # stable: capacity order stays
    near = [room for score, room in ordered if score is not Proximity.ELSEWHERE]
    elsewhere = [room for score, room in scored if score is Proximity.ELSEWHERE]
    return RankedRooms(near, elsewhere)


# "Besuch aus Hamburg", "Gäste von Köln", "guests from Cologne": where people come from, not
# where the room should be.
_ORIGIN_WORDS = frozenset({"aus", "von", "vom", "from"})
# Place names that are everyday words too ("Raum für Essen mit Kunden", "im Hof", "in der
# Halle"): in a request they are the word far more often than the city, so they name a site
# only as a place ("in Essen", "nach Essen", "Standort Essen") or as the request's label
# ("Essen: Raum morgen …"). Words, not cities: the sites still come from the catalogue only.
_EVERYDAY_WORDS = frozenset(
    {"essen", "hof", "halle", "weil", "wetter", "lage", "kamen", "senden", "singen", "laufen",
     "baden", "bergen", "aue", "rain", "horn", "stein", "burg", "wangen", "reading", "bath"}
)  # fmt: skip
# "im Hof", "in der Halle" are the courtyard and the hall: only a bare "in" names the town.
_PLACE_WORDS = frozenset({"in", "nach", "standort", "to"})
_LABEL = re.compile(r"^\s*([^,:;\n]+?)\s*[,:;\n]")


def named_sites(text: str, catalogue: Sequence[Room]) -> list[str]:
    """The sites of the room catalogue that a request names ("in Hamburg", "am Standort
    Hamburg", "Deutz-Campus"): cities and building names as Graph has them, found in the text
    as whole words after folding case, accents and umlaut spellings; longest names first, in
    their catalogue spelling. A site named as an origin ("Besuch aus Hamburg") does not count,
    nor one that is an everyday word used as the word ("Raum für Essen mit Kunden")."""
    words = f" {normalise(text)} "
    names: dict[str, str] = {}
    for room in catalogue:
        for name in (room.city, *_PARTS.split(room.building or "")):
            folded = normalise(name)
            if folded and folded not in names:
                names[folded] = (name or "").strip()
    label = _LABEL.match(text)
    found: list[str] = []
    for folded in sorted(names, key=len, reverse=True):
        before = [words[:at].split()[-1:] for at in _occurrences(words, f" {folded} ")]
        if folded in _EVERYDAY_WORDS:
            named = any(word and word[0] in _PLACE_WORDS for word in before) or bool(
                label and normalise(label.group(1)) == folded
            )
        else:
            named = any(not word or word[0] not in _ORIGIN_WORDS for word in before)
        if named and not any(_names(normalise(seen), folded) for seen in found):
            found.append(names[folded])
    return found


def _occurrences(haystack: str, needle: str) -> list[int]:
    return [match.start() for match in re.finditer(f"(?={re.escape(needle)})", haystack)]


def at_sites(rooms: Sequence[Room], sites: Sequence[str]) -> list[Room]:
    """The rooms known to be at one of ``sites`` (same building or city), in their order."""
    return [
        room for room in rooms if any(proximity(site, room) <= Proximity.SITE for site in sites)
    ]
