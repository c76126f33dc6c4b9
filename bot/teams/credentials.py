"""The bot's outgoing credentials (client secret or certificate) and its login authority.

By default the bot asks ``login.microsoftonline.com/{tenant}`` for its Bot Connector token
(botbuilder's stock credentials). ``TO_CHANNEL_FROM_BOT_LOGIN_URL`` names another authority
(a sovereign or private cloud, or a local stand-in in tests); the same botbuilder credential
classes are used, with MSAL told to trust that authority as configured.
"""

from __future__ import annotations

from typing import Any

from botbuilder.integration.aiohttp import ConfigurationServiceClientCredentialFactory
from botframework.connector.auth import (
    AuthenticationConstants,
    CertificateAppCredentials,
    CertificateServiceClientCredentialsFactory,
    MicrosoftAppCredentials,
    ServiceClientCredentialsFactory,
)
from msal import ConfidentialClientApplication
from msrest.authentication import Authentication

from bot.settings import Settings


def login_url(settings: Settings) -> str:
    """The authority the bot's Connector tokens come from."""
    if settings.to_channel_from_bot_login_url:
        return settings.to_channel_from_bot_login_url.rstrip("/")
    tenant = (
        settings.microsoft_app_tenant_id or AuthenticationConstants.DEFAULT_CHANNEL_AUTH_TENANT
    )
    return f"{AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL_PREFIX}{tenant}"


def credentials_factory(settings: Settings, config: Any) -> ServiceClientCredentialsFactory:
    """botbuilder's factory for the configured secret or certificate (and authority)."""
    stock: ServiceClientCredentialsFactory
    certificate: tuple[str, str] | None = None
    if settings.microsoft_app_certificate_thumbprint:
        key_path = settings.microsoft_app_certificate_private_key_path
        if key_path is None:
            raise ValueError("MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_PATH fehlt")
        certificate = (settings.microsoft_app_certificate_thumbprint, key_path.read_text("utf-8"))
        stock = CertificateServiceClientCredentialsFactory(
            *certificate, settings.microsoft_app_id, settings.microsoft_app_tenant_id or None
        )
    else:
        stock = ConfigurationServiceClientCredentialFactory(config)
    if settings.to_channel_from_bot_login_url:
        password = settings.microsoft_app_password.get_secret_value()
        return _ConfiguredAuthorityFactory(stock, login_url(settings), password, certificate)
    return stock


def _msal_app(app_id: str, client_credential: Any, authority: str) -> Any:
    # botbuilder's private-cloud credentials take ``validate_authority`` but never hand it to
    # MSAL, so MSAL would ask login.microsoftonline.com whether the host is a known authority
    # (a private or loopback one is not, and offline the question fails). An authority the
    # operator configured explicitly is trusted as is: MSAL's documented known-authority use.
    return ConfidentialClientApplication(
        app_id, client_credential=client_credential, authority=authority, instance_discovery=False
    )


class _AuthorityPasswordCredentials(MicrosoftAppCredentials):  # type: ignore[misc]
    """Client-secret credentials against the configured authority."""

    app: Any  # botbuilder's lazily built MSAL application

    def __init__(self, app_id: str, password: str, oauth_scope: str, authority: str) -> None:
        super().__init__(app_id, password, oauth_scope=oauth_scope)
        self.oauth_endpoint = authority

    def get_access_token(self, force_refresh: bool = False) -> str:
        """botbuilder's token flow (MSAL cache, then the authority) on our MSAL app."""
        # Built on first use, not in __init__: MSAL's discovery request blocks, and tokens are
        # fetched off the event loop while credentials are created on it.
        if self.app is None:
            self.app = _msal_app(
                self.microsoft_app_id, self.microsoft_app_password, self.oauth_endpoint
            )
        return str(super().get_access_token(force_refresh))


class _AuthorityCertificateCredentials(CertificateAppCredentials):  # type: ignore[misc]
    """Certificate credentials (signed client assertion) against the configured authority."""

    app: Any  # botbuilder's lazily built MSAL application

    def __init__(
        self, app_id: str, thumbprint: str, private_key: str, oauth_scope: str, authority: str
    ) -> None:
        super().__init__(app_id, thumbprint, private_key, oauth_scope=oauth_scope)
        self.oauth_endpoint = authority

    def get_access_token(self, force_refresh: bool = False) -> str:
        """botbuilder's token flow (MSAL cache, then the authority) on our MSAL app."""
        if self.app is None:
            credential = {
                "thumbprint": self.certificate_thumbprint,
                "private_key": self.certificate_private_key,
            }
            self.app = _msal_app(self.microsoft_app_id, credential, self.oauth_endpoint)
        return str(super().get_access_token(force_refresh))


class _ConfiguredAuthorityFactory(ServiceClientCredentialsFactory):  # type: ignore[misc]
    """Credentials for the configured authority; any other login endpoint goes to ``stock``."""

    def __init__(
        self,
        stock: ServiceClientCredentialsFactory,
        authority: str,
        password: str,
        certificate: tuple[str, str] | None,
    ) -> None:
        self._stock = stock
        self._authority = authority
        self._password = password
        self._certificate = certificate  # (thumbprint, private key PEM)

    async def is_valid_app_id(self, app_id: str) -> bool:
        """Same app id as the stock factory."""
        return bool(await self._stock.is_valid_app_id(app_id))

    async def is_authentication_disabled(self) -> bool:
        """Same as the stock factory (disabled only without an app id)."""
        return bool(await self._stock.is_authentication_disabled())

    async def create_credentials(
        self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool
    ) -> Authentication:
        """Secret or certificate credentials whose tokens come from the configured authority."""
        if (login_endpoint or "").rstrip("/").lower() != self._authority.lower():
            stock: Authentication = await self._stock.create_credentials(
                app_id, oauth_scope, login_endpoint, validate_authority
            )
            return stock
        if await self.is_authentication_disabled():
            empty: Authentication = MicrosoftAppCredentials.empty()
            return empty
        if not await self.is_valid_app_id(app_id):
            raise ValueError("Invalid app_id")
        if self._certificate is not None:
            return _AuthorityCertificateCredentials(
                app_id, *self._certificate, oauth_scope, self._authority
            )
        return _AuthorityPasswordCredentials(app_id, self._password, oauth_scope, self._authority)
