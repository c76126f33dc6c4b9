"""Teams the app is installed in, their members, and whether each person can be reached."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class InstalledTeam:
    """A team the app is in; what is needed to read its roster and open 1:1 chats."""

    team_id: str
    tenant_id: str | None
    service_url: str
    bot_id: str
    name: str
    installed_at: datetime
    uninstalled_at: datetime | None = None
    # A roster sync in progress: the Bot Connector's continuation token and when it began.
    sync_cursor: str | None = None
    sync_started_at: datetime | None = None
    synced_at: datetime | None = None

    @property
    def installed(self) -> bool:
        """False once the app was removed from the team."""
        return self.uninstalled_at is None


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """One member as the roster API lists it."""

    teams_id: str  # the Teams account id ("29:…"), needed to open a 1:1 chat
    user_key: str  # the Entra object id; the Teams id when Teams gives none (guests)
    name: str
    upn: str
    tenant_id: str | None


@dataclass(frozen=True, slots=True)
class TeamMember:
    """A stored member of an installed team."""

    team_id: str
    teams_id: str
    user_key: str
    name: str
    upn: str
    tenant_id: str | None
    service_url: str
    bot_id: str
    seen_at: datetime
    removed_at: datetime | None = None


class ReachFailure(StrEnum):
    """Why a person could not be messaged."""

    NOT_IN_ANY_TEAM = "not_in_any_team"  # no roster entry and no personal app install possible
    INSTALL_FORBIDDEN = "install_forbidden"  # a Teams app policy forbids the install
    USER_UNKNOWN = "user_unknown"  # disabled or deleted in Entra ID
    BLOCKED = "blocked"  # Teams refused (bot blocked or uninstalled by the person)
    THROTTLED = "throttled"  # Graph kept answering 429: tried again with the next message


@dataclass(frozen=True, slots=True)
class Reach:
    """The last outcome of messaging a person; shown to admins in ``bot status``."""

    user_key: str
    name: str
    reachable: bool
    reason: str  # a ReachFailure value, or the channel that worked ("personal", "roster", …)
    checked_at: datetime


@dataclass(frozen=True, slots=True)
class MemberFigures:
    """Counts for ``bot status``."""

    teams: int  # teams the app is installed in
    members: int  # distinct people active in at least one of them
    unreachable: int  # people whose last delivery failed


@dataclass(frozen=True, slots=True)
class RosterPage:
    """One page of a team roster and the token of the next (None: last page)."""

    entries: tuple[RosterEntry, ...]
    next_token: str | None
