""" "Geht es um …?": when the router asks back, what a click does, and the --clarify evaluation."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import timedelta

import pytest

from bot.domain.routing import clarify
from bot.domain.routing.evaluation import LabelledQuestion
from bot.domain.routing.evaluation_clarify import run_clarify, summarise_clarify
from bot.domain.routing.models import Candidate, ExpertProfile, Reason, RoutingResult
from bot.domain.routing.named import NamedExpert
from bot.domain.routing.questions import DecisionError, Question, QuestionState
from bot.domain.routing.service import ESCALATE_JOB
from tests.unit.routing.test_routing_service import ASKER, MONDAY_9, World, ask, make_world

LEGAL = ExpertProfile("legal", "Nicole", department="Recht", topics=("Vertragsprüfung",))
HR = ExpertProfile("hr", "Jana", department="Personal", topics=("Arbeitsverträge",))
HR2 = ExpertProfile("hr2", "Jens", department="Personal", topics=("Elternzeit",))
PROFILES = {p.id: p for p in (LEGAL, HR, HR2)}


def _ranking(*scored: tuple[str, float, str | None]) -> RoutingResult:
    return RoutingResult(
        tuple(
            Candidate(i, s, Reason("topic", topic=t) if t else Reason("profile", field="title"))
            for i, s, t in scored
        )
    )


def test_a_clear_winner_is_not_asked_back() -> None:
    ranking = _ranking(("legal", 1.0, "Vertragsprüfung"), ("hr", 0.5, "Arbeitsverträge"))
    assert clarify.choices_for(ranking, PROFILES) == ()
    assert not clarify.close_call(ranking)


def test_leaders_standing_for_different_things_are_asked_about() -> None:
    ranking = _ranking(
        ("legal", 1.0, "Vertragsprüfung"), ("hr", 0.9, "Arbeitsverträge"), ("hr2", 0.1, None)
    )
    assert clarify.close_call(ranking)
    choices = clarify.choices_for(ranking, PROFILES)
    assert choices == (
        clarify.Choice("Vertragsprüfung", ("legal",)),
        clarify.Choice("Arbeitsverträge", ("hr",)),
    )
    # The click puts that choice's experts first, the others after in ranking order.
    order = clarify.chosen_order(list(ranking.candidates), choices, 1)
    assert [c.expert_id for c in order] == ["hr", "legal", "hr2"]


def test_leaders_standing_for_the_same_thing_need_no_question() -> None:
    # Both match through their profile only: both stand for their department "Personal".
    ranking = _ranking(("hr", 1.0, None), ("hr2", 0.95, None))
    assert clarify.choices_for(ranking, PROFILES) == ()


def test_the_department_labels_an_expert_without_a_matched_topic() -> None:
    ranking = _ranking(("legal", 1.0, "Vertragsprüfung"), ("hr2", 0.9, None))
    labels = [c.label for c in clarify.choices_for(ranking, PROFILES)]
    assert labels == ["Vertragsprüfung", "Personal"]


def test_up_to_four_choices_are_offered_and_a_fifth_leader_is_left_out() -> None:
    topics = ("Vertragsprüfung", "Arbeitsverträge", "Rahmenverträge", "Mietverträge", "Leasing")
    profiles = {
        f"e{i}": ExpertProfile(f"e{i}", f"E{i}", topics=(t,)) for i, t in enumerate(topics)
    }
    ranking = _ranking(*((f"e{i}", 1.0 - i / 20, t) for i, t in enumerate(topics)))
    labels = [c.label for c in clarify.choices_for(ranking, profiles)]
    assert labels == list(topics[:4])


class _Fixed:
    def __init__(self, ranking: RoutingResult) -> None:
        self.ranking = ranking

    def rank(self, question: str, k: int = 3) -> RoutingResult:
        return self.ranking


def test_the_evaluation_clicks_the_choice_of_a_right_expert() -> None:
    close = _Fixed(_ranking(("legal", 1.0, "Vertragsprüfung"), ("hr", 0.9, "Arbeitsverträge")))
    questions = [
        LabelledQuestion("1", "Arbeitsvertrag ändern?", ("hr",)),
        LabelledQuestion("2", "Wer prüft Verträge?", ("legal",)),
        LabelledQuestion("3", "Elternzeit?", ("hr2",)),  # no choice fits: "Etwas anderes"
    ]
    figures = summarise_clarify(run_clarify(close, questions, list(PROFILES.values())))
    assert figures["clarify_asked"] == 1.0
    assert figures["clarify_top1"] == round(2 / 3, 4)
    clear = _Fixed(_ranking(("legal", 1.0, "Vertragsprüfung"), ("hr", 0.2, "Arbeitsverträge")))
    figures = summarise_clarify(run_clarify(clear, questions, list(PROFILES.values())))
    assert figures["clarify_asked"] == 0.0 and figures["clarify_top1"] == round(1 / 3, 4)


async def test_an_ambiguous_question_asks_nobody_until_the_asker_chooses() -> None:
    world = await make_world()
    result = await world.service.ask(ask("Wer kennt sich mit Verträgen aus?"))
    question = result.question
    assert result.outcome == "clarifying" and question is not None
    assert question.state is QuestionState.CLARIFYING
    assert question.choices == ("Vertragsprüfung", "Arbeitsverträge", "Rahmenverträge")
    assert world.notifier.directs == []
    # Only the fallback is planned: the leading choice is asked if the asker never clicks.
    [fallback] = world.jobs.jobs.values()
    assert fallback.kind == ESCALATE_JOB and fallback.due_at == question.escalate_at
    assert question.escalate_at == MONDAY_9 + timedelta(hours=2)  # business hours, Monday
    # Experts cannot take it while the asker is choosing.
    with pytest.raises(DecisionError, match="clarifying"):
        await world.service.take(question.id, question.experts[0].expert_key)

    with pytest.raises(DecisionError, match="not_asker"):
        await world.service.choose(question.id, "someone-else", 1)
    with pytest.raises(DecisionError, match="unknown_choice"):
        await world.service.choose(question.id, ASKER, 3)
    stored = await world.questions.get(question.id)
    assert stored is not None and stored.version == question.version

    chosen = await world.service.choose(question.id, ASKER, 1)
    assert chosen.state is QuestionState.ASKED and chosen.current_expert is not None
    assert chosen.current_expert.name == "Jana Becker" and len(chosen.experts) == 3
    assert chosen.escalate_at is not None and chosen.escalate_at > MONDAY_9
    assert [j.kind for j in world.jobs.jobs.values()] == [ESCALATE_JOB, ESCALATE_JOB]
    with pytest.raises(DecisionError, match="already_chosen"):
        await world.service.choose(question.id, ASKER, 0)
    # The fallback, due now, finds the question chosen and changes nothing.
    world.clock.advance(timedelta(hours=2))
    assert await world.runner.run_once() == 1
    assert len(world.notifier.directs) == 1 and world.notifier.mentions == []
    stored = await world.questions.get(question.id)
    assert stored is not None and stored.version == chosen.version


async def test_two_clicks_at_once_ask_the_expert_once() -> None:
    world = await make_world()
    question = (await world.service.ask(ask("Wer kennt sich mit Verträgen aus?"))).question
    assert question is not None
    outcomes = await asyncio.gather(
        *(world.service.choose(question.id, ASKER, n % 2) for n in range(6)),
        return_exceptions=True,
    )
    won = [o for o in outcomes if not isinstance(o, BaseException)]
    lost = [o for o in outcomes if isinstance(o, DecisionError)]
    assert len(won) == 1 and len(lost) == 5
    assert {e.code for e in lost} == {"already_chosen"}
    assert len(world.notifier.directs) == 1


async def test_something_else_closes_without_naming_anyone() -> None:
    world = await make_world()
    question = (await world.service.ask(ask("Wer kennt sich mit Verträgen aus?"))).question
    assert question is not None
    closed = await world.service.choose(question.id, ASKER, None)
    assert closed.state is QuestionState.WITHDRAWN and closed.experts == ()
    assert world.notifier.directs == []
    with pytest.raises(DecisionError, match="closed"):
        await world.service.choose(question.id, ASKER, 0)


def test_choosing_keeps_the_absent_behind_the_present() -> None:
    from tests.support.card_samples import _question  # a named-experts question

    base = _question(state=QuestionState.CLARIFYING)
    first, second = base.experts
    experts = (replace(first, choice="A", absent=True), replace(second, choice="A"))
    chosen = replace(base, experts=experts).choose(base.asker_key, 0, MONDAY_9)
    assert chosen.current_expert is not None and chosen.current_expert.expert_key == (
        second.expert_key
    )


async def test_an_asker_who_never_chooses_gets_the_leading_choice_asked_once() -> None:
    world = await make_world()
    question = (await world.service.ask(ask("Wer kennt sich mit Verträgen aus?"))).question
    assert question is not None and question.escalate_at is not None
    # Not due yet: the runner finds nothing, nobody is asked.
    world.clock.advance(timedelta(hours=1, minutes=59))
    assert await world.runner.run_once() == 0
    assert world.notifier.directs == []

    world.clock.advance(timedelta(minutes=1))
    assert await world.runner.run_once() == 1  # the fallback ran: positive signal
    asked = await world.questions.get(question.id)
    assert asked is not None and asked.state is QuestionState.ASKED
    assert asked.current_expert is not None and asked.current_expert.expert_key == (
        question.experts[0].expert_key  # the leading choice's expert
    )
    assert [key for key, _card in world.notifier.directs] == [question.experts[0].expert_key]
    [(_place, person, text)] = world.notifier.mentions
    assert person == ASKER and "nicht gewählt" in text
    assert f"{question.experts[0].name} gefragt („Vertragsprüfung“)" in text
    # Now the asked expert's own deadline is planned; the asker's late click is refused.
    assert asked.escalate_at is not None and asked.escalate_at > world.clock.now()
    with pytest.raises(DecisionError, match="already_chosen"):
        await world.service.choose(question.id, ASKER, 1)

    # Teams or a replica re-runs the same fallback: nothing more happens.
    await world.service.escalate(question.id, question.version)
    assert len(world.notifier.directs) == 1 and len(world.notifier.mentions) == 1
    again = await world.questions.get(question.id)
    assert again is not None and again.version == asked.version


async def test_a_fallback_racing_the_askers_click_asks_one_expert() -> None:
    world = await make_world()
    question = (await world.service.ask(ask("Wer kennt sich mit Verträgen aus?"))).question
    assert question is not None
    world.clock.advance(timedelta(hours=2))
    outcomes = await asyncio.gather(
        world.service.escalate(question.id, question.version),
        world.service.choose(question.id, ASKER, 1),
        return_exceptions=True,
    )
    errors = [o for o in outcomes if isinstance(o, BaseException)]
    assert all(isinstance(e, DecisionError) and e.code == "already_chosen" for e in errors)
    assert len(world.notifier.directs) == 1
    stored = await world.questions.get(question.id)
    assert stored is not None and stored.state is QuestionState.ASKED


def test_a_clarifying_question_is_not_due_before_its_deadline() -> None:
    from tests.support.card_samples import _question

    base = replace(_question(state=QuestionState.CLARIFYING), escalate_at=MONDAY_9)
    experts = tuple(replace(e, choice=f"T{i}") for i, e in enumerate(base.experts))
    waiting = replace(base, experts=experts)
    with pytest.raises(DecisionError, match="not_due"):
        waiting.escalate(MONDAY_9 - timedelta(seconds=1), MONDAY_9 + timedelta(hours=4))
    moved = waiting.escalate(MONDAY_9, MONDAY_9 + timedelta(hours=4))
    assert moved.state is QuestionState.ASKED and moved.choices == ()
    assert moved.experts[0].expert_key == experts[0].expert_key


async def test_without_a_click_and_everyone_away_the_asker_learns_that_nobody_was_asked() -> None:
    named = await (await make_world()).service.ask(ask("Wer kennt sich mit Verträgen aus?"))
    assert named.question is not None
    world = await make_world()
    for expert in named.question.experts:
        record = await world.service.experts.get("default", expert.expert_key)
        assert record is not None
        away = replace(record, paused_until=MONDAY_9 + timedelta(days=7))
        await world.service.experts.upsert(away)
    question = (await world.service.ask(ask("Wer kennt sich mit Verträgen aus?"))).question
    assert question is not None and question.state is QuestionState.CLARIFYING
    world.clock.advance(timedelta(hours=2))
    assert await world.runner.run_once() == 1
    stored = await world.questions.get(question.id)
    assert stored is not None and stored.state is QuestionState.UNASSIGNED
    assert world.notifier.directs == []
    [(_place, _person, text)] = world.notifier.mentions
    assert "„Vertragsprüfung“ zugeordnet" in text and "abwesend" in text


async def _asked_back_with_the_leader_away() -> tuple[World, NamedExpert, Question]:
    """ "Wer kennt sich mit Verträgen aus?" asked back while the leading choice's expert is
    paused for a week."""
    named = await (await make_world()).service.ask(ask("Wer kennt sich mit Verträgen aus?"))
    assert named.question is not None
    leader = named.question.experts[0]
    world = await make_world()
    record = await world.service.experts.get("default", leader.expert_key)
    assert record is not None
    await world.service.experts.upsert(replace(record, paused_until=MONDAY_9 + timedelta(days=7)))
    question = (await world.service.ask(ask("Wer kennt sich mit Verträgen aus?"))).question
    assert question is not None and question.state is QuestionState.CLARIFYING
    return world, leader, question


async def test_without_a_click_the_note_names_the_choice_of_whoever_was_asked() -> None:
    # The leading choice's expert is away: the fallback asks the next one who is not, and
    # the note names that expert with their own choice, not the leading one.
    world, leader, question = await _asked_back_with_the_leader_away()
    world.clock.advance(timedelta(hours=2))
    assert await world.runner.run_once() == 1
    stored = await world.questions.get(question.id)
    assert stored is not None and stored.current_expert is not None
    asked = stored.current_expert
    assert asked.expert_key != leader.expert_key
    label = next(e.choice for e in question.experts if e.expert_key == asked.expert_key)
    [(_place, _person, text)] = world.notifier.mentions
    assert f"{asked.name} gefragt („{label}“)" in text


async def test_choosing_a_topic_whose_experts_are_away_waits_for_them() -> None:
    # The asker says which topic it is; asking another topic's expert would be a guess the
    # asker just ruled out. It waits for the chosen topic's expert (the fallback, above, may
    # ask another: nobody chose).
    world, leader, question = await _asked_back_with_the_leader_away()
    chosen = await world.service.choose(question.id, ASKER, 0)  # the away expert's topic
    assert chosen.state is QuestionState.UNASSIGNED and chosen.current_expert is None
    assert [e.expert_key for e in chosen.experts] == [leader.expert_key]
    assert world.notifier.dm_recipients() == []
