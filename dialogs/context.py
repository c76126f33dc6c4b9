"""What a dialog handler may use besides the turn: settings, the clock, and exactly the
services of its own feature (checked when the dialogs are built, see ``Router.bind``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from bot.domain.ports import Clock
from bot.settings import Settings

S = TypeVar("S")


@dataclass(frozen=True, slots=True)
class DialogContext(Generic[S]):
    """Per-feature access to configuration and services; handlers never see a DB session."""

    settings: Settings
    clock: Clock
    services: S
