"""Settings validation: clear errors for missing or contradictory production settings."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from bot.settings import Settings


def _settings(**values: Any) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def test_local_defaults_need_nothing() -> None:
    settings = _settings()
    assert settings.database_url.startswith("sqlite+aiosqlite")
    assert settings.effective_allowed_tenants == frozenset()


def test_production_requires_identity() -> None:
    with pytest.raises(ValidationError, match="MICROSOFT_APP_ID"):
        _settings(mode="production", graph_auth="managed_identity")


def test_production_refuses_graph_simulator() -> None:
    with pytest.raises(ValidationError, match="simulator"):
        _settings(
            mode="production",
            microsoft_app_id="a",
            microsoft_app_tenant_id="t",
            microsoft_app_password="p",
        )


def test_allowed_tenants_include_own_tenant(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLOWED_TENANT_IDS", '["other"]')
    settings = Settings(_env_file=None, microsoft_app_tenant_id="own")  # type: ignore[call-arg]
    assert settings.effective_allowed_tenants == {"own", "other"}


def test_secrets_are_not_in_repr() -> None:
    settings = _settings(microsoft_app_password="geheim", graph_client_secret="auch-geheim")
    assert "geheim" not in repr(settings)


@pytest.mark.parametrize(
    "url",
    ["http://login.example/tenant", "https://login.example", "https://login.example/a/b"],
)
def test_login_url_must_be_an_https_authority_with_tenant(url: str) -> None:
    # MSAL would refuse it only at the first reply; the bot refuses it at start.
    with pytest.raises(ValidationError, match="TO_CHANNEL_FROM_BOT_LOGIN_URL"):
        _settings(to_channel_from_bot_login_url=url)
    accepted = _settings(to_channel_from_bot_login_url="https://login.microsoftonline.us/t-1/")
    assert accepted.to_channel_from_bot_login_url.endswith("/t-1/")
