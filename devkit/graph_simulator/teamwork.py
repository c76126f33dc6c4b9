"""The simulator's Teams app catalogue and per-user personal app installations."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class CatalogApp:
    """An app in the tenant catalogue: `id` is the catalogue id, `external_id` the manifest id."""

    id: str
    external_id: str
    display_name: str
    version: str = "1.0.0"


def installation_id(user_id: str, app_id: str) -> str:
    """Graph's installation ids are base64 of "<user id>##<catalogue app id>"."""
    return base64.b64encode(f"{user_id}##{app_id}".encode()).decode()


def personal_chat_id(user_id: str, bot_id: str) -> str:
    """The shape of a user-bot 1:1 chat id in Teams."""
    return f"19:{user_id}_{bot_id}@unq.gbl.spaces"


@dataclass
class TeamworkStore:
    """Which person has which catalogue app installed, and whom a policy blocks."""

    catalog: dict[str, CatalogApp]
    installed: dict[str, set[str]] = field(default_factory=dict)  # user id -> app ids
    blocked: set[str] = field(default_factory=set)  # user ids an app permission policy blocks

    def apps_of(self, user_id: str) -> list[CatalogApp]:
        """The person's installed apps, in catalogue order."""
        mine = self.installed.get(user_id, set())
        return [app for app in self.catalog.values() if app.id in mine]

    def install(self, user_id: str, app_id: str) -> bool:
        """Install; False when it was already installed."""
        apps = self.installed.setdefault(user_id, set())
        if app_id in apps:
            return False
        apps.add(app_id)
        return True

    def find(self, user_id: str, install_id: str) -> CatalogApp | None:
        """The installed app behind an installation id of this person."""
        return next(
            (a for a in self.apps_of(user_id) if installation_id(user_id, a.id) == install_id),
            None,
        )
