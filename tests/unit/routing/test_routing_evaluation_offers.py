"""`eval-routing --offers`: the share of questions offered an earlier answer, and of offers
whose earlier question an expected expert answered."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cli import main
from bot.domain.routing.evaluation import LabelledQuestion
from bot.domain.routing.evaluation_offers import run_offers, summarise_offers
from bot.domain.routing.models import AnsweredQuestion, SimilarAnswer

ASKED = datetime(2026, 3, 2, tzinfo=UTC)


class FixedOffers:
    """Offers the answer of "x" to questions mentioning x, of "y" to those mentioning y."""

    def similar_answered(self, question: str) -> SimilarAnswer | None:
        for name in ("x", "y"):
            if name in question.split():
                return SimilarAnswer(AnsweredQuestion("h", "earlier", name, ASKED), 0.9)
        return None


def test_offers_are_counted_and_checked_against_the_expected_experts() -> None:
    questions = [
        LabelledQuestion("1", "again x", ("x",), kind="history"),
        LabelledQuestion("2", "again y", ("x",), kind="history"),  # offered, wrong answerer
        LabelledQuestion("3", "other", ("x",), kind="history"),  # not offered
        LabelledQuestion("4", "topic", ("y",), kind="topic"),
        LabelledQuestion("5", "hello x", (), kind="noise"),  # noise offered: never fits
    ]
    figures = summarise_offers(run_offers(FixedOffers(), questions))
    assert figures == {
        "offered": 0.6,
        "offered_follow_ups": round(2 / 3, 4),
        "offer_fits": round(1 / 3, 4),
        "offered_noise": 1.0,
    }


def test_cli_reports_offers_and_refuses_them_for_the_baseline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    directory = tmp_path / "directory.json"
    directory.write_text(json.dumps({"experts": [{"id": "a", "name": "A", "topics": ["VPN"]}]}))
    history = tmp_path / "history.jsonl"
    earlier = "Wie richte ich VPN auf dem Laptop ein?"
    history.write_text(json.dumps({"id": "h1", "text": earlier, "answered_by": "a",
                                   "asked_at": "2026-03-02T08:00:00Z"}))  # fmt: skip
    questions = tmp_path / "questions.jsonl"
    rows = [
        {
            "text": "Wie richte ich VPN auf meinem Laptop ein?",
            "expected": ["a"],
            "kind": "history",
        },
        {"text": "Guten Morgen!", "expected": [], "kind": "noise"},
    ]
    questions.write_text("\n".join(json.dumps(r) for r in rows))
    files = ["--directory", str(directory), "--history", str(history)]
    files += ["--questions", str(questions), "--offers", "--json"]
    assert main(["eval-routing", *files]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["offered_follow_ups"] == 1.0 and result["offer_fits"] == 1.0
    assert result["offered_noise"] == 0.0
    assert main(["eval-routing", *files, "--router", "baseline"]) == 2
    assert "--offers" in capsys.readouterr().out
