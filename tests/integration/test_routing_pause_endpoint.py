"""An expert who pauses in "Meine Themen" while a question waits for her reaction: it moves on
to the next named expert at once instead of waiting the escalation delay for someone away.
Day one: neither expert ever wrote to the bot. Through the real endpoint, SQLite and
PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.models import QuestionRow
from devkit.demo.organisation import load_demo_organisation
from tests.conftest import RunningBot
from tests.support import activities
from tests.support.connector_sink import ConnectorSink

QUESTION = "Wer kann mir bei der Raumplanung in Hamburg helfen?"
PEOPLE = {p.display_name: p.id for p in load_demo_organisation().people}
KERSTIN, BIRGIT = PEOPLE["Kerstin Vogel"], PEOPLE["Birgit Fischer"]


async def _question(database_url: str) -> QuestionRow:
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            [row] = list(await session.scalars(select(QuestionRow)))
            return row
    finally:
        await engine.dispose()


def _pause(sink: ConnectorSink, until: str) -> dict[str, Any]:
    profile = {"pool_id": "default", "topics": "Raumplanung Hamburg, Empfang", "languages": "de",
               "deputy": "", "paused_until": until, "about": ""}  # fmt: skip
    invoke = activities.card_invoke(sink.url, "experts.save_profile", profile)
    return activities.as_user(invoke, KERSTIN, "Kerstin Vogel")


async def _saved(bot: RunningBot, activity: dict[str, Any]) -> str:
    response = await bot.post(activity)
    assert response.status == 200
    return json.dumps(await response.json(), ensure_ascii=False)


def _dms_to(sink: ConnectorSink, key: str) -> int:
    # Day one: the bot installed itself for the expert, so the chat id is Graph's.
    return sum(a["_conversation"].startswith(f"19:{key}_") for a in sink.sent)


async def test_a_pause_hands_the_waiting_question_on_to_the_next_expert(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    assert (await routing_bot.post(activities.channel_mention(sink.url, QUESTION))).status == 201
    asked = await _question(database_url)
    assert asked.candidates[asked.current_index]["expert_key"] == KERSTIN
    assert (_dms_to(sink, KERSTIN), _dms_to(sink, BIRGIT)) == (1, 0)

    until = (datetime.now(UTC) + timedelta(days=7)).date().isoformat()
    pause = _pause(sink, until)
    body = await _saved(routing_bot, pause)
    assert "Offene Fragen, die auf Ihre Reaktion gewartet haben (1)" in body
    moved = await _question(database_url)
    assert moved.state == "asked"
    assert moved.candidates[moved.current_index]["expert_key"] == BIRGIT
    kerstin = next(e for e in moved.candidates if e["expert_key"] == KERSTIN)
    assert kerstin["absent"] and kerstin["absent_until"] and not kerstin["declined"]
    assert _dms_to(sink, BIRGIT) == 1  # Birgit is asked now, by DM
    # The thread card (updated in place) shows her away, not "keine Reaktion".
    thread_id = sink.sent[0]["_id"]
    [thread] = [json.dumps(u, ensure_ascii=False) for u in sink.updated
                if u["_activity_id"] == thread_id][-1:]  # fmt: skip
    assert "abwesend bis" in thread and "keine Reaktion" not in thread
    # Kerstin's own DM card (updated in place) says why it names Birgit as asked now.
    [kerstin_dm] = [a["_id"] for a in sink.sent if a["_conversation"].startswith(f"19:{KERSTIN}_")]
    [card] = [json.dumps(u, ensure_ascii=False) for u in sink.updated
              if u["_activity_id"] == kerstin_dm][-1:]  # fmt: skip
    assert "Weitergegeben, weil Sie eine Pause eingetragen haben." in card
    assert "Birgit Fischer ist angefragt" in card
    assert "Weitergegeben" not in thread  # the shared card says "abwesend bis" instead

    # Teams re-delivers the click, and Kerstin saves once more: nothing moves again.
    assert "Gespeichert." in await _saved(routing_bot, pause)
    assert "Gespeichert. Ich berücksichtige" in await _saved(routing_bot, _pause(sink, until))
    again = await _question(database_url)
    assert again.version == moved.version and _dms_to(sink, BIRGIT) == 1
