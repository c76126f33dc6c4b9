"""Day one in the real client: the app is installed in the team (Mock an Activity → Install
application), the bot reads the team's roster through the Playground's members API, and a
question reaches an expert who never wrote to the bot; an expert outside the team is
@mentioned in the question's thread instead of being skipped silently."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from tests.e2e.conftest_stack import Stack
from tests.e2e.playground import PlaygroundPage

pytestmark = pytest.mark.e2e

PageFactory = Callable[..., Awaitable[PlaygroundPage]]
QUESTION = "Wer kann mir bei der Raumplanung in Hamburg helfen?"


async def test_install_then_a_question_reaches_an_expert_who_never_wrote(
    stack: Stack, new_playground_page: PageFactory
) -> None:
    page = await new_playground_page(stack.playground.url)
    await page.open_channel("General")
    await page.mock_activity_install_app()

    # Jana Becker asks; Kerstin Vogel (first expert) is not in the Playground's team, Birgit
    # Fischer (second) is, but has never written to the bot.
    jana = page.user_account("Jana Becker")
    await page.mock_post_mentioning_bot(QUESTION, jana)
    await page.wait_for_text("Frage von Jana Becker")
    await page.wait_for_text("diese Frage ist für Sie gedacht")
    dm = await page.wait_for_bot_sent(to="Birgit Fischer", containing="Frage übernehmen")
    assert dm.recipient.get("aadObjectId") == page.user_account("Birgit Fischer")["aadObjectId"]
    await page.wait_for_text("Birgit Fischer ist angefragt")
