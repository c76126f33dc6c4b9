"""`stammtisch ergebnis` in the real client: the organiser asks in the channel, the bot reads
the team roster in a proactive turn (issue: it crashed on missing channelData) and sends the
table to the organiser's personal chat, not into the channel."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from tests.e2e.conftest_stack import Stack
from tests.e2e.playground import PlaygroundPage

pytestmark = pytest.mark.e2e

PageFactory = Callable[..., Awaitable[PlaygroundPage]]


async def test_result_reaches_the_organiser_personally(
    stack: Stack, new_playground_page: PageFactory
) -> None:
    page = await new_playground_page(stack.playground.url)
    await page.open_channel("General")
    await page.post_in_channel_with_mention(page.bot_name, "stammtisch neu")
    await page.wait_for_text("Assistenz-Stammtisch im ")
    await page.post_in_channel_with_mention(page.bot_name, "stammtisch ergebnis")
    await page.wait_for_text("persönlich geschickt")
    await page.open_personal_chat()
    # The table lists the team's members from the roster as not having voted yet.
    await page.wait_for_text("Jana Becker")
    assert "etwas schiefgegangen" not in await page.conversation_text()
