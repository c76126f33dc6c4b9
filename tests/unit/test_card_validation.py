"""Every card builder's output passes Microsoft's Adaptive Cards library without a warning."""

from __future__ import annotations

import inspect
import json
import pkgutil
import shutil
import subprocess
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest

import cards
from tests.support.card_samples import all_cards

REPO = Path(__file__).parents[2]
CHECK = REPO / "tests/support/adaptive_card_check.js"
LIBRARY = REPO / "node_modules/adaptivecards/dist/adaptivecards.js"
REFRESH_LIMIT = 60  # Teams' limit for refresh.userIds
# Parsed by the same script in the same run: shows that the check is not blind.
BROKEN = {
    "type": "AdaptiveCard",
    "version": "1.5",
    "body": [
        {"type": "Input.Text", "id": "answer", "label": "Antwort", "isRequired": True},
        {"type": "Input.Text", "id": "answer", "label": "Noch mal"},
        {"type": "Input.Unknown", "id": "x"},
    ],
}

requires_library = pytest.mark.skipif(
    shutil.which("node") is None or not LIBRARY.exists(),
    reason="node oder node_modules/adaptivecards fehlt (npm ci installiert die Bibliothek)",
)


def _is_builder(name: str) -> bool:
    return name.endswith("_card") and not name.startswith("_")


def _builders() -> set[str]:
    """ "<module>.<name>" of every *_card function and *_card method in the cards package."""
    found = set()
    for info in pkgutil.iter_modules(cards.__path__):
        module = import_module(f"cards.{info.name}")
        for name, value in vars(module).items():
            if getattr(value, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(value) and _is_builder(name):
                found.add(f"{info.name}.{name}")
            if inspect.isclass(value):
                found |= {f"{info.name}.{m}" for m in vars(value) if _is_builder(m)}
    return found


def _refresh_problems(card: dict[str, Any]) -> list[str]:
    refresh = card.get("refresh")
    if refresh is None:
        return []
    users = refresh.get("userIds")
    if not users or len(users) > REFRESH_LIMIT:
        return [f"refresh.userIds must hold 1 to {REFRESH_LIMIT} users, not {users!r}"]
    return []


def test_every_card_builder_has_a_sample() -> None:
    sampled = {".".join(name.split("/")[0].split(".")[:2]) for name in all_cards()}
    missing = _builders() - sampled
    assert not missing, f"no sample in tests/support/card_samples.py for {sorted(missing)}"


@requires_library
def test_every_card_passes_the_adaptive_cards_library() -> None:
    samples = all_cards()
    assert len(samples) >= 100
    result = subprocess.run(
        ["node", str(CHECK)],
        input=json.dumps({**samples, "_broken": BROKEN}),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report: dict[str, list[str]] = json.loads(result.stdout)
    broken = report.pop("_broken")
    assert any("error message" in p for p in broken), broken
    assert any('Duplicate Id "answer"' in p for p in broken), broken
    assert any("Input.Unknown" in p for p in broken), broken
    assert set(report) == set(samples)
    problems = {
        name: found + _refresh_problems(samples[name])
        for name, found in report.items()
        if found or _refresh_problems(samples[name])
    }
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)


def test_poll_card_refreshes_only_for_voters() -> None:
    samples = all_cards()
    assert "refresh" not in samples["stammtisch.poll_card.no_votes/de"]
    users = samples["stammtisch.poll_card.votes/de"]["refresh"]["userIds"]
    assert len(users) == REFRESH_LIMIT and len(set(users)) == REFRESH_LIMIT  # 70 voted
