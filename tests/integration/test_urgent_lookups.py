"""Names to people through the Graph simulator (SQLite and PostgreSQL): a surname typed as
the directory stores it costs one lookup (three Graph queries), not one per spelling; one
typed in another spelling ("Koenig") still finds the person ("Andreas König")."""

from __future__ import annotations

import json

import pytest

from tests.integration.test_urgent_endpoint import (  # noqa: F401 (fixture)
    JANA,
    Stack,
    stack,
)

USERS = "GET /v1.0/users"  # a directory search: one query per name property


async def _searches(on: Stack, text: str) -> int:
    before = (await on.requests()).get(USERS, 0)
    await on.say(text, JANA)
    return (await on.requests()).get(USERS, 0) - before


@pytest.mark.parametrize(
    ("name", "queries", "shown"),
    [
        ("Frau Krüger", 3, "Sabine Krüger"),  # as stored: no other spelling asked
        ("Herrn Koenig", 6, "Andreas König"),  # "koenig" finds nobody, then "könig"
    ],
)
async def test_the_directory_is_asked_for_other_spellings_only_when_needed(
    stack: Stack,  # noqa: F811 (the fixture imported above)
    name: str,
    queries: int,
    shown: str,
) -> None:
    asked = await _searches(stack, f"Ich brauche übermorgen 30 Minuten mit {name}")
    card = json.dumps(stack.cards_to(JANA)[-1], ensure_ascii=False)
    assert f"30 Minuten mit Melanie Schäfer, {shown}" in card
    assert asked == queries
