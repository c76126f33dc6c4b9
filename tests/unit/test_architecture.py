"""Layering rules: the domain imports no framework; only bot/teams imports botbuilder;
modules stay small."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FRAMEWORKS = ("botbuilder", "botframework", "msrest", "msgraph", "kiota", "azure", "sqlalchemy",
              "aiohttp", "alembic")  # fmt: skip


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _python_files(*parts: str) -> list[Path]:
    return sorted((ROOT.joinpath(*parts)).rglob("*.py"))


@pytest.mark.parametrize("path", _python_files("bot", "domain"), ids=lambda p: p.name)
def test_domain_imports_no_framework(path: Path) -> None:
    bad = {name for name in _imports(path) if name.split(".")[0] in FRAMEWORKS}
    assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_only_the_teams_package_imports_botbuilder() -> None:
    offenders = []
    for folder in ("bot", "dialogs", "cards"):
        for path in _python_files(folder):
            if "teams" in path.relative_to(ROOT).parts:
                continue
            if any(n.split(".")[0] in ("botbuilder", "botframework") for n in _imports(path)):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_the_application_never_imports_test_and_demo_code() -> None:
    # devkit (fakes, Graph simulator, demo data) is left out of the production image; only
    # the demo command reaches for it, and says so where it is missing.
    allowed = {"bot/cli.py": {"devkit.demo.runner"}}
    offenders = {}
    for folder in ("bot", "dialogs", "cards"):
        for path in _python_files(folder):
            name = path.relative_to(ROOT).as_posix()
            used = {n for n in _imports(path) if n.split(".")[0] in ("devkit", "tests")}
            if used - allowed.get(name, set()):
                offenders[name] = used
    assert offenders == {}


def test_the_production_image_leaves_test_and_demo_code_out() -> None:
    copied = [
        line.split()[1]
        for line in (ROOT / "Dockerfile").read_text("utf-8").splitlines()
        if line.startswith("COPY ") and "--from" not in line
    ]
    assert "bot" in copied and not {"devkit", "tests", "."} & set(copied)


MAX_LINES = 300
# Pure data: catalogues and tables that read best in one piece.
DATA_TABLES = {
    "bot/i18n/de.py",
    "bot/i18n/en.py",
    "bot/domain/routing/lexicon.py",
    "bot/domain/routing/glossary.py",
    "bot/adapters/db/models.py",  # the table definitions the migrations are checked against
}
# Still to be split (issue 12); the list may only shrink: a module that got small enough
# must leave it, and no module may join it.
TO_SPLIT: set[str] = set()


def test_modules_stay_small() -> None:
    sizes = {
        path.relative_to(ROOT).as_posix(): len(path.read_text("utf-8").splitlines())
        for package in ("bot", "dialogs", "cards", "devkit")
        for path in _python_files(package)
    }
    too_long = {name for name, lines in sizes.items() if lines > MAX_LINES}
    assert too_long - DATA_TABLES - TO_SPLIT == set(), "split these modules (≤ 300 lines)"
    assert TO_SPLIT - too_long == set(), "small enough now: remove from TO_SPLIT"
    assert set(sizes) >= DATA_TABLES, "a listed data table no longer exists"


def test_only_the_teams_package_knows_how_threads_are_addressed() -> None:
    # A channel thread's conversation id is "<channel id>;messageid=<root id>", a Teams wire
    # format: bot/teams/threads.py parses and builds it; turns carry it as facts (in_thread,
    # thread_root_id) and the notifier addresses a card's thread for the domain.
    marker = ";messageid="
    offenders = [
        str(path.relative_to(ROOT))
        for folder in (("bot", "domain"), ("dialogs",), ("cards",))
        for path in _python_files(*folder)
        if marker in path.read_text("utf-8")
    ]
    assert offenders == []


# Shared by every feature: the team roster ("members"), ports, Graph value types, references.
SHARED_DOMAIN = {"members"}


def test_the_domain_writes_no_sentences_and_features_keep_to_themselves() -> None:
    """The domain returns codes and data; text is rendered at the edge in the recipient's
    language (i18n, cards), so the domain imports nothing of bot/ outside bot.domain. A feature's
    domain (bot/domain/<feature>/) imports no other feature's package."""
    domain = ROOT / "bot" / "domain"
    features = {p.name for p in domain.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    offenders = []
    for path in _python_files("bot", "domain"):
        parts = path.relative_to(domain).parts
        own = parts[0] if len(parts) > 1 else None
        for name in _imports(path):
            segments = name.split(".")
            outside = segments[0] == "bot" and segments[1:2] != ["domain"]
            other = (
                segments[:2] == ["bot", "domain"]
                and len(segments) > 2
                and (segments[2] in features - SHARED_DOMAIN - {own})
            )
            if outside or other or segments[0] in ("cards", "dialogs"):
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []
