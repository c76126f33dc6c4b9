"""Layering rules: the domain imports no framework; only bot/teams imports botbuilder."""

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
