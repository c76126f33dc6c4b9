"""Birthdays in the real client: the app is installed in the team; Jana Becker (sent as
"Mock an Activity → Custom activity": the Playground has one signed-in user) stores her
birthday and shares it with the network; Sabine Krüger (signed in) asks to be reminded of the
network's birthdays → the bot's clock is moved a day: the reminder ("am 4.3.") appears in
Sabine's personal chat → another day: "Heute hat Jana Becker Geburtstag" with "Gratulieren" →
Sabine clicks it and the greeting card appears in the team's General channel."""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path

import pytest

from tests.e2e.conftest_stack import Stack
from tests.e2e.playground import PlaygroundPage

pytestmark = pytest.mark.e2e

PageFactory = Callable[..., Awaitable[PlaygroundPage]]
SABINE = "c009aadc-479f-503c-b41a-60b0bbea7223"
BEFORE = "Jana Becker hat am 4.3. Geburtstag"
TODAY = "Heute hat Jana Becker Geburtstag."
GREETING = "Sabine Krüger gratuliert Jana Becker zum Geburtstag."
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshot-birthdays.png"


async def test_a_birthday_reminder_and_the_greeting_in_the_channel(
    stack: Stack, new_playground_page: PageFactory, tmp_path: Path
) -> None:
    clock = stack.bot.clock  # 02.03.2026, 09:00 in Berlin: today's daily run is over
    page = await new_playground_page(stack.playground.url)
    # The app is installed in the team (its General channel is the network's channel).
    await page.open_channel("General")
    await page.mock_activity_install_app()
    await page.open_personal_chat()
    jana = page.user_account("Jana Becker")
    for text in ("mein geburtstag 04.03.", "geburtstag sichtbar für netzwerk"):
        await page.mock_custom_activity({"type": "message", "text": text, "from": jana})
    await page.wait_for_text("Ihr Geburtstag ist jetzt sichtbar für: das Netzwerk")
    await page.send("erinnere mich an geburtstage im netzwerk")
    await page.wait_for_text("Ich erinnere Sie an die Geburtstage")
    assert page.bot_sent(containing="Geburtstag hat") == []

    clock.advance(timedelta(days=1))  # 03.03., the daily run at 08:00 is due
    await page.wait_for_text(BEFORE, timeout=20)
    reminder = await page.wait_for_bot_sent(to=SABINE, containing=BEFORE)
    assert reminder.activity["conversation"]["id"] == page.config["personalChat"]["id"]

    clock.advance(timedelta(days=1))  # 04.03.: her birthday
    await page.wait_for_text(TODAY, timeout=20)
    card = page.card(containing=TODAY)
    await card.get_by_role("link", name="Chat öffnen").wait_for()
    # UPDATE_SCREENSHOT=1 refreshes the README's picture of the reminder.
    target = SCREENSHOT if os.environ.get("UPDATE_SCREENSHOT") else tmp_path / "birthday.png"
    await page.screenshot(target, full_page=False)
    response = await page.click_card_button("Gratulieren", containing=TODAY)
    assert response is not None and "erscheint gleich" in str(response["value"]), response

    await page.open_channel("General")
    await page.wait_for_text(GREETING, timeout=20)
    assert len(page.bot_sent(containing=GREETING)) == 1
    assert len(page.bot_sent(containing=BEFORE)) == 1
