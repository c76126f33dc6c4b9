"""Walking an Adaptive Card's JSON: the elements of a given kind, wherever they are nested
(column sets, containers, ShowCards), for tests that read what a card offers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def elements(node: Any, kind: str) -> Iterator[dict[str, Any]]:
    """Every element whose type starts with ``kind`` ("Input.", "Action."), depth first."""
    if isinstance(node, dict):
        if str(node.get("type", "")).startswith(kind):
            yield node
        for value in node.values():
            yield from elements(value, kind)
    elif isinstance(node, list):
        for value in node:
            yield from elements(value, kind)
