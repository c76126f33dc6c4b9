"""Building the msgraph-sdk client: credential, base URL, and one owned HTTP client."""

from __future__ import annotations

from typing import Self

import httpx
from kiota_authentication_azure.azure_identity_authentication_provider import (
    AzureIdentityAuthenticationProvider,
)
from msgraph.graph_request_adapter import GraphRequestAdapter
from msgraph.graph_request_adapter import options as msgraph_default_options
from msgraph.graph_service_client import GraphServiceClient
from msgraph_core import GraphClientFactory

from bot.adapters.graph.app_installer import GraphAppInstaller
from bot.adapters.graph.credentials import GraphCredential, build_credential
from bot.adapters.graph.directory import GraphDirectory
from bot.adapters.graph.rooms import GraphRoomCalendar
from bot.settings import Settings

GRAPH_SCOPES = ["https://graph.microsoft.com/.default"]


def build_http_client() -> httpx.AsyncClient:
    """An httpx client with msgraph-sdk's default middleware (retry on 429/503/504 included)."""
    client: httpx.AsyncClient = GraphClientFactory.create_with_default_middleware(
        options=msgraph_default_options
    )
    return client


def build_graph_client(
    settings: Settings,
    *,
    credential: GraphCredential | None = None,
    http_client: httpx.AsyncClient | None = None,
) -> GraphServiceClient:
    """A GraphServiceClient for `settings`; the caller owns credential and HTTP client."""
    auth = AzureIdentityAuthenticationProvider(
        credential or build_credential(settings), scopes=GRAPH_SCOPES
    )
    adapter = GraphRequestAdapter(auth, client=http_client or build_http_client())
    # Must be set before GraphServiceClient() reads it; http is accepted only for localhost.
    adapter.base_url = settings.graph_base_url.rstrip("/")
    return GraphServiceClient(request_adapter=adapter)


class GraphConnection:
    """One Graph client plus the port adapters over it; `close()` releases everything."""

    def __init__(self, settings: Settings, *, credential: GraphCredential | None = None):
        self.credential = credential or build_credential(settings)
        self._http = build_http_client()
        self.client = build_graph_client(
            settings, credential=self.credential, http_client=self._http
        )
        self.directory = GraphDirectory(self.client)
        self.room_calendar = GraphRoomCalendar(self.client)
        catalog_app_id = settings.effective_teams_app_catalog_id
        # None: no catalogue id configured, so the bot reaches only people in its teams.
        self.app_installer: GraphAppInstaller | None = (
            GraphAppInstaller(self.client, catalog_app_id) if catalog_app_id else None
        )

    async def close(self) -> None:
        """Close the HTTP client and the credential."""
        try:
            await self._http.aclose()
        finally:
            await self.credential.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
