"""Searches that place whoever the roulette's greedy pairing left out: regrouping one group
with them (any round), and an exhaustive search for small rounds."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations

from bot.domain.roulette.rules import Candidate, Cost, group_cost, valid_group

EXACT_UP_TO = 12  # participants up to which a round left incomplete is searched exhaustively


def _partitions(people: Sequence[Candidate]) -> Iterable[list[tuple[Candidate, ...]]]:
    """Every way to split ``people`` into valid groups of two or three."""
    if not people:
        yield []
        return
    first, rest = people[0], people[1:]
    for size in (1, 2):
        for mates in combinations(rest, size):
            group = (first, *mates)
            if valid_group(group):
                others = [p for p in rest if p not in mates]
                for tail in _partitions(others):
                    yield [group, *tail]


def _regrouped(
    people: Sequence[Candidate], repeats: set[frozenset[str]]
) -> list[tuple[Candidate, ...]] | None:
    """The cheapest split of ``people`` into valid groups, or None."""
    best: tuple[Cost, list[tuple[Candidate, ...]]] | None = None
    for split in _partitions(people):
        costs = [group_cost(g, repeats) for g in split]
        cost = (sum(c[0] for c in costs), sum(c[1] for c in costs))
        if best is None or cost < best[0]:
            best = (cost, split)
    return best[1] if best else None


def rearrange(
    unmatched: list[Candidate], groups: list[list[Candidate]], repeats: set[frozenset[str]]
) -> list[Candidate]:
    """The greedy pass can leave someone out who fits once a group is rearranged (the
    triple's third was chosen before the pairing). A small search, cheap in large rounds:
    someone left out, with one other left out or none, and a group holding someone who fits
    them are split anew when that places all of them."""
    while any(_place(person, unmatched, groups, repeats) for person in list(unmatched)):
        pass
    return unmatched


def _place(
    person: Candidate,
    unmatched: list[Candidate],
    groups: list[list[Candidate]],
    repeats: set[frozenset[str]],
) -> bool:
    partners: list[list[Candidate]] = [[]] + [[o] for o in unmatched if o is not person]
    for i, group in enumerate(groups):
        if not any(valid_group((person, member)) for member in group):
            continue
        for extra in partners:
            split = _regrouped([person, *extra, *group], repeats)
            if split is not None:
                del groups[i]
                groups.extend(list(g) for g in split)
                for placed in (person, *extra):
                    unmatched.remove(placed)
                return True
    return False


def exact(
    people: Sequence[Candidate], repeats: set[frozenset[str]]
) -> tuple[list[list[Candidate]], list[Candidate]]:
    """The grouping that leaves the fewest people out (then the lowest cost), exhaustively;
    only for small rounds (2^n subsets)."""
    n = len(people)
    options: dict[int, list[tuple[int, Cost]]] = {i: [] for i in range(n)}
    for size in (2, 3):
        for combo in combinations(range(n), size):
            members = [people[i] for i in combo]
            if valid_group(members):
                mask = sum(1 << i for i in combo)
                options[combo[0]].append((mask, group_cost(members, repeats)))
    best: dict[int, tuple[int, int, int, tuple[int, ...]]] = {0: (0, 0, 0, ())}

    def solve(mask: int) -> tuple[int, int, int, tuple[int, ...]]:
        if mask in best:
            return best[mask]
        first = (mask & -mask).bit_length() - 1
        left, repeated, same, chosen = solve(mask & ~(1 << first))
        result = (left + 1, repeated, same, chosen)
        for group, (r, d) in options[first]:
            if group & mask == group:
                rest = solve(mask & ~group)
                candidate = (rest[0], rest[1] + r, rest[2] + d, (*rest[3], group))
                result = min(result, candidate)
        best[mask] = result
        return result

    _, _, _, chosen = solve((1 << n) - 1)
    groups = [[people[i] for i in range(n) if group >> i & 1] for group in chosen]
    placed = {c.key for g in groups for c in g}
    return groups, [c for c in people if c.key not in placed]
