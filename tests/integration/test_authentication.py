"""Production mode: only activities with a valid Bot Framework JWT from allowed tenants pass."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.conftest import RunningBot, local_settings
from tests.support import activities
from tests.support.connector_sink import ConnectorSink
from tests.support.token_issuer import (
    BADLY_ENDORSED_KIDS,
    ISSUER,
    LocalIssuer,
    running_issuer,
)

APP_ID = "3f6b2a4e-1c5d-4e8f-9a7b-2c1d0e9f8a6b"


@pytest.fixture
def issuer() -> Iterator[LocalIssuer]:
    with running_issuer() as running:
        yield running


@pytest.fixture
async def production_bot(bot_factory: Any, sqlite_url: str, issuer: LocalIssuer) -> RunningBot:
    settings = local_settings(
        sqlite_url,
        mode="production",
        microsoft_app_id=APP_ID,
        microsoft_app_password="not-a-real-secret",
        microsoft_app_tenant_id=activities.TENANT_ID,
        to_bot_from_channel_openid_metadata_url=issuer.metadata_url,
        to_bot_from_channel_token_issuer=ISSUER,
        graph_auth="client_secret",
        graph_tenant_id=activities.TENANT_ID,
        graph_client_id="5b1f4c2e-9a8d-4e7f-b6c5-d4e3f2a1b0c9",
        graph_client_secret="also-not-a-real-secret",
    )
    started: RunningBot = await bot_factory(settings)
    return started


def _typing(service_url: str, tenant: str = activities.TENANT_ID) -> dict[str, Any]:
    # A typing activity needs no reply, so no outgoing token is needed.
    activity = activities.message(service_url, "")
    activity.update(type="typing")
    activity["channelData"]["tenant"]["id"] = tenant
    activity["conversation"]["tenantId"] = tenant
    return activity


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def test_valid_token_is_accepted(
    production_bot: RunningBot, issuer: LocalIssuer, sink: ConnectorSink
) -> None:
    token = issuer.token(audience=APP_ID, service_url=sink.url)
    response = await production_bot.post(_typing(sink.url), headers=_bearer(token))
    assert response.status == 201


@pytest.mark.parametrize(
    "case",
    [
        "missing",
        "garbage",
        "wrong_audience",
        "expired",
        "wrong_issuer",
        "wrong_service_url",
        "foreign_key",
        "unknown_kid",
        "no_expiry",
        *BADLY_ENDORSED_KIDS,
    ],
)
async def test_invalid_tokens_are_refused(
    production_bot: RunningBot, issuer: LocalIssuer, sink: ConnectorSink, case: str
) -> None:
    good: dict[str, Any] = {"audience": APP_ID, "service_url": sink.url}
    headers: dict[str, str] = {}
    if case == "garbage":
        headers = _bearer("not.a.jwt")
    elif case == "wrong_audience":
        headers = _bearer(issuer.token(audience="someone-else", service_url=sink.url))
    elif case == "expired":
        headers = _bearer(issuer.token(**good, exp=1_000_000, iat=999_000, nbf=999_000))
    elif case == "wrong_issuer":
        headers = _bearer(issuer.token(**good, iss="https://evil.example"))
    elif case == "wrong_service_url":
        headers = _bearer(issuer.token(audience=APP_ID, service_url="https://evil.example"))
    elif case == "foreign_key":
        other = LocalIssuer(issuer.metadata_url, rsa.generate_private_key(65537, 2048))
        headers = _bearer(other.token(**good))
    elif case == "unknown_kid":
        other = LocalIssuer(issuer.metadata_url, issuer.private_key, kid="nope")
        headers = _bearer(other.token(**good))
    elif case == "no_expiry":
        headers = _bearer(issuer.token(**good, exp=None))
    elif case in BADLY_ENDORSED_KIDS:
        # Signed by the issuer's own key, published under a kid without a Teams endorsement.
        badly_endorsed = LocalIssuer(issuer.metadata_url, issuer.private_key, kid=case)
        headers = _bearer(badly_endorsed.token(**good))
    response = await production_bot.post(activities.message(sink.url, "hilfe"), headers=headers)
    assert response.status == 401
    assert sink.sent == []
    # The server keeps serving after every refusal.
    token = issuer.token(**good)
    assert (await production_bot.post(_typing(sink.url), headers=_bearer(token))).status == 201


async def test_other_tenant_is_refused(
    production_bot: RunningBot, issuer: LocalIssuer, sink: ConnectorSink
) -> None:
    token = issuer.token(audience=APP_ID, service_url=sink.url)
    foreign = _typing(sink.url, tenant="11111111-2222-3333-4444-555555555555")
    response = await production_bot.post(foreign, headers=_bearer(token))
    assert response.status == 403


async def test_secrets_never_reach_the_log(
    production_bot: RunningBot, issuer: LocalIssuer, sink: ConnectorSink, caplog: Any
) -> None:
    caplog.set_level("DEBUG")
    token = issuer.token(audience="wrong", service_url=sink.url)
    await production_bot.post(activities.message(sink.url, "hilfe"), headers=_bearer(token))
    assert token not in caplog.text
    assert "not-a-real-secret" not in caplog.text
