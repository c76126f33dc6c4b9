"""The pooled connector factory keeps a bounded number of clients (least recently used go)."""

from __future__ import annotations

import aiohttp
from botframework.connector.auth import PasswordServiceClientCredentialFactory

from bot.teams.auth import MAX_CACHED_CLIENTS, PooledConnectorFactory


def _factory(session: aiohttp.ClientSession, max_clients: int) -> PooledConnectorFactory:
    # No app id: local mode, empty credentials (the case where any serviceUrl may arrive).
    return PooledConnectorFactory(
        "", PasswordServiceClientCredentialFactory(), "", session, max_clients=max_clients
    )


async def test_least_recently_used_client_is_evicted() -> None:
    async with aiohttp.ClientSession() as session:
        factory = _factory(session, max_clients=3)
        a = await factory.create("https://a/")
        b = await factory.create("https://b/")
        await factory.create("https://c/")
        assert await factory.create("https://a/") is a  # a is now the most recent
        await factory.create("https://d/")  # evicts b, the least recently used
        assert factory.cached_clients == 3
        assert await factory.create("https://a/") is a
        assert await factory.create("https://b/") is not b


async def test_audiences_are_cached_separately() -> None:
    async with aiohttp.ClientSession() as session:
        factory = _factory(session, max_clients=3)
        public = await factory.create("https://a/", "https://api.botframework.com")
        other = await factory.create("https://a/", "https://api.botframework.us")
        assert public is not other and factory.cached_clients == 2


async def test_arbitrary_service_urls_stay_bounded() -> None:
    async with aiohttp.ClientSession() as session:
        factory = _factory(session, max_clients=MAX_CACHED_CLIENTS)
        for n in range(MAX_CACHED_CLIENTS + 50):
            await factory.create(f"https://attacker-{n}.example/")
        assert factory.cached_clients == MAX_CACHED_CLIENTS
