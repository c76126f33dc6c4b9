"""The roulette's hard rules and costs of a group: who can meet whom, and in which format."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from bot.domain.roulette.model import FORMATS, Format, Scope


@dataclass(frozen=True, slots=True)
class Candidate:
    """A participant as the matcher sees them."""

    key: str
    formats: frozenset[Format]
    scope: Scope = "all"
    department: str | None = None
    site: str | None = None


def shared_formats(members: Sequence[Candidate]) -> tuple[Format, ...]:
    """The formats every member accepts, in the fixed order coffee, lunch, virtual."""
    common = set(FORMATS)
    for member in members:
        common &= member.formats
    return tuple(f for f in FORMATS if f in common)


IN_PERSON: frozenset[Format] = frozenset({"coffee", "lunch"})


def group_formats(members: Sequence[Candidate]) -> tuple[Format, ...]:
    """The formats the group can meet in: shared by everyone, and in person (coffee, lunch)
    not across sites: colleagues at Hamburg and Köln can only meet virtually. (An unknown
    site does not rule a coffee out; see ``valid_group`` for lunch.)"""
    common = shared_formats(members)
    if len({m.site for m in members if m.site is not None}) > 1:
        common = tuple(f for f in common if f not in IN_PERSON)
    return common


def valid_group(members: Sequence[Candidate]) -> bool:
    """The hard rules: a format they can meet in (``group_formats``); one known site when
    someone wants their own site only or when lunch is all they can meet for."""
    common = group_formats(members)
    if not common:
        return False
    if common == ("lunch",) or any(m.scope == "site" for m in members):
        sites = {m.site for m in members}
        return len(sites) == 1 and None not in sites
    return True


Cost = tuple[int, int]


def group_cost(members: Sequence[Candidate], repeats: set[frozenset[str]]) -> Cost:
    """(pairings repeated within the window, pairs from the same department): lower is better."""
    repeated = same = 0
    for a, b in combinations(members, 2):
        repeated += frozenset((a.key, b.key)) in repeats
        same += a.department is not None and a.department == b.department
    return repeated, same
