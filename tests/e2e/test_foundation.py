"""The foundation through the real client: Playground UI in headless Chromium → bot → DB."""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from tests.conftest import RunningBot
from tests.e2e.conftest_stack import Stack, running_stack
from tests.e2e.playground import PlaygroundPage

pytestmark = pytest.mark.e2e

PageFactory = Callable[..., Awaitable[PlaygroundPage]]
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshot-playground.png"


async def test_personal_chat_help_and_unknown_command(
    stack: Stack, new_playground_page: PageFactory
) -> None:
    page = await new_playground_page(stack.playground.url)
    await page.wait_for_text("Willkommen! Ich bin der Bot des Assistenz-Netzwerks")
    await page.send("hilfe")
    await page.wait_for_text("Assistenz-Netzwerk – was ich für Sie tun kann")
    await page.wait_for_text("Know-how finden")
    await page.send("xyzzy")
    await page.wait_for_text("Dazu kenne ich leider noch niemanden")
    # A plea without a topic is asked what it is about, not thanked back ("Sehr gern!").
    await page.send("Kann mir jemand helfen?")
    await page.wait_for_text("Gern! Worum geht es denn?")


async def test_english_locale_gets_english_help(
    bot_factory: Callable[..., Awaitable[RunningBot]],
    sqlite_url: str,
    new_playground_page: PageFactory,
) -> None:
    # With bot_language "auto" the bot follows the client's locale (the Playground's en-US).
    async with running_stack(bot_factory, sqlite_url, bot_language="auto") as english:
        page = await new_playground_page(english.playground.url, locale="en-US")
        await page.send("help")
        await page.wait_for_text("Assistant network – what I can do for you")


async def test_channel_mention_and_team_introduction(
    stack: Stack, new_playground_page: PageFactory
) -> None:
    page = await new_playground_page(stack.playground.url)
    await page.open_channel("General")
    # Opening the team for the first time installs the app there: the bot introduces itself.
    await page.wait_for_text("Hallo Assistenz-Netzwerk!")
    await page.post_in_channel_with_mention(page.bot_name, "hilfe")
    await page.wait_for_text("Besprechungsräume")


async def test_group_chat_mention(stack: Stack, new_playground_page: PageFactory) -> None:
    page = await new_playground_page(stack.playground.url)
    await page.open_group_chat()
    await page.send("hilfe", mention=page.bot_name)
    await page.wait_for_text("Know-how finden")


async def test_help_card_screenshot(
    stack: Stack, new_playground_page: PageFactory, tmp_path: Path
) -> None:
    # UPDATE_SCREENSHOT=1 refreshes the README's picture; otherwise it goes to tmp.
    target = SCREENSHOT if os.environ.get("UPDATE_SCREENSHOT") else tmp_path / "help.png"
    page = await new_playground_page(stack.playground.url, width=1400, height=1000)
    await page.send("hilfe")
    await page.wait_for_text("Ihre Daten")
    await page.screenshot(target, full_page=False)
    assert target.stat().st_size > 10_000
