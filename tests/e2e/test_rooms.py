"""Room broker in the real client: Jana Becker asks for a room by chat → offers card → she
takes the restricted "HH 6.01 Elbblick" → Sabine Krüger (approver, the signed-in user) gets
the approval card and approves → the booking is in the Graph simulator's room calendar → Jana
is told. A second request is declined: Jana is told, nothing is booked.

The Playground has one signed-in user (Sabine), so Jana writes and clicks through mocked
custom activities in the personal chat. Her 1:1 conversation reference is therefore this
chat: her status cards ("DMs") show up here too, addressed to her (the bot's outgoing
activities are read from the Playground's log stream)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import pytest

from bot.app import RUNTIME
from bot.domain.rooms.model import RequestState, RoomRequest
from tests.e2e.conftest_stack import Stack
from tests.e2e.playground import LoggedActivity, PlaygroundPage

pytestmark = pytest.mark.e2e

PageFactory = Callable[..., Awaitable[PlaygroundPage]]
SABINE = "c009aadc-479f-503c-b41a-60b0bbea7223"
JANA = "3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85"
ELBBLICK = "raum.hh-elbblick@nordlicht-demo.de"
ELBBLICK_LINE = "HH 6.01 Elbblick – 14 Plätze, Hamburg, Haus Alster, 6. OG · mit Freigabe"
OFFERS = "Diese Räume sind frei:"
APPROVAL = "Raumanfrage zur Freigabe"
SUBJECT = "Raumbuchung für Jana Becker"


def _choose_actions(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The offers card's "… nehmen" actions: room mailbox -> Action.Execute data."""
    choices = [a for a in card.get("actions", []) if a.get("verb") == "rooms.choose"]
    return {str(a["data"]["room"]): dict(a["data"]) for a in choices}


async def _ask_for_room(page: PlaygroundPage, jana: dict[str, Any], text: str, when: str) -> int:
    """Jana writes ``text``; the offers card (reply in this chat, to her) offers Elbblick.
    Returns the request id."""
    shown = await page.count_text(OFFERS)
    replies = len(page.bot_sent(to=JANA, containing=OFFERS))
    await page.mock_custom_activity({"type": "message", "text": text, "from": jana})
    await page.wait_for_text(OFFERS, count=shown + 1)
    offers = page.card(containing=OFFERS)
    await offers.get_by_text(when).wait_for()
    await offers.get_by_text(ELBBLICK_LINE).wait_for()  # restricted rooms are marked
    reply = await page.wait_for_bot_sent(to=JANA, containing=OFFERS, count=replies + 1)
    assert reply.name == "message" and reply.cards, reply
    choices = _choose_actions(reply.cards[0])
    assert ELBBLICK in choices, choices
    return int(choices[ELBBLICK]["request_id"])


async def _choose(
    page: PlaygroundPage, jana: dict[str, Any], request_id: int, room: str
) -> LoggedActivity:
    """Jana presses "… nehmen" (her Universal Action as a mocked invoke); returns the log
    entry with the bot's invoke response."""
    sent = await page.mock_custom_activity(
        {
            "type": "invoke",
            "name": "adaptiveCard/action",
            "value": {
                "action": {
                    "type": "Action.Execute",
                    "verb": "rooms.choose",
                    "data": {"request_id": request_id, "room": room},
                },
                "trigger": "manual",
            },
            "from": jana,
        }
    )
    return await page.bot_answer(str(sent["id"]))


async def _stored(stack: Stack, request_id: int) -> RoomRequest:
    request = await stack.bot.app[RUNTIME].services.rooms.broker.requests.get(request_id)
    assert request is not None, f"no room request {request_id}"
    return request


async def _room_events(graph_url: str, mailbox: str) -> list[dict[str, Any]]:
    url = f"{graph_url.removesuffix('/v1.0')}/_sim/calendars/{mailbox}"
    async with aiohttp.ClientSession() as http, http.get(url) as response:
        assert response.status == 200, await response.text()
        events: list[dict[str, Any]] = (await response.json())["events"]
    return [e for e in events if str(e.get("subject", "")).startswith(SUBJECT)]


