"""Talk in the thread of an open question, through the real endpoint and DB (SQLite and
PostgreSQL): what closes the question, what is a new question, what is only a remark on it.
``routing_bot`` is the demo organisation's bot (tests/conftest.py)."""

from __future__ import annotations

from typing import Any

from devkit.demo.organisation import load_demo_organisation
from tests.conftest import RunningBot
from tests.support import activities
from tests.support.connector_sink import ConnectorSink
from tests.support.stored_questions import stored_questions

QUESTION = "Wer kann mir bei der Raumplanung in Hamburg helfen?"
PEOPLE = {p.display_name: p.id for p in load_demo_organisation().people}


def _by(activity: dict[str, Any], name: str) -> dict[str, Any]:
    return activities.as_user(activity, PEOPLE[name], name)


def _in_thread(sink: ConnectorSink, root: str, text: str, name: str) -> dict[str, Any]:
    """``name``'s @mention message in the thread of the post ``root``."""
    activity = activities.channel_mention(sink.url, text)
    activity["conversation"]["id"] = f"19:general@thread.tacv2;messageid={root}"
    return _by(activity, name)


async def _asked(bot: RunningBot, sink: ConnectorSink) -> str:
    """Kerstin (who has written to the bot) is asked Jana's QUESTION, posted in the channel as
    Teams delivers a new post; the thread's root id."""
    await bot.post(_by(activities.message(sink.url, "hilfe"), "Kerstin Vogel"))
    ask = _in_thread(sink, "", QUESTION, "Jana Becker")
    ask["conversation"]["id"] += ask["id"]
    await bot.post(ask)
    sink.sent.clear()
    return str(ask["id"])


