"""'meine daten löschen' during a roulette round, through the real endpoint (SQLite and
PostgreSQL): the erased person leaves her group. Her partner's "anderer Vorschlag" is answered
sensibly (a pair: the meeting does not take place; a triple: it goes on with the two), no
message is planned for a stand-in of her, no job retries, and "bot status" lists nobody."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from bot.adapters.db import models
from bot.adapters.db.engine import create_engine, create_session_factory
from tests.integration.test_roulette_endpoint import (
    JANA,
    KERSTIN,
    ROUND,
    SABINE,
    Stack,
    _actions,
    _having,
    stack,
    text_of,
)

__all__ = ["stack"]  # the fixture, shared with the roulette's endpoint tests


async def _round_with(stack: Stack, *people: tuple[str, str]) -> dict[str, Any]:
    """Everyone opts in, the round runs; Sabine's introduction."""
    for who in people:
        await stack.say("kaffee roulette an", who)
    stack.clock.advance(ROUND + timedelta(minutes=1) - stack.clock.now())
    await stack.settle()
    [intro] = _having(stack.cards_to(SABINE), "Los entschieden")
    return intro


async def _erase(stack: Stack, who: tuple[str, str]) -> None:
    offer = json.loads(await stack.say("meine daten löschen", who))[-1]["attachments"][0]
    [confirm] = [a for a in _actions(offer["content"]) if a.get("verb") == "privacy.erase_confirm"]
    assert "gelöscht" in await stack.invoke("privacy.erase_confirm", confirm["data"], who)


async def _troubled_jobs(stack: Stack) -> list[tuple[str, dict[str, Any]]]:
    """Roulette jobs that failed at least once (a retry waits, or they gave up)."""
    engine = create_engine(stack.database_url)
    try:
        async with create_session_factory(engine)() as session:
            jobs = await session.scalars(select(models.ScheduledJob))
            return [(j.kind, j.payload) for j in jobs
                    if j.kind.startswith("roulette.") and j.last_error is not None]  # fmt: skip
    finally:
        await engine.dispose()


async def _status_names_nobody(stack: Stack) -> None:
    status = await stack.say("bot status", SABINE)
    assert "geloescht" not in status and "Konto in Entra ID" not in status, status
    assert '"title": "zuletzt nicht erreichbar", "value": "0"' in status, status


async def test_erasure_ends_a_pair_and_the_partner_is_told(stack: Stack) -> None:
    intro = await _round_with(stack, SABINE, JANA)
    assert "Jana Becker" in text_of(intro)
    await _erase(stack, JANA)
    other = next(a for a in _actions(intro) if a.get("verb") == "roulette.other")
    answer = await stack.invoke("roulette.other", other["data"], SABINE)
    assert "findet nicht statt" in answer and "gelöschte Person" not in answer, answer
    await stack.settle()
    # A week later nobody is asked whether they met: there was nobody to meet.
    stack.clock.advance(timedelta(days=7, minutes=2))
    await stack.settle()
    assert _having(stack.cards_to(SABINE), "getroffen?") == []
    assert await _troubled_jobs(stack) == []
    await _status_names_nobody(stack)


async def test_erasure_leaves_a_triple_to_the_two_others(stack: Stack) -> None:
    intro = await _round_with(stack, SABINE, KERSTIN, JANA)
    assert "Jana Becker" in text_of(intro) and "Kerstin Vogel" in text_of(intro)
    await _erase(stack, JANA)
    other = next(a for a in _actions(intro) if a.get("verb") == "roulette.other")
    moved = await stack.invoke("roulette.other", other["data"], SABINE)
    assert "Neuer Vorschlag" in moved and "Kerstin Vogel" in moved
    assert "gelöschte Person" not in moved and "geloescht" not in moved, moved
    await stack.settle()
    [suggestion] = _having(stack.cards_to(KERSTIN), "Hier ist ein neuer")
    assert "Sabine Krüger" in text_of(suggestion) and "gelöschte" not in text_of(suggestion)
    assert await _troubled_jobs(stack) == []
    await _status_names_nobody(stack)
