"""Every button of every card reaches a route whose payload model accepts what Teams sends.

A card builder and the dialog that handles its click are written in different modules; a
renamed verb or field would otherwise show up only as "Diese Karte kenne ich nicht" in chat.
What Teams sends for a click is the action's data plus the values of the inputs the action
gathers (Adaptive Cards' ``associatedInputs: auto``: the inputs of the card the button is in and
of every card around it, not those of other ShowCards); the samples fill each input as a
person would.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError

from dialogs.registry import build_router
from tests.support.card_samples import all_cards

Card = dict[str, Any]
# Routed on purpose without a card that emits them today: cards posted before a change keep
# their buttons for as long as they stay in the chat.
LEGACY_VERBS = {"stammtisch.vote"}


def _filled(field: Card) -> Any:
    """What a person would have entered in ``field``."""
    if field.get("value") not in (None, ""):
        return field["value"]
    kind = field["type"]
    if kind == "Input.ChoiceSet":
        return field["choices"][0]["value"]
    return {
        "Input.Toggle": field.get("valueOn", "true"),
        "Input.Number": str(field.get("min", 1)),
        "Input.Date": "2027-03-02",
        "Input.Time": "12:00",
    }.get(kind, "Antwort")


def _inputs_of(card: Card) -> list[Card]:
    """The inputs in the card's own body (not those inside its ShowCards)."""
    found: list[Card] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "Action.ShowCard":
                return
            if str(node.get("type", "")).startswith("Input."):
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(card.get("body", []))
    return found


def _clicks(card: Card, around: tuple[Card, ...] = ()) -> Iterator[tuple[Card, dict[str, Any]]]:
    """Each submitting action of ``card`` (ShowCards included) with the inputs it gathers."""
    chain = (*around, card)

    def walk(node: Any) -> Iterator[tuple[Card, dict[str, Any]]]:
        if isinstance(node, dict):
            kind = node.get("type")
            if kind == "Action.ShowCard":
                yield from _clicks(node["card"], chain)
                return
            if kind in ("Action.Execute", "Action.Submit"):
                gathered = {} if node.get("associatedInputs") == "none" else {
                    field["id"]: _filled(field) for part in chain for field in _inputs_of(part)
                }  # fmt: skip
                yield node, gathered
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    yield from walk({key: value for key, value in card.items() if key != "type"})


def _every_click(samples: dict[str, Card]) -> Iterator[tuple[str, str, dict[str, Any], Card]]:
    for name, card in samples.items():
        for action, gathered in _clicks(card):
            data = dict(action.get("data") or {})
            verb = action.get("verb") or data.pop("verb", None)
            yield name, str(verb or ""), {**gathered, **data}, action


def _problems(samples: dict[str, Card]) -> tuple[int, list[str]]:
    """How many clicks were checked, and each that no route would accept."""
    payloads = build_router().card_payloads()
    checked, problems = 0, []
    for name, verb, sent, _ in _every_click(samples):
        if not verb:
            continue
        checked += 1
        model = payloads.get(verb)
        if model is None:
            problems.append(f"{name}: no route for {verb!r}")
            continue
        try:
            model.model_validate(sent)
        except ValidationError as error:
            problems.append(f"{name}: {verb} rejects {sent}: {error.errors()[0]['msg']}")
    return checked, problems


def test_every_card_verb_routes_and_its_data_validates() -> None:
    checked, problems = _problems(all_cards())
    assert not problems, "\n".join(problems)
    assert checked >= 400  # every sample's buttons, not a handful


def test_every_routed_verb_has_a_card_that_emits_it() -> None:
    emitted = {verb for _, verb, _, _ in _every_click(all_cards())}
    unreachable = set(build_router().card_payloads()) - emitted - LEGACY_VERBS
    assert not unreachable, f"routes no card emits (dead, or a sample is missing): {unreachable}"


def test_every_im_back_button_sends_a_command_the_bot_understands() -> None:
    router = build_router()
    said = {
        action["data"]["msteams"]["value"]
        for _, verb, _, action in _every_click(all_cards())
        if not verb and (action.get("data") or {}).get("msteams", {}).get("type") == "imBack"
    }
    assert said, "the welcome card's 'Meine Themen eintragen' button should be among them"
    assert [phrase for phrase in said if not router.understands(phrase)] == []


def test_the_check_sees_a_renamed_verb_and_a_missing_field() -> None:
    card = all_cards()["rooms.approval_card/de"]
    approve = next(a for a, _ in _clicks(card) if a.get("verb") == "rooms.approve")
    renamed = json.loads(json.dumps(card).replace('"rooms.decline"', '"rooms.declined"'))
    approve["data"] = {}
    checked, problems = _problems({"renamed": renamed, "emptied": card})
    assert checked >= 4
    assert any("no route for 'rooms.declined'" in p for p in problems), problems
    assert any(p.startswith("emptied: rooms.approve rejects") for p in problems), problems
