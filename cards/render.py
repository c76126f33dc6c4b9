"""Fill JSON card templates: values are substituted structurally, never by string concatenation."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

_WHOLE = re.compile(r"^\$\{(\w+)\}$")
_INLINE = re.compile(r"\$\{(\w+)\}")


@cache
def _load(name: str) -> str:
    return resources.files("cards").joinpath("templates", f"{name}.json").read_text("utf-8")


def render(name: str, **values: Any) -> dict[str, Any]:
    """Return template ``name`` with every ``${key}`` replaced by ``values[key]``."""
    template = json.loads(_load(name))
    result = _fill(template, values)
    assert isinstance(result, dict)
    return result


def _fill(node: Any, values: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        return {key: _fill(value, values) for key, value in node.items()}
    if isinstance(node, list):
        filled: list[Any] = []
        for item in node:
            value = _fill(item, values)
            # A list placeholder ("${items}") inside a list is spliced in place.
            if isinstance(item, str) and _WHOLE.match(item) and isinstance(value, list):
                filled.extend(value)
            else:
                filled.append(value)
        return filled
    if isinstance(node, str):
        whole = _WHOLE.match(node)
        if whole:
            return values[whole.group(1)]
        return _INLINE.sub(lambda m: str(values[m.group(1)]), node)
    return node
