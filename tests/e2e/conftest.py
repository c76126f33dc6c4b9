"""Fixtures for end-to-end tests in the Microsoft 365 Agents Playground (headless Chromium).

One Chromium process serves the whole session (``chromium_browser``); each test connects to it
from its own event loop, so e2e tests are ordinary async tests and can use the other async
fixtures (bots, sinks) of the suite. A test module::

    import pytest

    from tests.e2e.playground import PlaygroundPageFactory, PlaygroundProcess

    pytestmark = pytest.mark.e2e

    async def test_echo(new_playground_page: PlaygroundPageFactory) -> None:
        async with PlaygroundProcess(bot_endpoint, config_path=CONFIG) as playground:
            page = await new_playground_page(playground.url)
            await page.send("hello")
            await page.wait_for_text("echo: hello")

Without Chromium the e2e tests are skipped (they fail instead when ``REQUIRE_E2E=1``).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, BrowserContext, Route, async_playwright

from tests.conftest import RunningBot
from tests.e2e.conftest_stack import Stack, running_stack
from tests.e2e.playground import (
    CHROMIUM_EXECUTABLE,
    ChromiumProcess,
    PlaygroundPage,
    PlaygroundPageFactory,
)

# Everything that is not loopback (the Playground fetches fonts from a CDN): fail fast, offline.
_EXTERNAL = re.compile(r"^(?!(https?|wss?)://(127\.0\.0\.1|localhost|\[::1\])[:/])")


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[ChromiumProcess]:
    """The system Chromium (headless, fresh profile), one process for the whole session.

    Connect with ``playwright.chromium.connect_over_cdp(chromium_browser.cdp_url)`` or use
    the ``playwright_browser`` / ``new_playground_page`` fixtures.
    """
    if not Path(CHROMIUM_EXECUTABLE).exists():
        message = f"{CHROMIUM_EXECUTABLE} not found (apt-get install chromium)"
        if os.environ.get("REQUIRE_E2E"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    with ChromiumProcess() as chromium:
        yield chromium


@pytest.fixture
async def playwright_browser(chromium_browser: ChromiumProcess) -> AsyncIterator[Browser]:
    """A Playwright ``Browser`` on the session's Chromium, for this test's event loop.

    Closing it (done at the end of the test) only disconnects and drops the contexts that the
    test created; Chromium keeps running.
    """
    async with async_playwright() as playwright:
        browser = await playwright.chromium.connect_over_cdp(chromium_browser.cdp_url)
        try:
            yield browser
        finally:
            await browser.close()


async def _block_external(route: Route) -> None:
    await route.abort()


@pytest.fixture
async def new_playground_page(
    playwright_browser: Browser, request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[PlaygroundPageFactory]:
    """``await new_playground_page(url, timeout=15.0)`` -> a ready :class:`PlaygroundPage`.

    Each call opens a fresh browser context (a new Teams client: the Playground keeps the
    conversation history in the page and re-installs the bot on every load). Requests that
    leave the machine are aborted. If the test failed, a screenshot of every page is saved
    under the test's ``tmp_path`` (the path is printed with the test's captured stderr).
    """
    contexts: list[BrowserContext] = []
    pages: list[PlaygroundPage] = []
    failed_before = request.session.testsfailed

    async def open_page(
        url: str,
        *,
        timeout: float = 15.0,  # noqa: ASYNC109 - the page's default wait, in seconds
        width: int = 1400,
        height: int = 900,
        locale: str = "de-DE",
    ) -> PlaygroundPage:
        # The Playground sends the browser's locale as the activity locale, like Teams does.
        context = await playwright_browser.new_context(
            viewport={"width": width, "height": height},
            locale=locale,
            timezone_id="Europe/Berlin",
        )
        contexts.append(context)
        await context.route(_EXTERNAL, _block_external)
        playground = PlaygroundPage(await context.new_page(), url, timeout=timeout)
        pages.append(playground)
        await playground.goto()
        return playground

    yield open_page

    if request.session.testsfailed > failed_before:
        for number, playground in enumerate(pages, 1):
            path = tmp_path / f"playground-{number}.png"
            try:
                await playground.screenshot(path)
            except Exception as exc:
                print(f"no screenshot of {playground.url}: {exc}", file=sys.stderr)
            else:
                print(f"Playground screenshot: {path}", file=sys.stderr)
    for context in contexts:
        await context.close()


@pytest.fixture
async def stack(
    bot_factory: Callable[..., Awaitable[RunningBot]], sqlite_url: str
) -> AsyncIterator[Stack]:
    """Graph simulator, bot (SQLite, demo experts) and Playground for one test."""
    async with running_stack(bot_factory, sqlite_url) as running:
        yield running
