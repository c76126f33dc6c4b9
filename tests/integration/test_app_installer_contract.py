"""One contract for installing the personal app: the fake and msgraph-sdk over the simulator."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest
from kiota_abstractions.base_request_configuration import RequestConfiguration
from msgraph.generated.app_catalogs.teams_apps.teams_apps_request_builder import (
    TeamsAppsRequestBuilder,
)

from bot.adapters.graph.app_installer import GraphAppInstaller
from bot.adapters.graph.client import GraphConnection
from bot.adapters.graph.credentials import StaticTokenCredential
from bot.domain.reach import InstallOutcome, PersonalAppInstaller
from bot.settings import SIMULATOR_TEAMS_APP_CATALOG_ID, Settings
from devkit.demo import load_demo_organisation
from devkit.fakes.graph_installer import FakeAppInstaller
from devkit.graph_simulator import running_simulator

pytestmark = pytest.mark.filterwarnings(
    "ignore:This class is deprecated:DeprecationWarning"  # msgraph-sdk warns at import time
)
ORG = load_demo_organisation()
JANA = "jana.becker@nordlicht-demo.de"
SABINE = "sabine.krueger@nordlicht-demo.de"
UNKNOWN_ID = "00000000-0000-0000-0000-000000000000"


def _person_id(mail: str) -> str:
    person = ORG.person(mail)
    assert person is not None
    return person.id


def _chat_id(mail: str) -> str:
    return f"19:{_person_id(mail)}_{ORG.bot.id}@unq.gbl.spaces"


def _settings(base_url: str, **values: Any) -> Settings:
    return Settings(_env_file=None, graph_auth="simulator", graph_base_url=base_url, **values)  # type: ignore[call-arg]


@dataclass
class Backend:
    name: str
    installer: PersonalAppInstaller
    block: Callable[[str], Awaitable[None]]
    throttle: Callable[[int], Awaitable[None]]
    # The same implementation configured with a catalogue id the tenant does not have.
    with_unknown_app: Callable[[], PersonalAppInstaller]


@pytest.fixture(params=["fake", "graph"])
async def backend(request: pytest.FixtureRequest) -> AsyncIterator[Backend]:
    """The fake, or msgraph-sdk against the simulator (controlled through /_sim)."""
    if request.param == "fake":
        fake = FakeAppInstaller(ORG)

        async def block_fake(user: str) -> None:
            fake.block(user)

        async def throttle_fake(attempts: int) -> None:
            fake.throttle(attempts)

        yield Backend(
            "fake", fake, block_fake, throttle_fake, lambda: FakeAppInstaller(ORG, "nope")
        )
        return
    async with (
        running_simulator(ORG) as base_url,
        GraphConnection(_settings(base_url)) as graph,
        aiohttp.ClientSession() as http,
    ):
        admin = base_url.removesuffix("/v1.0") + "/_sim"

        async def block_graph(user: str) -> None:
            url = f"{admin}/users/{user}/app-install-policy"
            async with http.put(url, json={"blocked": True}) as response:
                assert response.status == 204

        async def throttle_graph(attempts: int) -> None:
            fault = {"path_prefix": "/users/", "method": "POST", "status": 429, "count": attempts}
            fault["retry_after"] = 1
            async with http.post(f"{admin}/faults", json=fault) as response:
                assert response.status == 201

        assert graph.app_installer is not None
        yield Backend(
            "graph",
            graph.app_installer,
            block_graph,
            throttle_graph,
            lambda: GraphAppInstaller(graph.client, "nope"),
        )


async def test_install_then_already_installed(backend: Backend) -> None:
    assert await backend.installer.install_for(_person_id(JANA)) is InstallOutcome.INSTALLED
    again = await backend.installer.install_for(_person_id(JANA))
    assert again is InstallOutcome.ALREADY_INSTALLED and again.has_app
    # The UPN names the same person.
    assert await backend.installer.install_for(JANA) is InstallOutcome.ALREADY_INSTALLED
    assert await backend.installer.install_for(SABINE) is InstallOutcome.INSTALLED


async def test_chat_id_only_after_install(backend: Backend) -> None:
    assert await backend.installer.personal_chat_id(_person_id(JANA)) is None
    await backend.installer.install_for(_person_id(JANA))
    assert await backend.installer.personal_chat_id(_person_id(JANA)) == _chat_id(JANA)
    assert await backend.installer.personal_chat_id(JANA) == _chat_id(JANA)
    assert await backend.installer.personal_chat_id(SABINE) is None


async def test_blocked_by_policy_is_forbidden(backend: Backend) -> None:
    await backend.block(JANA)
    outcome = await backend.installer.install_for(_person_id(JANA))
    assert outcome is InstallOutcome.FORBIDDEN and not outcome.has_app
    assert await backend.installer.personal_chat_id(_person_id(JANA)) is None
    assert await backend.installer.install_for(SABINE) is InstallOutcome.INSTALLED


async def test_unknown_person_is_not_found(backend: Backend) -> None:
    for user in (UNKNOWN_ID, "niemand@nordlicht-demo.de"):
        assert await backend.installer.install_for(user) is InstallOutcome.NOT_FOUND
        assert await backend.installer.personal_chat_id(user) is None


async def test_unknown_catalogue_app_is_not_found(backend: Backend) -> None:
    installer = backend.with_unknown_app()
    assert await installer.install_for(_person_id(JANA)) is InstallOutcome.NOT_FOUND
    assert await installer.personal_chat_id(_person_id(JANA)) is None


async def test_a_single_429_is_retried(backend: Backend) -> None:
    await backend.throttle(1)
    assert await backend.installer.install_for(_person_id(JANA)) is InstallOutcome.INSTALLED


async def test_429_after_every_retry_is_throttled(backend: Backend) -> None:
    await backend.throttle(4)  # the first attempt and all three retries
    outcome = await backend.installer.install_for(_person_id(JANA))
    assert outcome is InstallOutcome.THROTTLED and not outcome.has_app
    assert await backend.installer.personal_chat_id(_person_id(JANA)) is None
    assert await backend.installer.install_for(_person_id(JANA)) is InstallOutcome.INSTALLED


# --- simulator and wiring only ------------------------------------------------------------


async def test_simulator_records_the_installation_and_finds_the_catalogue_app() -> None:
    async with (
        running_simulator(ORG) as base_url,
        GraphConnection(_settings(base_url)) as graph,
        aiohttp.ClientSession() as http,
    ):
        admin = base_url.removesuffix("/v1.0") + "/_sim"
        assert graph.app_installer is not None
        await graph.app_installer.install_for(JANA)
        async with http.get(f"{admin}/users/{JANA}/installed-apps") as response:
            body = await response.json()
        assert body == {
            "user": _person_id(JANA),
            "apps": [SIMULATOR_TEAMS_APP_CATALOG_ID],
            "blocked": False,
        }
        # How an admin finds the catalogue id: by the manifest id (here the bot id).
        query = f"externalId eq '{ORG.bot.id}'"
        parameters = TeamsAppsRequestBuilder.TeamsAppsRequestBuilderGetQueryParameters
        config = RequestConfiguration(query_parameters=parameters(filter=query))
        page = await graph.client.app_catalogs.teams_apps.get(config)
        assert page is not None and [app.id for app in page.value or ()] == [
            SIMULATOR_TEAMS_APP_CATALOG_ID
        ]


async def test_connection_has_no_installer_without_a_catalogue_id() -> None:
    settings = Settings(_env_file=None, graph_auth="managed_identity")  # type: ignore[call-arg]
    async with GraphConnection(settings, credential=StaticTokenCredential()) as graph:
        assert graph.app_installer is None
    configured = settings.model_copy(update={"teams_app_catalog_id": "abc"})
    async with GraphConnection(configured, credential=StaticTokenCredential()) as graph:
        assert graph.app_installer is not None
