"""How birthdays present themselves: the card-building port (implemented in cards/)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from bot.domain.birthdays.model import Occasion


@dataclass(frozen=True, slots=True)
class Reminder:
    """What a reminder card shows: whose occasion, when, and how to congratulate."""

    person_key: str
    person_name: str
    person_mail: str
    occasion: Occasion
    day: date
    ahead: int  # days until the occasion; negative: a belated note (a missed day caught up)
    years: int = 0
    in_channel: bool = False  # "Gratulieren" posts in the network channel (else: a 1:1 chat)


class BirthdayViews(Protocol):
    """Builds the cards that go out without a turn (reminders, the channel greeting)."""

    def reminder_card(self, reminder: Reminder, lang: str) -> dict[str, Any]:
        """The reminder DM with its one-click "Gratulieren"."""
        ...

    def greeting_card(self, from_name: str, person_name: str, lang: str) -> dict[str, Any]:
        """The short greeting posted in the network channel."""
        ...
