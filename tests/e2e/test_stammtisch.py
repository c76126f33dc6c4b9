"""Stammtisch in the real client: "stammtisch neu" in the channel → poll card → Sabine clicks
"Ja" of the first date → Jana clicks too (mocked Universal Action) → the shared card shows
both → Sabine clicks "Nein" of the second date on the shared card, keeping the first →
Sabine closes the poll → announcement in the thread → invitation in the Graph simulator."""

from __future__ import annotations

import asyncio
import os
import re
import time
from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from cards.stammtisch_format import day_label
from tests.e2e.conftest_stack import Stack
from tests.e2e.playground import PlaygroundPage, card_elements

pytestmark = pytest.mark.e2e

PageFactory = Callable[..., Awaitable[PlaygroundPage]]
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshot-stammtisch.png"
TITLE = "Assistenz-Stammtisch im "
DAY_LABEL = re.compile(r"^\w{2}, \d{2}\.\d{2}\.$")  # "Mi, 01.04."
JANA_MAILBOX = "jana.becker@nordlicht-demo.de"
INVITE_SUBJECT = "Assistenz-Stammtisch"


def _answer_buttons(card: dict[str, Any]) -> list[dict[str, Any]]:
    buttons = [e for e in card_elements(card) if e.get("verb") == "stammtisch.answer"]
    assert buttons, f"no 'stammtisch.answer' button in {card}"
    return buttons


def _poll_id(card: dict[str, Any]) -> int:
    [poll_id] = {int(b["data"]["poll_id"]) for b in _answer_buttons(card)}
    return poll_id


def _days(card: dict[str, Any]) -> list[date]:
    """The candidate dates in card order (each has a Ja / Vielleicht / Nein row)."""
    return sorted({date.fromisoformat(b["data"]["day"]) for b in _answer_buttons(card)})


def _marked(card: dict[str, Any]) -> dict[date, str]:
    """The viewer's own answers as their view marks them (style positive, "✓ " title)."""
    marked = [b for b in _answer_buttons(card) if b.get("style") == "positive"]
    assert all(str(b["title"]).startswith("✓ ") for b in marked), marked
    return {date.fromisoformat(b["data"]["day"]): b["data"]["answer"] for b in marked}


async def _wait_for_event(graph_url: str, mailbox: str, subject: str) -> dict[str, Any]:
    """Poll the simulator's calendar of ``mailbox`` until an event with ``subject`` is there."""
    url = f"{graph_url.removesuffix('/v1.0')}/_sim/calendars/{mailbox}"
    deadline = time.monotonic() + 15
    events: list[dict[str, Any]] = []
    async with aiohttp.ClientSession() as http:
        while time.monotonic() < deadline:
            async with http.get(url) as response:
                assert response.status == 200, await response.text()
                events = (await response.json())["events"]
            found = [e for e in events if e.get("subject") == subject]
            if found:
                return found[0]
            await asyncio.sleep(0.25)
    subjects = [e.get("subject") for e in events]
    raise AssertionError(f"no event {subject!r} in {mailbox} within 15 s (have: {subjects})")


async def test_poll_vote_close_and_invitation(
    stack: Stack, new_playground_page: PageFactory, tmp_path: Path
) -> None:
    # The signed-in user is Sabine Krüger; whoever starts the poll organises it.
    page = await new_playground_page(stack.playground.url, width=1400, height=1100)
    await page.open_channel("General")
    await page.post_in_channel_with_mention(page.bot_name, "stammtisch neu")
    await page.wait_for_text(TITLE)
    await page.wait_for_text("Bisher 0 Stimmen.")

    # One click on "Ja" of the first candidate date (each date has its own row of buttons).
    response = await page.click_card_button("Ja", containing=TITLE, nth=0)
    assert response is not None and response["type"] == "application/vnd.microsoft.card.adaptive"
    mine = response["value"]
    poll_id = _poll_id(mine)
    first, second = _days(mine)[:2]
    first_day = day_label(first, "de")  # "Mi, 01.04."
    assert DAY_LABEL.match(first_day), first_day
    assert _marked(mine) == {first: "ja"}  # her own view marks her answer
    await page.wait_for_text("Danke! Ihre Stimme ist gespeichert.")
    await page.wait_for_text("Zusagen: Sabine Krüger")
    await page.wait_for_text(re.compile(rf"{re.escape(first_day)} · Favorit"))

    # Jana Becker votes too. The Playground has one signed-in user, so her click on "Ja" is
    # sent as a custom activity: an Action.Execute invoke with the button's own data (the
    # Playground delivers invokes from "Custom activity" like the card's own, bot answers 200).
    jana = page.user_account("Jana Becker")
    await page.mock_custom_activity(
        {
            "type": "invoke",
            "name": "adaptiveCard/action",
            "value": {
                "action": {
                    "type": "Action.Execute",
                    "verb": "stammtisch.answer",
                    "data": {"poll_id": poll_id, "day": first.isoformat(), "answer": "ja"},
                },
                "trigger": "manual",
            },
            "from": jana,
        }
    )
    # The shared card is re-rendered by a job at the end of the vote interval (2 s). The
    # stack's bot runs on a ManualClock: move it past the interval (harmless on a real clock).
    stack.bot.clock.advance(timedelta(seconds=3))
    await page.wait_for_text("Ja 2 · Vielleicht 0 · Nein 0")
    await page.wait_for_text("Zusagen: Jana Becker, Sabine Krüger")  # sorted by Entra id
    await page.wait_for_text("Bisher 2 Stimmen.")

    target = SCREENSHOT if os.environ.get("UPDATE_SCREENSHOT") else tmp_path / "stammtisch.png"
    await page.screenshot(target, full_page=False)

    # The shared card marks nobody's answers (the Playground never personalises it). Sabine
    # clicks "Nein" of the second date there; her "Ja" for the first date must stay.
    response = await page.click_card_button("Nein", containing=TITLE, nth=1)
    assert response is not None and response["type"] == "application/vnd.microsoft.card.adaptive"
    assert _marked(response["value"]) == {first: "ja", second: "nein"}

    # Sabine closes the poll from the organiser menu.
    await page.click_card_button("Organisation", containing=TITLE, wait_for_bot=False)
    await page.click_card_button("Jetzt schließen", containing=TITLE)
    await page.wait_for_text("Die Umfrage ist geschlossen, das Ergebnis steht im Kanal.")
    # The announcement is a reply in the poll's thread.
    await page.wait_for_text_in_thread(TITLE, "Der Stammtisch steht fest! 🍽️")
    await page.wait_for_text(re.compile(rf"Ergebnis: {re.escape(first_day)}.* – 2 Zusagen\."))

    # A job sends the invitation from Sabine's mailbox to the yes-voters.
    event = await _wait_for_event(stack.graph_url, JANA_MAILBOX, INVITE_SUBJECT)
    assert str(event["start"]["dateTime"]).startswith(first.isoformat()), event
    organizer = event["organizer"]["emailAddress"]["address"]
    assert organizer == "sabine.krueger@nordlicht-demo.de", event
