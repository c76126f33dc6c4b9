"""Names to people: "Albrecht" is Dr. Katharina Albrecht when the directory has one such
person; several → the asker picks (a disambiguation card), none → a clear refusal."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.domain.graph_types import Person
from bot.domain.ports import Directory
from bot.domain.spelling import fold, spellings
from bot.domain.urgent.model import UrgentError
from bot.domain.urgent.parse import clean_name

MAX_CANDIDATES = 8


@dataclass(frozen=True, slots=True)
class Ambiguous:
    """A name that several people match; the asker chooses one."""

    name: str
    candidates: tuple[Person, ...]


def _tokens(text: str) -> list[str]:
    """The name's words, folded: "Koenig", "König" and "KOENIG" are one word."""
    return fold(clean_name(text)).replace("-", " ").split()


def matches(name: str, people: Sequence[Person]) -> list[Person]:
    """People whose name holds every word of ``name`` (whole words first, then prefixes), in
    any spelling of umlauts and ß ("Koenig" is "König", "Strasser" is "Straßer")."""
    wanted = _tokens(name)
    whole = _whole_words(name, people)
    if whole:
        return whole
    return [
        p
        for p in people
        if all(any(t.startswith(w) for t in _tokens(p.display_name)) for w in wanted)
    ]


def _whole_words(name: str, people: Sequence[Person]) -> list[Person]:
    wanted = _tokens(name)
    return [p for p in people if all(w in _tokens(p.display_name) for w in wanted)]


async def resolve(
    directory: Directory, names: Sequence[str], picks: Mapping[str, str]
) -> list[Person] | Ambiguous:
    """The people of ``names`` in order; ``picks``: earlier choices (name → person id), which
    must be among the candidates (a forged pick is refused). Raises "unknown", "duplicate"."""
    found: list[Person] = []
    for name in names:
        words = clean_name(name).replace("-", " ").split()
        if not words:
            raise UrgentError("unknown", name=name)
        hits = await _lookup(directory, name, words[-1])
        if not hits:
            raise UrgentError("unknown", name=name)
        picked = picks.get(name.casefold())
        if picked is not None:
            chosen = next((p for p in hits if p.id == picked), None)
            if chosen is None:
                raise UrgentError("forged")
            hits = [chosen]
        if len(hits) > 1:
            return Ambiguous(name, tuple(hits[:MAX_CANDIDATES]))
        if any(p.id == hits[0].id for p in found):
            raise UrgentError("duplicate", name=hits[0].display_name)
        found.append(hits[0])
    return found


async def _lookup(directory: Directory, name: str, surname: str) -> list[Person]:
    """The people matching ``name``. The directory's prefix search does not fold ("Koenig"
    finds "König" only as "könig") and each ask costs several Graph queries: the surname as
    typed first, its other spellings only when that finds nobody with all of the name's whole
    words (a mere prefix, "Koenigsberger" for "Koenig", asks on: "König" is the better hit).
    So a name typed in a spelling that someone has is that person, without asking for the
    people with another spelling of it."""
    typed = unicodedata.normalize("NFC", surname.lower())  # casefold would make ß "ss"
    others = [word for word in spellings(surname) if word != typed]
    found = {p.id: p for p in await directory.find_people(typed)}
    if not _whole_words(name, list(found.values())):
        for word in others:
            for person in await directory.find_people(word):
                found.setdefault(person.id, person)
    return matches(name, list(found.values()))