async def _wait_for_booking(graph_url: str, mailbox: str) -> list[dict[str, Any]]:
    """Poll the simulator's calendar of ``mailbox`` until a booking for Jana is there."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if events := await _room_events(graph_url, mailbox):
            return events
        await asyncio.sleep(0.25)
    raise AssertionError(f"no event {SUBJECT!r}… in {mailbox} within 15 s")


async def test_room_request_approved_and_booked_then_one_declined(
    stack: Stack, new_playground_page: PageFactory
) -> None:
    page = await new_playground_page(stack.playground.url)
    # The catalogue is read by a job at bot start; Sabine (admin) refreshes it now as well.
    await page.send("räume aktualisieren")
    await page.wait_for_text("Raumkatalog aktualisiert: 13 Räume.")
    jana = page.user_account("Jana Becker")

    # Jana asks by chat (tomorrow = Tuesday, 3 March 2026, on the bot's clock) and takes the
    # restricted room.
    first = await _ask_for_room(
        page,
        jana,
        "Ich brauche morgen 10-11 Uhr einen Raum für 13 Personen mit Video",
        "Di, 03.03., 10:00–11:00 Uhr",
    )
    answer = await _choose(page, jana, first, ELBBLICK)
    assert answer.status == 200 and answer.cards, answer
    assert "Warte auf Freigabe" in answer.text(), answer.cards
    assert "Danke! Ich kümmere mich darum." in answer.text(), answer.cards
    assert (await _stored(stack, first)).state is RequestState.PENDING

    # Sabine, one of Elbblick's approvers, gets the approval card in her personal chat.
    await page.wait_for_bot_sent(to=SABINE, containing=APPROVAL)
    approval = page.card(containing=APPROVAL, button="Freigeben")
    await approval.get_by_text("Jana Becker").wait_for()
    await approval.get_by_text("HH 6.01 Elbblick").wait_for()
    await page.click_card_button("Freigeben", containing=APPROVAL)
    await page.wait_for_text("Freigegeben von Sabine Krüger und gebucht.")
    await page.wait_for_text("Sie haben freigegeben.")

    # The booking is in the room's calendar, and Jana is told in her 1:1 chat (here).
    events = await _wait_for_booking(stack.graph_url, ELBBLICK)
    assert len(events) == 1, events
    assert str(events[0]["start"]["dateTime"]).startswith("2026-03-03T09:00"), events[0]
    assert str(events[0]["end"]["dateTime"]).startswith("2026-03-03T10:00"), events[0]
    told = await page.wait_for_bot_sent(to=JANA, containing="Gebucht ✅")
    assert told.name == "message" and told.cards, told
    await page.wait_for_text("Gebucht ✅")
    booked = await _stored(stack, first)
    assert booked.state is RequestState.BOOKED, booked
    assert booked.decided_by == SABINE and booked.room == ELBBLICK, booked

    # A second request, in the afternoon: Sabine declines it.
    second = await _ask_for_room(
        page,
        jana,
        "Ich brauche morgen 14-15 Uhr einen Raum für 13 Personen mit Video",
        "Di, 03.03., 14:00–15:00 Uhr",
    )
    assert second != first
    answer = await _choose(page, jana, second, ELBBLICK)
    assert "Warte auf Freigabe" in answer.text(), answer.cards
    await page.wait_for_bot_sent(to=SABINE, containing=APPROVAL, count=2)
    declined_card = page.card(containing="14:00–15:00", button="Ablehnen")
    await declined_card.wait_for()
    await page.click_card_button("Ablehnen", containing="14:00–15:00")
    await page.wait_for_text("Abgelehnt von Sabine Krüger.")
    await page.wait_for_text("Sie haben abgelehnt. Die anfragende Person wird informiert.")
    told = await page.wait_for_bot_sent(to=JANA, containing='"text": "Abgelehnt"')
    assert "14:00–15:00" in told.text(), told.cards
    declined = await _stored(stack, second)
    assert declined.state is RequestState.DECLINED and declined.decided_by == SABINE, declined
    assert declined.event_id is None, declined
    # Nothing was booked for the afternoon: the room still has only the morning booking.
    events = await _room_events(stack.graph_url, ELBBLICK)
    assert [e["start"]["dateTime"][:16] for e in events] == ["2026-03-03T09:00"], events
    # The first approval card still shows its decision.
    await page.wait_for_text("Freigegeben von Sabine Krüger und gebucht.")
