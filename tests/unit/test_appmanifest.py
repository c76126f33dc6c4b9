"""The Teams app package validates offline against the bundled Microsoft schemas."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator
from PIL import Image

from bot.appmanifest import DEMO_APP_ID, build_app_package, build_manifest
from bot.settings import Mode, Settings
from dialogs.registry import build_router

REPO = Path(__file__).parents[2]
SCHEMAS = REPO / "node_modules/@microsoft/app-manifest/build/json-schemas/teams"
APP_ID = "0b8e3f4a-1c2d-4e5f-8a9b-7c6d5e4f3a2b"
# Bot command limits of schema <= 1.21 and of the Teams docs; newer schemas allow more.
MAX_TITLE, MAX_DESCRIPTION, MAX_COMMANDS = 32, 128, 10
# Commands deliberately left out of the command menus, which every member sees: admin tools,
# the buddy sub-commands that "buddy" explains, and the organisers' vote table (as a text
# command in a channel it would be posted for the whole team; the poll card's "Organisation"
# shows it to the organiser alone).
NOT_IN_MENUS = {
    "bot status",
    "willkommen offen",
    "räume aktualisieren",
    "ich werde gern buddy",
    "buddy pause",
    "buddy stopp",
    "stammtisch ergebnis",
    # Dringender Termin: asked in free text ("Ich brauche heute noch 30 Minuten mit …").
    "dringender termin",
    # The personal menu is full (Teams shows ten); the help card has a button for it.
    "kaffee roulette",
    "kaffee roulette an",
    "kaffee roulette aus",
    # Birthdays (opt-in, personal chat): the menu is full; "mein geburtstag" opens the form.
    "mein geburtstag",
    "mein geburtstag löschen",
    "geburtstag sichtbar für",
    "dienstjubiläum",
    "erinnere mich an geburtstage im netzwerk",
    "keine geburtstagserinnerungen",
    "folge",
    "entfolgen",
}

ATK = REPO / "node_modules/.bin/atk"
requires_atk = pytest.mark.skipif(
    not ATK.exists(),
    reason="node_modules/.bin/atk fehlt (npm ci installiert das Agents Toolkit CLI)",
)
requires_schemas = pytest.mark.skipif(
    not SCHEMAS.is_dir(),
    reason="node_modules/@microsoft/app-manifest fehlt (npm ci installiert die Teams-Schemas)",
)


class PackageSettings(Settings):
    """Settings plus the app-package fields bot.appmanifest reads via getattr."""

    app_base_url: str = "https://assistenz-bot.example.de/"
    app_developer_name: str = "Beispiel AG"
    app_privacy_url: str = "https://www.example.de/datenschutz"
    app_terms_url: str = "https://www.example.de/impressum"


def _settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {"mode": Mode.LOCAL, "microsoft_app_id": APP_ID}
    values.update(overrides)
    return PackageSettings(_env_file=None, **values)  # type: ignore[call-arg]


def _json_escapes_fixed(text: str) -> str:
    """Double backslashes that start no valid JSON escape (a schema once shipped a bare \\a)."""
    return re.sub(r"\\(.)", lambda m: m[0] if m[1] in '"\\/bfnrtu' else "\\\\" + m[1], text)


def _python_patterns(node: Any) -> Any:
    """Make ECMA-262 patterns usable by Python's re (\\p{L} → \\w); drop what still fails."""
    if isinstance(node, list):
        return [_python_patterns(item) for item in node]
    if not isinstance(node, dict):
        return node
    result = {key: _python_patterns(value) for key, value in node.items()}
    pattern = result.get("pattern")
    if isinstance(pattern, str):
        pattern = re.sub(r"\\[pP]\{[^}]*\}", r"\\w", pattern)
        try:
            re.compile(pattern)
            result["pattern"] = pattern
        except re.error:
            del result["pattern"]
    return result


def load_schema(path: Path) -> dict[str, Any]:
    """Load a bundled schema so that jsonschema (Python re, draft-04) can use it."""
    text = _json_escapes_fixed(path.read_text(encoding="utf-8-sig"))
    schema: dict[str, Any] = _python_patterns(json.loads(text, strict=False))
    Draft4Validator.check_schema(schema)
    return schema


