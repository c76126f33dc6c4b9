"""Builds the privacy service (export, erasure, retention) over the real database."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.privacy import SqlPersonalData
from bot.domain.ports import Clock, JobQueue
from bot.domain.privacy.retention import Retention
from bot.domain.privacy.service import PrivacyService
from bot.settings import Settings


def retention_of(settings: Settings) -> Retention:
    """The configured retention per data kind."""
    return Retention(
        questions_days=settings.retention_questions_days,
        votes_days=settings.retention_votes_days,
        room_requests_days=settings.retention_room_requests_days,
        audit_days=settings.retention_audit_days,
        onboarding_days=settings.retention_onboarding_days,
        jobs_days=settings.retention_jobs_days,
        members_days=settings.retention_members_days,
    )


def build_privacy(
    settings: Settings,
    sessions: async_sessionmaker[AsyncSession],
    clock: Clock,
    queue: JobQueue,
) -> PrivacyService:
    """The privacy service; its ``handlers()`` go to the job runner, ``plan_retention`` daily."""
    data = SqlPersonalData(sessions)
    return PrivacyService(data, data, queue, clock, retention_of(settings))
