"""An expert as a question names them: who, why, and what became of asking them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from bot.domain.routing.why import Why

# Why a declined expert was passed over: "" their own "Nicht mein Thema" (and older rows).
PassedOver = Literal["", "silent", "released"]


@dataclass(frozen=True, slots=True)
class NamedExpert:
    """An expert the router named for this question, with the reason shown to the asker."""

    expert_key: str
    name: str
    reason: Why
    department: str = ""
    location: str = ""
    # Passed over: "Nicht mein Thema" (``passed`` ""), no reaction by the deadline ("silent")
    # or handed back after taking it ("released"); never asked again by the escalation.
    declined: bool = False
    passed: PassedOver = ""
    # The bot could not reach them by DM, so they were @mentioned in the thread and passed over:
    # shown apart from "declined", which only the expert's own click (or silence) means.
    unreachable: bool = False
    # Away (paused or out of office) with nobody to stand in: named so the asker knows who
    # knows, never asked. ``absent_until``: ISO date of the last day away, "" if open-ended.
    absent: bool = False
    absent_until: str = ""
    # While the asker is asked "Geht es um …?": the label of the choice this expert stands for.
    choice: str = ""
    # Their data was erased: the entry stays (pseudonymised) for the card, but nobody is asked.
    erased: bool = False

    @property
    def askable(self) -> bool:
        """Whether the bot may ask them (neither away nor erased)."""
        return not (self.absent or self.erased)


def askable_index(experts: Sequence[NamedExpert], start: int = 0) -> int | None:
    """The first expert from ``start`` on who may be asked (absent or erased ones are skipped)."""
    return next((i for i in range(start, len(experts)) if experts[i].askable), None)
