"""Bot Framework authentication from settings, with pooled connector and token clients."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import aiohttp
from botbuilder.integration.aiohttp import (
    ConfigurationBotFrameworkAuthentication,
    ConfigurationServiceClientCredentialFactory,
)
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    CertificateServiceClientCredentialsFactory,
    ClaimsIdentity,
    ConnectorFactory,
    ServiceClientCredentialsFactory,
    UserTokenClient,
)

from bot.settings import Settings
from bot.teams.connector import FastConnectorClient
from bot.teams.http_pipeline import pooled_pipeline_type
from bot.teams.token_rules import channel_metadata_url, refusal


def _botbuilder_configuration(settings: Settings) -> SimpleNamespace:
    """The attribute bag botbuilder's configuration authentication reads."""
    config = SimpleNamespace(
        APP_ID=settings.microsoft_app_id,
        APP_PASSWORD=settings.microsoft_app_password.get_secret_value(),
        # Without an app id (local mode only) botbuilder's MultiTenant path disables auth.
        APP_TYPE=settings.microsoft_app_type if settings.microsoft_app_id else "MultiTenant",
        APP_TENANTID=settings.microsoft_app_tenant_id,
    )
    if settings.to_bot_from_channel_openid_metadata_url:
        config.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL = (
            settings.to_bot_from_channel_openid_metadata_url
        )
        config.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER = settings.to_bot_from_channel_token_issuer
        config.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE = (
            AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE
        )
        config.TO_CHANNEL_FROM_BOT_LOGIN_URL = _login_url(settings)
    return config


def _login_url(settings: Settings) -> str:
    tenant = (
        settings.microsoft_app_tenant_id or AuthenticationConstants.DEFAULT_CHANNEL_AUTH_TENANT
    )
    return f"{AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL_PREFIX}{tenant}"


def _credentials_factory(settings: Settings, config: Any) -> ServiceClientCredentialsFactory:
    if settings.microsoft_app_certificate_thumbprint:
        key_path = settings.microsoft_app_certificate_private_key_path
        if key_path is None:
            raise ValueError("MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_PATH fehlt")
        return CertificateServiceClientCredentialsFactory(
            settings.microsoft_app_certificate_thumbprint,
            key_path.read_text("utf-8"),
            settings.microsoft_app_id,
            settings.microsoft_app_tenant_id or None,
        )
    return ConfigurationServiceClientCredentialFactory(config)


class PooledConnectorFactory(ConnectorFactory):  # type: ignore[misc]
    """Creates one ConnectorClient per (service URL, audience) and reuses it for every turn."""

    def __init__(
        self,
        app_id: str,
        credentials_factory: ServiceClientCredentialsFactory,
        login_url: str,
        session: aiohttp.ClientSession,
    ) -> None:
        self._app_id = app_id
        self._credentials_factory = credentials_factory
        self._login_url = login_url
        self._session = session
        self._pipeline_type = pooled_pipeline_type(session)
        self._clients: dict[tuple[str, str], ConnectorClient] = {}

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        """Return the cached client for this service URL (built on first use)."""
        scope = audience or AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE
        key = (service_url, scope)
        client = self._clients.get(key)
        if client is None:
            credentials = await self._credentials_factory.create_credentials(
                self._app_id, scope, self._login_url, True
            )
            client = FastConnectorClient(
                credentials, service_url, self._session, pipeline_type=self._pipeline_type
            )
            self._clients[key] = client
        return client


class PooledBotFrameworkAuthentication(BotFrameworkAuthentication):  # type: ignore[misc]
    """botbuilder's configuration authentication for requests; pooled clients for replies."""

    def __init__(self, settings: Settings, session: aiohttp.ClientSession) -> None:
        config = _botbuilder_configuration(settings)
        credentials_factory = _credentials_factory(settings, config)
        self._inner = ConfigurationBotFrameworkAuthentication(
            config, credentials_factory=credentials_factory
        )
        self._connectors = PooledConnectorFactory(
            settings.microsoft_app_id, credentials_factory, _login_url(settings), session
        )
        self._user_token_client: UserTokenClient | None = None
        # Without an app id botbuilder skips authentication (local mode); so do the rules.
        self._checks_tokens = bool(settings.microsoft_app_id)
        self._metadata_url = channel_metadata_url(settings.to_bot_from_channel_openid_metadata_url)

    async def authenticate_request(
        self, activity: Any, auth_header: str
    ) -> AuthenticateRequestResult:
        """Validate the JWT (botbuilder plus the rules it lacks), then pool the connectors."""
        result = await self._inner.authenticate_request(activity, auth_header)
        if self._checks_tokens:
            claims = getattr(result.claims_identity, "claims", None) or {}
            reason = refusal(auth_header, claims, activity.channel_id or "", self._metadata_url)
            if reason:
                raise PermissionError(reason)
        result.connector_factory = self._connectors
        return result

    async def authenticate_streaming_request(
        self, auth_header: str, channel_id_header: str
    ) -> AuthenticateRequestResult:
        """Streaming is not used by Teams; delegate for completeness."""
        result = await self._inner.authenticate_streaming_request(auth_header, channel_id_header)
        result.connector_factory = self._connectors
        return result

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        """Proactive messages reuse the same pooled clients."""
        return self._connectors

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        """The bot does no user sign-in; one client is built once and reused."""
        if self._user_token_client is None:
            self._user_token_client = await self._inner.create_user_token_client(claims_identity)
        return self._user_token_client

    def get_originating_audience(self) -> str:
        """Audience for outgoing calls."""
        return str(self._inner.get_originating_audience())

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        """Delegate skill/channel request validation."""
        return await self._inner.authenticate_channel_request(auth_header)
