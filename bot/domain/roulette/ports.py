"""Ports of the roulette: participants, rounds with their groups, and the cards port."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from bot.domain.roulette.model import Group, Participant, RoundStats


class RouletteRepository(Protocol):
    """Participants (one row per person), rounds (unique number) and their groups."""

    async def get_participant(self, user_key: str) -> Participant | None:
        """One participant, or None."""
        ...

    async def save_participant(self, participant: Participant) -> None:
        """Insert or replace the participant."""
        ...

    async def remove_participant(self, user_key: str) -> bool:
        """Forget the participant; False when there was none."""
        ...

    async def participants(self) -> Sequence[Participant]:
        """Every participant, by key."""
        ...

    async def start_round(
        self, stats: RoundStats, groups: Sequence[Group]
    ) -> tuple[bool, Sequence[Group]]:
        """Store the round and its groups in one step unless the round exists; returns
        (created, the round's groups with their ids)."""
        ...

    async def get_round(self, round_no: int) -> RoundStats | None:
        """One round's counts, or None."""
        ...

    async def latest_round(self) -> RoundStats | None:
        """The newest round, or None."""
        ...

    async def get_group(self, group_id: int) -> Group | None:
        """One group, or None."""
        ...

    async def save_group(self, group: Group) -> bool:
        """Store if the stored version is ``group.version - 1``; else False."""
        ...

    async def groups_since(self, round_no: int) -> Sequence[Group]:
        """Every group of rounds ``>= round_no``, by id."""
        ...

    async def recent_groups(self, before: int, rounds: int) -> Sequence[Group]:
        """Every group of the ``rounds`` newest stored rounds numbered below ``before`` (the
        matcher's history: the rounds actually held, whatever gaps lie between their
        numbers), by id."""
        ...

    async def count_answer(self, round_no: int, met: bool) -> None:
        """Add one to the round's aggregate "met" or "not met" count (nothing per person)."""
        ...


class RouletteViews(Protocol):
    """Builds the cards a roulette job sends (implemented in cards/), in ``lang``."""

    def intro_card(self, group: Group, me: str, mails: Sequence[str], lang: str) -> dict[str, Any]:
        """The introduction: who, a group-chat link, the suggested time, "anderer Vorschlag"."""
        ...

    def suggestion_card(
        self, group: Group, me: str, mails: Sequence[str], lang: str
    ) -> dict[str, Any]:
        """Another member asked for another time: the new suggestion."""
        ...

    def follow_up_card(self, group: Group, lang: str) -> dict[str, Any]:
        """ "Haben Sie sich getroffen?" – Ja / Nein (only to offer another round)."""
        ...

    def unmatched_card(self, lang: str) -> dict[str, Any]:
        """Nobody fitted this round; the next round comes, the settings can be changed."""
        ...
