"""Who left, as the roster tells it, for the retention run (before the roster forgets)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, case, func, or_, select

from bot.adapters.db.member_tables import InstalledTeamRow, TeamMemberRow


def left_before(before: datetime, *, with_uninstalls: bool = True) -> Select[str]:
    """The user keys of people all of whose roster rows are expired at ``before``: removed
    from the team before then, or (``with_uninstalls``) of a team the app left before then;
    exactly whom the members retention forgets. After the purge nothing tells that they left,
    so what they opted into goes first (privacy_retention.py). A query, not a list: it may be
    thousands of people, more than a statement may carry as parameters."""
    expired = TeamMemberRow.removed_at < before
    if with_uninstalls:
        gone_teams = select(InstalledTeamRow.team_id).where(
            InstalledTeamRow.uninstalled_at < before
        )
        expired = or_(expired, TeamMemberRow.team_id.in_(gone_teams))
    # A NULL removed_at (still a member) compares to NULL: not expired.
    flag = case((expired, 1), else_=0)
    return (
        select(TeamMemberRow.user_key).group_by(TeamMemberRow.user_key).having(func.min(flag) == 1)
    )
