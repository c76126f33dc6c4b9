"""The routing service end to end over fakes: ask, DM, take, decline, escalate, answer, offer."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.adapters.clock import ManualClock
from bot.domain.business_hours import BusinessCalendar
from bot.domain.routing.directory_import import parse_directory
from bot.domain.routing.expert_service import import_directory
from bot.domain.routing.questions import DecisionError, QuestionState
from bot.domain.routing.returns import look_for_returns
from bot.domain.routing.router_cache import RouterCache
from bot.domain.routing.service import (
    ESCALATE_JOB,
    RETURN_JOB,
    AskRequest,
    RoutingService,
    offer_decider,
)
from bot.domain.routing.why import Why
from bot.jobs import JobRunner
from bot.teams.recipient_language import TeamsRecipientLanguages
from cards.routing import RoutingCards
from cards.why import why_text
from devkit.demo.organisation import load_demo_organisation
from devkit.fakes.graph import FakeDirectory
from devkit.fakes.memory import InMemoryActivityLedger, InMemoryConversationReferences
from devkit.fakes.memory_experts import InMemoryExpertRepository
from devkit.fakes.memory_jobs import InMemoryJobQueue
from devkit.fakes.memory_questions import InMemoryQuestionRepository
from tests.support.fake_notifier import RecordingNotifier

DEMO_EXPERTS = Path(__file__).resolve().parents[3] / "devkit" / "demo" / "experts.json"
MONDAY_9 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # 09:00 in Berlin
ASKER = "f6e4bd59-0000-0000-0000-000000000000"
ROOMS_QUESTION = "Wer kann mir bei der Raumplanung in Hamburg helfen?"


@dataclass
class World:
    service: RoutingService
    notifier: RecordingNotifier
    clock: ManualClock
    jobs: InMemoryJobQueue
    runner: JobRunner
    questions: InMemoryQuestionRepository


async def make_world(clock: ManualClock | None = None) -> World:
    clock = clock or ManualClock(MONDAY_9)
    experts = InMemoryExpertRepository()
    records = parse_directory(json.loads(DEMO_EXPERTS.read_text("utf-8")))
    await import_directory(experts, records, clock.now())
    questions = InMemoryQuestionRepository()
    jobs = InMemoryJobQueue()
    notifier = RecordingNotifier()
    directory = FakeDirectory(load_demo_organisation(), clock=clock)
    service = RoutingService(
        experts=experts,
        questions=questions,
        notifier=notifier,
        jobs=jobs,
        directory=directory,
        clock=clock,
        calendar=BusinessCalendar("Europe/Berlin", "NW"),
        views=RoutingCards(),
        escalation_delay=timedelta(hours=4),
        routers=RouterCache(experts, questions, clock),
        languages=TeamsRecipientLanguages(
            InMemoryConversationReferences(), directory, pinned=None
        ),
        ledger=InMemoryActivityLedger(),
    )

    async def escalate(job: object) -> None:
        payload = job.payload  # type: ignore[attr-defined]
        await service.escalate(int(payload["question_id"]), int(payload["version"]))

    async def look(job: object) -> None:
        await look_for_returns(service, int(job.payload["question_id"]))  # type: ignore[attr-defined]

    runner = JobRunner(jobs, clock, {ESCALATE_JOB: escalate, RETURN_JOB: look})
    return World(service, notifier, clock, jobs, runner, questions)


def ask(text: str, offer: bool = True) -> AskRequest:
    return AskRequest(
        text=text,
        pool_id="default",
        asker_key=ASKER,
        asker_name="Dr. Katharina Albrecht",
        language="de",
        tenant_id="t",
        place={"reference": {"conversation": {"id": "19:general;messageid=1"}}},
        offer_earlier=offer,
    )


async def test_question_is_routed_to_the_right_expert_with_thread_card_and_dm() -> None:
    world = await make_world()
    result = await world.service.ask(
        ask("Wo bekomme ich einen zweiten Bildschirm fürs Homeoffice?")
    )
    assert result.outcome == "routed" and result.question is not None
    question = result.question
    assert question.experts[0].name == "Aylin Demir"
    assert len(world.notifier.posts) == 1
    thread_text = json.dumps(world.notifier.posts[0][1], ensure_ascii=False)
    assert "Aylin Demir" in thread_text and "Frage übernehmen" in thread_text
    assert world.notifier.dm_recipients() == [question.experts[0].expert_key]
    assert question.escalate_at == datetime(2026, 3, 2, 12, 0, tzinfo=UTC)  # 13:00 Berlin


async def test_words_without_function_words_are_read_in_the_askers_client_language() -> None:
    world = await make_world()
    # "room planning?" has nothing that tells English from German; read as German it names
    # nobody. Typed in an English client it is the English "Raumplanung".
    german = await world.service.ask(ask("room planning?"))
    assert german.outcome == "no_match" and world.notifier.posts == []
    english = await world.service.ask(replace(ask("room planning?"), language="en"))
    # Several know room planning (one per site): the asker is asked which is meant.
    assert english.outcome == "clarifying" and english.question is not None
    assert {e.name for e in english.question.experts} >= {"Kerstin Vogel", "Birgit Fischer"}


async def test_small_talk_and_unknown_topics_are_not_routed() -> None:
    world = await make_world()
    assert (await world.service.ask(ask("Danke dir, schönes Wochenende!"))).outcome == "smalltalk"
    assert world.notifier.posts == [] and world.notifier.directs == []


async def test_out_of_office_expert_is_named_as_absent_and_her_stand_in_is_asked() -> None:
    # Claudia Neumann (Concur) has an always-on out-of-office reply naming Michael Hoffmann
    # (not an assistant); Katrin Weber (Vertriebsreisen) is on leave until Sunday and her note
    # names Anja Werner. The help card's own example must not end in "niemand".
    world = await make_world()
    result = await world.service.ask(ask("Wer kennt sich mit Reisekosten in Concur aus?"))
    question = result.question
    assert result.outcome == "routed" and question is not None
    named = {e.name: e for e in question.experts}
    assert named["Anja Werner"].reason == Why("deputy", name="Katrin Weber")
    assert why_text(named["Anja Werner"].reason, "de") == "Vertretung für Katrin Weber"
    assert "Katrin Weber" not in named and "Michael Hoffmann" not in named
    claudia = named["Claudia Neumann"]
    assert claudia.absent and claudia.absent_until == "" and question.experts[-1] == claudia
    assert question.current_expert is not None and question.current_expert.name == "Anja Werner"
    assert world.notifier.dm_recipients() == [named["Anja Werner"].expert_key]
    thread = json.dumps(world.notifier.posts[0][1], ensure_ascii=False)
    assert "**Claudia Neumann** (abwesend bis auf Weiteres)" in thread


async def test_absent_expert_without_stand_in_is_named_with_her_return_and_never_asked() -> None:
    world = await make_world()
    people = dict((n, k) for k, n in await world.service.pool_names("default"))
    # Katrin is on leave until Sunday (scheduled reply); her note names no assistant here.
    anja = await world.service.experts.get("default", people["Anja Werner"])
    assert anja is not None
    await world.service.experts.upsert(replace(anja, paused_until=MONDAY_9 + timedelta(days=30)))
    result = await world.service.ask(ask("Wer organisiert Vertriebsreisen?"))
    question = result.question
    assert result.outcome == "routed" and question is not None
    katrin = next(e for e in question.experts if e.name == "Katrin Weber")
    assert katrin.absent and katrin.absent_until == "2026-03-07"
    thread = json.dumps(world.notifier.posts[0][1], ensure_ascii=False)
    assert "**Katrin Weber** (abwesend bis 7.3.)" in thread
    assert people["Katrin Weber"] not in world.notifier.dm_recipients()
    # The present come first and one of them is asked; the absent follow.
    assert [e.absent for e in question.experts] == [False, True, True]
    assert question.current_expert == question.experts[0]
    taken = await world.service.take(question.id, people["Katrin Weber"])
    assert taken.owner_key == people["Katrin Weber"]  # back early: she may still take it


async def test_nobody_is_asked_when_everyone_named_is_away() -> None:
    world = await make_world()
    people = dict((n, k) for k, n in await world.service.pool_names("default"))
    for name in ("Anja Werner", "Sabine Krüger"):
        record = await world.service.experts.get("default", people[name])
        assert record is not None
        await world.service.experts.upsert(replace(record, paused_until=MONDAY_9 + timedelta(1)))
    result = await world.service.ask(ask("Wer organisiert Vertriebsreisen?"))
    question = result.question
    assert result.outcome == "routed" and question is not None
    assert question.experts and all(e.absent for e in question.experts)
    assert question.state is QuestionState.UNASSIGNED and question.escalate_at is None
    assert world.notifier.directs == []
    # No escalation, only the look for whoever comes back first (test_routing_returns.py).
    assert [job.kind for job in world.jobs.jobs.values()] == ["routing.look_for_returns"]
    # The thread card says so, rather than "jede genannte Assistenz kann übernehmen".
    thread = json.dumps(world.notifier.posts[0][1], ensure_ascii=False)
    assert "Niemand wurde gefragt – alle Genannten sind gerade abwesend" in thread
    assert "jede genannte Assistenz" not in thread


async def test_take_then_second_take_is_refused_and_nothing_changes() -> None:
    world = await make_world()
    question = (
        await world.service.ask(ask("Wer kann mir bei der Raumplanung in Hamburg helfen?"))
    ).question
    assert question is not None and len(question.experts) >= 2
    first, second = question.experts[0].expert_key, question.experts[1].expert_key
    taken = await world.service.take(question.id, second)
    assert taken.state is QuestionState.TAKEN and taken.owner_key == second
    with pytest.raises(DecisionError, match="already_taken"):
        await world.service.take(question.id, first)
    with pytest.raises(DecisionError, match="not_named"):
        await world.service.take(question.id, ASKER)
    stored = await world.questions.get(question.id)
    assert stored is not None and stored.owner_key == second


async def test_decline_asks_the_next_expert_and_stale_decline_is_refused() -> None:
    world = await make_world()
    question = (
        await world.service.ask(ask("Wer kann mir bei der Raumplanung in Hamburg helfen?"))
    ).question
    assert question is not None
    first = question.experts[0].expert_key
    declined = await world.service.decline(question.id, first)
    assert declined.current_index == 1
    assert world.notifier.dm_recipients() == [first, question.experts[1].expert_key]
    thread = json.dumps(world.notifier.updates[0][1], ensure_ascii=False)
    assert f"**{question.experts[0].name}** (nicht zuständig)" in thread
    with pytest.raises(DecisionError, match="not_your_turn"):
        await world.service.decline(question.id, first)


async def test_escalation_waits_for_business_hours_and_survives_as_a_job() -> None:
    # Friday 16:00 Berlin: 4 business hours end Monday 11:00.
    world = await make_world(ManualClock(datetime(2026, 3, 6, 15, 0, tzinfo=UTC)))
    question = (
        await world.service.ask(ask("Wer kann mir bei der Raumplanung in Hamburg helfen?"))
    ).question
    assert question is not None
    assert question.escalate_at == datetime(2026, 3, 9, 10, 0, tzinfo=UTC)
    world.clock.advance(timedelta(days=2))  # Sunday: nothing due
    assert await world.runner.run_once() == 0
    world.clock.current = datetime(2026, 3, 9, 10, 0, tzinfo=UTC)
    assert await world.runner.run_once() == 1
    stored = await world.questions.get(question.id)
    assert stored is not None and stored.current_index == 1
    assert world.notifier.dm_recipients()[-1] == question.experts[1].expert_key
    assert await world.runner.run_once() == 0  # the job ran once


async def test_answer_closes_and_a_similar_question_gets_the_earlier_answer() -> None:
    world = await make_world()
    question = (await world.service.ask(ask("Wie kann ich mein Passwort zurücksetzen?"))).question
    assert question is not None
    expert = question.experts[0].expert_key
    answered = await world.service.answer(question.id, expert, "Über das Self-Service-Portal.")
    assert answered.state is QuestionState.ANSWERED
    with pytest.raises(DecisionError, match="closed"):
        await world.service.take(question.id, expert)
    again = await world.service.ask(ask("Passwort zurücksetzen: wie mache ich das?"))
    assert again.outcome == "offered" and again.card is not None
    assert "Self-Service-Portal" in json.dumps(again.card, ensure_ascii=False)
    # Its buttons name the asker: only they may decide, the card being in a shared channel.
    assert {a["data"]["asker_key"] for a in again.card["actions"]} == {ASKER}
    assert offer_decider(ASKER, ASKER) == ASKER
    for bystander in ("someone-else", None, ""):
        with pytest.raises(DecisionError, match="not_your_offer"):
            offer_decider(ASKER, bystander)
    routed = await world.service.ask(ask("Passwort zurücksetzen: wie mache ich das?", offer=False))
    assert routed.outcome == "routed"


async def test_escalation_skips_easter_holidays_in_the_configured_state() -> None:
    # Maundy Thursday 16:00 Berlin; Good Friday and Easter Monday are holidays in NW.
    world = await make_world(ManualClock(datetime(2026, 4, 2, 14, 0, tzinfo=UTC)))
    question = (
        await world.service.ask(ask("Wer kann mir bei der Raumplanung in Hamburg helfen?"))
    ).question
    assert question is not None
    assert question.escalate_at == datetime(2026, 4, 7, 9, 0, tzinfo=UTC)  # Tue 11:00 Berlin


async def test_forward_asks_the_chosen_colleague_next() -> None:
    world = await make_world()
    question = (
        await world.service.ask(ask("Wer kann mir bei der Raumplanung in Hamburg helfen?"))
    ).question
    assert question is not None
    first = question.experts[0].expert_key
    aylin = next(k for k, n in await world.service.pool_names("default") if n == "Aylin Demir")
    forwarded = await world.service.forward(question.id, first, aylin)
    assert forwarded.current_expert is not None and forwarded.current_expert.expert_key == aylin
    assert "weitergeleitet von" in why_text(forwarded.current_expert.reason, "de")
    assert world.notifier.dm_recipients()[-1] == aylin
    with pytest.raises(DecisionError, match="unknown_expert"):
        await world.service.forward(question.id, aylin, "not-an-expert")
    with pytest.raises(DecisionError, match="not_your_turn"):
        await world.service.forward(question.id, first, aylin)


async def test_paused_expert_is_replaced_by_the_deputy() -> None:
    from dataclasses import replace

    world = await make_world()
    experts = world.service.experts
    people = dict((n, k) for k, n in await world.service.pool_names("default"))
    kerstin = await experts.get("default", people["Kerstin Vogel"])
    assert kerstin is not None
    paused = replace(
        kerstin,
        paused_until=MONDAY_9 + timedelta(days=7),
        deputy_key=people["Sophie Wolf"],
        source="profile",
    )
    await experts.upsert(paused)
    world.service.routers.invalidate()
    question = (
        await world.service.ask(ask("Wer kann mir bei der Raumplanung in Hamburg helfen?"))
    ).question
    assert question is not None
    names = [(e.name, why_text(e.reason, "de")) for e in question.experts]
    assert ("Sophie Wolf", "Vertretung für Kerstin Vogel") in names
    assert "Kerstin Vogel" not in [n for n, _ in names]


async def test_unreachable_expert_is_passed_over_at_once() -> None:
    world = await make_world()
    people = dict((n, k) for k, n in await world.service.pool_names("default"))
    world.notifier.reachable = {people["Birgit Fischer"]}  # Kerstin never wrote to the bot
    question = (
        await world.service.ask(ask("Wer kann mir bei der Raumplanung in Hamburg helfen?"))
    ).question
    assert question is not None and question.current_expert is not None
    assert question.current_expert.name == "Birgit Fischer"
    assert world.notifier.dm_recipients() == [people["Birgit Fischer"]]
    kerstin = question.experts[0]
    assert kerstin.name == "Kerstin Vogel" and kerstin.unreachable and not kerstin.declined
    thread = json.dumps(world.notifier.updates[-1][1], ensure_ascii=False)
    assert "**Kerstin Vogel** (per Chat nicht erreichbar)" in thread
    assert "nicht zuständig" not in thread and "Thema)" not in thread


async def test_forward_back_to_an_earlier_expert_still_escalates() -> None:
    world = await make_world()
    question = (
        await world.service.ask(ask("Wer kann mir bei der Raumplanung in Hamburg helfen?"))
    ).question
    assert question is not None
    first, second = (e.expert_key for e in question.experts[:2])
    await world.service.decline(question.id, first)
    back = await world.service.forward(question.id, second, first)
    assert back.current_expert is not None and back.current_expert.expert_key == first
    assert back.escalate_at is not None
    world.clock.current = back.escalate_at
    await world.runner.run_once()
    stored = await world.questions.get(question.id)
    assert stored is not None and stored.current_expert != back.current_expert


async def test_giving_back_skips_who_declined_and_ends_open_to_all() -> None:
    world = await make_world()
    # Hamburg or Köln? The asker picks Hamburg; Köln is named second.
    asked = (await world.service.ask(ask("Wer kann mir bei der Raumplanung helfen?"))).question
    assert asked is not None and asked.choices == ("Raumplanung Hamburg", "Raumplanung Köln")
    question = await world.service.choose(asked.id, ASKER, 0)
    assert len(question.experts) == 2
    first, second = (e.expert_key for e in question.experts)
    await world.service.decline(question.id, first)
    await world.service.take(question.id, second)
    with pytest.raises(DecisionError, match="not_owner"):
        await world.service.release(question.id, first)
    back = await world.service.release(question.id, second)
    # The first declined, the second gave it back: nobody is left to ask, it is open to all.
    assert back.state is QuestionState.UNASSIGNED and back.escalate_at is None
    assert back.owner_key is None and back.experts[1].declined


async def test_a_reply_answers_only_the_question_of_its_own_thread() -> None:
    # The service asks the notifier which conversation the thread card is in.
    world = await make_world()
    question = (
        await world.service.ask(ask("Wer kann mir bei der Raumplanung in Hamburg helfen?"))
    ).question
    assert question is not None
    expert = question.experts[0].expert_key
    here = world.notifier.conversation_of(question.thread)
    assert here == "19:general;messageid=1"
    elsewhere = "19:general;messageid=2"
    assert await world.service.replies.answer("default", elsewhere, expert, "Hier?") is None
    assert await world.service.replies.answer("default", here, ASKER, "Ich?") is None
    answered = await world.service.replies.answer("default", here, expert, "Im Raumtool.")
    assert answered is not None and answered.answer_text == "Im Raumtool."


async def test_withdraw_prefers_the_question_of_this_thread() -> None:
    world = await make_world()
    first = await world.service.ask(ask("Wer kann mir bei der Raumplanung in Hamburg helfen?"))
    other = {"reference": {"conversation": {"id": "19:general;messageid=2"}}}
    second = await world.service.ask(
        replace(ask("Wo bekomme ich einen zweiten Bildschirm?"), place=other)
    )
    assert first.question is not None and second.question is not None
    here = world.notifier.conversation_of(first.question.thread)
    assert here is not None
    withdrawn = await world.service.replies.withdraw_open(["default"], ASKER, here)
    assert withdrawn is not None and withdrawn.id == first.question.id
    newest = await world.service.replies.withdraw_open(["default"], ASKER, "a:personal-1")
    assert newest is not None and newest.id == second.question.id
    assert await world.service.replies.withdraw_open(["default"], ASKER, here) is None


async def test_withdraw_finds_the_newest_question_in_any_pool() -> None:
    # From the personal chat nothing tells which team (and pool) a question was asked in.
    world = await make_world()
    for record in await world.service.experts.list_pool("default"):
        await world.service.experts.upsert(replace(record, pool_id="team-x"))
    older = await world.service.ask(ask("Wo bekomme ich einen zweiten Bildschirm?"))
    world.clock.advance(timedelta(minutes=5))
    in_team = await world.service.ask(replace(ask(ROOMS_QUESTION), pool_id="team-x"))
    assert older.question is not None and in_team.question is not None
    pools = ["default", "team-x"]
    newest = await world.service.replies.withdraw_open(pools, ASKER, "a:personal-1")
    assert newest is not None and newest.id == in_team.question.id
    then = await world.service.replies.withdraw_open(pools, ASKER, "a:personal-1")
    assert then is not None and then.id == older.question.id


async def test_an_unreachable_expert_is_mentioned_only_where_a_thread_card_is() -> None:
    world = await make_world()
    people = dict((n, k) for k, n in await world.service.pool_names("default"))
    world.notifier.reachable = {people["Birgit Fischer"]}
    question = (
        await world.service.ask(ask("Wer kann mir bei der Raumplanung in Hamburg helfen?"))
    ).question
    assert question is not None
    [(place, mentioned, _text)] = world.notifier.mentions
    assert place == question.thread and mentioned == people["Kerstin Vogel"]
    # A question whose thread card is missing: nowhere to mention, and no card to update.
    await world.questions.record_card(question.id, {})
    world.notifier.reachable = set()
    updates = len(world.notifier.updates)
    await world.service.decline(question.id, people["Birgit Fischer"])
    assert len(world.notifier.mentions) == 1
    assert all(handle != {} for handle, _ in world.notifier.updates[updates:])


async def test_a_request_with_a_once_key_is_asked_once_and_again_after_a_failure() -> None:
    world = await make_world()
    once = replace(ask("Wer organisiert Vertriebsreisen?", offer=False), once_key="offer-card-1")
    posts = world.notifier.post_card

    async def failing(place: object, card: object) -> object:
        raise RuntimeError("Teams is down")

    world.notifier.post_card = failing  # type: ignore[method-assign]
    with pytest.raises(RuntimeError):
        await world.service.ask(once)
    world.notifier.post_card = posts  # type: ignore[method-assign]
    # The failed attempt asked nobody and left nothing open; the retry is no repetition.
    failed = await world.questions.get(1)
    assert failed is not None and failed.state is QuestionState.WITHDRAWN
    assert await world.questions.open_questions("default") == [] and world.jobs.jobs == {}
    assert (await world.service.ask(once)).outcome == "routed"
    assert (await world.service.ask(once)).outcome == "duplicate"
    assert len(world.notifier.directs) == 1


async def test_an_escalation_interrupted_after_saving_is_finished_by_the_retry() -> None:
    # The job saves "ask the next expert" and then dies before planning that expert's own
    # escalation and the DM (deploy, crash: here the queue refuses once). Its retry finds a newer
    # version: it asks that expert and plans their deadline, else the question waits for good.
    world = await make_world()
    question = (
        await world.service.ask(ask("Wo bekomme ich einen zweiten Bildschirm fürs Homeoffice?"))
    ).question
    assert question is not None and question.escalate_at is not None
    schedule = world.jobs.schedule
    failures = iter([RuntimeError("process gone")])

    async def schedule_once_failing(
        kind: str, payload: dict[str, Any], due_at: datetime, dedup_key: str | None = None
    ) -> bool:
        failure = next(failures, None)
        if failure is not None:
            raise failure
        return await schedule(kind, payload, due_at, dedup_key)

    world.jobs.schedule = schedule_once_failing  # type: ignore[method-assign]
    world.clock.current = question.escalate_at
    assert await world.runner.run_once() == 1
    second = await world.questions.get(question.id)
    assert second is not None and second.current_index == 1
    assert second.expert_cards.keys() == {question.experts[0].expert_key}  # never DMed
    world.clock.advance(timedelta(minutes=5))  # the failed job's retry
    assert await world.runner.run_once() == 1
    assert world.notifier.dm_recipients()[-1] == question.experts[1].expert_key  # asked now
    assert second.escalate_at is not None
    world.clock.current = second.escalate_at
    assert await world.runner.run_once() == 1
    third = await world.questions.get(question.id)
    assert third is not None and third.current_index == 2
    assert world.notifier.dm_recipients()[-1] == question.experts[2].expert_key


async def test_a_stale_job_never_asks_an_erased_expert_and_the_next_one_is_asked() -> None:
    # The erasure pseudonymised the expert asked (no DM card recorded any more) and made the
    # question due now; a job of the older version must not DM the pseudonym.
    world = await make_world()
    question = (
        await world.service.ask(ask("Wo bekomme ich einen zweiten Bildschirm fürs Homeoffice?"))
    ).question
    assert question is not None
    gone = replace(question.experts[0], expert_key="pseudonym-1", name="gelöschte Person",
                   erased=True)  # fmt: skip
    erased = replace(question, experts=(gone, *question.experts[1:]), expert_cards={},
                     escalate_at=world.clock.now(), version=question.version + 1)  # fmt: skip
    assert await world.questions.save(erased)
    await world.service.escalate(question.id, question.version)  # the older version's job
    assert await world.runner.run_once() == 1  # the current version's escalation, due now
    assert "pseudonym-1" not in world.notifier.dm_recipients()
    stored = await world.questions.get(question.id)
    assert stored is not None and stored.current_index == 1
    assert world.notifier.dm_recipients()[-1] == question.experts[1].expert_key
