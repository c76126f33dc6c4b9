"""Dringender Termin in the real client: Jana Becker asks in chat for 30 minutes with
Dr. Albrecht and Herrn Meyer still today. Dr. Albrecht is busy all day, so her assistant
Sabine Krüger (the signed-in user) gets the card "Können Sie für Dr. Katharina Albrecht heute
30 Minuten … freimachen?", picks 15:00 and presses "Ja"; Jana's one card shows "Möglich: heute
15:00–15:30", she presses "Einladen", and the Teams meeting is in the simulator's calendars
of everyone (Melanie Schäfer for whom Jana works, Dr. Albrecht, Ralf Meyer).

Jana writes and clicks through mocked custom activities in the personal chat (the Playground
has one signed-in user); her card is posted into this chat, addressed to her."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from tests.e2e.conftest_stack import Stack
from tests.e2e.playground import PlaygroundPage

pytestmark = pytest.mark.e2e

PageFactory = Callable[..., Awaitable[PlaygroundPage]]
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshot-urgent.png"
JANA = "3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85"
SABINE = "c009aadc-479f-503c-b41a-60b0bbea7223"
ALBRECHT = "katharina.albrecht@nordlicht-demo.de"
EVERYONE = (
    "jana.becker@nordlicht-demo.de", "melanie.schaefer@nordlicht-demo.de", ALBRECHT,
    "ralf.meyer@nordlicht-demo.de",
)  # fmt: skip
ASK = "Können Sie für Dr. Katharina Albrecht heute 30 Minuten zwischen 09:00 und 17:00 Uhr"
SUBJECT = "Dringender Termin: Melanie Schäfer, Dr. Katharina Albrecht, Ralf Meyer"


async def _sim(stack: Stack, method: str, path: str, body: Any = None) -> Any:
    base = stack.graph_url.removesuffix("/v1.0")
    headers = {"Authorization": "Bearer e2e"}
    async with (
        aiohttp.ClientSession() as http,
        http.request(method, base + path, json=body, headers=headers) as response,
    ):
        assert response.status < 300, await response.text()
        return await response.json()


async def _meetings(stack: Stack, mailbox: str) -> list[dict[str, Any]]:
    events = (await _sim(stack, "GET", f"/_sim/calendars/{mailbox}"))["events"]
    return [e for e in events if str(e["subject"]).startswith("Dringender Termin")]


async def _wait_for_meeting(stack: Stack, mailbox: str) -> list[dict[str, Any]]:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if found := await _meetings(stack, mailbox):
            return found
        await asyncio.sleep(0.25)
    raise AssertionError(f"no urgent call meeting in {mailbox} within 15 s")


async def test_urgent_call_with_a_blocked_person_whose_assistant_frees_a_slot(
    stack: Stack, new_playground_page: PageFactory, tmp_path: Path
) -> None:
    # The bot's clock: Monday, 2 March 2026, 09:00 in Berlin. Dr. Albrecht is busy all day.
    blocker = {
        "subject": "Aufsichtsratssitzung",
        "start": {"dateTime": "2026-03-02T09:00:00", "timeZone": "Europe/Berlin"},
        "end": {"dateTime": "2026-03-02T17:00:00", "timeZone": "Europe/Berlin"},
    }
    await _sim(stack, "POST", f"/v1.0/users/{ALBRECHT}/calendar/events", blocker)
    page = await new_playground_page(stack.playground.url)
    jana = page.user_account("Jana Becker")

    await page.mock_custom_activity(
        {
            "type": "message",
            "text": "Ich brauche heute noch 30 Minuten mit Dr. Albrecht und Herrn Meyer",
            "from": jana,
        }
    )
    posted = await page.wait_for_bot_sent(to=JANA, containing="Kein gemeinsamer Termin")
    cancel = next(a for a in posted.cards[0]["actions"] if a["verb"] == "urgent.cancel")
    call_id = int(cancel["data"]["call_id"])
    await page.wait_for_text(
        "Kein gemeinsamer Termin: Dr. Katharina Albrecht ist belegt.", count=1
    )

    # Sabine, Dr. Albrecht's assistant, gets the question in her chat and frees 15:00.
    await page.wait_for_bot_sent(to=SABINE, containing=ASK)
    await page.select_card_choice("Ab wann?", "15:00", containing=ASK)
    await page.click_card_button("Ja, ab der gewählten Zeit", containing=ASK)
    await page.wait_for_text("Danke, Ihre Antwort: Ja, ab 15:00.")

    # Jana's one card shows the answer live; nothing is booked before her click.
    await page.wait_for_text("Möglich: heute 15:00–15:30", timeout=15)
    target = SCREENSHOT if os.environ.get("UPDATE_SCREENSHOT") else tmp_path / "urgent.png"
    await page.screenshot(target, full_page=False)
    assert not await _meetings(stack, ALBRECHT)
    sent = await page.mock_custom_activity(
        {
            "type": "invoke",
            "name": "adaptiveCard/action",
            "value": {
                "action": {
                    "type": "Action.Execute",
                    "verb": "urgent.invite",
                    "data": {"call_id": call_id, "start": "2026-03-02T14:00:00+00:00"},
                },
                "trigger": "manual",
            },
            "from": jana,
        }
    )
    answer = await page.bot_answer(str(sent["id"]))
    assert answer.status == 200 and "Teams-Besprechung gebucht: heute 15:00–15:30" in answer.text()

    # One Teams meeting, in everyone's calendar; Sabine's card says it is settled.
    for mailbox in EVERYONE:
        meetings = await _wait_for_meeting(stack, mailbox)
        assert len(meetings) == 1, (mailbox, meetings)
        assert meetings[0]["isOnlineMeeting"] is True, meetings[0]
        assert meetings[0]["onlineMeetingProvider"] == "teamsForBusiness", meetings[0]
        assert str(meetings[0]["start"]["dateTime"]).startswith("2026-03-02T14:00"), meetings[0]
        assert meetings[0]["subject"] == SUBJECT, meetings[0]
    await page.wait_for_text("Erledigt: Die Besprechung ist gebucht (heute 15:00–15:30).")
