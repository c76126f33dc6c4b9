""" "Meine Daten löschen" by the asker of an urgent call whose booking was given up without
the bot seeing its meeting (real endpoint, SQLite and PostgreSQL, Graph simulator): the call
is cancelled, the meeting an attempt created is cancelled in Graph (nobody could find it
afterwards), and nothing about the asker stays in the call; the assistants still asked for
an open call see their card withdrawn (without the asker's name)."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.models import UrgentAuditRow, UrgentCallRow
from tests.integration.test_urgent_endpoint import (  # noqa: F401 (fixture)
    ALBRECHT,
    JANA,
    JANA_MAIL,
    SABINE,
    Stack,
    _created_by_graph,
    _given_up_unconfirmed,
    _meetings,
    stack,
)
from tests.support.queue import drained


async def _stored(on: Stack, call_id: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The call's row and its audit trail as stored (every column)."""
    engine = create_engine(on.database_url)
    try:
        async with create_session_factory(engine)() as session:
            row = (await session.execute(select(UrgentCallRow.__table__).where(
                UrgentCallRow.id == call_id))).mappings().one()  # fmt: skip
            trail = (await session.execute(select(UrgentAuditRow.__table__).where(
                UrgentAuditRow.call_id == call_id))).mappings().all()  # fmt: skip
            return dict(row), [dict(entry) for entry in trail]
    finally:
        await engine.dispose()


async def _erase(on: Stack, who: tuple[str, str]) -> str:
    await on.say("meine daten löschen", who)
    confirm = on.cards_to(who)[-1]
    [token] = [a["data"]["token"] for a in confirm["actions"]
               if a.get("verb") == "privacy.erase_confirm"]  # fmt: skip
    return await on.invoke("privacy.erase_confirm", {"token": token}, who)


async def test_erasing_the_asker_of_an_unconfirmed_call_cancels_its_meeting(
    stack: Stack,  # noqa: F811 (the fixture imported above)
) -> None:
    offer = await _given_up_unconfirmed(stack)
    await _created_by_graph(stack, offer)  # the invitations went out; the bot never saw it
    answer = await _erase(stack, JANA)
    assert "Ihre Daten sind gelöscht" in answer
    # Cancelled in Graph (attendees told): afterwards nobody could find it any more.
    assert [m["isCancelled"] for m in _meetings(await stack.calendar(ALBRECHT))] == [True]
    row, trail = await _stored(stack, offer["call_id"])
    assert row["state"] == "cancelled"
    assert trail[-1]["action"] == "meeting_cancelled"
    for minutes in (2, 8):  # the looks planned at the give-up change nothing
        stack.clock.advance(timedelta(minutes=minutes))
        await drained(stack.database_url, stack.clock.now())
    after, trail = await _stored(stack, offer["call_id"])
    assert after["state"] == "cancelled"
    stored = json.dumps([after, trail], ensure_ascii=False, default=str).casefold()
    for trace in (JANA[0], JANA[1], JANA_MAIL, f"personal-{JANA[0]}"):
        assert trace.casefold() not in stored, trace


async def test_erasing_the_asker_while_assistants_are_asked_withdraws_their_cards(
    stack: Stack,  # noqa: F811 (the fixture imported above)
) -> None:
    await stack.busy(ALBRECHT, "09:00", "17:00")
    await stack.say("Ich brauche heute noch 30 Minuten mit Dr. Albrecht", JANA)
    asked = stack.cards_to(SABINE)[-1]
    assert any(a.get("verb") == "urgent.answer" for a in asked["actions"])
    before = len(stack.sink.updated)
    assert "Ihre Daten sind gelöscht" in await _erase(stack, JANA)
    updates = [json.dumps(u, ensure_ascii=False) for u in stack.sink.updated[before:]]
    sabine = [u for u in updates if f"personal-{SABINE[0]}" in u]
    assert sabine and "Anfrage nach einem dringenden Termin wurde abgesagt" in sabine[-1]
    assert "urgent.answer" not in sabine[-1] and JANA[1] not in sabine[-1]
