"""Small Adaptive Card elements shared by every feature's cards."""

from __future__ import annotations

from typing import Any

SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"


def text(value: str, **extra: Any) -> dict[str, Any]:
    """A wrapping TextBlock."""
    return {"type": "TextBlock", "text": value, "wrap": True, **extra}


def execute(title: str, verb: str, data: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A Universal Action button (Action.Execute) with a namespaced verb."""
    return {"type": "Action.Execute", "title": title, "verb": verb, "data": data, **extra}


def card(
    body: list[dict[str, Any]], actions: list[dict[str, Any]] | None = None, **extra: Any
) -> dict[str, Any]:
    """An Adaptive Card 1.5 with ``body`` and ``actions``."""
    result: dict[str, Any] = {"type": "AdaptiveCard", "$schema": SCHEMA, "version": "1.5"}
    result["body"] = body
    if actions:
        result["actions"] = actions
    return {**result, **extra}


def titled_text(title: str, body: str) -> dict[str, Any]:
    """A card of a large title and one paragraph: short notices (the team welcome, "not an
    expert") share this shape, so they look alike wherever they are sent."""
    return card([text(title, size="Large", weight="Bolder"), text(body)])


def with_note(card: dict[str, Any], note: str, *, good: bool) -> dict[str, Any]:
    """The card with a coloured note on top (the clicker's confirmation or refusal)."""
    block = text(note, weight="Bolder", color="Good" if good else "Attention")
    body = card.get("body")
    return {**card, "body": [block, *(body if isinstance(body, list) else [])]}
