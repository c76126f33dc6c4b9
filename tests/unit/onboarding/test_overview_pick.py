"""The admins' overview: each "Buddy ändern" sends the pick of its own onboarding."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from dialogs.registry import build_router
from tests.support.card_samples import all_cards


def _show_cards(card: dict[str, Any]) -> list[dict[str, Any]]:
    # Each onboarding's line and its "Buddy ändern" are one Container (one row of a page).
    elements = [
        item
        for element in card["body"]
        for item in (element["items"] if element.get("type") == "Container" else [element])
    ]
    return [
        action["card"]
        for element in elements
        if element.get("type") == "ActionSet"
        for action in element["actions"]
        if action["type"] == "Action.ShowCard"
    ]


def test_each_pick_has_its_own_input_and_reaches_the_assign_payload() -> None:
    overview = all_cards()["onboarding.overview_card/de"]
    show_cards = _show_cards(overview)
    assert len(show_cards) == 3
    payload = build_router().card_payloads()["onboarding.assign"]
    # Teams sends the button's data plus every input of the card the button is on.
    inputs = {sub["body"][0]["id"]: sub["body"][0]["choices"][-1]["value"] for sub in show_cards}
    assert len(inputs) == 3  # unique ids
    for sub in show_cards:
        [choice] = sub["body"]
        [button] = sub["actions"]
        other = {key: "someone-else" for key in inputs if key != choice["id"]}
        data = {**other, **button["data"], choice["id"]: inputs[choice["id"]]}
        parsed = payload.model_validate(data)
        assert parsed.buddy_key == inputs[choice["id"]]  # type: ignore[attr-defined]
        assert parsed.onboarding_id == button["data"]["onboarding_id"]  # type: ignore[attr-defined]


def test_the_single_pick_card_still_sends_buddy_key_and_nothing_is_guessed() -> None:
    payload = build_router().card_payloads()["onboarding.assign"]
    assert payload.model_validate({"onboarding_id": 12, "buddy_key": "k"}).buddy_key == "k"  # type: ignore[attr-defined]
    with pytest.raises(ValidationError):
        payload.model_validate({"onboarding_id": 12, "buddy_key_13": "k"})
