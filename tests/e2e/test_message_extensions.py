"""Message extensions in the real client: the search command "Wer weiß was?" lists the
assistants for a topic (the bot answers composeExtension/query with the routing ranking)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from tests.e2e.conftest_stack import Stack
from tests.e2e.playground import PlaygroundPage

pytestmark = pytest.mark.e2e

PageFactory = Callable[..., Awaitable[PlaygroundPage]]


async def test_search_extension_lists_the_assistants_for_a_topic(
    stack: Stack, new_playground_page: PageFactory
) -> None:
    page = await new_playground_page(stack.playground.url)
    await page.open_personal_chat()
    ui = page.page
    await ui.get_by_role("button", name="Trigger Message Extension App").click()
    await ui.get_by_role("menuitem", name="Search Command").click()
    await ui.get_by_text("Specify Command ID or Parameter").click()
    await ui.get_by_placeholder("Command ID").fill("whoKnows")
    await ui.get_by_placeholder("Parameter name").fill("topic")
    await ui.get_by_placeholder("Enter a search term").fill("Raumplanung")
    await ui.get_by_placeholder("Enter a search term").press("Enter")
    result = ui.get_by_text("Kerstin Vogel").first
    await result.wait_for(timeout=15_000)
    # The ranking is routing's: Kerstin Vogel (Raumplanung) before Birgit Fischer.
    await ui.get_by_text("Birgit Fischer").first.wait_for(timeout=5_000)
    await result.click()  # the compact expert card goes into the compose box
    await ui.get_by_role("button", name="Chat").first.wait_for(timeout=10_000)


async def test_message_action_asks_the_network_about_a_message(
    stack: Stack, new_playground_page: PageFactory
) -> None:
    page = await new_playground_page(stack.playground.url)
    await page.open_personal_chat()
    asked = "Wer kann mir bei der Raumplanung in Hamburg helfen?"
    await page.send(asked)
    await page.wait_for_text("Kerstin Vogel")  # the card of the typed question
    ui = page.page
    # The "…" menu of Sabine's own message (welcome, her message, the bot's card).
    await ui.locator('button[aria-label="Show more information"]').nth(1).click()
    await ui.get_by_role("menuitem", name="Action Command").click()
    await ui.get_by_placeholder("Input command id or leave blanks").fill("askNetwork")
    await ui.get_by_role("button", name="Create").click()
    # fetchTask: the bot's dialog, prefilled with the message's text.
    question = ui.get_by_role("textbox", name="Ihre Frage")
    await question.wait_for()
    assert await question.input_value() == asked
    await question.fill(asked + " Es geht um die Vorstandssitzung im März.")  # editable
    await ui.get_by_role("button", name="Frage senden").click()
    # submitAction: routed like a typed question, into the personal chat.
    await page.wait_for_text("Vorstandssitzung im März")
    sent = await page.wait_for_bot_sent(containing="Vorstandssitzung im März")
    assert sent.cards, sent
