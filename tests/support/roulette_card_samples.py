"""Samples of the roulette's cards (see tests/support/card_samples.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.roulette.model import Group, Participant, Slot
from cards import roulette

T0 = datetime(2027, 3, 2, 9, 0, tzinfo=UTC)
MAILS = ["sabine.krueger@firma.de", "jana.becker@firma.de", "kerstin.vogel@firma.de"]


def _group(**changes: Any) -> Group:
    slots = tuple(
        Slot(T0 + timedelta(days=d), T0 + timedelta(days=d, minutes=30), "coffee")
        for d in range(3)
    )
    group = Group(
        17, 57, ("sabine", "jana", "kerstin"), ("Sabine Krüger", "Jana Becker", "Kerstin Vogel"),
        ("coffee", "virtual"), "tenant-1", slots, 0, True, 2,
    )  # fmt: skip
    return replace(group, **changes)


def roulette_cards(lang: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every roulette builder in its states."""
    views = roulette.RouletteCards(ZoneInfo("Europe/Berlin"))
    person = Participant("sabine", "Sabine Krüger", "tenant-1", ("coffee", "lunch"), "site",
                         "Vorstand", "Hamburg")  # fmt: skip
    yield "roulette.preferences_card", roulette.preferences_card(person, 2, lang)
    yield "roulette.preferences_card.out", roulette.preferences_card(None, 2, lang)
    yield "roulette.intro_card", views.intro_card(_group(), "sabine", MAILS, lang)
    pair = _group(members=("sabine", "jana"), names=("Sabine Krüger", "Jana Becker"))
    yield "roulette.intro_card.pair", views.intro_card(pair, "jana", MAILS[:2], lang)
    none = _group(slots=())
    yield "roulette.intro_card.no_slot", views.intro_card(none, "sabine", ["", "", ""], lang)
    last = _group(slot_index=2)
    yield "roulette.suggestion_card", views.suggestion_card(last, "jana", MAILS, lang)
    yield "roulette.follow_up_card", views.follow_up_card(_group(), lang)
    yield "roulette.unmatched_card", views.unmatched_card(lang)
    yield "roulette.next_round_card", roulette.next_round_card(True, lang)
    yield "roulette.next_round_card.no", roulette.next_round_card(False, lang)
