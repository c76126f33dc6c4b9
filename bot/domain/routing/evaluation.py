"""Offline evaluation of a router on a labelled question set (directory, history, questions)."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, Protocol

from bot.domain.routing.baseline import BaselineRouter
from bot.domain.routing.index import ExpertRouter
from bot.domain.routing.models import AnsweredQuestion, ExpertProfile, RoutingResult


class Router(Protocol):
    """What the evaluation needs from a router."""

    def rank(self, question: str, k: int = 3) -> RoutingResult:
        """Rank experts for a question."""
        ...


@dataclass(frozen=True)
class LabelledQuestion:
    """A question with the expert ids that may answer it ([] = must not be routed)."""

    id: str
    text: str
    expected: tuple[str, ...]
    # Optional labels of the data set ("topic", "paraphrase", ...; "de", "en") for breakdowns.
    kind: str = ""
    lang: str = ""


def _jsonl(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def load_directory(path: Path) -> list[ExpertProfile]:
    """Experts from a directory.json ({"experts": [...]} or a bare list)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = data["experts"] if isinstance(data, dict) else data
    return [
        ExpertProfile(
            id=r["id"],
            name=r.get("name", ""),
            department=r.get("department", ""),
            title=r.get("title", ""),
            location=r.get("location", ""),
            languages=tuple(r.get("languages", ())),
            topics=tuple(r.get("topics", ())),
            about=r.get("about", ""),
        )
        for r in rows
    ]


def load_history(path: Path) -> list[AnsweredQuestion]:
    """Answered questions from history.jsonl."""
    return [
        AnsweredQuestion(
            id=str(r.get("id", n)),
            text=r["text"],
            answered_by=r["answered_by"],
            asked_at=datetime.fromisoformat(r["asked_at"].replace("Z", "+00:00")),
        )
        for n, r in enumerate(_jsonl(path))
    ]


def load_questions(path: Path) -> list[LabelledQuestion]:
    """Labelled questions from questions.jsonl."""
    return [
        LabelledQuestion(
            str(r.get("id", n)),
            r["text"],
            tuple(r["expected"]),
            kind=str(r.get("kind", "")),
            lang=str(r.get("lang", "")),
        )
        for n, r in enumerate(_jsonl(path))
    ]


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


@dataclass(frozen=True)
class Outcome:
    """What the router named for one labelled question, and how long it took."""

    question: LabelledQuestion
    named: tuple[str, ...]
    ms: float


def run(router: Router, questions: Sequence[LabelledQuestion]) -> list[Outcome]:
    """Rank every question once (top 3), timing each call."""
    outcomes = []
    for question in questions:
        start = time.perf_counter()
        result = router.rank(question.text, k=3)
        elapsed = (time.perf_counter() - start) * 1000.0
        named = tuple(c.expert_id for c in result.candidates)
        outcomes.append(Outcome(question, named, elapsed))
    return outcomes


def summarise(outcomes: Sequence[Outcome]) -> dict[str, float]:
    """Accuracy, abstention shares and latency over a set of outcomes."""
    answerable = noise = top1 = top3 = abstained_noise = false_abstain = 0
    for outcome in outcomes:
        named, expected = outcome.named, outcome.question.expected
        if not expected:
            noise += 1
            abstained_noise += not named
            continue
        answerable += 1
        false_abstain += not named
        top1 += bool(named) and named[0] in expected
        top3 += any(e in expected for e in named[:3])
    latencies = [o.ms for o in outcomes]
    return {
        "n": len(outcomes),
        "top1": round(top1 / answerable, 4) if answerable else 0.0,
        "top3": round(top3 / answerable, 4) if answerable else 0.0,
        "noise_abstain": round(abstained_noise / noise, 4) if noise else 0.0,
        "false_abstain": round(false_abstain / answerable, 4) if answerable else 0.0,
        "p50_ms": round(_percentile(latencies, 0.50), 3),
        "p99_ms": round(_percentile(latencies, 0.99), 3),
    }


def by_kind(outcomes: Sequence[Outcome]) -> dict[str, dict[str, float]]:
    """Figures per "kind/lang" label, per kind ("kind/*") and per language ("*/lang")."""
    groups: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        kind = outcome.question.kind or "?"
        lang = outcome.question.lang or "?"
        for key in (f"{kind}/{lang}", f"{kind}/*", f"*/{lang}"):
            groups.setdefault(key, []).append(outcome)
    return {key: summarise(groups[key]) for key in sorted(groups)}


def score(router: Router, questions: Sequence[LabelledQuestion]) -> dict[str, float]:
    """Accuracy, abstention shares and latency of an already built router."""
    return summarise(run(router, questions))


def build(
    directory_path: str | Path,
    history_path: str | Path,
    router: Literal["ours", "baseline"] = "ours",
) -> Router:
    """The chosen router built from a directory and a history file."""
    experts = load_directory(Path(directory_path))
    history = load_history(Path(history_path))
    if router == "baseline":
        return BaselineRouter(experts, history)
    return ExpertRouter(experts, history)


def evaluate(
    directory_path: str | Path,
    history_path: str | Path,
    questions_path: str | Path,
    router: Literal["ours", "baseline"] = "ours",
) -> dict[str, float]:
    """Build the chosen router from the files and score it on the labelled questions."""
    return score(build(directory_path, history_path, router), load_questions(Path(questions_path)))
