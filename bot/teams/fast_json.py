"""Convert botbuilder (msrest) models to and from JSON without msrest's generic machinery.

msrest validates and re-walks every value (also card contents) through its type system, with
several key extractors per attribute; for one activity in and one reply out that cost several
milliseconds per turn (bench/). Bot Framework models are plain records described by
``_attribute_map`` (no polymorphism, no flattened keys), so a direct walk over that map gives
the same objects and the same JSON; tests compare both directions with msrest.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import Enum
from typing import Any, TypeVar

from msrest.serialization import Deserializer

M = TypeVar("M")


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


def model_from_json(model_class: type[M], data: dict[str, Any]) -> M:
    """Build ``model_class`` from JSON like ``model_class().deserialize(data)`` does."""
    models = _models_of(model_class)
    return _build(model_class, data, models)


_MODELS: dict[type, dict[str, type]] = {}


def _models_of(model_class: type) -> dict[str, type]:
    models = _MODELS.get(model_class)
    if models is None:
        models = _MODELS[model_class] = dict(model_class._infer_class_models())  # type: ignore[attr-defined]
    return models


def _build(model_class: type[M], data: dict[str, Any], models: dict[str, type]) -> M:
    attribute_map: dict[str, dict[str, str]] = model_class._attribute_map  # type: ignore[attr-defined]
    # msrest's Model.deserialize matches the exact JSON key (rest_key_extractor).
    kwargs: dict[str, Any] = {}
    known: set[str] = set()
    for attribute, spec in attribute_map.items():
        known.add(spec["key"])
        raw = data.get(spec["key"])
        if raw is not None:
            kwargs[attribute] = _value_from_json(raw, spec["type"], models)
    model = model_class(**kwargs)
    # Like msrest: keys the model does not know are kept (botbuilder reads mentions from them).
    extra = {key: value for key, value in data.items() if key not in known}
    if extra:
        model.additional_properties = extra  # type: ignore[attr-defined]
    return model


def _value_from_json(raw: Any, type_name: str, models: dict[str, type]) -> Any:
    if type_name.startswith("[") and isinstance(raw, list):
        return [_value_from_json(item, type_name[1:-1], models) for item in raw]
    model_class = models.get(type_name)
    if model_class is not None and isinstance(raw, dict):
        return _build(model_class, raw, models)
    if type_name == "iso-8601" and isinstance(raw, str):
        return _parse_iso8601(raw)
    if type_name in _BASIC and not isinstance(raw, _BASIC[type_name]):
        return Deserializer(models).deserialize_data(raw, type_name)  # type: ignore[no-untyped-call]
    return raw


_BASIC: dict[str, type | tuple[type, ...]] = {
    "str": str,
    "bool": bool,
    "int": int,
    "float": (int, float),
}


def _parse_iso8601(raw: str) -> datetime:
    try:
        return datetime.fromisoformat(raw)
    except ValueError:
        # Seven fraction digits (.NET) and other variants: msrest's tolerant parser.
        parsed: datetime = Deserializer.deserialize_iso(raw)  # type: ignore[no-untyped-call]
        return parsed