def _assert_valid(instance: Any, schema: dict[str, Any]) -> None:
    errors = sorted(Draft4Validator(schema).iter_errors(instance), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


@pytest.fixture
def package(tmp_path: Path) -> dict[str, bytes]:
    path = build_app_package(_settings(), tmp_path / "out" / "assistenz-netzwerk.zip")
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_zip_holds_exactly_the_package_files_at_its_root(package: dict[str, bytes]) -> None:
    assert sorted(package) == ["color.png", "en.json", "manifest.json", "outline.png"]


@requires_schemas
def test_manifest_validates_against_its_schema_version(package: dict[str, bytes]) -> None:
    manifest = json.loads(package["manifest.json"])
    version = manifest["manifestVersion"]
    schema = load_schema(SCHEMAS / f"v{version}/MicrosoftTeams.schema.json")
    _assert_valid(manifest, schema)
    # draft-04 ignores "const", so check the pinned version by hand.
    assert schema["properties"]["manifestVersion"].get("const", version) == version
    assert manifest["$schema"].endswith(f"/v{version}/MicrosoftTeams.schema.json")


@requires_schemas
def test_english_localization_validates(package: dict[str, bytes]) -> None:
    manifest = json.loads(package["manifest.json"])
    localization = json.loads(package["en.json"])
    version = manifest["manifestVersion"]
    _assert_valid(
        localization, load_schema(SCHEMAS / f"v{version}/MicrosoftTeams.Localization.schema.json")
    )
    assert localization["$schema"].endswith(f"/v{version}/MicrosoftTeams.Localization.schema.json")
    info = manifest["localizationInfo"]
    assert info["defaultLanguageTag"] == "de-de"
    assert {"languageTag": "en", "file": "en.json"} in info["additionalLanguages"]


def test_localized_commands_exist_in_the_manifest(package: dict[str, bytes]) -> None:
    lists = json.loads(package["manifest.json"])["bots"][0]["commandLists"]
    command_keys = [k for k in json.loads(package["en.json"]) if k.startswith("bots[")]
    for key in command_keys:
        found = re.fullmatch(r"bots\[0\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(\w+)", key)
        assert found, key
        list_index, command_index, field = int(found[1]), int(found[2]), found[3]
        assert field in lists[list_index]["commands"][command_index], key
    every_description = {
        f"bots[0].commandLists[{i}].commands[{j}].description"
        for i, command_list in enumerate(lists)
        for j in range(len(command_list["commands"]))
    }
    assert every_description <= set(command_keys)


def test_icons_have_teams_sizes_and_outline_is_white_on_transparent(
    package: dict[str, bytes],
) -> None:
    color = Image.open(io.BytesIO(package["color.png"]))
    outline = Image.open(io.BytesIO(package["outline.png"])).convert("RGBA")
    assert color.format == "PNG"
    assert color.size == (192, 192)
    assert outline.size == (32, 32)
    raw = outline.tobytes()
    pixels = [tuple(raw[i : i + 4]) for i in range(0, len(raw), 4)]
    assert any(alpha == 0 for *_, alpha in pixels), "outline needs a transparent background"
    assert any(alpha == 255 for *_, alpha in pixels), "outline needs a visible mark"
    assert all((r, g, b) == (255, 255, 255) for r, g, b, alpha in pixels if alpha), "only white"


def test_ids_domain_and_permissions_come_from_settings(package: dict[str, bytes]) -> None:
    manifest = json.loads(package["manifest.json"])
    bot = manifest["bots"][0]
    assert bot["botId"] == APP_ID
    assert manifest["webApplicationInfo"]["id"] == APP_ID
    assert manifest["id"] == APP_ID
    assert manifest["validDomains"] == ["assistenz-bot.example.de"]
    assert manifest["developer"]["name"] == "Beispiel AG"
    assert manifest["developer"]["privacyUrl"] == "https://www.example.de/datenschutz"
    assert "${{" not in package["manifest.json"].decode()
    assert sorted(bot["scopes"]) == ["groupChat", "personal", "team"]
    assert bot["supportsFiles"] is False
    # No RSC: channel posts reach the bot only when they @mention it, the roster comes from
    # the Bot Connector (infra/README.md, "Ressourcenspezifische Berechtigungen").
    assert "authorization" not in manifest


def test_commands_are_unique_and_short_per_scope(package: dict[str, bytes]) -> None:
    lists = json.loads(package["manifest.json"])["bots"][0]["commandLists"]
    scopes = [scope for command_list in lists for scope in command_list["scopes"]]
    assert sorted(scopes) == ["groupChat", "personal", "team"]
    for command_list in lists:
        titles = [command["title"] for command in command_list["commands"]]
        assert len(titles) == len(set(titles)), command_list["scopes"]
        assert len(titles) <= MAX_COMMANDS, command_list["scopes"]
        assert "hilfe" in titles
        for command in command_list["commands"]:
            assert len(command["title"]) <= MAX_TITLE, command["title"]
            assert len(command["description"]) <= MAX_DESCRIPTION, command["title"]


def test_local_mode_without_app_id_uses_the_demo_guid() -> None:
    settings = Settings(_env_file=None, mode=Mode.LOCAL, microsoft_app_id="")  # type: ignore[call-arg]
    manifest = build_manifest(settings)
    assert manifest["bots"][0]["botId"] == DEMO_APP_ID
    assert manifest["webApplicationInfo"]["id"] == DEMO_APP_ID
    assert manifest["validDomains"] == ["localhost"]


@pytest.mark.parametrize("version", ["1.2", "1.2.3-beta", "01.2.3"])
def test_version_must_be_plain_semver(version: str) -> None:
    with pytest.raises(ValueError, match="Version"):
        build_manifest(_settings(), version=version)


def test_explicit_version_is_used() -> None:
    assert build_manifest(_settings(), version="2.4.1")["version"] == "2.4.1"


def test_package_build_is_reproducible(tmp_path: Path) -> None:
    first = build_app_package(_settings(), tmp_path / "a.zip").read_bytes()
    second = build_app_package(_settings(), tmp_path / "b.zip").read_bytes()
    assert first == second


def _menus(package: dict[str, bytes]) -> dict[str, list[tuple[str, str]]]:
    """Scope → (German title, English title) of every command in its menu."""
    lists = json.loads(package["manifest.json"])["bots"][0]["commandLists"]
    english = json.loads(package["en.json"])
    return {
        scope: [
            # Without an English title Teams shows the German one to English clients too.
            (
                command["title"],
                english.get(f"bots[0].commandLists[{i}].commands[{j}].title", command["title"]),
            )
            for j, command in enumerate(command_list["commands"])
        ]
        for i, command_list in enumerate(lists)
        for scope in command_list["scopes"]
    }


def test_every_menu_command_is_a_router_command_in_german_and_english(
    package: dict[str, bytes],
) -> None:
    router = build_router()
    groups = {phrase: group for group in router.command_groups() for phrase in group}
    for scope, commands in _menus(package).items():
        for german, english in commands:
            # Teams sends the picked title as the message text: it must hit the command, not
            # the free-text question routing.
            assert router.understands(german), (scope, german)
            assert router.understands(english), (scope, english)
            assert groups[german] == groups[english], (scope, german, english)


def test_every_router_command_is_in_a_menu_or_deliberately_not(
    package: dict[str, bytes],
) -> None:
    pairs = [pair for commands in _menus(package).values() for pair in commands]
    in_menus = {title for pair in pairs for title in pair}
    for group in build_router().command_groups():
        assert set(group) & (in_menus | NOT_IN_MENUS), f"{group} fehlt im Manifest"
    assert NOT_IN_MENUS.isdisjoint(in_menus)


def test_stammtisch_commands_are_offered_where_polls_run(package: dict[str, bytes]) -> None:
    menus = {
        scope: [german for german, _ in commands] for scope, commands in _menus(package).items()
    }
    for scope in ("team", "groupChat"):
        assert {"stammtisch", "stammtisch neu", "stammtisch regel"} <= set(menus[scope]), scope
    assert not any(title.startswith("stammtisch") for title in menus["personal"])


_ATK_QUIET = ("--telemetry", "false", "-i", "false")


def _atk_validate(manifest: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """Microsoft's own validator: schema and the Teams validation rules, offline."""
    return subprocess.run(
        [str(ATK), "validate", "--manifest-file", str(manifest), *_ATK_QUIET],
        capture_output=True,
        text=True,
        timeout=180,
        # Its settings and logs go to a throwaway home, not the developer's.
        env={**os.environ, "HOME": str(home), "NO_COLOR": "1"},
        check=False,
    )


@requires_atk
def test_agents_toolkit_passes_the_built_manifest_and_refuses_a_broken_one(
    tmp_path: Path,
) -> None:
    path = build_app_package(_settings(), tmp_path / "assistenz-netzwerk.zip")
    with zipfile.ZipFile(path) as archive:
        archive.extractall(tmp_path / "app")
    result = _atk_validate(tmp_path / "app/manifest.json", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All passed" in result.stdout

    broken = json.loads((tmp_path / "app/manifest.json").read_text(encoding="utf-8"))
    broken["bots"][0]["commandLists"][0]["commands"][0]["title"] = "x" * 129
    (tmp_path / "app/manifest.json").write_text(json.dumps(broken), encoding="utf-8")
    refused = _atk_validate(tmp_path / "app/manifest.json", tmp_path)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "/bots/0/commandLists/0/commands/0/title" in output
