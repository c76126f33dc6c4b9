"""The check-in card says how many days ago the two were introduced: on time the check-in's
days, asked late (missed while the newcomer was away, asked after their return) the days that
really passed; its buttons answer the check-in it is, in German and English."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bot.domain.onboarding.model import Onboarding, OnboardingState
from cards.onboarding import OnboardingCards

PAIRED = Onboarding(
    7, "melanie", "Melanie Schäfer", "t", "team", datetime(2026, 3, 2, 8, 0, tzinfo=UTC),
    state=OnboardingState.PAIRED, buddy_key="jana", buddy_name="Jana Becker",
)  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "on_time", "late"),
    [
        ("de", "Vor 7 Tagen haben wir Sie mit Jana Becker", "Vor 9 Tagen haben wir Sie mit"),
        ("en", "7 days ago we introduced you to Jana Becker", "9 days ago we introduced you to"),
    ],
)
def test_a_late_check_in_says_the_days_that_passed(lang: str, on_time: str, late: str) -> None:
    cards = OnboardingCards()
    assert on_time in json.dumps(
        cards.check_in_card(PAIRED, 7, "newcomer", lang), ensure_ascii=False
    )
    asked_late = json.dumps(
        cards.check_in_card(PAIRED, 7, "newcomer", lang, 9), ensure_ascii=False
    )
    assert late in asked_late and on_time not in asked_late
    assert '"days": 7, "answer"' in asked_late  # still the week's check-in that is answered
