"""Production mode end to end: authenticated activity in, reply out with the bot's own token.

The incoming side uses the local channel-token issuer (token_issuer.py); the outgoing side
uses the real botbuilder credential classes and MSAL against a local login authority
(login_authority.py), and the Connector stand-in refuses any reply without a valid token.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import msal.application
import msal.token_cache
import pytest

from tests.conftest import RunningBot, local_settings
from tests.support import activities
from tests.support.connector_sink import ConnectorSink
from tests.support.login_authority import (
    Certificate,
    LoginAuthority,
    TokenRequest,
    make_certificate,
    running_login_authority,
)
from tests.support.token_issuer import ISSUER, LocalIssuer, running_issuer

APP_ID = "3f6b2a4e-1c5d-4e8f-9a7b-2c1d0e9f8a6b"
SECRET = "not-a-real-secret"
SCOPE = "https://api.botframework.com/.default"

StartBot = Callable[..., Awaitable[RunningBot]]


class _ShiftedClock:
    """``time`` as MSAL's token cache sees it, movable forward; everything else is real."""

    def __init__(self) -> None:
        self.offset = 0.0

    def time(self) -> float:
        return time.time() + self.offset

    def __getattr__(self, name: str) -> Any:
        return getattr(time, name)


@pytest.fixture
def msal_clock(monkeypatch: pytest.MonkeyPatch) -> _ShiftedClock:
    clock = _ShiftedClock()
    monkeypatch.setattr(msal.application, "time", clock)
    monkeypatch.setattr(msal.token_cache, "time", clock)
    return clock


@pytest.fixture
def issuer() -> Iterator[LocalIssuer]:
    with running_issuer() as running:
        yield running


@pytest.fixture
def app_certificate(tmp_path: Path) -> Certificate:
    return make_certificate(tmp_path, "bot-app")


@pytest.fixture
def authority(
    tmp_path: Path, app_certificate: Certificate, monkeypatch: pytest.MonkeyPatch
) -> Iterator[LoginAuthority]:
    with running_login_authority(
        tmp_path,
        app_id=APP_ID,
        tenant=activities.TENANT_ID,
        secret=SECRET,
        app_certificate=app_certificate.cert,
    ) as running:
        # MSAL's requests session trusts the stand-in's self-signed certificate only here.
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(running.ca_path))
        yield running


@pytest.fixture
def start_bot(
    bot_factory: Any,
    sqlite_url: str,
    issuer: LocalIssuer,
    authority: LoginAuthority,
    app_certificate: Certificate,
) -> StartBot:
    async def start(credential: str, password: str = SECRET) -> RunningBot:
        if credential == "certificate":
            secrets: dict[str, Any] = {
                "microsoft_app_certificate_thumbprint": app_certificate.thumbprint,
                "microsoft_app_certificate_private_key_path": app_certificate.key_path,
            }
        else:
            secrets = {"microsoft_app_password": password}
        settings = local_settings(
            sqlite_url,
            mode="production",
            microsoft_app_id=APP_ID,
            microsoft_app_tenant_id=activities.TENANT_ID,
            to_bot_from_channel_openid_metadata_url=issuer.metadata_url,
            to_bot_from_channel_token_issuer=ISSUER,
            to_channel_from_bot_login_url=authority.url,
            graph_auth="client_secret",
            graph_tenant_id=activities.TENANT_ID,
            graph_client_id="5b1f4c2e-9a8d-4e7f-b6c5-d4e3f2a1b0c9",
            graph_client_secret="also-not-a-real-secret",
            **secrets,
        )
        started: RunningBot = await bot_factory(settings)
        return started

    return start


async def _ask_for_help(bot: RunningBot, issuer: LocalIssuer, sink: ConnectorSink) -> int:
    token = issuer.token(audience=APP_ID, service_url=sink.url)
    response = await bot.post(
        activities.message(sink.url, "hilfe"), headers={"Authorization": f"Bearer {token}"}
    )
    return response.status


@pytest.mark.parametrize("credential", ["secret", "certificate"])
async def test_replies_carry_the_bots_token_until_it_expires(
    start_bot: StartBot,
    issuer: LocalIssuer,
    authority: LoginAuthority,
    sink: ConnectorSink,
    msal_clock: _ShiftedClock,
    credential: str,
) -> None:
    sink.authorize = authority.accepts
    authority.expires_in_next = [3600, 3600]
    bot = await start_bot(credential)

    assert await _ask_for_help(bot, issuer, sink) == 201
    assert await _ask_for_help(bot, issuer, sink) == 201
    msal_clock.offset = 3600  # the first token has expired
    assert await _ask_for_help(bot, issuer, sink) == 201

    assert len(sink.sent) == 3 and len(sink.cards()) == 3
    assert authority.token_requests == [TokenRequest(APP_ID, SCOPE, credential)] * 2
    first, second = authority.issued
    # MSAL's cache serves the second reply; the third needs (and uses) a new token.
    assert sink.authorizations == [f"Bearer {first}", f"Bearer {first}", f"Bearer {second}"]


async def test_a_refused_bot_credential_sends_nothing(
    start_bot: StartBot, issuer: LocalIssuer, authority: LoginAuthority, sink: ConnectorSink
) -> None:
    sink.authorize = authority.accepts
    bot = await start_bot("secret", password="an-outdated-secret")
    await _ask_for_help(bot, issuer, sink)
    assert authority.token_requests
    assert {r.credential for r in authority.token_requests} == {"refused: wrong secret"}
    assert sink.requests == [] and sink.sent == []
