"""Serialise botbuilder (msrest) models to JSON-ready dicts without msrest's generic walk.

msrest validates and re-walks every value (also card contents) through its type system; for
a reply activity that costs milliseconds per turn. Bot Framework models are plain records
described by ``_attribute_map``, so a direct walk over that map gives the same JSON.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import Enum
from typing import Any


def model_to_json(model: Any) -> dict[str, Any]:
    """The JSON dict msrest would send for a Bot Framework model (None fields omitted)."""
    result: dict[str, Any] = {}
    attribute_map = type(model)._attribute_map
    for attribute, spec in attribute_map.items():
        if attribute == "additional_properties":
            continue
        value = getattr(model, attribute, None)
        if value is not None:
            result[spec["key"]] = _value_to_json(value, spec["type"])
    # Like msrest: unknown properties are sent only by models that declare them.
    extra = getattr(model, "additional_properties", None)
    if "additional_properties" in attribute_map and isinstance(extra, dict):
        for key, value in extra.items():
            result.setdefault(key, value)
    return result


def _value_to_json(value: Any, type_name: str) -> Any:
    if type_name.startswith("[") and isinstance(value, list):
        inner = type_name[1:-1]
        return [_value_to_json(item, inner) for item in value]
    if type_name == "iso-8601" and isinstance(value, datetime):
        return _iso8601(value)
    if isinstance(value, Enum):
        return value.value
    if hasattr(type(value), "_attribute_map"):
        return model_to_json(value)
    return value


def _iso8601(value: datetime) -> str:
    # msrest writes UTC with milliseconds and a trailing Z.
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    # msrest writes UTC, trailing zeros of the microseconds dropped but at least 3 digits, "Z".
    fraction = str(value.microsecond).rjust(6, "0").rstrip("0").ljust(3, "0")
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + fraction + "Z"
