"""Names to people: "Albrecht" is Dr. Katharina Albrecht when the directory has one such
person; several → the asker picks (a disambiguation card), none → a clear refusal."""

from __future__ import annotations

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
    whole = [p for p in people if all(w in _tokens(p.display_name) for w in wanted)]
    if whole:
        return whole
    return [
        p
        for p in people
        if all(any(t.startswith(w) for t in _tokens(p.display_name)) for w in wanted)
    ]


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
        # The directory's prefix search does not fold: ask for each spelling of the surname.
        candidates = {
            p.id: p for word in spellings(words[-1]) for p in await directory.find_people(word)
        }
        hits = matches(name, list(candidates.values()))
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
