"""Know-how routing through the real endpoint, DB (SQLite and PostgreSQL) and Graph simulator."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from datetime import timedelta
from typing import Any

from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.experts import SqlExpertRepository
from devkit.demo.organisation import load_demo_organisation
from tests.conftest import RunningBot
from tests.support import activities
from tests.support.connector_sink import ConnectorSink
from tests.support.queue import drained
from tests.support.stored_questions import stored_questions

KERSTIN = ("f38180ae-", "Kerstin Vogel")
BIRGIT = ("e01e3544-", "Birgit Fischer")
QUESTION = "Wer kann mir bei der Raumplanung in Hamburg helfen?"


def _people() -> dict[str, str]:
    org = load_demo_organisation()
    return {p.display_name: p.id for p in org.people}


async def _introduce(bot: RunningBot, sink: ConnectorSink, name: str) -> str:
    """The person writes to the bot once, so it can reach them by DM later."""
    aad = _people()[name]
    await bot.post(activities.as_user(activities.message(sink.url, "hilfe"), aad, name))
    return aad


def _invoke(sink: ConnectorSink, verb: str, data: dict[str, Any], aad: str, name: str) -> Any:
    return activities.as_user(activities.card_invoke(sink.url, verb, data), aad, name)


async def test_question_take_race_and_answer(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    kerstin = await _introduce(routing_bot, sink, "Kerstin Vogel")
    birgit = await _introduce(routing_bot, sink, "Birgit Fischer")
    sink.sent.clear()
    ask = activities.channel_mention(sink.url, QUESTION)
    assert (await routing_bot.post(ask)).status == 201
    thread_card, dm_card = sink.cards()
    thread = json.dumps(thread_card, ensure_ascii=False)
    assert (
        "Kerstin Vogel" in thread and "Birgit Fischer" in thread and "Frage übernehmen" in thread
    )
    assert sink.sent[0]["_reply_to"] == ask["id"]  # in the asker's thread
    assert sink.sent[1]["_conversation"] == f"a:personal-{kerstin}"  # DM to the top expert
    assert "Nicht mein Thema" in json.dumps(dm_card, ensure_ascii=False)
    [question] = await stored_questions(database_url)
    thread_id = sink.sent[0]["_id"]

    # Both named experts click "Übernehmen" at the same moment, several times.
    clicks = [
        _invoke(sink, "routing.take", {"question_id": question.id, "view": "expert"}, aad, name)
        for aad, name in [(kerstin, "Kerstin Vogel"), (birgit, "Birgit Fischer")] * 5
    ]
    responses = await asyncio.gather(*(routing_bot.post(c) for c in clicks))
    bodies = [json.dumps(await r.json(), ensure_ascii=False) for r in responses]
    assert all(r.status == 200 for r in responses)
    assert sum("Sie haben die Frage übernommen." in b for b in bodies) == 1
    [stored] = await stored_questions(database_url)
    assert stored.state == "taken" and stored.owner_key in {kerstin, birgit}

    # A person the router did not name cannot take or answer; a forged payload changes nothing.
    outsider = _invoke(sink, "routing.answer", {"question_id": question.id, "answer": "x"},
                       _people()["Jana Becker"], "Jana Becker")  # fmt: skip
    refused = json.dumps(await (await routing_bot.post(outsider)).json(), ensure_ascii=False)
    assert "an andere Assistenzen gerichtet" in refused
    assert QUESTION not in refused  # nothing of the question is shown to outsiders
    forged = _invoke(sink, "routing.take", {"question_id": "1; DROP"}, kerstin, "Kerstin Vogel")
    assert "ungültig" in json.dumps(
        await (await routing_bot.post(forged)).json(), ensure_ascii=False
    )
    unknown = _invoke(sink, "routing.take", {"question_id": 99999}, kerstin, "Kerstin Vogel")
    assert "kenne ich nicht" in json.dumps(
        await (await routing_bot.post(unknown)).json(), ensure_ascii=False
    )

    owner = stored.owner_key
    name = "Kerstin Vogel" if owner == kerstin else "Birgit Fischer"
    answer = {"question_id": question.id, "view": "expert", "answer": "Raum 3.12 über Outlook."}
    response = await routing_bot.post(_invoke(sink, "routing.answer", answer, owner, name))
    assert "Danke für Ihre Antwort" in json.dumps(await response.json(), ensure_ascii=False)
    [closed] = await stored_questions(database_url)
    assert closed.state == "answered" and closed.answer_text == "Raum 3.12 über Outlook."
    latest_thread = [u for u in sink.updated if u["_activity_id"] == thread_id][-1]
    assert "beantwortet von" in json.dumps(latest_thread, ensure_ascii=False)

    # The same question again: the earlier answer is offered first.
    sink.sent.clear()
    await routing_bot.post(activities.channel_mention(sink.url, QUESTION, n=5))
    [offer] = sink.cards()
    assert "Raum 3.12 über Outlook." in json.dumps(offer, ensure_ascii=False)


async def test_each_expert_reads_the_question_card_in_their_own_language(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    # Kerstin's Teams client is English (her latest activity says so); the asker writes German.
    kerstin = _people()["Kerstin Vogel"]
    english = activities.message(sink.url, "help", locale="en-US")
    assert (await routing_bot.post(activities.as_user(english, kerstin, "Kerstin Vogel"))).status
    birgit = await _introduce(routing_bot, sink, "Birgit Fischer")
    sink.sent.clear()
    assert (await routing_bot.post(activities.channel_mention(sink.url, QUESTION))).status == 201
    thread_card, dm_card = sink.cards()
    assert sink.sent[1]["_conversation"] == f"a:personal-{kerstin}"
    dm = json.dumps(dm_card, ensure_ascii=False)
    assert "Not my topic" in dm and "Nicht mein Thema" not in dm  # hers, in English
    assert "Frage übernehmen" in json.dumps(thread_card, ensure_ascii=False)  # the channel's

    [question] = await stored_questions(database_url)
    decline = {"question_id": question.id, "view": "expert"}
    click = _invoke(sink, "routing.decline", decline, kerstin, "Kerstin Vogel")
    click["locale"] = "en-US"
    assert (await routing_bot.post(click)).status == 200
    to_birgit = [a for a in sink.sent if a["_conversation"] == f"a:personal-{birgit}"]
    assert "Nicht mein Thema" in json.dumps(to_birgit[-1], ensure_ascii=False)  # the next, German


def _in_thread(activity: dict[str, Any], root_id: str) -> dict[str, Any]:
    activity["conversation"]["id"] = f"19:general@thread.tacv2;messageid={root_id}"
    return activity


async def _asked_in_channel(bot: RunningBot, sink: ConnectorSink) -> tuple[str, str]:
    """Kerstin (who has written to the bot) and the thread of QUESTION, posted in a channel
    as Teams delivers a new post: (her key, the thread's root id)."""
    kerstin = await _introduce(bot, sink, "Kerstin Vogel")
    ask = activities.channel_mention(sink.url, QUESTION)
    await bot.post(_in_thread(ask, ask["id"]))
    return kerstin, ask["id"]


async def test_expert_reply_in_the_thread_closes_the_question(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    kerstin, root = await _asked_in_channel(routing_bot, sink)
    reply = activities.channel_mention(sink.url, "Einfach im Raumbuchungstool, Reiter Hamburg.")
    reply = activities.as_user(_in_thread(reply, root), kerstin, "Kerstin Vogel")
    await routing_bot.post(reply)
    [closed] = await stored_questions(database_url)
    assert closed.state == "answered" and closed.owner_key == kerstin
    assert closed.answer_text == "Einfach im Raumbuchungstool, Reiter Hamburg."
    assert "Danke für Ihre Antwort" in sink.texts()[-1]


async def test_an_answer_in_the_thread_that_starts_like_a_command_is_the_answer(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    kerstin, root = await _asked_in_channel(routing_bot, sink)
    # A bare command in the thread stays a command, for the expert too.
    helper = activities.as_user(
        _in_thread(activities.channel_mention(sink.url, "hilfe"), root), kerstin, "Kerstin"
    )
    await routing_bot.post(helper)
    [still_open] = await stored_questions(database_url)
    assert still_open.state == "asked"
    # "Raum …" and "Frage …" are commands, but here they begin the expert's answer.
    text = "Raum 3.12 über Outlook buchen, Reiter Hamburg."
    reply = activities.channel_mention(sink.url, text)
    await routing_bot.post(activities.as_user(_in_thread(reply, root), kerstin, "Kerstin"))
    [closed] = await stored_questions(database_url)
    assert closed.state == "answered" and closed.answer_text == text
    assert "Danke für Ihre Antwort" in sink.texts()[-1]


async def test_unmentioned_channel_posts_are_neither_questions_nor_answers(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    kerstin = await _introduce(routing_bot, sink, "Kerstin Vogel")
    sink.sent.clear()
    # With RSC consent Teams would deliver these; none of them is addressed to the bot.
    await routing_bot.post(activities.channel_post(sink.url, "Guten Morgen zusammen!"))
    await routing_bot.post(activities.channel_post(sink.url, QUESTION, n=2))
    assert sink.sent == [] and await stored_questions(database_url) == []

    ask = activities.channel_mention(sink.url, QUESTION)
    await routing_bot.post(_in_thread(ask, ask["id"]))
    [question] = await stored_questions(database_url)
    assert question.state == "asked" and len(sink.sent) == 2  # thread card and expert DM
    # A named expert's remark in the thread without the mention is no answer (it may be
    # "Ich schaue nach"); the README asks experts to @mention the bot with the answer.
    remark = activities.channel_post(sink.url, "Ich schaue gleich mal nach.")
    await routing_bot.post(activities.as_user(_in_thread(remark, ask["id"]), kerstin, "Kerstin"))
    [still_open] = await stored_questions(database_url)
    assert still_open.state == "asked" and still_open.answer_text is None
    assert len(sink.sent) == 2
    answer = activities.channel_mention(sink.url, "Im Buchungstool, Reiter Hamburg.")
    await routing_bot.post(activities.as_user(_in_thread(answer, ask["id"]), kerstin, "Kerstin"))
    [closed] = await stored_questions(database_url)
    assert closed.state == "answered" and closed.answer_text == "Im Buchungstool, Reiter Hamburg."


async def test_help_card_example_names_the_absent_expert_and_asks_a_stand_in(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    # Claudia Neumann (Concur) has an always-on automatic reply in the simulator naming a
    # non-assistant; Katrin Weber's (on leave) names Anja Werner. Asked as Sabine Krüger, as
    # in the Playground demo.
    anja = await _introduce(routing_bot, sink, "Anja Werner")
    claudia = _people()["Claudia Neumann"]
    sink.sent.clear()
    ask = activities.as_user(
        activities.channel_mention(sink.url, "Wer kennt sich mit Reisekosten in Concur aus?"),
        _people()["Sabine Krüger"],
        "Sabine Krüger",
    )
    await routing_bot.post(ask)
    assert not any("niemand" in text for text in sink.texts())
    thread_card, dm_card = sink.cards()
    assert "Nicht mein Thema" in json.dumps(dm_card, ensure_ascii=False)
    thread = json.dumps(thread_card, ensure_ascii=False)
    assert "**Claudia Neumann** (abwesend bis auf Weiteres)" in thread
    assert "**Anja Werner** (angefragt)" in thread and "Vertretung für Katrin Weber" in thread
    assert sink.sent[1]["_conversation"] == f"a:personal-{anja}"
    assert f"a:personal-{claudia}" not in [a["_conversation"] for a in sink.sent]
    [question] = await stored_questions(database_url)
    [stored] = [e for e in question.candidates if e["name"] == "Claudia Neumann"]
    assert stored["absent"] is True and stored["absent_until"] == ""


async def test_only_the_asker_decides_on_the_earlier_answer_offer(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    kerstin, root = await _asked_in_channel(routing_bot, sink)
    reply = activities.channel_mention(sink.url, "Im Buchungstool, Reiter Hamburg.")
    await routing_bot.post(activities.as_user(_in_thread(reply, root), kerstin, "Kerstin"))
    sink.sent.clear()
    await routing_bot.post(activities.channel_mention(sink.url, QUESTION, n=5))
    [offer] = sink.cards()
    data = next(a["data"] for a in offer["actions"] if a["verb"] == "routing.ask_anyway")
    asker = activities.user(5)

    def click(verb: str, who: tuple[str, str]) -> dict[str, Any]:
        activity = _invoke(sink, verb, data, *who)
        activity["conversation"] = activities.channel_conversation()
        return activity

    jana = (_people()["Jana Becker"], "Jana Becker")
    sent_before = len(sink.sent)
    for verb in ("routing.helped", "routing.ask_anyway"):
        response = await routing_bot.post(click(verb, jana))
        body = json.dumps(await response.json(), ensure_ascii=False)
        assert "nur die Person, die die Frage gestellt hat" in body, verb
        assert "Schön" not in body and "application/vnd.microsoft.card.adaptive" not in body
    assert len(sink.sent) == sent_before  # no thread card, no expert DM
    assert len(await stored_questions(database_url)) == 1

    own = (asker["aadObjectId"], asker["name"])
    helped = await routing_bot.post(click("routing.helped", own))
    assert "Schön, dass die frühere Antwort hilft" in json.dumps(
        await helped.json(), ensure_ascii=False
    )
    # The asker's click arrives three times at once (a re-delivery, a second device): the
    # question is asked once, the other two arrivals say so.
    bodies = await asyncio.gather(
        *(_body(routing_bot, click("routing.ask_anyway", own)) for _ in range(3))
    )
    assert sum("schon unterwegs" in b for b in bodies) == 2
    questions = await stored_questions(database_url)
    assert len(questions) == 2
    assert {q.asker_key for q in questions if q.state == "asked"} == {asker["aadObjectId"]}
    assert len(sink.sent) > sent_before  # now the thread card (and the DM) went out


async def test_saved_topics_apply_to_the_next_question_in_every_replica(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    birgit = await _introduce(routing_bot, sink, "Birgit Fischer")
    forklifts, pallet_jacks = "Wer kennt sich mit Gabelstaplern aus?", "Wer hat einen Hubwagen?"
    for question in (forklifts, pallet_jacks):  # both indexes are cached now
        await routing_bot.post(activities.channel_mention(sink.url, question))
        assert "Dazu kenne ich leider noch niemanden" in sink.texts()[-1]

    # Birgit adds the topic in "Meine Themen" on this replica: the very next question uses it.
    profile = {"pool_id": "default", "topics": "Raumplanung Köln, Gabelstapler",
               "languages": "de", "deputy": "", "paused_until": "", "about": ""}  # fmt: skip
    saved = await routing_bot.post(
        _invoke(sink, "experts.save_profile", profile, birgit, "Birgit Fischer")
    )
    assert "Gespeichert" in json.dumps(await saved.json(), ensure_ascii=False)
    sink.sent.clear()
    await routing_bot.post(activities.channel_mention(sink.url, forklifts))
    assert "**Birgit Fischer** (angefragt)" in json.dumps(sink.cards()[0], ensure_ascii=False)

    # Kerstin saves hers on another replica (its own connection to the same database).
    engine = create_engine(database_url)
    try:
        other_replica = SqlExpertRepository(create_session_factory(engine))
        kerstin = await other_replica.get("default", _people()["Kerstin Vogel"])
        assert kerstin is not None
        await other_replica.upsert(replace(kerstin, topics=(*kerstin.topics, "Hubwagen")))
    finally:
        await engine.dispose()
    sink.sent.clear()
    await routing_bot.post(activities.channel_mention(sink.url, pallet_jacks))
    assert "**Kerstin Vogel** (angefragt)" in json.dumps(sink.cards()[0], ensure_ascii=False)


async def _body(bot: RunningBot, activity: dict[str, Any]) -> str:
    response = await bot.post(activity)
    assert response.status == 200
    return json.dumps(await response.json(), ensure_ascii=False)


async def test_a_withdraw_claiming_the_expert_card_gets_no_expert_card(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    asker = activities.user(1)
    await routing_bot.post(activities.channel_mention(sink.url, QUESTION))
    [question] = await stored_questions(database_url)
    forged = {"question_id": question.id, "view": "expert"}  # the asker has no DM card
    body = await _body(
        routing_bot,
        _invoke(sink, "routing.withdraw", forged, asker["aadObjectId"], asker["name"]),
    )
    assert "Ihre Frage ist zurückgezogen" in body
    assert "hat eine Frage für Sie" not in body and "AdaptiveCard" not in body


async def test_only_the_asker_withdraws_a_question(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    asker = activities.user(1)
    own = (asker["aadObjectId"], asker["name"])
    jana = (_people()["Jana Becker"], "Jana Becker")
    await routing_bot.post(activities.channel_mention(sink.url, QUESTION))
    [question] = await stored_questions(database_url)
    thread_card = sink.cards()[0]
    assert "routing.withdraw" in [a["verb"] for a in thread_card["actions"]]
    click = {"question_id": question.id, "view": "thread"}

    # Bystanders, forged and unknown ids: a friendly refusal, nothing changes.
    assert "Nur die fragende Person" in await _body(
        routing_bot, _invoke(sink, "routing.withdraw", click, *jana)
    )
    forged = {"question_id": 2**40, "view": "thread"}
    assert "ungültig" in await _body(routing_bot, _invoke(sink, "routing.withdraw", forged, *own))
    unknown = {"question_id": 99999, "view": "thread"}
    assert "kenne ich nicht" in await _body(
        routing_bot, _invoke(sink, "routing.withdraw", unknown, *own)
    )
    assert [q.state for q in await stored_questions(database_url)] == ["asked"]

    assert "Ihre Frage ist zurückgezogen" in await _body(
        routing_bot, _invoke(sink, "routing.withdraw", click, *own)
    )
    [withdrawn] = await stored_questions(database_url)
    assert withdrawn.state == "withdrawn" and withdrawn.version == question.version + 1
    assert "Status: geschlossen" in json.dumps(sink.updated[-1], ensure_ascii=False)
    stale = await _body(routing_bot, _invoke(sink, "routing.withdraw", click, *own))
    assert "bereits geschlossen" in stale
    assert (await stored_questions(database_url))[0].version == withdrawn.version

    # The command withdraws the asker's newest open question; then there is none left.
    await routing_bot.post(
        activities.channel_mention(sink.url, "Wer kennt sich mit Catering aus?")
    )
    says = activities.as_user(activities.message(sink.url, "Frage zurückziehen"), *own)
    await routing_bot.post(says)
    assert "„Wer kennt sich mit Catering aus?“ ist zurückgezogen" in sink.texts()[-1]
    assert {q.state for q in await stored_questions(database_url)} == {"withdrawn"}
    again = activities.as_user(activities.message(sink.url, "frage zurückziehen"), *own)
    await routing_bot.post(again)
    assert "keine offene Frage" in sink.texts()[-1]


async def test_the_owner_gives_a_taken_question_back(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    kerstin = await _introduce(routing_bot, sink, "Kerstin Vogel")
    birgit = await _introduce(routing_bot, sink, "Birgit Fischer")
    await routing_bot.post(activities.channel_mention(sink.url, QUESTION))
    [question] = await stored_questions(database_url)
    click = {"question_id": question.id, "view": "expert"}
    taken = await _body(
        routing_bot, _invoke(sink, "routing.take", click, kerstin, "Kerstin Vogel")
    )
    assert "Doch nicht übernehmen" in taken

    # Somebody else, a forged id: refused, still Kerstin's.
    refused = await _body(
        routing_bot, _invoke(sink, "routing.release", click, birgit, "Birgit Fischer")
    )
    assert "nicht Sie übernommen" in refused
    forged = {"question_id": 0, "view": "expert"}
    assert "ungültig" in await _body(
        routing_bot, _invoke(sink, "routing.release", forged, kerstin, "Kerstin Vogel")
    )
    [still] = await stored_questions(database_url)
    assert still.state == "taken" and still.owner_key == kerstin

    sink.sent.clear()
    released = await _body(
        routing_bot, _invoke(sink, "routing.release", click, kerstin, "Kerstin Vogel")
    )
    assert "die Frage geht an die nächste Assistenz" in released
    assert "Doch nicht übernehmen" not in released
    [back] = await stored_questions(database_url)
    assert back.state == "asked" and back.owner_key is None
    assert back.candidates[back.current_index]["expert_key"] == birgit
    assert [a["_conversation"] for a in sink.sent] == [f"a:personal-{birgit}"]  # Birgit's DM
    thread = [u for u in sink.updated if "Frage von" in json.dumps(u, ensure_ascii=False)][-1]
    assert "**Kerstin Vogel** (zurückgegeben)" in json.dumps(thread, ensure_ascii=False)
    stale = await _body(
        routing_bot, _invoke(sink, "routing.release", click, kerstin, "Kerstin Vogel")
    )
    assert "nicht Sie übernommen" in stale
    assert (await stored_questions(database_url))[0].version == back.version


async def test_long_question_preview_and_the_dm_links_to_the_thread(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    text = QUESTION + " " + " ".join(["Wir sind im Haus Alster, dritter Stock."] * 130)
    assert len(text) > 5000
    ask = activities.channel_mention(sink.url, text)
    ask["channelData"]["team"]["aadGroupId"] = "6b1d5f0e-group"
    await routing_bot.post(ask)
    [question] = await stored_questions(database_url)
    assert question.text == text  # stored whole
    thread_card, dm_card = sink.cards()  # the thread card and the first expert's DM
    for shown in (thread_card, dm_card):
        preview = shown["body"][1]
        assert preview["id"] == "question" and len(preview["text"]) < 700
        assert preview["text"].endswith(" …")
        full = next(b for b in shown["body"] if b.get("id") == "question-full")
        assert full["text"] == text and full["isVisible"] is False
        toggles = [b for b in shown["body"] if b.get("type") == "ActionSet"]
        assert [b["actions"][0]["title"] for b in toggles] == ["mehr", "weniger"]
    link = (
        f"https://teams.microsoft.com/l/message/19:general@thread.tacv2/{ask['id']}"
        f"?tenantId={activities.TENANT_ID}&groupId=6b1d5f0e-group&parentMessageId={ask['id']}"
    )
    assert f"[Zum Thread]({link})" in json.dumps(dm_card, ensure_ascii=False)


def _search(sink: ConnectorSink, value: Any, aad: str, name: str) -> dict[str, Any]:
    activity = activities.as_user(activities.card_invoke(sink.url, "-", {}), aad, name)
    activity.update(name="application/search", value=value)
    return activity


async def test_meine_themen_in_a_pool_of_260_finds_the_deputy_by_typeahead(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    """260 experts with long names: the form stays below the message limit, and the deputy
    input's typeahead (Teams' application/search invoke) finds colleagues by what was typed."""
    engine = create_engine(database_url)
    try:
        repository = SqlExpertRepository(create_session_factory(engine))
        kerstin = await repository.get("default", _people()["Kerstin Vogel"])
        assert kerstin is not None
        for n in range(247):
            name = f"Александра Владимировна Кузнецова-Петровская {n:03d}"
            await repository.upsert(replace(kerstin, user_key=f"00000000-e-{n:03d}", name=name))
    finally:
        await engine.dispose()
    birgit = await _introduce(routing_bot, sink, "Birgit Fischer")
    sink.sent.clear()
    ask = activities.as_user(
        activities.message(sink.url, "meine themen"), birgit, "Birgit Fischer"
    )
    await routing_bot.post(ask)
    [sent] = sink.sent
    assert len(json.dumps(sent, ensure_ascii=False).encode("utf-8")) < 28_000
    [deputy] = [b for b in sent["attachments"][0]["content"]["body"] if b.get("id") == "deputy"]
    assert deputy["choices.data"]["dataset"] == "experts.deputies"

    query = {"queryText": "kerstin", "dataset": "experts.deputies",
             "queryOptions": {"skip": 0, "top": 15}}  # fmt: skip
    response = await routing_bot.post(_search(sink, query, birgit, "Birgit Fischer"))
    assert response.status == 200
    body = await response.json()
    assert body["type"] == "application/vnd.microsoft.search.searchResponse"
    titles = [r["title"] for r in body["value"]["results"]]
    assert titles and all("Kerstin" in title for title in titles)
    assert body["value"]["results"][0]["value"] == _people()["Kerstin Vogel"]
    for typed, count in (("КУЗНЕЦОВА", 15), ("кузнецова 24", 10)):  # Teams shows 15 at most
        some = {**query, "queryText": typed}  # 024, 124, 224 and 240–246
        body = await (await routing_bot.post(_search(sink, some, birgit, "Birgit Fischer"))).json()
        assert len(body["value"]["results"]) == count, typed

    unknown = {**query, "dataset": "rooms.all"}
    body = await (await routing_bot.post(_search(sink, unknown, birgit, "Birgit Fischer"))).json()
    assert body["value"]["results"] == []
    malformed = {**query, "queryOptions": {"skip": "alle"}}
    refused = await routing_bot.post(_search(sink, malformed, birgit, "Birgit Fischer"))
    assert refused.status == 400


async def test_an_expert_who_left_the_company_is_not_named(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    """Gerda knows what Kerstin knows, but her account was deleted in Entra (the simulator
    knows neither her mailbox nor her user): she is neither named, asked nor @mentioned."""
    engine = create_engine(database_url)
    try:
        repository = SqlExpertRepository(create_session_factory(engine))
        kerstin = await repository.get("default", _people()["Kerstin Vogel"])
        assert kerstin is not None
        gone_id = "0dd0dd00-0000-4000-8000-00000000dead"
        gerda = replace(kerstin, user_key=gone_id, name="Gerda Gegangen")
        await repository.upsert(replace(gerda, email="gerda.gegangen@nordlicht-demo.de"))
    finally:
        await engine.dispose()
    ask = activities.channel_mention(sink.url, QUESTION)
    assert (await routing_bot.post(ask)).status == 201
    [question] = await stored_questions(database_url)
    named = [c["name"] for c in question.candidates]
    assert "Kerstin Vogel" in named and "Gerda Gegangen" not in named
    # Not asked by DM, not @mentioned (the forward list still offers the whole pool).
    assert not [m for m in sink.sent if gone_id in json.dumps(m.get("recipient") or {})]
    assert not [m for m in sink.sent if "<at>Gerda" in (m.get("text") or "")]
    thread_card = json.dumps(sink.cards()[0], ensure_ascii=False)
    assert "Kerstin Vogel" in thread_card and "Gerda" not in thread_card


async def test_a_plea_without_a_topic_is_asked_what_it_is_about(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    # Day one, in the channel and in the personal chat: nothing is routed, nobody thanked.
    for activity in (
        activities.channel_mention(sink.url, "Kann mir jemand helfen?"),
        activities.message(sink.url, "Ich habe eine Frage"),
    ):
        sink.sent.clear()
        assert (await routing_bot.post(activity)).status == 201
        [reply] = sink.texts()
        assert reply.startswith("Gern! Worum geht es denn?") and "Sehr gern" not in reply
    assert await stored_questions(database_url) == []


async def test_a_second_question_in_the_thread_does_not_take_the_experts_answer(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    # A colleague asks another question in the same thread; Kerstin is asked on both. Her
    # reply cannot say which it answers: nothing is saved, she is told to use the card.
    kerstin, root = await _asked_in_channel(routing_bot, sink)
    second = activities.channel_mention(
        sink.url, "Und wer kann mir bei der Raumplanung in Hamburg für den Workshop helfen?", n=7
    )
    await routing_bot.post(_in_thread(second, root))
    first_q, second_q = sorted(await stored_questions(database_url), key=lambda q: q.id)
    for question in (first_q, second_q):
        assert question.candidates[question.current_index]["expert_key"] == kerstin
    sink.sent.clear()
    reply = activities.channel_mention(sink.url, "Im Buchungstool, Reiter Hamburg.")
    await routing_bot.post(activities.as_user(_in_thread(reply, root), kerstin, "Kerstin Vogel"))
    assert [q.state for q in await stored_questions(database_url)] == ["asked", "asked"]
    [note] = sink.texts()
    assert "mehrere Fragen" in note and "nichts gespeichert" in note
    # With a single question left waiting for her, her reply answers that one.
    await routing_bot.post(
        _in_thread(activities.channel_mention(sink.url, "frage zurückziehen", n=7), root)
    )
    answer = activities.channel_mention(sink.url, "Im Buchungstool, Reiter Hamburg.")
    answer["id"] = "answer-2"
    await routing_bot.post(activities.as_user(_in_thread(answer, root), kerstin, "Kerstin Vogel"))
    states = {q.id: (q.state, q.answer_text) for q in await stored_questions(database_url)}
    assert states == {
        first_q.id: ("answered", "Im Buchungstool, Reiter Hamburg."),
        second_q.id: ("withdrawn", None),
    }


async def test_the_asker_is_told_once_when_nobody_is_left_to_ask(
    routing_bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    # Day one: Kerstin declines, Birgit does not react by the deadline. Nobody named is away,
    # so nobody is left: the asker is @mentioned in the thread once, and nothing is planned.
    ask = activities.channel_mention(sink.url, QUESTION)
    await routing_bot.post(ask)
    [question] = await stored_questions(database_url)
    kerstin, _birgit = (e["expert_key"] for e in question.candidates)
    decline = {"question_id": question.id, "view": "expert"}
    await routing_bot.post(_invoke(sink, "routing.decline", decline, kerstin, "Kerstin Vogel"))
    sink.sent.clear()
    routing_bot.clock.advance(timedelta(hours=5))
    await drained(database_url, routing_bot.clock.now())
    [left] = await stored_questions(database_url)
    assert left.state == "unassigned"
    assert [e["passed"] for e in left.candidates] == ["", "silent"]
    [note] = [a for a in sink.sent if "niemanden mehr" in str(a.get("text"))]
    assert note["_reply_to"] == ask["id"] and "<at>Testperson 1</at>" in note["text"]
    # Nothing more follows: no look, no repeated note.
    routing_bot.clock.advance(timedelta(days=2))
    await drained(database_url, routing_bot.clock.now())
    assert len([a for a in sink.sent if "niemanden mehr" in str(a.get("text"))]) == 1
