"""In-memory PersonalAppInstaller over the demo organisation (for fast tests)."""

from __future__ import annotations

from bot.domain.reach import InstallOutcome
from bot.settings import SIMULATOR_TEAMS_APP_CATALOG_ID
from devkit.demo.organisation import DemoOrganisation

# msgraph-sdk's default middleware makes one attempt plus three retries on 429.
GRAPH_ATTEMPTS = 4


class FakeAppInstaller:
    """Behaves like Graph (and the simulator): people by id, mail or UPN; one catalogue app."""

    def __init__(
        self, org: DemoOrganisation, catalog_app_id: str = SIMULATOR_TEAMS_APP_CATALOG_ID
    ) -> None:
        self._org = org
        self._catalog_app_id = catalog_app_id
        self._installed: set[str] = set()  # person ids
        self._blocked: set[str] = set()
        self._throttled_attempts = 0

    def block(self, user_id: str) -> None:
        """Let an app permission policy block the app for this person."""
        person = self._org.person(user_id)
        if person is None:
            raise KeyError(user_id)
        self._blocked.add(person.id)

    def throttle(self, attempts: int) -> None:
        """Answer the next `attempts` install attempts with 429 (a call makes up to four)."""
        self._throttled_attempts += attempts

    def installed_ids(self) -> frozenset[str]:
        """Person ids that have the app."""
        return frozenset(self._installed)

    async def install_for(self, user_id: str) -> InstallOutcome:
        """Same outcomes as Graph: 429s first, then unknown user, policy, already installed."""
        used = min(self._throttled_attempts, GRAPH_ATTEMPTS)
        self._throttled_attempts -= used
        if used == GRAPH_ATTEMPTS:
            return InstallOutcome.THROTTLED
        person = self._org.person(user_id)
        if person is None or self._catalog_app_id != SIMULATOR_TEAMS_APP_CATALOG_ID:
            return InstallOutcome.NOT_FOUND
        if person.id in self._blocked:
            return InstallOutcome.FORBIDDEN
        if person.id in self._installed:
            return InstallOutcome.ALREADY_INSTALLED
        self._installed.add(person.id)
        return InstallOutcome.INSTALLED

    async def personal_chat_id(self, user_id: str) -> str | None:
        """The 1:1 chat id once installed (the shape Teams and the simulator use)."""
        person = self._org.person(user_id)
        if person is None or person.id not in self._installed:
            return None
        return f"19:{person.id}_{self._org.bot.id}@unq.gbl.spaces"
