"""Team lifecycle events → the member store: install, uninstall, members joining and leaving."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import structlog
from botbuilder.schema import Activity

from bot.domain.members.model import InstalledTeam
from bot.domain.members.sync import MemberSync
from bot.domain.ports import Clock
from bot.teams.roster import roster_entry
from bot.teams.translate import tenant_of

log = structlog.get_logger(__name__)
_KNOWN_TEAMS_CACHE = 1_000


def team_of(activity: Activity, clock: Clock) -> InstalledTeam | None:
    """The team an activity comes from (channelData.team), or None outside teams."""
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    team = channel_data.get("team")
    if not isinstance(team, dict) or not team.get("id") or activity.recipient is None:
        return None
    return InstalledTeam(
        team_id=str(team["id"]),
        tenant_id=tenant_of(activity),
        service_url=activity.service_url,
        bot_id=str(activity.recipient.id or ""),
        name=str(team.get("name") or ""),
        installed_at=clock.now(),
    )


class TeamEvents:
    """Feeds the member store from what Teams tells the bot; never fails a turn."""

    def __init__(self, sync: MemberSync, clock: Clock) -> None:
        self._sync, self._clock = sync, clock
        # Teams this process has already seen installed: most channel turns skip the lookup.
        self._known: OrderedDict[str, None] = OrderedDict()

    async def installed(self, activity: Activity) -> None:
        """The app was added to a team (conversationUpdate or installationUpdate)."""
        team = team_of(activity, self._clock)
        if team is not None:
            await self._guard(self._sync.team_installed(team))
            self._remember(team.team_id)

    async def uninstalled(self, activity: Activity) -> None:
        """The app was removed from a team."""
        team = team_of(activity, self._clock)
        if team is not None:
            self._known.pop(team.team_id, None)
            await self._guard(self._sync.team_uninstalled(team.team_id))

    async def seen(self, activity: Activity) -> None:
        """Any team activity: learn a team whose install event this deployment never got."""
        team = team_of(activity, self._clock)
        if team is None or team.team_id in self._known:
            return
        await self._guard(self._sync.team_seen(team))
        self._remember(team.team_id)

    async def joined(self, activity: Activity, accounts: list[Any]) -> None:
        """Members joined (accounts as looked up through the members API)."""
        team = team_of(activity, self._clock)
        entries = [roster_entry(account) for account in accounts]
        if team is not None and entries:
            await self._guard(self._sync.members_joined(team, entries))

    async def left(self, activity: Activity, members: list[Any]) -> None:
        """Members left the team."""
        team = team_of(activity, self._clock)
        if team is None:
            return
        for member in members:
            if getattr(member, "id", None):
                await self._guard(self._sync.member_left(team.team_id, str(member.id)))

    def _remember(self, team_id: str) -> None:
        self._known[team_id] = None
        if len(self._known) > _KNOWN_TEAMS_CACHE:
            self._known.popitem(last=False)

    async def _guard(self, work: Any) -> None:
        # The roster is also refreshed daily: a failed store write must not fail the turn
        # (and so make Teams re-deliver it).
        try:
            await work
        except Exception:
            log.exception("member_store_update_failed")
