"""ORM tables. Every schema change also gets an alembic migration."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Explicit constraint names keep alembic migrations identical on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in and out; SQLite would otherwise hand back naive values."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use aware UTC times")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """Declarative base with the shared naming convention."""

    metadata = MetaData(naming_convention=NAMING)


class ProcessedActivity(Base):
    """An activity id the bot has handled; a second insert means Teams re-delivered it."""

    __tablename__ = "processed_activities"

    activity_key: Mapped[str] = mapped_column(String(300), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)


class ConversationReferenceRow(Base):
    """Latest conversation reference per conversation and user, for proactive messages."""

    __tablename__ = "conversation_references"
    __table_args__ = (
        UniqueConstraint(
            "conversation_id", "user_key", name="uq_conversation_references_conv_user"
        ),
        Index("ix_conversation_references_user_kind", "user_key", "kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(String(500))
    user_key: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    tenant_id: Mapped[str | None] = mapped_column(String(64))
    service_url: Mapped[str] = mapped_column(String(500))
    reference: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ExpertRow(Base):
    """An assistant who can be asked, per expert pool (team or channel)."""

    __tablename__ = "experts"
    __table_args__ = (UniqueConstraint("pool_id", "user_key", name="uq_experts_pool_user"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    pool_id: Mapped[str] = mapped_column(String(200))
    user_key: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    department: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    location: Mapped[str] = mapped_column(String(300), default="")
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    about: Mapped[str] = mapped_column(Text, default="")
    deputy_key: Mapped[str | None] = mapped_column(String(200))
    paused_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    source: Mapped[str] = mapped_column(String(20), default="directory")
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class QuestionRow(Base):
    """A routed question, its candidates, the escalation state and, once answered, the answer."""

    __tablename__ = "questions"
    __table_args__ = (
        Index("ix_questions_pool_thread_conversation", "pool_id", "thread_conversation"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    pool_id: Mapped[str] = mapped_column(String(200), index=True)
    asker_key: Mapped[str] = mapped_column(String(200), index=True)
    asker_name: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(5))
    state: Mapped[str] = mapped_column(String(20), index=True)
    candidates: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    current_index: Mapped[int] = mapped_column(default=0)
    owner_key: Mapped[str | None] = mapped_column(String(200))
    answer_text: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    asked_at: Mapped[datetime] = mapped_column(UtcDateTime())
    escalate_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), index=True)
    tenant_id: Mapped[str | None] = mapped_column(String(64))
    thread: Mapped[dict[str, Any]] = mapped_column(JSON)
    # The conversation of the thread card (``thread``'s reference), kept beside it so that a
    # message in a channel thread finds its question by index (closed_in), not by a JSON scan.
    thread_conversation: Mapped[str | None] = mapped_column(String(400))
    expert_cards: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    version: Mapped[int] = mapped_column(default=1)
    # Asked in the asker's personal chat: the text is never shown in a shared conversation.
    private: Mapped[bool] = mapped_column(default=False, server_default=false())


class RoutingDecisionRow(Base):
    """A decision the ranking learns from: an expert declined a question, or it was forwarded
    to them. Goes with its question (retention) and with the expert (erasure)."""

    __tablename__ = "routing_decisions"
    __table_args__ = (
        UniqueConstraint(
            "question_id", "expert_key", "kind", name="uq_routing_decisions_question_expert_kind"
        ),
        Index("ix_routing_decisions_pool_decided", "pool_id", "decided_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    pool_id: Mapped[str] = mapped_column(String(200))
    expert_key: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ScheduledJob(Base):
    """Durable scheduled work (escalations, reminders); survives restarts, runs once."""

    __tablename__ = "scheduled_jobs"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(100))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    due_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    dedup_key: Mapped[str | None] = mapped_column(String(300), unique=True)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    attempts: Mapped[int] = mapped_column(default=0)
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), index=True)
    last_error: Mapped[str | None] = mapped_column(Text)
    failed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())  # done_at is set too


class StammtischRuleRow(Base):
    """A team's standing order for the monthly Stammtisch poll (times as portable "HH:MM")."""

    __tablename__ = "stammtisch_rules"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    team_key: Mapped[str] = mapped_column(String(500), unique=True)
    place: Mapped[dict[str, Any]] = mapped_column(JSON)
    organiser_key: Mapped[str] = mapped_column(String(200))
    organiser_name: Mapped[str] = mapped_column(String(200))
    tenant_id: Mapped[str | None] = mapped_column(String(64))
    post_week: Mapped[int]
    post_weekday: Mapped[int]
    post_time: Mapped[str] = mapped_column(String(5))
    deadline_weekday: Mapped[int]
    deadline_time: Mapped[str] = mapped_column(String(5))
    lunch_start: Mapped[str] = mapped_column(String(5))
    lunch_end: Mapped[str] = mapped_column(String(5))
    candidate_weekdays: Mapped[list[int]] = mapped_column(JSON)
    candidate_count: Mapped[int]
    places: Mapped[list[str]] = mapped_column(JSON)
    language: Mapped[str] = mapped_column(String(5))
    active: Mapped[bool]
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class StammtischPollRow(Base):
    """One month's poll of a team; ``key`` makes a second start of the same month a no-op."""

    __tablename__ = "stammtisch_polls"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(600), unique=True)
    team_key: Mapped[str] = mapped_column(String(500), index=True)
    place: Mapped[dict[str, Any]] = mapped_column(JSON)
    month: Mapped[date] = mapped_column(Date)
    dates: Mapped[list[str]] = mapped_column(JSON)
    places: Mapped[list[str]] = mapped_column(JSON)
    lunch_start: Mapped[str] = mapped_column(String(5))
    lunch_end: Mapped[str] = mapped_column(String(5))
    deadline: Mapped[datetime] = mapped_column(UtcDateTime())
    organiser_key: Mapped[str] = mapped_column(String(200))
    organiser_name: Mapped[str] = mapped_column(String(200))
    tenant_id: Mapped[str | None] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(5))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    state: Mapped[str] = mapped_column(String(20), index=True)
    card: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    winner_day: Mapped[date | None] = mapped_column(Date)
    winner_place: Mapped[str | None] = mapped_column(String(200))
    event_id: Mapped[str | None] = mapped_column(String(500))
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    version: Mapped[int] = mapped_column(default=1)


