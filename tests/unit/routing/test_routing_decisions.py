"""Learning from decisions: declines lower, forwards raise, for similar questions only, fading."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.domain.routing.decisions import (
    DecisionAdjuster,
    DecisionSignal,
    LearntDecision,
    SignalKind,
    decay,
    relevance,
)
from bot.domain.routing.directory_import import parse_directory
from bot.domain.routing.index import ExpertRouter
from bot.domain.routing.models import RoutingResult
from bot.domain.routing.router_cache import PoolRouter

DEMO_EXPERTS = Path(__file__).resolve().parents[3] / "devkit" / "demo" / "experts.json"
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
ROOMS = "Wer kann mir bei der Raumplanung helfen?"
CONTRACTS = "Wer kennt sich mit Verträgen aus?"


@pytest.fixture(scope="module")
def router() -> ExpertRouter:
    records = parse_directory(json.loads(DEMO_EXPERTS.read_text("utf-8")))
    return ExpertRouter([r.to_profile() for r in records], [])


@pytest.fixture(scope="module")
def keys(router: ExpertRouter) -> dict[str, str]:
    records = parse_directory(json.loads(DEMO_EXPERTS.read_text("utf-8")))
    return {r.name.split()[0]: r.user_key for r in records}


def learnt(
    expert: str,
    kind: SignalKind,
    text: str,
    age: timedelta = timedelta(0),
    owner: str | None = None,
    question_id: int = 1,
) -> LearntDecision:
    signal = DecisionSignal("default", question_id, expert, kind, NOW - age)
    return LearntDecision(signal, text, owner)


def names(result: RoutingResult, keys: dict[str, str]) -> list[str]:
    by_key = {key: name for name, key in keys.items()}
    return [by_key[c.expert_id] for c in result.candidates]


def rank(router: ExpertRouter, question: str, *decisions: LearntDecision) -> RoutingResult:
    adjuster = DecisionAdjuster(decisions, router.coverage, NOW)
    return PoolRouter(router, 13, adjuster).rank(question, k=3)


def test_without_decisions_the_ranking_is_the_routers(
    router: ExpertRouter, keys: dict[str, str]
) -> None:
    assert names(rank(router, ROOMS), keys) == ["Kerstin", "Birgit"]
    assert names(rank(router, CONTRACTS), keys) == ["Nicole", "Jana", "Petra"]
    assert rank(router, ROOMS) == router.rank(ROOMS, k=3)


def test_a_decline_lowers_the_expert_for_a_similar_question(
    router: ExpertRouter, keys: dict[str, str]
) -> None:
    declined = learnt(keys["Kerstin"], "declined", ROOMS)
    similar = "Wer hilft mir bei der Raumplanung für nächste Woche?"
    assert names(rank(router, similar, declined), keys) == ["Birgit", "Kerstin"]
    before = {c.expert_id: c.score for c in router.rank(similar).candidates}
    after = {c.expert_id: c.score for c in rank(router, similar, declined).candidates}
    assert after[keys["Kerstin"]] == pytest.approx(before[keys["Kerstin"]] * 0.5, abs=1e-3)
    assert after[keys["Birgit"]] == before[keys["Birgit"]]  # nobody else moves


def test_a_decline_of_an_unrelated_question_moves_nobody(
    router: ExpertRouter, keys: dict[str, str]
) -> None:
    # Kerstin declined a question about catering; room planning is still hers.
    declined = learnt(keys["Kerstin"], "declined", "Wer bestellt Catering für eine Besprechung?")
    assert rank(router, ROOMS, declined) == router.rank(ROOMS, k=3)
    assert router.coverage(ROOMS, ["Wer bestellt Catering für eine Besprechung?"]) == [0.0]


def test_a_forward_raises_the_target_and_the_forwarder_declined(
    router: ExpertRouter, keys: dict[str, str]
) -> None:
    signals = (
        learnt(keys["Nicole"], "declined", CONTRACTS),
        learnt(keys["Petra"], "forwarded_to", CONTRACTS),
    )
    similar = "Wer hilft bei Verträgen?"
    assert names(rank(router, similar, *signals), keys) == ["Petra", "Jana", "Nicole"]
    # "prüfen" is more than the forwarded question asked (and Nicole's topic): unchanged.
    checking = "Wer prüft einen Vertrag?"
    assert rank(router, checking, *signals) == router.rank(checking, k=3)
    # The forward alone: Petra passes both colleagues, they keep their order.
    forward = learnt(keys["Petra"], "forwarded_to", CONTRACTS)
    assert names(rank(router, CONTRACTS, forward), keys) == ["Petra", "Nicole", "Jana"]


def test_a_forward_target_the_router_does_not_rank_is_not_added(
    router: ExpertRouter, keys: dict[str, str]
) -> None:
    # Aylin (IT) matches nothing of a question about contracts: naming her would need a reason
    # the card could not truthfully give. She gets such questions once she answers them.
    forward = learnt(keys["Aylin"], "forwarded_to", CONTRACTS)
    assert rank(router, CONTRACTS, forward) == router.rank(CONTRACTS, k=3)


def test_several_forwards_add_up_to_one_bonus_and_several_declines_compound(
    router: ExpertRouter, keys: dict[str, str]
) -> None:
    base = {c.expert_id: c.score for c in router.rank(CONTRACTS).candidates}
    forwards = [learnt(keys["Jana"], "forwarded_to", CONTRACTS, question_id=n) for n in (1, 2, 3)]
    raised = {c.expert_id: c.score for c in rank(router, CONTRACTS, *forwards).candidates}
    assert raised[keys["Jana"]] == pytest.approx(base[keys["Jana"]] + 0.3, abs=1e-3)
    declines = [learnt(keys["Nicole"], "declined", CONTRACTS, question_id=n) for n in (1, 2)]
    lowered = {c.expert_id: c.score for c in rank(router, CONTRACTS, *declines).candidates}
    assert lowered[keys["Nicole"]] == pytest.approx(base[keys["Nicole"]] * 0.25, abs=1e-3)


def test_signals_fade_with_a_half_life_and_are_gone_after_a_year(
    router: ExpertRouter, keys: dict[str, str]
) -> None:
    assert decay(timedelta(0)) == 1.0
    assert decay(timedelta(days=90)) == pytest.approx(0.5)
    assert decay(timedelta(days=180)) == pytest.approx(0.25)
    assert decay(timedelta(days=365)) == 0.0
    base = {c.expert_id: c.score for c in router.rank(ROOMS).candidates}
    old = learnt(keys["Kerstin"], "declined", ROOMS, age=timedelta(days=90))
    faded = {c.expert_id: c.score for c in rank(router, ROOMS, old).candidates}
    assert faded[keys["Kerstin"]] == pytest.approx(base[keys["Kerstin"]] * 0.75, abs=1e-3)
    ancient = learnt(keys["Kerstin"], "declined", ROOMS, age=timedelta(days=400))
    assert rank(router, ROOMS, ancient) == router.rank(ROOMS, k=3)


def test_erased_questions_and_declines_taken_back_teach_nothing(
    router: ExpertRouter, keys: dict[str, str]
) -> None:
    erased = learnt(keys["Kerstin"], "declined", "")
    # She declined, but took and answered it later after all: the question was hers.
    answered = learnt(keys["Kerstin"], "declined", ROOMS, owner=keys["Kerstin"])
    assert DecisionAdjuster([erased, answered], router.coverage, NOW).empty
    assert rank(router, ROOMS, erased, answered) == router.rank(ROOMS, k=3)


def test_relevance_ignores_weak_overlap_and_grows_to_one() -> None:
    assert relevance(0.0) == relevance(0.39) == 0.0
    assert relevance(0.7) == pytest.approx(0.5)
    assert relevance(1.0) == 1.0


def test_coverage_is_the_share_of_the_question_a_text_contains(router: ExpertRouter) -> None:
    texts = [ROOMS, "Raumplanung im Haus Alster", "Wie buche ich einen Termin beim Betriebsarzt?"]
    assert router.coverage("Wer hilft bei der Raumplanung?", texts) == [1.0, 1.0, 0.0]
    # Words the index does not know count as rare ones, not as nothing.
    assert router.coverage("Betriebsarzt Termin", texts)[2] == 1.0
    assert router.coverage("Danke, schönes Wochenende!", texts) == [0.0, 0.0, 0.0]
