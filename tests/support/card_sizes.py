"""Realistic maxima for the card size checks: long German, Cyrillic and Chinese names (UTF-8:
two and three bytes per letter), and the envelope Teams gets around a card in a channel."""

from __future__ import annotations

import json
from typing import Any

TEAMS_LIMIT = 28_000  # Teams refuses messages above "about 28 KB" (the whole activity)
NAMES = (
    "Maximiliane Freifrau von Hohenberg-Lüdenscheidt-Oberstdorf",
    "Александра Владимировна Кузнецова-Петровская",
    "欧阳娜娜（上海办公室，董事会助理兼行政主管）",
)


def long_name(n: int) -> str:
    """A different long name for every ``n``."""
    return f"{NAMES[n % len(NAMES)]} {n}"


def activity_bytes(card: dict[str, Any]) -> int:
    """The message activity as the bot sends a card into a channel thread, in UTF-8 bytes."""
    conversation = "19:3f2b5c0e6a7d4b1c9e8f0a1b2c3d4e5f@thread.tacv2;messageid=1733388000000"
    activity = {
        "type": "message",
        "id": "1733388123456",
        "timestamp": "2026-12-05T08:30:00.000Z",
        "serviceUrl": "https://smba.trafficmanager.net/emea/5f1c2d3e-4a5b-6c7d-8e9f-0a1b2c3d4e5f/",
        "channelId": "msteams",
        "from": {"id": "28:" + "b" * 36, "name": "Assistenz-Netzwerk"},
        "conversation": {
            "id": conversation,
            "conversationType": "channel",
            "tenantId": "5f1c2d3e-4a5b-6c7d-8e9f-0a1b2c3d4e5f",
            "isGroup": True,
        },
        "recipient": {"id": "29:" + "x" * 120, "name": long_name(1),
                      "aadObjectId": "a7d2c9e1-0000-4000-8000-000000000001"},
        "replyToId": "1733388000000",
        "inputHint": "acceptingInput",
        "locale": "de-DE",
        "channelData": {
            "tenant": {"id": "5f1c2d3e-4a5b-6c7d-8e9f-0a1b2c3d4e5f"},
            "team": {"id": "19:" + "t" * 32 + "@thread.tacv2"},
            "channel": {"id": "19:" + "c" * 32 + "@thread.tacv2"},
        },
        "attachments": [
            {"contentType": "application/vnd.microsoft.card.adaptive", "content": card}
        ],
    }  # fmt: skip
    return len(json.dumps(activity, ensure_ascii=False).encode("utf-8"))
