"""Buddy onboarding in the real client: Sabine Krüger (the signed-in user) volunteers as buddy
in her personal chat → "Mock an Activity → Add user" in the team adds Jana Becker → the bot
looks her up (GET …/members/{id}), opens a 1:1 chat with her (POST /v3/conversations) and
sends her the welcome naming Sabine as buddy; Sabine gets the introduction card → a week later
(the bot's ManualClock is moved) both get the check-in card and Sabine answers "Ja".

"Add user" proposes the signed-in user herself as the new member (``membersAdded`` = Sabine,
conversation = the team's General channel, ``channelData.team`` and ``eventType:
teamMemberAdded``, no name – like Teams); the test puts Jana there instead. The Playground has
one signed-in user, so the chat the bot opens with Jana is not shown in the UI: what the bot
sends to her is read from the Playground's log stream, addressed to her.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import pytest

from bot.app import RUNTIME
from bot.domain.onboarding.model import Onboarding, OnboardingState
from tests.e2e.conftest_stack import Stack
from tests.e2e.playground import LoggedActivity, PlaygroundPage, card_elements

pytestmark = pytest.mark.e2e

PageFactory = Callable[..., Awaitable[PlaygroundPage]]
SABINE = "c009aadc-479f-503c-b41a-60b0bbea7223"  # Hamburg, Haus Alster, 6. OG
JANA = "3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85"  # Hamburg, Haus Alster, 4. OG
TEAM = "19:880d8d59ae03544a9df35ee7a975c124@thread.tacv2"  # = its General channel
VOLUNTEERED = "Danke! Sie sind jetzt als Buddy gemeldet"
WELCOME = "Willkommen im Assistenz-Netzwerk, Jana! 👋"
BUDDY_LINE = "Ihr Buddy ist Sabine Krüger (gleicher Standort)"
INTRO = "Sie sind Buddy für Jana Becker"
CHECK_IN = "Haben Sie sich getroffen?"
THANKS = "Danke für Ihre Rückmeldung!"


def _card(sent: LoggedActivity) -> dict[str, Any]:
    assert sent.name == "message" and len(sent.cards) == 1, sent.text()[:2000]
    return sent.cards[0]


def _texts(card: dict[str, Any]) -> list[str]:
    return [str(e["text"]) for e in card_elements(card) if e.get("type") == "TextBlock"]


def _titles(card: dict[str, Any]) -> list[str]:
    return [str(a["title"]) for a in card.get("actions", [])]


async def _stored(stack: Stack, onboarding_id: int) -> Onboarding:
    service = stack.bot.app[RUNTIME].services.onboarding.service
    onboarding = await service.repo.get(onboarding_id)
    assert onboarding is not None, f"no onboarding {onboarding_id}"
    return onboarding


async def test_added_member_gets_welcome_buddy_intro_and_check_in(
    stack: Stack, new_playground_page: PageFactory
) -> None:
    page = await new_playground_page(stack.playground.url)
    personal_chat = str(page.config["personalChat"]["id"])
    await page.send("ich werde gern buddy")
    await page.wait_for_text(VOLUNTEERED)

    # "Mock an Activity → Add user" in the team: Jana joins (only her ids, like Teams).
    await page.open_channel("General")
    added = await page.mock_activity_add_user(["Jana Becker"])
    assert added["type"] == "conversationUpdate", added
    assert added["membersAdded"] == [{"id": f"29:{JANA}", "aadObjectId": JANA}], added
    assert added["conversation"]["id"] == TEAM, added
    assert added["conversation"]["conversationType"] == "channel", added
    assert added["channelData"]["team"]["id"] == TEAM, added
    assert added["channelData"]["eventType"] == "teamMemberAdded", added

    # The bot asks the Playground who she is (GET /v3/conversations/{team}/members/{id}).
    lookup = await page.wait_for_bot_sent(name="getConversationMember")
    assert lookup.message_id == f"29:{JANA}", lookup
    assert lookup.status == 200 and lookup.response["body"]["name"] == "Jana Becker", lookup

    # Her welcome: in a 1:1 chat that the bot opens with her (POST /v3/conversations).
    welcome = await page.wait_for_bot_sent(to=JANA, containing=WELCOME, timeout=20)
    assert welcome.recipient["id"] == f"29:{JANA}", welcome.recipient
    assert welcome.recipient["name"] == "Jana Becker", welcome.recipient
    assert welcome.activity["conversation"]["conversationType"] == "personal", welcome.activity
    jana_chat = welcome.conversation_id
    assert jana_chat not in ("", personal_chat, TEAM), jana_chat
    created = page.bot_sent(name="createConversation")
    assert len(created) == 1, [c.text()[:500] for c in created]
    assert created[0].message_id == jana_chat, created[0].text()
    assert created[0].activity["isGroup"] is False, created[0].activity
    assert created[0].activity["members"] == [{"id": f"29:{JANA}"}], created[0].activity
    welcome_card = _card(welcome)
    texts = _texts(welcome_card)
    assert texts[0] == WELCOME and BUDDY_LINE in texts, texts
    titles = _titles(welcome_card)
    assert {"Chat starten", "Treffen vorschlagen", "Ich möchte keinen Buddy"} <= set(titles)
    chat = next(a for a in welcome_card["actions"] if a["title"] == "Chat starten")
    assert "sabine.krueger%40nordlicht-demo.de" in chat["url"], chat

    # Sabine's introduction card: in her personal chat, on the page.
    intro = await page.wait_for_bot_sent(to=SABINE, containing=INTRO, timeout=20)
    assert intro.conversation_id == personal_chat, intro.conversation_id
    await page.open_personal_chat()
    await page.wait_for_text(INTRO)
    intro_card = page.card(containing=INTRO)
    await intro_card.get_by_text("Warum Sie: gleicher Standort.").wait_for()
    await intro_card.get_by_text("Was Sie zeigen könnten:").wait_for()
    await intro_card.get_by_text("Kaffeeküche, Drucker und Post").wait_for()
    await intro_card.get_by_role("link", name="Chat starten").wait_for()

    # One welcome, one introduction, and no check-in before a week has passed.
    assert len(page.bot_sent(containing=WELCOME)) == 1
    assert len(page.bot_sent(containing=INTRO)) == 1
    assert page.bot_sent(containing=CHECK_IN) == []

    # A week later (the bot's clock; its job runner polls every second) both are asked.
    stack.bot.clock.advance(timedelta(days=7, minutes=1))
    await page.wait_for_text(CHECK_IN, timeout=20)
    check_in = page.card(containing=CHECK_IN)
    await check_in.get_by_text(
        "Vor 7 Tagen haben wir Sie mit Jana Becker bekannt gemacht."
    ).wait_for()
    mine = await page.wait_for_bot_sent(to=SABINE, containing=CHECK_IN)
    assert mine.conversation_id == personal_chat, mine.conversation_id
    hers = await page.wait_for_bot_sent(to=JANA, containing=CHECK_IN)
    assert hers.conversation_id == jana_chat, hers.conversation_id  # her chat is remembered
    assert any("mit Sabine Krüger" in text for text in _texts(_card(hers))), _card(hers)
    assert len(page.bot_sent(name="createConversation")) == 1
    answers = [e for e in card_elements(_card(mine)) if e.get("verb") == "onboarding.check_in"]
    assert [a["title"] for a in answers] == ["Ja", "Noch nicht", "Brauche Hilfe"], answers
    onboarding_id = int(answers[0]["data"]["onboarding_id"])

    # Sabine answers "Ja" in the card.
    response = await page.click_card_button("Ja", containing=CHECK_IN)
    assert response is not None, response
    assert response["type"] == "application/vnd.microsoft.activity.message", response
    assert response["value"] == THANKS, response
    await page.wait_for_text(THANKS)

    stored = await _stored(stack, onboarding_id)
    assert stored.newcomer_key == JANA and stored.newcomer_name == "Jana Becker", stored
    assert stored.state is OnboardingState.PAIRED and stored.buddy_key == SABINE, stored
    assert "same_site" in stored.reasons, stored
    assert stored.welcomed_at is not None, stored
    assert stored.check_ins == {"7:buddy": "ja"}, stored
    # Nothing else went out twice meanwhile.
    assert len(page.bot_sent(containing=CHECK_IN)) == 2
