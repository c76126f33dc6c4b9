"""Records of the roulette: who takes part (with preferences), rounds and their groups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Format = Literal["coffee", "lunch", "virtual"]
Scope = Literal["site", "all"]
FORMATS: tuple[Format, ...] = ("coffee", "lunch", "virtual")
SCOPES: tuple[Scope, ...] = ("site", "all")


class RouletteError(Exception):
    """A refused roulette action; ``code`` selects the message (roulette.error.*)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True, slots=True)
class Participant:
    """Someone who said "kaffee roulette an"; ``active`` False after "aus" (row kept briefly
    only until the next retention run, preferences shown when they opt in again)."""

    user_key: str
    name: str
    tenant_id: str | None
    formats: tuple[Format, ...] = ("coffee",)
    scope: Scope = "all"
    department: str | None = None
    site: str | None = None
    active: bool = True
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Slot:
    """A suggested meeting time (UTC) and how they meet."""

    start: datetime
    end: datetime
    format: Format


@dataclass(frozen=True, slots=True)
class Group:
    """Two or three people introduced in one round; ``slot_index`` is the suggestion shown."""

    id: int
    round_no: int
    members: tuple[str, ...]
    names: tuple[str, ...]
    formats: tuple[Format, ...]
    tenant_id: str | None = None
    slots: tuple[Slot, ...] = ()
    slot_index: int = 0
    planned: bool = False  # the free/busy was read and the slots stored
    version: int = 1
    # Members whose follow-up answer was counted (never what they answered): one answer per
    # member counts, however often the card is clicked or Teams delivers the click.
    answered: tuple[str, ...] = ()

    @property
    def dissolved(self) -> bool:
        """Only one member is left (the other erased their data): nobody to meet."""
        return len(self.members) < 2

    @property
    def slot(self) -> Slot | None:
        """The suggestion currently shown, or None (no common free time found)."""
        return self.slots[self.slot_index] if self.slot_index < len(self.slots) else None


@dataclass(frozen=True, slots=True)
class RoundStats:
    """Aggregate counts of one round for the admins: never who met whom."""

    round_no: int
    started_at: datetime
    participants: int
    groups: int
    met_yes: int = 0
    met_no: int = 0
