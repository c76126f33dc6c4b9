"""Roulette matching: pairs (one triple when the count is odd), purely and deterministically.

Hard rules: a group shares at least one format it can meet in (coffee and lunch in person never
across two sites, virtual anywhere); it meets at one site when a member wants only their own site
or when lunch is all they can meet for. Preferences, in this order: no
repeat of a pairing within the history window, different departments. The person who joins a
pair as third (odd count) is the one who was a third least often (load spread). The order of
equal choices comes from a generator seeded by the round, so the same input gives the same
groups on every replica and every run. Whoever the greedy passes leave out is placed by a small
search where a grouping allows it (see regroup.py: exhaustive in rounds of up to twelve).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from bot.domain.roulette.model import Format
from bot.domain.roulette.regroup import EXACT_UP_TO, exact, rearrange
from bot.domain.roulette.rules import (
    Candidate,
    Cost,
    group_cost,
    group_formats,
    shared_formats,
    valid_group,
)

# The rules are part of the matcher's interface (tests and callers import them from here).
__all__ = [
    "Candidate", "History", "Matching", "group_cost", "group_formats", "match",
    "shared_formats", "valid_group",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Matching:
    """The groups of a round (members sorted, formats they share) and who fits nobody."""

    groups: tuple[tuple[str, ...], ...]
    formats: tuple[tuple[Format, ...], ...]
    unmatched: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class History:
    """Pairings of the last rounds and how often each person was the third of a triple."""

    groups: Sequence[Iterable[str]] = ()
    thirds: Mapping[str, int] = field(default_factory=dict)

    def pairs(self) -> set[frozenset[str]]:
        """Every pair of people who were in one group."""
        return {frozenset(p) for g in self.groups for p in combinations(sorted(set(g)), 2)}


def _profile(c: Candidate) -> tuple[object, ...]:
    return (c.site, c.formats, c.scope)


def match(people: Sequence[Candidate], history: History, round_no: int) -> Matching:
    """Place every participant in a pair (or the triple) where the rules allow it."""
    rng = random.Random(f"roulette:{round_no}")
    ordered = sorted({c.key: c for c in people}.values(), key=lambda c: c.key)
    rng.shuffle(ordered)
    rank = {c.key: i for i, c in enumerate(ordered)}
    repeats = history.pairs()
    # People with the same site, formats and scope are interchangeable for the hard rules:
    # compatibility is decided per profile, which keeps large rounds fast.
    classes: dict[tuple[object, ...], dict[str, Candidate]] = {}
    for c in ordered:
        classes.setdefault(_profile(c), {})[c.key] = c
    fits = {
        p: [q for q, members in classes.items()
            if valid_group([next(iter(classes[p].values())), next(iter(members.values()))])]
        for p in classes
    }  # fmt: skip
    degree = {
        c.key: sum(len(classes[q]) for q in fits[_profile(c)]) - (_profile(c) in fits[_profile(c)])
        for c in ordered
    }
    extra = None
    if len(ordered) % 2 == 1 and len(ordered) >= 3:
        # The third of the triple: who was a third least often (then the round's order).
        able = [c for c in ordered if degree[c.key] >= 2]
        if able:
            extra = min(able, key=lambda c: (history.thirds.get(c.key, 0), rank[c.key]))
            del classes[_profile(extra)][extra.key]

    groups: list[list[Candidate]] = []
    left: list[Candidate] = []
    for person in sorted(ordered, key=lambda c: (degree[c.key], rank[c.key])):
        own = classes[_profile(person)]
        if person.key not in own:
            continue  # already placed, or the triple's third
        del own[person.key]
        partner = _best_partner(person, classes, fits[_profile(person)], repeats)
        if partner is None:
            left.append(person)
            continue
        del classes[_profile(partner)][partner.key]
        groups.append([person, partner])
    _improve(groups, repeats)
    if extra is not None:
        left.insert(0, extra)
    unmatched = _place_leftovers(left, groups, repeats)
    unmatched = rearrange(unmatched, groups, repeats)
    if unmatched and len(ordered) <= EXACT_UP_TO:
        # Small rounds: the greedy passes can miss a grouping that places everyone (the
        # triple's third is chosen before the pairing); an exhaustive search cannot.
        exact_groups, exact_left = exact(ordered, repeats)
        if len(exact_left) < len(unmatched):
            groups, unmatched = exact_groups, exact_left
    result = sorted(tuple(sorted(m.key for m in g)) for g in groups)
    by_key = {c.key: c for c in ordered}
    formats = tuple(group_formats([by_key[k] for k in g]) for g in result)
    return Matching(tuple(result), formats, tuple(sorted(c.key for c in unmatched)))


def _best_partner(
    person: Candidate,
    classes: Mapping[tuple[object, ...], Mapping[str, Candidate]],
    fitting: Sequence[tuple[object, ...]],
    repeats: set[frozenset[str]],
) -> Candidate | None:
    best: tuple[Cost, Candidate] | None = None
    for profile in fitting:
        for other in classes[profile].values():
            cost = group_cost((person, other), repeats)
            if best is None or cost < best[0]:
                best = (cost, other)
                if cost == (0, 0):
                    return other  # nothing beats it; the dict order is the round's order
    return best[1] if best else None


def _improve(groups: list[list[Candidate]], repeats: set[frozenset[str]]) -> None:
    """Swap partners between two pairs while that removes a repeated pairing."""
    changed = True
    while changed:
        changed = False
        for i, (a, b) in enumerate(groups):
            if group_cost((a, b), repeats)[0] == 0:
                continue
            for j, (c, d) in enumerate(groups):
                if i == j:
                    continue
                before = group_cost((a, b), repeats)[0] + group_cost((c, d), repeats)[0]
                for x, y in (((a, c), (b, d)), ((a, d), (b, c))):
                    if valid_group(x) and valid_group(y):
                        after = group_cost(x, repeats)[0] + group_cost(y, repeats)[0]
                        if after < before:
                            groups[i], groups[j] = list(x), list(y)
                            changed = True
                            break
                if changed:
                    break
            if changed:
                break


def _place_leftovers(
    left: list[Candidate], groups: list[list[Candidate]], repeats: set[frozenset[str]]
) -> list[Candidate]:
    """A leftover pairs with another leftover, else joins a pair as third; else fits nobody."""
    unmatched: list[Candidate] = []
    while left:
        person = left.pop(0)
        mates = [o for o in left if valid_group((person, o))]
        if mates:
            mate = min(mates, key=lambda o: group_cost((person, o), repeats))
            left.remove(mate)
            groups.append([person, mate])
            continue
        hosts = [g for g in groups if len(g) == 2 and valid_group((*g, person))]
        if hosts:
            host = min(hosts, key=lambda g: group_cost((*g, person), repeats))
            host.append(person)
            continue
        unmatched.append(person)
    return unmatched