class StammtischVoteRow(Base):
    """A member's current vote on a poll; a new vote replaces the row."""

    __tablename__ = "stammtisch_votes"

    poll_id: Mapped[int] = mapped_column(
        ForeignKey("stammtisch_polls.id", ondelete="CASCADE"), primary_key=True
    )
    member_key: Mapped[str] = mapped_column(String(200), primary_key=True)
    member_name: Mapped[str] = mapped_column(String(200))
    teams_id: Mapped[str] = mapped_column(String(200))
    answers: Mapped[dict[str, str]] = mapped_column(JSON)
    place: Mapped[str | None] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class RoomRow(Base):
    """A room as last read from Graph places; the mailbox is the key bookings refer to."""

    __tablename__ = "rooms"

    email: Mapped[str] = mapped_column(String(320), primary_key=True)
    id: Mapped[str] = mapped_column(String(100))
    display_name: Mapped[str] = mapped_column(String(300))
    capacity: Mapped[int | None]
    building: Mapped[str | None] = mapped_column(String(200))
    city: Mapped[str | None] = mapped_column(String(200))
    floor_number: Mapped[int | None]
    floor_label: Mapped[str | None] = mapped_column(String(100))
    tags: Mapped[list[str]] = mapped_column(JSON)
    is_wheelchair_accessible: Mapped[bool]
    video_device_name: Mapped[str | None] = mapped_column(String(200))
    audio_device_name: Mapped[str | None] = mapped_column(String(200))
    display_device_name: Mapped[str | None] = mapped_column(String(200))
    booking_type: Mapped[str] = mapped_column(String(20))
    synced_at: Mapped[datetime] = mapped_column(UtcDateTime())