async def test_a_colleagues_statement_in_the_thread_is_no_new_question(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    root = await _asked(routing_bot, sink)
    hint = "Das geht über Outlook, Raumliste Hamburg, Raum 3.12."
    await routing_bot.post(_in_thread(sink, root, hint, "Sabine Krüger"))
    [question] = await stored_questions(database_url)
    assert question.state == "asked" and question.answer_text is None
    # No second thread card, no DM to an expert: one short note in the thread.
    [note] = sink.sent
    assert note["_conversation"].endswith(f";messageid={root}") and "attachments" not in note
    assert "Eine neue Frage ist das nicht" in note["text"] and "bleibt offen" in note["text"]
    # The expert asked answers there, as the README tells her to: that closes the question.
    sink.sent.clear()
    answer = "Genau, Raumliste Hamburg in Outlook."
    await routing_bot.post(_in_thread(sink, root, answer, "Kerstin Vogel"))
    [closed] = await stored_questions(database_url)
    assert closed.state == "answered" and closed.answer_text == answer
    assert any("Danke für Ihre Antwort" in text for text in sink.texts())


async def test_a_real_question_in_the_thread_is_still_asked(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    root = await _asked(routing_bot, sink)
    # Without a question mark too: it opens with a question word or its verb.
    questions = ["Weiß jemand, wie ich Reisekosten in Concur abrechne", "Und wer kennt Verträge?"]
    for text in questions:
        await routing_bot.post(_in_thread(sink, root, text, "Sabine Krüger"))
    assert [q.text for q in await stored_questions(database_url)][1:] == questions
    # Thanks stay small talk, answered as anywhere.
    sink.sent.clear()
    await routing_bot.post(_in_thread(sink, root, "Danke euch!", "Jana Becker"))
    assert len(await stored_questions(database_url)) == 3
    [reply] = sink.texts()
    assert "Eine neue Frage ist das nicht" not in reply


def _decide(sink: ConnectorSink, verb: str, question_id: int, name: str) -> dict[str, Any]:
    data = {"question_id": question_id, "view": "expert"}
    return _by(activities.card_invoke(sink.url, verb, data), name)


async def test_an_expert_who_declined_only_remarks_in_the_thread(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    root = await _asked(routing_bot, sink)
    await routing_bot.post(_by(activities.message(sink.url, "hilfe"), "Birgit Fischer"))
    [question] = await stored_questions(database_url)
    await routing_bot.post(_decide(sink, "routing.decline", question.id, "Kerstin Vogel"))
    sink.sent.clear()
    # "Nicht mein Thema", then a word in the thread: neither the answer nor a new question,
    # even when it asks something.
    for remark in ("Sorry, da kann ich nicht helfen – frag mal Birgit.", "Birgit, weißt du es?"):
        await routing_bot.post(_in_thread(sink, root, remark, "Kerstin Vogel"))
    [still] = await stored_questions(database_url)
    assert still.state == "asked" and still.answer_text is None and still.owner_key is None
    assert [c["expert_key"] for c in still.candidates][still.current_index] == PEOPLE[
        "Birgit Fischer"
    ]
    assert len(sink.sent) == 2 and "attachments" not in sink.sent[0]
    assert all("nicht als Antwort gespeichert" in text for text in sink.texts())
    assert "Frage übernehmen" in sink.texts()[0]
    # Birgit, asked now, first only thanks Kerstin there: that answers nothing.
    await routing_bot.post(_in_thread(sink, root, "Danke dir!", "Birgit Fischer"))
    [thanked] = await stored_questions(database_url)
    assert thanked.state == "asked" and thanked.answer_text is None
    # Then she answers there: that closes it, and only her answer is kept.
    await routing_bot.post(
        _in_thread(sink, root, "Raumliste Hamburg in Outlook.", "Birgit Fischer")
    )
    [closed] = await stored_questions(database_url)
    assert closed.state == "answered" and closed.owner_key == PEOPLE["Birgit Fischer"]
    assert closed.answer_text == "Raumliste Hamburg in Outlook."


async def test_a_named_expert_remarks_on_a_question_another_took(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    root = await _asked(routing_bot, sink)
    [question] = await stored_questions(database_url)
    await routing_bot.post(_decide(sink, "routing.take", question.id, "Birgit Fischer"))
    sink.sent.clear()
    await routing_bot.post(_in_thread(sink, root, "Das geht über Outlook.", "Kerstin Vogel"))
    [taken] = await stored_questions(database_url)
    assert taken.state == "taken" and taken.owner_key == PEOPLE["Birgit Fischer"]
    [note] = sink.texts()
    assert "nicht als Antwort gespeichert" in note and "Birgit Fischer hat die Frage" in note


async def test_talk_in_the_thread_of_a_closed_question_is_not_routed(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    """Once the question is answered (or withdrawn), its thread waits for nothing: a real
    question there gets one line saying to post it anew, a statement nothing, thanks the small
    talk reply; nothing is routed, no DM goes out. Sabine never wrote to the bot."""
    root = await _asked(routing_bot, sink)
    answer = "Genau, Raumliste Hamburg in Outlook."
    await routing_bot.post(_in_thread(sink, root, answer, "Kerstin Vogel"))
    [closed] = await stored_questions(database_url)
    assert closed.state == "answered"
    sink.sent.clear()

    asking = "Weiß jemand, wie ich Reisekosten in Concur abrechne?"
    await routing_bot.post(_in_thread(sink, root, asking, "Sabine Krüger"))
    [note] = sink.sent
    assert note["_conversation"].endswith(f";messageid={root}") and "attachments" not in note
    assert "schon abgeschlossen" in note["text"] and "neuen Beitrag" in note["text"]
    sink.sent.clear()
    # A statement, also the answering expert's addendum: no reply, nothing saved.
    for name in ("Sabine Krüger", "Kerstin Vogel"):
        await routing_bot.post(
            _in_thread(sink, root, "Die Liste steht in Outlook unter Ressourcen.", name)
        )
    assert sink.sent == []
    await routing_bot.post(_in_thread(sink, root, "Danke euch!", "Jana Becker"))
    [thanks] = sink.texts()
    assert "abgeschlossen" not in thanks
    [still] = await stored_questions(database_url)
    assert still.state == "answered" and still.answer_text == answer

    # A new post in the channel is a new question, as the note says.
    sink.sent.clear()
    await routing_bot.post(_by(activities.channel_mention(sink.url, asking), "Sabine Krüger"))
    assert [q.text for q in await stored_questions(database_url)] == [QUESTION, asking]


async def test_a_question_in_the_thread_of_a_withdrawn_one_is_not_routed(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    root = await _asked(routing_bot, sink)
    await routing_bot.post(_in_thread(sink, root, "frage zurückziehen", "Jana Becker"))
    [withdrawn] = await stored_questions(database_url)
    assert withdrawn.state == "withdrawn"
    sink.sent.clear()
    await routing_bot.post(_in_thread(sink, root, "Und wer kennt Verträge?", "Sabine Krüger"))
    assert len(await stored_questions(database_url)) == 1
    assert ["schon abgeschlossen" in text for text in sink.texts()] == [True]


async def test_after_something_else_the_askers_new_words_in_the_thread_are_asked(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    """ "Etwas anderes" closes the question and asks the asker for a few more words: written
    in the same thread, they are asked (that closed question names nobody)."""
    ask = _in_thread(sink, "", "Wer kennt sich mit Verträgen aus?", "Jana Becker")
    ask["conversation"]["id"] += ask["id"]
    await routing_bot.post(ask)
    [card] = sink.cards()
    other = next(a["data"] for a in card["actions"] if a["title"] == "Etwas anderes")
    await routing_bot.post(
        _by(activities.card_invoke(sink.url, "routing.choose", other), "Jana Becker")
    )
    [closed] = await stored_questions(database_url)
    assert closed.state == "withdrawn" and closed.candidates == []
    again = "Es geht um Arbeitsverträge: wer kennt sich damit aus?"
    sink.sent.clear()
    await routing_bot.post(_in_thread(sink, str(ask["id"]), again, "Jana Becker"))
    assert [q.text for q in await stored_questions(database_url)][1:] == [again]
