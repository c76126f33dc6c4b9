"""The evaluation's per-kind and per-language breakdown and the CLI's --by-kind table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.domain.routing.evaluation import LabelledQuestion, by_kind, run, summarise
from bot.domain.routing.models import Candidate, Reason, RoutingResult


class FixedRouter:
    """Names "x" for questions mentioning x, nobody otherwise."""

    def rank(self, question: str, k: int = 3) -> RoutingResult:
        if "x" in question:
            return RoutingResult((Candidate("x", 1.0, Reason("topic", "x")),))
        return RoutingResult((), "no_match")


QUESTIONS = [
    LabelledQuestion("1", "about x", ("x",), kind="topic", lang="de"),
    LabelledQuestion("2", "about y", ("x",), kind="topic", lang="en"),
    LabelledQuestion("3", "hello", (), kind="noise", lang="de"),
    LabelledQuestion("4", "hello x", (), kind="noise", lang="en"),
]


def test_groups_by_kind_language_and_both() -> None:
    groups = by_kind(run(FixedRouter(), QUESTIONS))
    assert set(groups) == {
        "topic/de",
        "topic/en",
        "topic/*",
        "noise/de",
        "noise/en",
        "noise/*",
        "*/de",
        "*/en",
    }
    assert groups["topic/de"]["top1"] == 1.0
    assert groups["topic/en"]["false_abstain"] == 1.0
    assert groups["topic/*"]["top1"] == 0.5
    assert groups["noise/*"]["noise_abstain"] == 0.5
    assert summarise(run(FixedRouter(), QUESTIONS))["top1"] == 0.5


def test_cli_prints_the_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    directory = tmp_path / "directory.json"
    directory.write_text(json.dumps({"experts": [{"id": "a", "name": "A", "topics": ["VPN"]}]}))
    history = tmp_path / "history.jsonl"
    history.write_text("")
    questions = tmp_path / "questions.jsonl"
    rows = [
        {"text": "Wer kennt sich mit VPN aus?", "expected": ["a"], "kind": "topic", "lang": "de"},
        {"text": "Guten Morgen!", "expected": [], "kind": "noise", "lang": "de"},
    ]
    questions.write_text("\n".join(json.dumps(r) for r in rows))
    files = ["--directory", str(directory), "--history", str(history)]
    files += ["--questions", str(questions), "--by-kind"]
    assert main(["eval-routing", *files]) == 0
    table = capsys.readouterr().out
    assert "topic/de" in table and "noise/de" in table
    assert main(["eval-routing", *files, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["top1"] == 1.0
    assert result["by_kind"]["noise/de"]["noise_abstain"] == 1.0
