""" "Geht es um …?" through the real endpoint, DB (SQLite and PostgreSQL) and Graph simulator:
the asker's click routes at once; bystanders, forged, stale and repeated clicks change nothing."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

from tests.conftest import RunningBot
from tests.integration.test_routing_endpoint import _body, _invoke, _people
from tests.support import activities
from tests.support.connector_sink import ConnectorSink
from tests.support.queue import drained
from tests.support.stored_questions import stored_questions

# Three experts know "Verträge": legal review, employment contracts, framework agreements.
AMBIGUOUS = "Wer kennt sich mit Verträgen aus?"


async def test_the_askers_choice_routes_at_once_and_only_once(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    # Day one: nobody has written to the bot, the asker included.
    asker = activities.user(1)
    own = (asker["aadObjectId"], asker["name"])
    jana = (_people()["Jana Becker"], "Jana Becker")
    ask = activities.channel_mention(sink.url, AMBIGUOUS)
    assert (await routing_bot.post(ask)).status == 201
    [card] = sink.cards()
    assert [t for t in sink.texts() if t] == []  # the card is the whole reply
    assert sink.sent[0]["_reply_to"] == ask["id"]  # in the asker's thread, nobody DMed yet
    titles = [a["title"] for a in card["actions"]]
    assert titles == ["Vertragsprüfung", "Arbeitsverträge", "Rahmenverträge", "Etwas anderes"]
    assert "Worum geht es?" in json.dumps(card, ensure_ascii=False)
    [question] = await stored_questions(database_url)
    assert question.state == "clarifying" and question.escalate_at is not None
    employment = next(a["data"] for a in card["actions"] if a["title"] == "Arbeitsverträge")

    # A bystander, a choice the card never had, an unknown question: refused, nothing changes.
    assert "Nur die fragende Person" in await _body(
        routing_bot, _invoke(sink, "routing.choose", employment, *jana)
    )
    forged = {**employment, "choice": 9}
    assert "gibt es zu dieser Frage nicht" in await _body(
        routing_bot, _invoke(sink, "routing.choose", forged, *own)
    )
    unknown = {**employment, "question_id": 99999}
    assert "kenne ich nicht" in await _body(
        routing_bot, _invoke(sink, "routing.choose", unknown, *own)
    )
    [unchanged] = await stored_questions(database_url)
    assert unchanged.state == "clarifying" and unchanged.version == question.version

    # The asker clicks "Arbeitsverträge" three times at once (double click, Teams retry).
    sink.sent.clear()
    clicks = [_invoke(sink, "routing.choose", employment, *own) for _ in range(3)]
    bodies = await asyncio.gather(*(_body(routing_bot, c) for c in clicks))
    assert sum("ich frage jetzt die passende Assistenz" in b for b in bodies) == 1
    assert sum("bereits unterwegs" in b for b in bodies) == 2
    [routed] = await stored_questions(database_url)
    assert routed.state == "asked" and routed.escalate_at is not None
    assert routed.candidates[routed.current_index]["expert_key"] == jana[0]
    assert [c["choice"] for c in routed.candidates] == ["", "", ""]
    # The thread card now shows the experts, Jana first; she is asked by DM (or, since she
    # never wrote to the bot, @mentioned in the thread when Teams refuses the DM).
    thread = json.dumps(sink.updated[-1], ensure_ascii=False)
    assert "Jana Becker" in thread and "Frage übernehmen" in thread
    to_jana = [m for m in sink.sent if m.get("_conversation", "").endswith(jana[0])]
    assert len(to_jana) == 1 and "Nicht mein Thema" in json.dumps(to_jana, ensure_ascii=False)


async def test_something_else_closes_and_asks_to_describe_it_again(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    asker = activities.user(1)
    own = (asker["aadObjectId"], asker["name"])
    await routing_bot.post(activities.channel_mention(sink.url, AMBIGUOUS))
    [card] = sink.cards()
    other = next(a["data"] for a in card["actions"] if a["title"] == "Etwas anderes")
    body = await _body(routing_bot, _invoke(sink, "routing.choose", other, *own))
    assert "beschreiben Sie Ihre Frage bitte" in body
    [closed] = await stored_questions(database_url)
    assert closed.state == "withdrawn" and closed.candidates == []
    assert not [m for m in sink.sent if m.get("_conversation", "").startswith("a:personal")]
    # A late click on a choice of the closed question changes nothing.
    late = {**other, "choice": 1}
    assert "bereits geschlossen" in await _body(
        routing_bot, _invoke(sink, "routing.choose", late, *own)
    )


async def test_asking_anyway_after_an_earlier_answer_can_ask_back_too(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    asker = activities.user(1)
    own = (asker["aadObjectId"], asker["name"])
    jana = (_people()["Jana Becker"], "Jana Becker")
    await routing_bot.post(activities.channel_mention(sink.url, AMBIGUOUS))
    employment = next(
        a["data"] for a in sink.cards()[0]["actions"] if a["title"] == "Arbeitsverträge"
    )
    await _body(routing_bot, _invoke(sink, "routing.choose", employment, *own))
    answer = {
        "question_id": employment["question_id"],
        "view": "expert",
        "answer": "Vorlage im HR-Portal.",
    }
    assert "Danke für Ihre Antwort" in await _body(
        routing_bot, _invoke(sink, "routing.answer", answer, *jana)
    )

    # A colleague asks the same: the earlier answer is offered; "trotzdem fragen" asks back.
    colleague = activities.user(2)
    sink.sent.clear()
    await routing_bot.post(activities.channel_mention(sink.url, AMBIGUOUS, n=2))
    offer = sink.cards()[-1]
    anyway = next(a["data"] for a in offer["actions"] if a["verb"] == "routing.ask_anyway")
    settled = await _body(
        routing_bot,
        _invoke(sink, "routing.ask_anyway", anyway, colleague["aadObjectId"], colleague["name"]),
    )
    assert "bitte wählen Sie in Ihrer Frage, worum es geht" in settled
    asked_back = sink.cards()[-1]
    assert [a["title"] for a in asked_back["actions"]][-1] == "Etwas anderes"
    assert [q.state for q in await stored_questions(database_url)].count("clarifying") == 1


async def test_an_asker_who_never_chooses_gets_the_leading_choice_asked(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    # Day one again: the asker asks and then never looks at the card again.
    asker = activities.user(1)
    own = (asker["aadObjectId"], asker["name"])
    ask = activities.channel_mention(sink.url, AMBIGUOUS)
    await routing_bot.post(ask)
    [card] = sink.cards()
    [question] = await stored_questions(database_url)
    assert question.state == "clarifying" and question.escalate_at is not None
    # Monday 09:00 in Berlin plus two business hours; each client shows it in its own zone.
    fallback = (
        "Ohne Auswahl frage ich am {{DATE(2026-03-02T10:00:00Z, SHORT)}} um "
        "{{TIME(2026-03-02T10:00:00Z)}} die Assistenz für „Vertragsprüfung“."
    )
    assert fallback in json.dumps(card, ensure_ascii=False)
    legal = question.candidates[0]["expert_key"]
    clock = routing_bot.clock

    # An hour later (business hours, Monday): still waiting for the asker, nobody asked.
    sink.sent.clear()
    clock.advance(timedelta(hours=1))
    await drained(database_url, clock.now())
    [waiting] = await stored_questions(database_url)
    assert waiting.state == "clarifying" and waiting.version == question.version
    assert sink.sent == []

    # Past the two business hours: the job ran once the queue is drained (positive signal).
    clock.advance(timedelta(hours=1, minutes=1))
    await drained(database_url, clock.now())
    [routed] = await stored_questions(database_url)
    assert routed.state == "asked"
    assert routed.candidates[routed.current_index]["expert_key"] == legal
    mentions = [m for m in sink.sent if "nicht gewählt" in str(m.get("text", ""))]
    assert len(mentions) == 1 and "Vertragsprüfung" in mentions[0]["text"]
    assert mentions[0]["_reply_to"] == ask["id"]  # in the asker's thread
    assert [e["mentioned"]["id"] for e in mentions[0]["entities"]] == [own[0]]
    to_legal = [m for m in sink.sent if legal in m.get("_conversation", "")]
    assert len(to_legal) == 1 and "Nicht mein Thema" in json.dumps(to_legal, ensure_ascii=False)
    thread = json.dumps(sink.updated[-1], ensure_ascii=False)
    assert routed.candidates[0]["name"] in thread and "Frage übernehmen" in thread

    # The asker's late click is refused, and nothing changes.
    choice = {"question_id": question.id, "choice": 2}
    assert "bereits unterwegs" in await _body(
        routing_bot, _invoke(sink, "routing.choose", choice, *own)
    )
    [after] = await stored_questions(database_url)
    assert after.version == routed.version


async def test_in_a_personal_chat_the_unchosen_note_comes_as_a_message(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    # Asked in the 1:1 chat with the bot: nobody to @mention, so the note is a message there.
    asker = activities.user(1)
    await routing_bot.post(activities.message(sink.url, AMBIGUOUS))
    assert "Worum geht es?" in json.dumps(sink.cards(), ensure_ascii=False)
    sink.sent.clear()
    routing_bot.clock.advance(timedelta(hours=2, minutes=1))
    await drained(database_url, routing_bot.clock.now())
    [routed] = await stored_questions(database_url)
    assert routed.state == "asked"
    notes = [m for m in sink.sent if "nicht gewählt" in json.dumps(m, ensure_ascii=False)]
    # In the asker's own 1:1 chat with the bot, where the question was asked.
    assert len(notes) == 1 and notes[0]["_conversation"] == "a:personal-1"
    note = json.dumps(notes[0], ensure_ascii=False)
    assert f"{asker['name']}, Sie haben nicht gewählt" in note and "Vertragsprüfung" in note
    assert not [m for m in sink.sent if m.get("entities")]  # no @mention in a 1:1 chat
