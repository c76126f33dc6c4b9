"""ORM tables of the member store: installed teams, their rosters, and reachability."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.adapters.db.models import Base, UtcDateTime


class InstalledTeamRow(Base):
    """A team the app is (or was) installed in."""

    __tablename__ = "installed_teams"

    team_id: Mapped[str] = mapped_column(String(300), primary_key=True)
    tenant_id: Mapped[str | None] = mapped_column(String(64))
    service_url: Mapped[str] = mapped_column(String(500))
    bot_id: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(300))
    installed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    uninstalled_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    sync_cursor: Mapped[str | None] = mapped_column(String(2000))
    sync_started_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    synced_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class TeamMemberRow(Base):
    """A member of an installed team, as the roster API lists them."""

    __tablename__ = "team_members"
    __table_args__ = (
        UniqueConstraint("team_id", "teams_id", name="uq_team_members_team_teams_id"),
        Index("ix_team_members_user_key", "user_key"),
        Index("ix_team_members_teams_id", "teams_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    team_id: Mapped[str] = mapped_column(String(300))
    teams_id: Mapped[str] = mapped_column(String(200))
    user_key: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200))
    upn: Mapped[str] = mapped_column(String(300))
    tenant_id: Mapped[str | None] = mapped_column(String(64))
    service_url: Mapped[str] = mapped_column(String(500))
    bot_id: Mapped[str] = mapped_column(String(200))
    seen_at: Mapped[datetime] = mapped_column(UtcDateTime())
    removed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class MemberReachRow(Base):
    """The last outcome of messaging a person (for ``bot status``)."""

    __tablename__ = "member_reach"

    user_key: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    reachable: Mapped[bool] = mapped_column(Boolean())
    reason: Mapped[str] = mapped_column(String(40))
    checked_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
