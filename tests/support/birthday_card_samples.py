"""Samples of the birthday cards (collected by tests/support/card_samples.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

from bot.domain.birthdays.model import BirthdayProfile, DayOfYear, Follow, Occasion, Visibility
from bot.domain.birthdays.ports import Colleague
from bot.domain.birthdays.views import Reminder
from cards.birthdays import BirthdayCards, form_card, pick_card

Sample = tuple[str, dict[str, Any]]
NOW = datetime(2027, 3, 1, 9, 30, tzinfo=UTC)
JANA = "3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85"


def birthday_cards(lang: str) -> Iterator[Sample]:
    """Every birthday card builder in its states."""
    views = BirthdayCards()
    profile = BirthdayProfile(JANA, "Jana Becker", "t1", DayOfYear(29, 2), Visibility.NETWORK,
                              jubilee=True, remind_network=True, updated_at=NOW)  # fmt: skip
    follows = [Follow(JANA, "k-1", "Kerstin Vogel", "t1", NOW)]
    yield "birthdays.form_card.empty", form_card(None, [], lang)
    note = "Ich kenne Sie aus keinem Team, in dem ich installiert bin."
    yield "birthdays.form_card.not_in_team", form_card(None, [], lang, note=note)
    yield "birthdays.form_card.stored", form_card(profile, follows, lang)
    refused = BirthdayProfile(JANA, "Jana Becker", birthday=DayOfYear(31, 2), jubilee=True)
    problem = "Den 31. Februar gibt es nicht."
    yield "birthdays.form_card.refused", form_card(refused, follows, lang, problem=problem)
    people = [Colleague("k-1", "Kerstin Vogel"), Colleague("k-2", "Kerstin Vogelsang")]
    yield "birthdays.pick_card.follow", pick_card("Kerstin", people, "birthdays.follow", lang)
    yield "birthdays.pick_card.unfollow", pick_card("Kerstin", people, "birthdays.unfollow", lang)
    crowd = [Colleague(f"k-{n}", f"Kerstin {n}") for n in range(20)]
    yield "birthdays.pick_card.cut", pick_card("Kerstin", crowd, "birthdays.follow", lang)
    base = Reminder(JANA, "Jana Becker", "jana.becker@firma.de", Occasion.BIRTHDAY,
                    date(2027, 2, 28), 1, in_channel=True)  # fmt: skip
    yield "birthdays.reminder_card.channel", views.reminder_card(base, lang)
    today = Reminder(JANA, "Jana Becker", "jana.becker@firma.de", Occasion.BIRTHDAY,
                     date(2027, 2, 28), 0)  # fmt: skip
    yield "birthdays.reminder_card.chat", views.reminder_card(today, lang)
    yesterday = Reminder(JANA, "Jana Becker", "jana.becker@firma.de", Occasion.BIRTHDAY,
                         date(2027, 2, 27), -1, in_channel=True)  # fmt: skip
    yield "birthdays.reminder_card.yesterday", views.reminder_card(yesterday, lang)
    past = Reminder(JANA, "Jana Becker", "jana.becker@firma.de", Occasion.BIRTHDAY,
                    date(2027, 2, 26), -3)  # fmt: skip
    yield "birthdays.reminder_card.past", views.reminder_card(past, lang)
    jubilee = Reminder(JANA, "Jana Becker", "", Occasion.JUBILEE, date(2027, 3, 8), 7, 25)
    yield "birthdays.reminder_card.jubilee", views.reminder_card(jubilee, lang)
    yield "birthdays.greeting_card", views.greeting_card("Sabine Krüger", "Jana Becker", lang)
