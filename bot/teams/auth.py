"""Bot Framework authentication from settings, with pooled connector and token clients."""

from __future__ import annotations

from collections import OrderedDict
from types import SimpleNamespace
from typing import Any

import aiohttp
from botbuilder.integration.aiohttp import ConfigurationBotFrameworkAuthentication
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    ServiceClientCredentialsFactory,
    UserTokenClient,
)

from bot.settings import Settings
from bot.teams.connector import FastConnectorClient
from bot.teams.credentials import credentials_factory, login_url
from bot.teams.send_policy import SendPolicy
from bot.teams.token_rules import channel_metadata_url, refusal

# Connector clients kept per (service URL, audience). Teams uses a handful of service URLs;
# the cap matters in local mode, where anyone may post activities with any serviceUrl.
MAX_CACHED_CLIENTS = 256


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
        config.TO_CHANNEL_FROM_BOT_LOGIN_URL = login_url(settings)
    return config


class PooledConnectorFactory(ConnectorFactory):  # type: ignore[misc]
    """One ConnectorClient per (service URL, audience), reused for every turn (LRU-capped).

    A client holds its credentials and with them MSAL's token cache; an evicted client is
    simply dropped (the aiohttp session belongs to the app), a later turn builds a new one.
    """

    def __init__(
        self,
        app_id: str,
        credentials_factory: ServiceClientCredentialsFactory,
        login_url: str,
        session: aiohttp.ClientSession,
        *,
        policy: SendPolicy | None = None,
        max_clients: int = MAX_CACHED_CLIENTS,
    ) -> None:
        self._app_id = app_id
        self._credentials_factory = credentials_factory
        self._login_url = login_url
        self._session = session
        self._policy = policy or SendPolicy()
        self._max_clients = max_clients
        self._clients: OrderedDict[tuple[str, str], ConnectorClient] = OrderedDict()

    @property
    def cached_clients(self) -> int:
        """How many clients are kept (not ``__len__``: botbuilder tests the factory's truth)."""
        return len(self._clients)

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        """Return the cached client for this service URL (built on first use)."""
        scope = audience or AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE
        key = (service_url, scope)
        client = self._clients.get(key)
        if client is not None:
            self._clients.move_to_end(key)
            return client
        credentials = await self._credentials_factory.create_credentials(
            self._app_id, scope, self._login_url, True
        )
        # Another turn may have built one meanwhile: keep that (and its token cache).
        client = self._clients.setdefault(
            key, FastConnectorClient(credentials, service_url, self._session, self._policy)
        )
        self._clients.move_to_end(key)
        while len(self._clients) > self._max_clients:
            self._clients.popitem(last=False)
        return client


class PooledBotFrameworkAuthentication(BotFrameworkAuthentication):  # type: ignore[misc]
    """botbuilder's configuration authentication for requests; pooled clients for replies."""

    def __init__(self, settings: Settings, session: aiohttp.ClientSession) -> None:
        config = _botbuilder_configuration(settings)
        credentials = credentials_factory(settings, config)
        self._inner = ConfigurationBotFrameworkAuthentication(
            config, credentials_factory=credentials
        )
        self._connectors = PooledConnectorFactory(
            settings.microsoft_app_id, credentials, login_url(settings), session
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
