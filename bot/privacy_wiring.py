"""Builds the privacy service (export, erasure, retention) over the real database."""

from __future__ import annotations

from bot.adapters.db.privacy import SqlPersonalData
from bot.composition import FeatureModule, Platform
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


def build_privacy(platform: Platform) -> PrivacyService:
    """The privacy service (export, erasure, the daily retention run)."""
    data = SqlPersonalData(platform.sessions)
    return PrivacyService(
        data, data, platform.queue, platform.clock, retention_of(platform.settings)
    )


def privacy_module(privacy: PrivacyService) -> FeatureModule:
    """Its job handlers; at start, today's retention run is planned."""
    return FeatureModule("privacy", privacy.handlers(), privacy.plan_retention)
