"""The dev-set evaluation meets the routing targets (skipped when the data set is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.routing.evaluation import evaluate

DEV_SET = Path(__file__).resolve().parents[3].parent / "shared" / "datasets" / "routing-dev"
DIRECTORY, HISTORY, QUESTIONS = (
    DEV_SET / n for n in ("directory.json", "history.jsonl", "questions.jsonl")
)
FILES = (DIRECTORY, HISTORY, QUESTIONS)

pytestmark = pytest.mark.skipif(
    not all(f.is_file() for f in FILES), reason="routing dev set not present"
)


def test_dev_set_meets_targets() -> None:
    result = evaluate(DIRECTORY, HISTORY, QUESTIONS)
    assert set(result) == {
        "n",
        "top1",
        "top3",
        "noise_abstain",
        "false_abstain",
        "p50_ms",
        "p99_ms",
    }
    assert result["top1"] >= 0.85
    assert result["top3"] >= 0.95
    assert result["noise_abstain"] >= 0.90


def test_dev_set_beats_baseline() -> None:
    ours = evaluate(DIRECTORY, HISTORY, QUESTIONS, router="ours")
    baseline = evaluate(DIRECTORY, HISTORY, QUESTIONS, router="baseline")
    assert ours["top1"] > baseline["top1"]
    assert ours["top3"] > baseline["top3"]
