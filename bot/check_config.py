"""`assistenz-bot check-config`: the settings (secrets masked); do DB and Graph answer?"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays
from sqlalchemy import text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError

from bot.adapters.db.engine import create_engine, missing_sqlite_file
from bot.adapters.db.schema import SchemaState, classify, current_revisions
from bot.settings import GraphAuth, Mode, Settings
from bot.settings_masking import MASK, describe_error, mask, quiet, secret_values


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One line of the report: what was checked, whether it passed, and why (German)."""

    name: str
    ok: bool
    detail: str


async def check_config(settings: Settings, *, probe_timeout: float = 10.0) -> list[CheckResult]:
    """Report the configuration and probe database, migrations and Graph; never raises.

    Each probe gives up after ``probe_timeout`` seconds. Details are German and never contain
    a secret (passwords, client secrets, the database password are masked).
    """
    results = _configuration(settings)
    results += await _database(settings, probe_timeout)
    results.append(await _graph(settings, probe_timeout))
    secrets = secret_values(settings)
    return [replace(result, detail=mask(result.detail, secrets)) for result in results]


def format_results(results: Sequence[CheckResult]) -> str:
    """The report as text, one line per check."""
    return "\n".join(f"[{'OK' if r.ok else 'FEHLER'}] {r.name}: {r.detail}" for r in results)


# --- configuration (the model validated itself at construction; this reports it) --------------


def _configuration(settings: Settings) -> list[CheckResult]:
    logs = "JSON" if settings.log_json else "Text"
    if settings.mode is Mode.PRODUCTION and not settings.log_json:
        logs += " (LOG_JSON=true empfohlen)"
    return [
        CheckResult(
            "Einstellungen",
            True,
            f"Modus {settings.mode.value}, Protokolle {logs}, Stufe {settings.log_level}",
        ),
        _bot_identity(settings),
        _tenants(settings),
        _graph_credentials(settings),
        _calendar(settings),
        _app_package(settings),
    ]


def _bot_identity(settings: Settings) -> CheckResult:
    name = "Bot-Identität"
    if not settings.microsoft_app_id:
        return CheckResult(
            name, True, "keine App-ID: lokaler Modus ohne Anmeldung (nur Entwicklung)"
        )
    if settings.microsoft_app_password.get_secret_value():
        credential = f"Passwort gesetzt ({MASK})"
    elif settings.microsoft_app_certificate_thumbprint:
        credential = f"Zertifikat {settings.microsoft_app_certificate_thumbprint}"
        key = settings.microsoft_app_certificate_private_key_path
        if key is not None and not key.is_file():
            return CheckResult(name, False, f"privater Schlüssel {key} fehlt ({credential})")
    elif settings.microsoft_app_type == "UserAssignedMSI":
        credential = "verwaltete Identität"
    else:
        credential = "keine Anmeldedaten (nur lokal zulässig)"
    return CheckResult(
        name,
        True,
        f"App-ID {settings.microsoft_app_id}, Mandant {settings.microsoft_app_tenant_id or '-'}, "
        f"Typ {settings.microsoft_app_type}, {credential}",
    )


def _tenants(settings: Settings) -> CheckResult:
    tenants = sorted(settings.effective_allowed_tenants)
    if not tenants:
        return CheckResult("Mandanten", True, "alle Mandanten (nur im lokalen Modus)")
    return CheckResult("Mandanten", True, "angenommen: " + ", ".join(tenants))


def _graph_credentials(settings: Settings) -> CheckResult:
    name, auth = "Graph-Anmeldung", settings.graph_auth
    if auth is GraphAuth.SIMULATOR:
        return CheckResult(name, True, f"Simulator unter {settings.graph_base_url}")
    if auth is GraphAuth.MANAGED_IDENTITY:
        client = settings.graph_managed_identity_client_id
        who = f"Client-ID {client}" if client else "systemzugewiesen"
        return CheckResult(name, True, f"verwaltete Identität ({who})")
    detail = f"{auth.value}, Mandant {settings.graph_tenant_id}, Client {settings.graph_client_id}"
    if auth is GraphAuth.CLIENT_SECRET:
        return CheckResult(name, True, f"{detail}, Geheimnis gesetzt ({MASK})")
    path = settings.graph_certificate_path
    if path is None or not path.is_file():
        return CheckResult(name, False, f"{detail}: Zertifikatsdatei {path} fehlt")
    return CheckResult(name, True, f"{detail}, Zertifikat {path}")


