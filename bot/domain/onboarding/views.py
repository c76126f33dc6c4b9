"""How onboarding presents itself: the card-building port (implemented in cards/)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from bot.domain.onboarding.model import Onboarding, VolunteerProfile


class OnboardingViews(Protocol):
    """Builds the onboarding cards, each in its recipient's language ``lang``."""

    def welcome_card(self, onboarding: Onboarding, buddy_mail: str, lang: str) -> dict[str, Any]:
        """The newcomer's welcome: the network, how to ask, topics, and the buddy."""
        ...

    def buddy_changed_card(
        self, onboarding: Onboarding, buddy_mail: str, lang: str
    ) -> dict[str, Any]:
        """A newcomer welcomed already learns the buddy an admin picked: the name, the links
        and the opt-out, without repeating the welcome."""
        ...

    def buddy_card(self, onboarding: Onboarding, newcomer_mail: str, lang: str) -> dict[str, Any]:
        """The buddy's introduction with chat/meeting links and the checklist."""
        ...

    def replaced_card(
        self, onboarding: Onboarding, volunteering: bool, lang: str
    ) -> dict[str, Any]:
        """Tells a former buddy that an admin paired the newcomer with someone else, and
        whether they stay listed as a buddy (``volunteering``: not stopped)."""
        ...

    def opted_out_card(
        self, onboarding: Onboarding, volunteering: bool, lang: str
    ) -> dict[str, Any]:
        """Tells the buddy that the newcomer chose to start without a buddy, and whether they
        stay listed as a buddy (``volunteering``: not stopped)."""
        ...

    def newcomer_left_card(
        self, onboarding: Onboarding, volunteering: bool, lang: str
    ) -> dict[str, Any]:
        """Tells the buddy that the newcomer left and the onboarding has ended (no more
        check-ins), and whether they stay listed as a buddy (``volunteering``)."""
        ...

    def admin_pick_card(
        self, onboarding: Onboarding, volunteers: Sequence[VolunteerProfile], lang: str
    ) -> dict[str, Any]:
        """Nobody fits: the admins pick a buddy."""
        ...

    def check_in_card(
        self, onboarding: Onboarding, days: int, side: str, lang: str, elapsed: int | None = None
    ) -> dict[str, Any]:
        """ "Haben Sie sich getroffen?" – Ja / Noch nicht / Brauche Hilfe: the ``days`` check-in,
        asked ``elapsed`` days after the pairing (later than planned after a rejoin)."""
        ...

    def help_needed_card(self, onboarding: Onboarding, side: str, lang: str) -> dict[str, Any]:
        """Tells the admins that a pair needs help."""
        ...
