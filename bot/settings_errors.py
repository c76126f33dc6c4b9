"""Settings validation errors as one German line per bad environment variable (for the CLI)."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

_MAX_SHOWN = 60
# Settings whose value must never be echoed, even when it is invalid.
_SECRET_WORDS = ("password", "secret", "key", "database_url")

_HINTS = {
    "list_type": 'erwartet eine JSON-Liste, z. B. ["a", "b"]',
    "dict_type": 'erwartet ein JSON-Objekt, z. B. {"a": "b"}',
    "bool_parsing": "erwartet true oder false",
    "bool_type": "erwartet true oder false",
    "int_parsing": "erwartet eine ganze Zahl",
    "int_from_float": "erwartet eine ganze Zahl",
    "int_type": "erwartet eine ganze Zahl",
    "float_parsing": "erwartet eine Zahl",
    "float_type": "erwartet eine Zahl",
    "time_parsing": "erwartet eine Uhrzeit wie 08:00",
    "time_type": "erwartet eine Uhrzeit wie 08:00",
    "string_type": "erwartet einen Text",
}
_BOUNDS = {
    "greater_than": ("gt", "muss größer als {} sein"),
    "greater_than_equal": ("ge", "muss mindestens {} sein"),
    "less_than": ("lt", "muss kleiner als {} sein"),
    "less_than_equal": ("le", "darf höchstens {} sein"),
}


def settings_error_lines(error: ValidationError) -> list[str]:
    """One line per setting (named as its environment variable), then model-wide problems."""
    by_variable: dict[str, list[str]] = {}
    general: list[str] = []
    for detail in error.errors(include_url=False):
        location = detail["loc"]
        if not location:
            general.append(f"Konfiguration ungültig: {_reason(detail)}")
            continue
        name = str(location[0])
        reason = _reason(detail)
        if len(location) > 1:
            # A list item or dict entry: say which one (1-based for people).
            where = location[1]
            reason = f"Eintrag {where + 1 if isinstance(where, int) else where!r}: {reason}"
        by_variable.setdefault(name, [])
        if reason not in by_variable[name]:
            by_variable[name].append(reason)
    lines = []
    for name, reasons in by_variable.items():
        shown = _shown_value(name, error)
        lines.append(f"Einstellung {name.upper()} ungültig{shown}: " + "; ".join(reasons))
    return lines + general


def _reason(detail: ErrorDetails) -> str:
    kind, context = detail["type"], detail.get("ctx") or {}
    if kind == "value_error":
        # Our own validators raise ValueError with a German message; pydantic prefixes it.
        return str(context.get("error", detail["msg"]))
    if kind in ("enum", "literal_error"):
        return f"erlaubt: {context.get('expected', '')}".replace(" or ", " oder ")
    if kind in _BOUNDS:
        key, text = _BOUNDS[kind]
        return text.format(context.get(key))
    return _HINTS.get(kind, detail["msg"])


def _shown_value(name: str, error: ValidationError) -> str:
    if any(word in name for word in _SECRET_WORDS):
        return ""
    value: Any = next(
        (d["input"] for d in error.errors(include_url=False) if d["loc"][:1] == (name,)), None
    )
    if not isinstance(value, str):
        return ""
    if len(value) > _MAX_SHOWN:
        value = value[:_MAX_SHOWN] + "…"
    return f" ({value!r})"
