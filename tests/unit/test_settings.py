"""Settings validation: clear errors for missing or contradictory production settings."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from bot.settings import SIMULATOR_TEAMS_APP_CATALOG_ID, Settings
from bot.settings_errors import settings_error_lines


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


def test_teams_app_catalog_id_defaults_to_the_simulator_app_only_locally() -> None:
    assert _settings().effective_teams_app_catalog_id == SIMULATOR_TEAMS_APP_CATALOG_ID
    configured = _settings(teams_app_catalog_id="0f0e0d0c-aaaa-bbbb-cccc-000000000001")
    assert configured.effective_teams_app_catalog_id == "0f0e0d0c-aaaa-bbbb-cccc-000000000001"
    real_graph = _settings(graph_auth="managed_identity")
    assert real_graph.effective_teams_app_catalog_id == ""


def _error_lines(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> list[str]:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ValidationError) as caught:
        _settings()
    return settings_error_lines(caught.value)


def test_json_settings_are_decoded_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROUTING_POOLS", '{"team-1": "finance"}')
    monkeypatch.setenv("ONBOARDING_CHECK_IN_DAYS", "[3, 10]")
    settings = _settings()
    assert settings.routing_pools == {"team-1": "finance"}
    assert settings.onboarding_check_in_days == [3, 10]


def test_every_bad_setting_is_one_line_naming_its_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = _error_lines(
        monkeypatch,
        {
            "ALLOWED_TENANT_IDS": "not-json",
            "ROUTING_POOLS": "[1",
            "PORT": "abc",
            "MODE": "staging",
            "ROUTING_ESCALATION_HOURS": "0",
            "ONBOARDING_CHECK_IN_DAYS": '[7, "x", "y"]',
        },
    )
    by_name = {line.split()[1]: line for line in lines}
    assert len(lines) == len(by_name) == 6, lines
    assert "'not-json'" in by_name["ALLOWED_TENANT_IDS"]
    assert '["a", "b"]' in by_name["ALLOWED_TENANT_IDS"]
    assert '{"a": "b"}' in by_name["ROUTING_POOLS"]
    assert "ganze Zahl" in by_name["PORT"]
    assert "'local' oder 'production'" in by_name["MODE"]
    assert "größer als 0" in by_name["ROUTING_ESCALATION_HOURS"]
    assert "Eintrag 2" in by_name["ONBOARDING_CHECK_IN_DAYS"]
    assert "Eintrag 3" in by_name["ONBOARDING_CHECK_IN_DAYS"]


def test_model_wide_problem_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _error_lines(monkeypatch, {"MODE": "production", "GRAPH_AUTH": "managed_identity"})
    assert lines == [
        "Konfiguration ungültig: Im Produktivbetrieb fehlen Einstellungen: "
        "MICROSOFT_APP_ID, MICROSOFT_APP_TENANT_ID"
    ]


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
