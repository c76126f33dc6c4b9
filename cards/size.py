"""Byte budgets that keep every card below Teams' message limit, and paging by bytes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# Teams refuses a bot message above about 28 KB, counted over the whole activity (card plus
# envelope: ids, serviceUrl, conversation, channelData, replyToId). The envelope of a reply in a
# channel thread is about 1.5 KB; 4 KB is kept free for it.
MESSAGE_BYTES = 28_000
CARD_BYTES = MESSAGE_BYTES - 4_000
# A list card's rows get at most this much; title, notes, footers and buttons are bounded by
# their own caps and share the rest.
ROWS_BYTES = 18_000


def json_bytes(value: Any) -> int:
    """UTF-8 bytes of ``value`` as JSON. The connector sends compact UTF-8 (orjson), so this
    measure (with spaces after separators) is never below what goes over the wire."""
    return len(json.dumps(value, ensure_ascii=False).encode("utf-8"))


@dataclass(frozen=True, slots=True)
class Page:
    """The rows that fit from ``start`` on, and where the next page starts (None: last page)."""

    start: int
    rows: list[dict[str, Any]]
    next_start: int | None


def page_of(rows: Sequence[dict[str, Any]], start: int, budget: int = ROWS_BYTES) -> Page:
    """The rows from ``start`` that fit in ``budget`` bytes; at least one, so paging always
    moves on. A ``start`` past the end (the list shrank, or forged card data) gives the first
    page: the caller tells the reader so."""
    if start >= len(rows):
        start = 0
    taken: list[dict[str, Any]] = []
    used = 0
    for row in rows[start:]:
        size = json_bytes(row) + 2  # the ", " between list items
        if taken and used + size > budget:
            break
        taken.append(row)
        used += size
    end = start + len(taken)
    return Page(start, taken, end if end < len(rows) else None)


def joined_within(names: Sequence[str], budget: int, separator: str = ", ") -> tuple[str, int]:
    """``names`` joined by ``separator`` as far as ``budget`` bytes go, and how many were
    left out."""
    shown: list[str] = []
    used = 0
    for name in names:
        size = len(name.encode("utf-8")) + len(separator.encode("utf-8"))
        if shown and used + size > budget:
            break
        shown.append(name)
        used += size
    return separator.join(shown), len(names) - len(shown)


def clipped(value: str, budget: int) -> str:
    """``value`` cut to at most ``budget`` UTF-8 bytes (at a character, never inside one),
    ending in " …" when it was cut."""
    data = value.encode("utf-8")
    if len(data) <= budget:
        return value
    return data[: max(0, budget - 4)].decode("utf-8", errors="ignore").rstrip() + " …"
