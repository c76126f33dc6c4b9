"""The assistant's question names the day as a sentence does: "heute", "morgen", and for the
day after tomorrow "am Mi, 04.03." (not "für Dr. Albrecht Mi, 04.03. 30 Minuten")."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.urgent.model import Ask, CallState, Slot, UrgentCall
from bot.domain.urgent.model import Participant as UrgentParticipant
from cards.urgent import UrgentCards

ZONE = ZoneInfo("Europe/Berlin")
MONDAY_9 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def _asking(days_ahead: int) -> UrgentCall:
    start = MONDAY_9 + timedelta(days=days_ahead)
    window = Slot(start, start + timedelta(hours=7))
    people = (UrgentParticipant("katharina", "Dr. Katharina Albrecht", "k@example.com"),)
    call = UrgentCall(
        id=7, asker_key="jana", asker_name="Jana Becker", tenant_id="t", organiser="jana@x.de",
        on_behalf_key=None, on_behalf_name=None, participants=people, minutes=30,
        window=window, created_at=MONDAY_9,
    )  # fmt: skip
    return replace(call, state=CallState.ASKING, ask_window=window)


@pytest.mark.parametrize(
    ("days_ahead", "lang", "said"),
    [
        (0, "de", "für Dr. Katharina Albrecht heute 30 Minuten"),
        (1, "de", "für Dr. Katharina Albrecht morgen 30 Minuten"),
        (2, "de", "für Dr. Katharina Albrecht am Mi, 04.03. 30 Minuten"),
        (2, "en", "for Dr. Katharina Albrecht on "),
    ],
)
def test_the_assistants_question_names_the_day_in_a_sentence(
    days_ahead: int, lang: str, said: str
) -> None:
    call = _asking(days_ahead)
    card = UrgentCards(ZONE).assistant_card(
        call, Ask("sabine", "Sabine Krüger", "katharina"), lang
    )
    assert said in json.dumps(card, ensure_ascii=False)
