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


MAX_LINES = 300
# Pure data: catalogues and tables that read best in one piece.
DATA_TABLES = {
    "bot/i18n/de.py",
    "bot/i18n/en.py",
    "bot/domain/routing/lexicon.py",
    "bot/adapters/db/models.py",  # the table definitions the migrations are checked against
}
# Still to be split (issue 12); the list may only shrink: a module that got small enough
# must leave it, and no module may join it.
TO_SPLIT = {
    "bot/domain/rooms/when.py",
    "bot/domain/onboarding/service.py",
    "bot/domain/routing/service.py",
    "bot/demo/playground.py",
}


def test_modules_stay_small() -> None:
    sizes = {
        path.relative_to(ROOT).as_posix(): len(path.read_text("utf-8").splitlines())
        for package in ("bot", "dialogs", "cards")
        for path in _python_files(package)
    }
    too_long = {name for name, lines in sizes.items() if lines > MAX_LINES}
    assert too_long - DATA_TABLES - TO_SPLIT == set(), "split these modules (≤ 300 lines)"
    assert TO_SPLIT - too_long == set(), "small enough now: remove from TO_SPLIT"
    assert set(sizes) >= DATA_TABLES, "a listed data table no longer exists"
