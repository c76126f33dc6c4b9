"""The wording of reminder cards, also for a belated one (a missed day caught up)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from bot.domain.birthdays.model import Occasion
from bot.domain.birthdays.views import Reminder
from cards.birthdays import BirthdayCards


def _text(ahead: int, day: date, lang: str) -> str:
    reminder = Reminder("k", "Jana Becker", "jana@firma.de", Occasion.BIRTHDAY, day, ahead)
    return json.dumps(BirthdayCards().reminder_card(reminder, lang), ensure_ascii=False)


@pytest.mark.parametrize(
    ("ahead", "lang", "said"),
    [
        (1, "de", "Jana Becker hat am 6.12. Geburtstag – morgen."),
        (0, "de", "Heute hat Jana Becker Geburtstag."),
        (-1, "de", "Gestern hatte Jana Becker Geburtstag."),
        (-2, "de", "Am Samstag, 5.12., hatte Jana Becker Geburtstag."),
        (-1, "en", "Yesterday was Jana Becker's birthday."),
        (-2, "en", "Jana Becker's birthday was on Saturday, 5 Dec."),
    ],
)
def test_a_reminder_says_when_the_birthday_is_or_was(ahead: int, lang: str, said: str) -> None:
    day = date(2026, 12, 5) if ahead < 0 else date(2026, 12, 6)  # 5.12.2026 is a Saturday
    card = _text(ahead, day, lang)
    assert said in card
    # On the day and after it, the chat link congratulates; before, it opens the chat.
    congratulate = "Gratulieren" if lang == "de" else "Congratulate"
    assert (congratulate in card) is (ahead <= 0)
