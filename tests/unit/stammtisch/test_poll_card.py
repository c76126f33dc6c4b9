"""The poll card's one-click answers: buttons per date, the clicker's choice marked, result
bars proportional to the counts, the favourite (open) or winner (closed) marked."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from bot.domain.stammtisch.poll import Answer
from dialogs.stammtisch_forms import AnswerAction, PlaceForm
from tests.support.card_samples import all_cards


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _answer_buttons(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in _walk(card) if e.get("verb") == "stammtisch.answer"]


def _date_blocks(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        item
        for container in card["body"]
        if container.get("type") == "Container"
        for item in container["items"]
        if str(item.get("id", "")).startswith("d_")
    ]


def test_every_date_has_three_buttons_whose_data_validates() -> None:
    card = all_cards()["stammtisch.poll_card.votes/de"]
    buttons = _answer_buttons(card)
    days = {b["data"]["day"] for b in buttons}
    assert len(days) == len(_date_blocks(card)) >= 3
    assert len(buttons) == 3 * len(days)
    assert [b["title"] for b in buttons[:3]] == ["Ja", "Vielleicht", "Nein"]
    for button in buttons:
        parsed = AnswerAction.model_validate(button["data"])
        assert parsed.answer in Answer and parsed.day.isoformat() == button["data"]["day"]
        assert button["associatedInputs"] == "none"  # the place is saved by its own button
        assert "style" not in button  # the shared card marks nobody's answer
    assert not any(e.get("verb") == "stammtisch.vote" for e in _walk(card))
    [place] = [e for e in _walk(card) if e.get("verb") == "stammtisch.place"]
    assert PlaceForm.model_validate({**place["data"], "place": "Kantine"}).place == "Kantine"


def test_the_viewers_answers_are_marked_in_their_own_view() -> None:
    card = all_cards()["stammtisch.poll_card.viewer/de"]
    marked = [b for b in _answer_buttons(card) if b.get("style") == "positive"]
    # The sample's viewer (member 3) answered every date: one marked button per date.
    assert len(marked) == len(_date_blocks(card))
    assert all(b["title"].startswith("✓ ") for b in marked)
    answers = list(Answer)
    assert [b["data"]["answer"] for b in marked] == [
        answers[(3 + i) % 3].value for i in range(len(marked))
    ]


def test_bars_are_proportional_and_the_favourite_is_marked() -> None:
    card = all_cards()["stammtisch.poll_card.votes/de"]
    texts = [e["text"] for e in _walk(card) if e.get("type") == "TextBlock"]
    for bar in _date_blocks(card):
        widths = {c["style"]: int(c["width"]) for c in bar["columns"]}
        assert sum(widths.values()) == 70  # the sample's 70 voters
    assert sum("Favorit" in text for text in texts) == 1
    empty = _date_blocks(all_cards()["stammtisch.poll_card.no_votes/de"])
    assert all(bar["columns"][0]["width"] == "stretch" for bar in empty)
    closed = all_cards()["stammtisch.poll_card.closed/en"]
    assert not _answer_buttons(closed)
    assert sum("Chosen" in e.get("text", "") for e in _walk(closed)) == 1
