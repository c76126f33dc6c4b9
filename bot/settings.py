"""Configuration: one pydantic-settings model read from the environment and `.env`."""

from __future__ import annotations

import json
import re
from datetime import date, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal, Self, get_origin

from pydantic import Field, SecretStr, ValidationInfo, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# The one app in the Graph simulator's Teams app catalogue (local mode and tests).
SIMULATOR_TEAMS_APP_CATALOG_ID = "3f9d1c2e-6b8a-5e47-9c1d-a0b2c4d6e8f1"


class Mode(StrEnum):
    """Local mode accepts unauthenticated requests (Playground); production never does."""

    LOCAL = "local"
    PRODUCTION = "production"


class GraphAuth(StrEnum):
    """How the bot authenticates against Microsoft Graph."""

    SIMULATOR = "simulator"
    MANAGED_IDENTITY = "managed_identity"
    CLIENT_SECRET = "client_secret"  # noqa: S105 - the name of a method, not a secret
    CERTIFICATE = "certificate"


class Settings(BaseSettings):
    """Every setting the bot reads; names map to upper-case environment variables."""

    # No JSON decoding inside pydantic-settings: a bad value there is a SettingsError that
    # names no variable and stops at the first one; _decode_json makes it a validation error.
    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        case_sensitive=False,
        enable_decoding=False,
    )

    mode: Mode = Mode.LOCAL
    host: str = "127.0.0.1"
    port: int = 3978
    log_json: bool = False
    log_level: str = "INFO"

    # Bot Framework identity (Azure Bot registration).
    microsoft_app_type: str = "SingleTenant"
    microsoft_app_id: str = ""
    microsoft_app_password: SecretStr = SecretStr("")
    microsoft_app_tenant_id: str = ""
    microsoft_app_certificate_thumbprint: str = ""
    microsoft_app_certificate_private_key_path: Path | None = None
    # Alternative channel OpenID issuer (sovereign clouds, and tests with a local issuer).
    to_bot_from_channel_openid_metadata_url: str = ""
    to_bot_from_channel_token_issuer: str = ""
    # Authority for the bot's own Connector tokens, with tenant ("https://host/<tenant>");
    # empty: https://login.microsoftonline.com/<MICROSOFT_APP_TENANT_ID>. Sovereign or private
    # clouds, and tests with a local token endpoint.
    to_channel_from_bot_login_url: str = ""

    # Tenants whose activities are accepted; empty = only microsoft_app_tenant_id in production.
    allowed_tenant_ids: list[str] = Field(default_factory=list)

    database_url: str = "sqlite+aiosqlite:///./var/assistenz-bot.db"

    graph_auth: GraphAuth = GraphAuth.SIMULATOR
    graph_base_url: str = "https://graph.microsoft.com/v1.0"
    graph_tenant_id: str = ""
    graph_client_id: str = ""
    graph_client_secret: SecretStr = SecretStr("")
    graph_certificate_path: Path | None = None
    graph_managed_identity_client_id: str = ""

    default_locale: str = "de-DE"
    # "auto": answer in the language of the Teams client's locale; "de"/"en": always that one.
    # The Agents Playground stamps every activity "en-US", so the demo pins "de".
    bot_language: Literal["auto", "de", "en"] = "auto"
    time_zone: str = "Europe/Berlin"
    holiday_state: str = "NW"
    formal_address: bool = True

    # Teams app package (assistenz-bot package): public URL and publisher details.
    app_base_url: str = ""
    app_developer_name: str = "Assistenz-Netzwerk"
    app_developer_website_url: str = ""
    app_privacy_url: str = ""
    app_terms_url: str = ""
    app_teams_app_id: str = ""
    # The app's id in the tenant's Teams app catalogue (not the manifest id): with it the bot
    # installs its personal app for people it must message but shares no team with. Empty:
    # no proactive install (the Graph simulator knows SIMULATOR_TEAMS_APP_CATALOG_ID).
    teams_app_catalog_id: str = ""

    # Know-how routing: business hours before an unclaimed question goes to the next expert,
    # and which expert pool a team's questions go to (team id -> pool id; others: "default").
    routing_escalation_hours: float = Field(default=4.0, gt=0, le=80)
    # Business hours an asker has to answer "Geht es um …?" before the leading choice is asked.
    routing_clarify_hours: float = Field(default=2.0, gt=0, le=80)
    routing_business_day_start: time = time(8, 0)
    routing_business_day_end: time = time(17, 0)
    routing_pools: dict[str, str] = Field(default_factory=dict)

    # Stammtisch: who organises (Entra object ids; empty: whoever starts a poll organises it),
    # the mailbox that sends the invitation (empty: the organiser's own mailbox), blackout
    # ranges such as school holidays ("2027-03-29..2027-04-09"), reminder lead time.
    stammtisch_organiser_ids: list[str] = Field(default_factory=list)
    stammtisch_mailbox: str = ""
    stammtisch_blackout: list[str] = Field(default_factory=list)
    stammtisch_reminder_hours: float = Field(default=24.0, gt=0, le=24 * 14)
    stammtisch_card_update_seconds: float = Field(default=2.0, gt=0, le=60)

    # Room broker: restricted rooms and their approvers ({"room mailbox": ["Entra id", …]}),
    # who may request (an Entra group; empty: everyone), limits, and the mailbox that
    # organises bookings (empty: the requester's own mailbox; the requester is invited).
    rooms_restricted: dict[str, list[str]] = Field(default_factory=dict)
    rooms_requester_group: str = ""
    rooms_max_hours: float = Field(default=10.0, gt=0, le=24)
    rooms_max_days_ahead: int = Field(default=90, gt=0, le=365)
    rooms_booking_mailbox: str = ""
    rooms_approval_reminder_hours: float = Field(default=4.0, gt=0, le=72)

    # Buddy onboarding: the Entra group whose new members are welcomed (polled; empty: only
    # people added to a team with the bot), the teams whose new members are welcomed (empty:
    # every team the bot is in), check-ins after these days, no repeat pairing within.
    onboarding_group_id: str = ""
    onboarding_team_ids: list[str] = Field(default_factory=list)
    onboarding_check_in_days: list[int] = Field(default_factory=lambda: [7, 28])
    onboarding_repeat_window_days: int = Field(default=180, ge=0, le=3650)
    onboarding_group_poll_minutes: int = Field(default=60, ge=5, le=24 * 60)

    # Kaffee- und Mittags-Roulette: a round pairs the participants every this many weeks.
    roulette_interval_weeks: int = Field(default=2, ge=1, le=12)

    # Birthdays (opt-in): reminders this many days before and on the day (0: only on the day).
    birthday_remind_days_before: int = Field(default=1, ge=0, le=30)

    # Retention (days) per kind of personal data, enforced by a daily job: questions after
    # their answer (never answered: after asking), Stammtisch votes after the poll's month
    # (anonymised: the tally stays), room requests with their audit trail after the booked
    # time, any audit entry after it was written, onboardings (with their pairing, which then
    # no longer blocks a repeat pairing) after their start, scheduled jobs after they
    # finished (pending jobs stay), and team members after they left the team (or the app
    # left the team) together with delivery outcomes not renewed since.
    retention_questions_days: int = Field(default=365, ge=1)
    retention_votes_days: int = Field(default=90, ge=1)
    retention_room_requests_days: int = Field(default=180, ge=1)
    retention_audit_days: int = Field(default=365, ge=1)
    retention_onboarding_days: int = Field(default=365, ge=1)
    retention_jobs_days: int = Field(default=30, ge=1)
    retention_members_days: int = Field(default=30, ge=1)

    admin_ids: list[str] = Field(default_factory=list)
    dedup_window_seconds: int = 24 * 3600

    @field_validator("*", mode="before")
    @classmethod
    def _decode_json(cls, value: Any, info: ValidationInfo) -> Any:
        """List and dict settings arrive from the environment as JSON text."""
        if not isinstance(value, str) or info.field_name is None:
            return value
        origin = get_origin(cls.model_fields[info.field_name].annotation)
        if origin not in (list, dict):
            return value
        try:
            return json.loads(value)
        except ValueError:
            example = '["a", "b"]' if origin is list else '{"a": "b"}'
            raise ValueError(f"kein gültiges JSON, erwartet z. B. {example}") from None

    @model_validator(mode="after")
    def _check_consistency(self) -> Self:
        if self.mode is Mode.PRODUCTION:
            missing = [
                name
                for name, value in (
                    ("MICROSOFT_APP_ID", self.microsoft_app_id),
                    ("MICROSOFT_APP_TENANT_ID", self.microsoft_app_tenant_id),
                )
                if not value
            ]
            if missing:
                raise ValueError("Im Produktivbetrieb fehlen Einstellungen: " + ", ".join(missing))
            if not (
                self.microsoft_app_password.get_secret_value()
                or self.microsoft_app_certificate_thumbprint
                or self.microsoft_app_type == "UserAssignedMSI"
            ):
                raise ValueError(
                    "Im Produktivbetrieb braucht der Bot ein Passwort, ein Zertifikat oder "
                    "MICROSOFT_APP_TYPE=UserAssignedMSI"
                )
            if self.graph_auth is GraphAuth.SIMULATOR:
                raise ValueError("GRAPH_AUTH=simulator ist nur im lokalen Modus erlaubt")
        self._check_graph_credentials()
        return self

    def _check_graph_credentials(self) -> None:
        needed: list[tuple[str, object]] = []
        if self.graph_auth in (GraphAuth.CLIENT_SECRET, GraphAuth.CERTIFICATE):
            needed += [("GRAPH_TENANT_ID", self.graph_tenant_id)]
            needed += [("GRAPH_CLIENT_ID", self.graph_client_id)]
        if self.graph_auth is GraphAuth.CLIENT_SECRET:
            needed.append(("GRAPH_CLIENT_SECRET", self.graph_client_secret.get_secret_value()))
        if self.graph_auth is GraphAuth.CERTIFICATE:
            needed.append(("GRAPH_CERTIFICATE_PATH", self.graph_certificate_path))
        missing = [name for name, value in needed if not value]
        if missing:
            raise ValueError(
                f"GRAPH_AUTH={self.graph_auth.value} braucht außerdem: " + ", ".join(missing)
            )

    @field_validator("to_channel_from_bot_login_url")
    @classmethod
    def _check_login_url(cls, url: str) -> str:
        # MSAL accepts only https authorities with a tenant path; say so at start-up, not at
        # the first reply.
        if url and not re.fullmatch(r"https://[^/\s]+/[^/\s]+/?", url):
            raise ValueError(
                "TO_CHANNEL_FROM_BOT_LOGIN_URL muss https://<host>/<tenant> sein, nicht " + url
            )
        return url

    @field_validator("stammtisch_blackout")
    @classmethod
    def _check_blackout(cls, ranges: list[str]) -> list[str]:
        blackout_days(ranges)  # raises ValueError with the offending entry
        return ranges

    @property
    def stammtisch_blackout_days(self) -> frozenset[date]:
        """Every day inside the configured blackout ranges."""
        return blackout_days(self.stammtisch_blackout)

    @property
    def effective_teams_app_catalog_id(self) -> str:
        """The catalogue app id to install; against the simulator its own app by default."""
        if self.teams_app_catalog_id or self.graph_auth is not GraphAuth.SIMULATOR:
            return self.teams_app_catalog_id
        return SIMULATOR_TEAMS_APP_CATALOG_ID

    @property
    def effective_allowed_tenants(self) -> frozenset[str]:
        """Tenants accepted on /api/messages; empty means any (local mode only)."""
        tenants = set(self.allowed_tenant_ids)
        if self.microsoft_app_tenant_id:
            tenants.add(self.microsoft_app_tenant_id)
        return frozenset(tenants)


def blackout_days(ranges: list[str]) -> frozenset[date]:
    """Days of "YYYY-MM-DD" or "YYYY-MM-DD..YYYY-MM-DD" entries (both ends included)."""
    days: set[date] = set()
    for entry in ranges:
        first, _, last = entry.strip().partition("..")
        try:
            start = date.fromisoformat(first)
            end = date.fromisoformat(last) if last else start
        except ValueError as error:
            raise ValueError(f"STAMMTISCH_BLACKOUT: ungültiger Zeitraum {entry!r}") from error
        if end < start or (end - start).days > 366:
            raise ValueError(f"STAMMTISCH_BLACKOUT: ungültiger Zeitraum {entry!r}")
        days.update(start + timedelta(days=n) for n in range((end - start).days + 1))
    return frozenset(days)