def _calendar(settings: Settings) -> CheckResult:
    name = "Zeitzone und Feiertage"
    problems = []
    try:
        ZoneInfo(settings.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(f"TIME_ZONE {settings.time_zone!r} ist keine bekannte Zeitzone")
    try:
        holidays.country_holidays("DE", subdiv=settings.holiday_state)
    except NotImplementedError:
        states = ", ".join(holidays.list_supported_countries()["DE"])
        problems.append(f"HOLIDAY_STATE {settings.holiday_state!r} ist kein Bundesland ({states})")
    start, end = settings.routing_business_day_start, settings.routing_business_day_end
    if end <= start:
        problems.append(f"Geschäftszeit endet ({end:%H:%M}) nicht nach dem Beginn ({start:%H:%M})")
    if problems:
        return CheckResult(name, False, "; ".join(problems))
    return CheckResult(
        name,
        True,
        f"{settings.time_zone}, Feiertage {settings.holiday_state}, "
        f"Geschäftszeit {start:%H:%M}–{end:%H:%M}, Eskalation nach "
        f"{settings.routing_escalation_hours:g} h, Rückfrage offen "
        f"{settings.routing_clarify_hours:g} h",
    )


def _app_package(settings: Settings) -> CheckResult:
    name, base_url = "App-Paket", settings.app_base_url
    if not base_url:
        if settings.mode is Mode.PRODUCTION:
            return CheckResult(name, False, "APP_BASE_URL fehlt (https-Adresse des Bots)")
        return CheckResult(name, True, "APP_BASE_URL leer: lokales Paket für localhost")
    parts = urlsplit(base_url)
    if settings.mode is Mode.PRODUCTION and (parts.scheme != "https" or not parts.hostname):
        return CheckResult(name, False, f"APP_BASE_URL {base_url!r} ist keine https-Adresse")
    return CheckResult(name, True, f"Bot-Adresse {base_url}/api/messages")


# --- database ---------------------------------------------------------------------------------


async def _database(settings: Settings, seconds: float) -> list[CheckResult]:
    url = settings.database_url
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        reason = "DATABASE_URL ist keine gültige SQLAlchemy-URL"
        return [CheckResult("Datenbank", False, reason), _skipped()]
    # Connecting would create an empty file; a check must not leave one behind.
    missing = missing_sqlite_file(url)
    if missing is not None:
        return [
            CheckResult(
                "Datenbank",
                False,
                f"Datenbankdatei {missing} gibt es nicht – zuerst `assistenz-bot migrate` "
                "ausführen",
            ),
            _skipped(),
        ]
    try:
        version, revisions = await asyncio.wait_for(_probe_database(url), seconds)
    except TimeoutError:
        return [
            CheckResult(
                "Datenbank", False, f"keine Antwort innerhalb von {seconds:g} s ({shown})"
            ),
            _skipped(),
        ]
    except Exception as error:
        return [
            CheckResult(
                "Datenbank", False, f"nicht erreichbar ({shown}): {describe_error(error)}"
            ),
            _skipped(),
        ]
    try:
        migrations = _migrations(revisions)
    except Exception as error:
        migrations = CheckResult("Migrationen", False, f"nicht prüfbar: {describe_error(error)}")
    return [CheckResult("Datenbank", True, f"erreichbar, {version} ({shown})"), migrations]


async def _probe_database(url: str) -> tuple[str, set[str]]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
            version = await connection.run_sync(_server_version)
            revisions = await connection.run_sync(current_revisions)
    finally:
        await engine.dispose()
    return version, revisions


def _server_version(connection: Connection) -> str:
    dialect = connection.dialect
    numbers = ".".join(str(part) for part in dialect.server_version_info or ())
    name = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}.get(dialect.name, dialect.name)
    return f"{name} {numbers}".strip()


def _migrations(current: set[str]) -> CheckResult:
    status = classify(current)
    detail = status.describe()
    if status.state in (SchemaState.EMPTY, SchemaState.BEHIND):
        detail += " – `assistenz-bot migrate` ausführen"
    return CheckResult("Migrationen", status.state is SchemaState.CURRENT, detail)


def _skipped() -> CheckResult:
    return CheckResult("Migrationen", False, "nicht geprüft: Datenbank nicht erreichbar")


# --- Graph ------------------------------------------------------------------------------------


async def _graph(settings: Settings, seconds: float) -> CheckResult:
    simulator = settings.graph_auth is GraphAuth.SIMULATOR
    name = "Graph (Simulator)" if simulator else "Graph"
    where = f"{settings.graph_base_url} ({settings.graph_auth.value})"
    try:
        with quiet("azure.identity", "azure.core"):
            await asyncio.wait_for(_probe_graph(settings), seconds)
    except TimeoutError:
        return CheckResult(name, False, f"keine Antwort innerhalb von {seconds:g} s: {where}")
    except Exception as error:
        return CheckResult(name, False, _graph_failure(settings, error, where))
    return CheckResult(name, True, f"erreichbar, Benutzer lesbar: {where}")


async def _probe_graph(settings: Settings) -> None:
    from kiota_abstractions.base_request_configuration import RequestConfiguration
    from msgraph.generated.users.users_request_builder import UsersRequestBuilder

    from bot.adapters.graph.client import GraphConnection

    # Reading one user needs User.Read.All, the permission every capability relies on.
    query = UsersRequestBuilder.UsersRequestBuilderGetQueryParameters(select=["id"], top=1)
    async with GraphConnection(settings) as graph:
        await graph.client.users.get(RequestConfiguration(query_parameters=query))


def _graph_failure(settings: Settings, error: Exception, where: str) -> str:
    import httpx
    from azure.core.exceptions import ClientAuthenticationError
    from msgraph.generated.models.o_data_errors.o_data_error import ODataError

    if isinstance(error, httpx.TransportError):
        return f"nicht erreichbar: {where} – {describe_error(error)}"
    if isinstance(error, ClientAuthenticationError):
        hint = ""
        if settings.graph_auth is GraphAuth.MANAGED_IDENTITY:
            hint = " (die verwaltete Identität gibt es nur in Azure, z. B. im Container)"
        return f"kein Zugriffstoken für Graph{hint}: {where} – {describe_error(error)}"
    if isinstance(error, ODataError):
        status = error.response_status_code
        message = error.error.message if error.error is not None else ""
        if status == 401:
            return f"Anmeldung abgelehnt (401): {where} – {message}"
        if status == 403:
            return (
                f"Zugriff verweigert (403): {where} – fehlt die Anwendungsberechtigung "
                f"User.Read.All oder die Administratorzustimmung? {message}"
            )
        return f"Graph antwortet mit {status}: {where} – {message}"
    return f"Fehler: {where} – {describe_error(error)}"
