"""Teams app package: fill appmanifest/manifest.template.json from Settings and zip it."""

from __future__ import annotations

import json
import re
import zipfile
from importlib import metadata, resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bot.settings import Mode, Settings

# Package data of the top-level `appmanifest` package: found in a checkout and in a wheel.
MANIFEST_DIR = Path(str(resources.files("appmanifest")))
TEMPLATE_NAME = "manifest.template.json"
PACKAGE_FILES = ("en.json", "color.png", "outline.png")
# Stands in for the Entra app id in local mode (Agents Playground accepts any id).
DEMO_APP_ID = "5f3c9a1e-7b2d-4c8e-9a6f-0d1e2b3c4a5d"
DEFAULT_VERSION = "0.1.0"
LOCAL_DOMAIN = "localhost"

_PLACEHOLDER = re.compile(r"\$\{\{([A-Z0-9_]+)\}\}")
_GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
# Fixed entry timestamps make the zip byte-for-byte reproducible.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def _app_id(settings: Settings) -> str:
    app_id = settings.microsoft_app_id or (DEMO_APP_ID if settings.mode is Mode.LOCAL else "")
    if not _GUID.match(app_id):
        raise ValueError(f"MICROSOFT_APP_ID muss eine GUID sein, nicht {app_id!r}")
    return app_id


def _domain(settings: Settings) -> str:
    base_url = settings.app_base_url
    if not base_url:
        if settings.mode is Mode.LOCAL:
            return LOCAL_DOMAIN
        raise ValueError("Für das App-Paket fehlt APP_BASE_URL (https://… des Bots)")
    host = urlsplit(base_url).hostname
    if not host:
        raise ValueError(f"APP_BASE_URL ist keine gültige URL: {base_url!r}")
    return host


def _package_version(version: str | None) -> str:
    if version is None:
        try:
            version = metadata.version("assistenz-bot")
        except metadata.PackageNotFoundError:
            version = DEFAULT_VERSION
    if not _SEMVER.match(version):
        raise ValueError(f"Teams verlangt eine Version der Form 1.2.3, nicht {version!r}")
    return version


def _values(settings: Settings, version: str | None) -> dict[str, str]:
    app_id = _app_id(settings)
    domain = _domain(settings)
    website = settings.app_developer_website_url or f"https://{domain}/"
    values = {
        "BOT_ID": app_id,
        "TEAMS_APP_ID": settings.app_teams_app_id or app_id,
        "VERSION": _package_version(version),
        "BOT_DOMAIN": domain,
        "DEVELOPER_NAME": settings.app_developer_name or "Assistenz-Netzwerk",
        "DEVELOPER_WEBSITE_URL": website,
        "PRIVACY_URL": settings.app_privacy_url or f"https://{domain}/datenschutz",
        "TERMS_URL": settings.app_terms_url or f"https://{domain}/nutzungsbedingungen",
    }
    if not _GUID.match(values["TEAMS_APP_ID"]):
        raise ValueError("APP_TEAMS_APP_ID muss eine GUID sein")
    if len(values["DEVELOPER_NAME"]) > 32:
        raise ValueError("APP_DEVELOPER_NAME darf höchstens 32 Zeichen lang sein")
    return values


def _fill(node: Any, values: dict[str, str]) -> Any:
    """Replace ${{NAME}} in every string of the parsed template; unknown names are errors."""
    if isinstance(node, dict):
        return {key: _fill(item, values) for key, item in node.items()}
    if isinstance(node, list):
        return [_fill(item, values) for item in node]
    if isinstance(node, str):
        return _PLACEHOLDER.sub(lambda match: values[match.group(1)], node)
    return node


def build_manifest(
    settings: Settings, *, version: str | None = None, source_dir: Path | None = None
) -> dict[str, Any]:
    """Return manifest.json for this deployment as a dict."""
    template_path = (source_dir or MANIFEST_DIR) / TEMPLATE_NAME
    template = json.loads(template_path.read_text(encoding="utf-8"))
    manifest: dict[str, Any] = _fill(template, _values(settings, version))
    return manifest


def build_app_package(
    settings: Settings,
    out_path: Path,
    *,
    version: str | None = None,
    source_dir: Path | None = None,
) -> Path:
    """Write the Teams app zip (manifest.json, en.json, icons at the root) and return its path."""
    source = source_dir or MANIFEST_DIR
    manifest = build_manifest(settings, version=version, source_dir=source)
    entries: list[tuple[str, bytes]] = [
        ("manifest.json", (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode()),
    ]
    entries += [(name, (source / name).read_bytes()) for name in PACKAGE_FILES]
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return out_path
