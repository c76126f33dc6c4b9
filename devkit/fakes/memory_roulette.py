"""In-memory RouletteRepository with the same semantics as the SQL one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.domain.roulette.model import Group, Participant, RoundStats


class InMemoryRouletteRepository:
    """Dict-backed; no method awaits, so each one is atomic on the event loop like a txn."""

    def __init__(self) -> None:
        self._participants: dict[str, Participant] = {}
        self._rounds: dict[int, RoundStats] = {}
        self._groups: dict[int, Group] = {}
        self._next_id = 1

    async def get_participant(self, user_key: str) -> Participant | None:
        """One participant, or None."""
        return self._participants.get(user_key)

    async def save_participant(self, participant: Participant) -> None:
        """Insert or replace the participant."""
        self._participants[participant.user_key] = participant

    async def remove_participant(self, user_key: str) -> bool:
        """Forget the participant; False when there was none."""
        return self._participants.pop(user_key, None) is not None

    async def participants(self) -> Sequence[Participant]:
        """Every participant, by key."""
        return [self._participants[k] for k in sorted(self._participants)]

    async def start_round(
        self, stats: RoundStats, groups: Sequence[Group]
    ) -> tuple[bool, Sequence[Group]]:
        """Store the round and its groups in one step unless the round exists."""
        created = stats.round_no not in self._rounds
        if created:
            self._rounds[stats.round_no] = stats
            for group in groups:
                stored = replace(group, id=self._next_id, round_no=stats.round_no, version=1)
                self._groups[stored.id] = stored
                self._next_id += 1
        mine = [g for g in self._groups.values() if g.round_no == stats.round_no]
        return created, sorted(mine, key=lambda g: g.id)

    async def get_round(self, round_no: int) -> RoundStats | None:
        """One round's counts, or None."""
        return self._rounds.get(round_no)

    async def latest_round(self) -> RoundStats | None:
        """The newest round, or None."""
        return self._rounds[max(self._rounds)] if self._rounds else None

    async def get_group(self, group_id: int) -> Group | None:
        """One group, or None."""
        return self._groups.get(group_id)

    async def save_group(self, group: Group) -> bool:
        """Store if the stored version is ``group.version - 1``; else False."""
        current = self._groups.get(group.id)
        if current is None or current.version != group.version - 1:
            return False
        self._groups[group.id] = group
        return True

    async def groups_since(self, round_no: int) -> Sequence[Group]:
        """Every group of rounds ``>= round_no``, by id."""
        return sorted(
            (g for g in self._groups.values() if g.round_no >= round_no), key=lambda g: g.id
        )

    async def recent_groups(self, before: int, rounds: int) -> Sequence[Group]:
        """Every group of the ``rounds`` newest stored rounds numbered below ``before``."""
        held = set(sorted((n for n in self._rounds if n < before), reverse=True)[: max(rounds, 0)])
        return sorted((g for g in self._groups.values() if g.round_no in held), key=lambda g: g.id)

    async def count_answer(self, round_no: int, met: bool) -> None:
        """Add one to the round's aggregate count."""
        stats = self._rounds.get(round_no)
        if stats is not None:
            self._rounds[round_no] = replace(
                stats, met_yes=stats.met_yes + met, met_no=stats.met_no + (not met)
            )