class RoomRequestRow(Base):
    """A room request through its states; ``version`` guards every decision."""

    __tablename__ = "room_requests"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    requester_key: Mapped[str] = mapped_column(String(200), index=True)
    requester_name: Mapped[str] = mapped_column(String(200))
    tenant_id: Mapped[str | None] = mapped_column(String(64))
    place: Mapped[dict[str, Any]] = mapped_column(JSON)
    text: Mapped[str] = mapped_column(Text)
    start_at: Mapped[datetime] = mapped_column(UtcDateTime())
    end_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    attendees: Mapped[int]
    features: Mapped[list[str]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    state: Mapped[str] = mapped_column(String(20), index=True)
    options: Mapped[list[str]] = mapped_column(JSON)
    room: Mapped[str | None] = mapped_column(String(320))
    approvers: Mapped[list[str]] = mapped_column(JSON)
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    reason: Mapped[str] = mapped_column(Text)
    event_id: Mapped[str | None] = mapped_column(String(500))
    cards: Mapped[dict[str, Any]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(default=1)


class RoomAuditRow(Base):
    """One line of a room request's audit trail (append-only)."""

    __tablename__ = "room_audit"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("room_requests.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    actor_key: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(30))
    detail: Mapped[str] = mapped_column(Text)


# A newcomer has at most one onboarding that has not ended because they left: a second start
# is a no-op, while one who left and joins again starts afresh (the ended one stays: history).
ONBOARDING_OPEN = "state <> 'left'"


class OnboardingRow(Base):
    """A newcomer's onboarding; one not ``left`` per newcomer (a second start is a no-op)."""

    __tablename__ = "onboardings"
    __table_args__ = (
        Index(
            "uq_onboardings_open_newcomer",
            "newcomer_key",
            unique=True,
            sqlite_where=text(ONBOARDING_OPEN),
            postgresql_where=text(ONBOARDING_OPEN),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    newcomer_key: Mapped[str] = mapped_column(String(200), index=True)
    newcomer_name: Mapped[str] = mapped_column(String(200))
    tenant_id: Mapped[str | None] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    state: Mapped[str] = mapped_column(String(20), index=True)
    buddy_key: Mapped[str | None] = mapped_column(String(200), index=True)
    buddy_name: Mapped[str] = mapped_column(String(200))
    reasons: Mapped[list[str]] = mapped_column(JSON)
    paired_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    welcomed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    introduced_at: Mapped[datetime | None] = mapped_column(UtcDateTime())  # to this buddy
    left_at: Mapped[datetime | None] = mapped_column(UtcDateTime())  # ended by leaving
    check_ins: Mapped[dict[str, str]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(default=1)


class BuddyVolunteerRow(Base):
    """A buddy volunteer's profile; stopping sets ``stopped``, the row stays."""

    __tablename__ = "buddy_volunteers"

    user_key: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    capacity: Mapped[int]
    paused_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    stopped: Mapped[bool]
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class OnboardingGroupMemberRow(Base):
    """A member of the onboarding group seen by a poll; user_key "" marks a polled group."""

    __tablename__ = "onboarding_group_members"

    group_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    user_key: Mapped[str] = mapped_column(String(200), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(UtcDateTime())


class BirthdayProfileRow(Base):
    """A person's own birthday opt-ins (day and month, never the year); no row: no opt-in."""

    __tablename__ = "birthday_profiles"

    user_key: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    tenant_id: Mapped[str | None] = mapped_column(String(64))
    birth_day: Mapped[int | None]
    birth_month: Mapped[int | None]
    visibility: Mapped[str] = mapped_column(String(10))
    jubilee: Mapped[bool]
    remind_network: Mapped[bool]
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class BirthdayFollowRow(Base):
    """``follower_key`` wants birthday and jubilee reminders about ``followed_key``."""

    __tablename__ = "birthday_follows"

    follower_key: Mapped[str] = mapped_column(String(200), primary_key=True)
    followed_key: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)
    followed_name: Mapped[str] = mapped_column(String(200))
    follower_tenant: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class BirthdayRunRow(Base):
    """The ledger of the daily birthday run: up to which day (``TIME_ZONE``) reminders were
    planned, so that a run late by whole days catches up the days in between."""

    __tablename__ = "birthday_runs"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    announced_through: Mapped[date] = mapped_column(Date)


class RouletteParticipantRow(Base):
    """A person taking part in the coffee/lunch roulette, with their preferences."""

    __tablename__ = "roulette_participants"

    user_key: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    tenant_id: Mapped[str | None] = mapped_column(String(64))
    formats: Mapped[list[str]] = mapped_column(JSON)
    scope: Mapped[str] = mapped_column(String(10))
    department: Mapped[str | None] = mapped_column(String(200))
    site: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool]
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class RouletteRoundRow(Base):
    """A roulette round and its aggregate counts (never who met whom)."""

    __tablename__ = "roulette_rounds"

    round_no: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    participants: Mapped[int]
    groups: Mapped[int]
    met_yes: Mapped[int] = mapped_column(default=0)
    met_no: Mapped[int] = mapped_column(default=0)


class RouletteGroupRow(Base):
    """Two or three people introduced in a round, with the suggested free times."""

    __tablename__ = "roulette_groups"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    round_no: Mapped[int] = mapped_column(index=True)
    members: Mapped[list[str]] = mapped_column(JSON)
    names: Mapped[list[str]] = mapped_column(JSON)
    formats: Mapped[list[str]] = mapped_column(JSON)
    tenant_id: Mapped[str | None] = mapped_column(String(64))
    slots: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    slot_index: Mapped[int]
    planned: Mapped[bool]
    version: Mapped[int] = mapped_column(default=1)
    # Members whose follow-up answer was counted (not the answer); NULL for none.
    answered: Mapped[list[str] | None] = mapped_column(JSON)


class UrgentCallRow(Base):
    """An urgent call ("Dringender Termin") through its states; ``version`` guards changes."""

    __tablename__ = "urgent_calls"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    asker_key: Mapped[str] = mapped_column(String(200), index=True)
    asker_name: Mapped[str] = mapped_column(String(200))
    tenant_id: Mapped[str | None] = mapped_column(String(64))
    organiser: Mapped[str] = mapped_column(String(320))
    on_behalf_key: Mapped[str] = mapped_column(String(200))
    on_behalf_name: Mapped[str] = mapped_column(String(200))
    participants: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    minutes: Mapped[int]
    window_start: Mapped[datetime] = mapped_column(UtcDateTime())
    window_end: Mapped[datetime] = mapped_column(UtcDateTime())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    state: Mapped[str] = mapped_column(String(20), index=True)
    slots: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    asks: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    ask_window: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    booked: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    event_id: Mapped[str | None] = mapped_column(String(500))
    cards: Mapped[dict[str, Any]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(default=1)


class UrgentAuditRow(Base):
    """One line of an urgent call's audit trail (append-only)."""

    __tablename__ = "urgent_audit"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    call_id: Mapped[int] = mapped_column(
        ForeignKey("urgent_calls.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    actor_key: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(30))
    detail: Mapped[str] = mapped_column(Text)


# Tables of other modules register themselves on Base.metadata when imported; importing them
# here keeps one place (this module) that alembic and the tests load to see every table.
from bot.adapters.db import member_tables  # noqa: E402, F401
