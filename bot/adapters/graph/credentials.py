"""Token credentials for Graph: azure-identity in production, a static token for the simulator."""

from __future__ import annotations

import time
from types import TracebackType
from typing import Any, Self

from azure.core.credentials import AccessToken
from azure.core.credentials_async import AsyncTokenCredential

from bot.settings import GraphAuth, Settings

# Any azure-identity async credential; the simulator uses StaticTokenCredential.
GraphCredential = AsyncTokenCredential


SIMULATOR_TOKEN = "graph-simulator-token"  # noqa: S105 - a placeholder the simulator accepts


class StaticTokenCredential:
    """Hands out one fixed bearer token; the local Graph simulator accepts any token."""

    def __init__(self, token: str = SIMULATOR_TOKEN, lifetime_seconds: int = 3600):
        self._token = token
        self._lifetime = lifetime_seconds

    async def get_token(
        self,
        *scopes: str,
        claims: str | None = None,
        tenant_id: str | None = None,
        enable_cae: bool = False,
        **kwargs: Any,
    ) -> AccessToken:
        """Return the static token, valid for another `lifetime_seconds`."""
        return AccessToken(self._token, int(time.time()) + self._lifetime)

    async def close(self) -> None:
        """Nothing to release."""

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        await self.close()


def build_credential(settings: Settings) -> GraphCredential:
    """Pick the credential that `settings.graph_auth` names."""
    # azure.identity.aio is imported lazily: local and test runs never need it.
    if settings.graph_auth is GraphAuth.SIMULATOR:
        return StaticTokenCredential()
    from azure.identity import aio

    if settings.graph_auth is GraphAuth.MANAGED_IDENTITY:
        client_id = settings.graph_managed_identity_client_id or None
        credential: GraphCredential = aio.ManagedIdentityCredential(client_id=client_id)
        return credential
    tenant, client = settings.graph_tenant_id, settings.graph_client_id
    if not tenant or not client:
        raise ValueError("GRAPH_TENANT_ID und GRAPH_CLIENT_ID sind für Graph erforderlich")
    if settings.graph_auth is GraphAuth.CLIENT_SECRET:
        secret = settings.graph_client_secret.get_secret_value()
        if not secret:
            raise ValueError("GRAPH_AUTH=client_secret braucht GRAPH_CLIENT_SECRET")
        credential = aio.ClientSecretCredential(tenant, client, secret)
        return credential
    if settings.graph_certificate_path is None:
        raise ValueError("GRAPH_AUTH=certificate braucht GRAPH_CERTIFICATE_PATH")
    credential = aio.CertificateCredential(
        tenant, client, certificate_path=str(settings.graph_certificate_path)
    )
    return credential
