"""Driver for the Microsoft 365 Agents Playground, the local Teams client of our e2e tests.

* :class:`PlaygroundProcess` starts ``npx agentsplayground`` for a bot endpoint and stops it
  again with its whole process group.
* :class:`ChromiumProcess` runs the system Chromium once per test session (tests connect over
  CDP, see ``tests/e2e/conftest.py``).
* :class:`PlaygroundPage` wraps a Playwright page showing the Playground UI: open a chat or a
  channel, send messages (with @mentions), wait for the bot's answers (also inside Adaptive
  Cards and channel threads), press card buttons, send mocked activities.

A test (fixtures from ``tests/e2e/conftest.py``)::

    pytestmark = pytest.mark.e2e

    async def test_echo(new_playground_page: PlaygroundPageFactory) -> None:
        async with PlaygroundProcess(bot_url + "/api/messages", config_path=cfg) as pg:
            page = await new_playground_page(pg.url)
            await page.send("hello")
            await page.wait_for_text("echo: hello")

How the driver knows that something happened: actions are done through the UI only
(role/text locators); the driver merely *watches* the page's own requests
(``/_conversation/v1/...``, ``/_internal/v1/...``) to learn that the Playground accepted a
message, and reads the log panel ("Microsoft 365 Agents Playground -> User Application <type>
<HTTP status>") to learn that the bot has answered an activity. Both are Playground 0.2.28
details; the selectors and URL patterns are collected below the process classes.

What the Playground sends to the bot (0.2.28; details in the methods' docstrings):

* personal chat: ``conversation = {id: <personalChat.id>, conversationType: "personal",
  tenantId}``; group chat: ``conversationType: "groupChat", isGroup: true``; channel:
  ``conversationType: "channel", isGroup: true, id: "<channel id>;messageid=<root id>"`` and
  ``channelData = {teamsChannelId, teamsTeamId, tenant, team: {id}, channel: {id}}``.
* ``from = {id, name, aadObjectId}`` of ``currentUser``; ``serviceUrl =
  http://localhost:<port>/_connector``; no JWT.
* In group chats and channels only messages with a real @mention (picked from the typeahead)
  reach the bot: text ``"<at>Bot Name</at> rest"`` plus an entity ``{type: "mention",
  mentioned: {id, name}, text: "<at>Bot Name</at>"}``.
* Each page load installs the bot (``installationUpdate`` action ``add`` +
  ``conversationUpdate`` ``membersAdded``) in the personal chat, and again in the group chat
  and in the team when they are first opened.

The Playground also streams its log to the page (a WebSocket, ``/_ws/log/stream``): every
activity it delivered to the bot with the bot's HTTP answer, and every activity the bot sent
to its Bot Connector mock (replies, proactive messages, updates) with the full JSON. The
page records these (:meth:`PlaygroundPage.logged_activities`), e.g. to read the data of a
card's actions or to see to whom a proactive message was addressed.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.parse
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Self

from playwright.async_api import Locator, Page, Request, Response, WebSocket
from playwright.async_api import TimeoutError as PlaywrightTimeoutError

from devkit.demo.playground import CONFIG_PATH_ENV, PlaygroundProcess, PlaygroundStartError
from devkit.demo.process_group import process_group_alive, signal_process_group

__all__ = [
    "CHROMIUM_ARGS",
    "CHROMIUM_EXECUTABLE",
    "CONFIG_PATH_ENV",
    "ChromiumProcess",
    "Delivery",
    "LoggedActivity",
    "PlaygroundError",
    "PlaygroundPage",
    "PlaygroundPageFactory",
    "PlaygroundProcess",
    "PlaygroundStartError",
    "PlaygroundTimeoutError",
    "SentMessage",
]

CHROMIUM_EXECUTABLE: Final = "/usr/bin/chromium"
CHROMIUM_ARGS: Final = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


class PlaygroundError(AssertionError):
    """The Playground UI did not behave as the driver expected."""


class PlaygroundTimeoutError(PlaygroundError):
    """Something expected did not show up in time."""


class ChromiumProcess:
    """The system Chromium, headless, serving the DevTools protocol on a loopback port.

    A plain (synchronous) context manager so that one browser process can serve a whole test
    session while every test connects from its own event loop::

        with ChromiumProcess() as chromium:
            browser = await playwright.chromium.connect_over_cdp(chromium.cdp_url)

    Runs with a fresh temporary profile that is removed again on exit.
    """

    def __init__(
        self,
        executable: str = CHROMIUM_EXECUTABLE,
        args: Sequence[str] = CHROMIUM_ARGS,
        *,
        startup_timeout: float = 30.0,
    ) -> None:
        self.executable = executable
        self.args = tuple(args)
        self.startup_timeout = startup_timeout
        self._proc: subprocess.Popen[bytes] | None = None
        self._dir: Path | None = None
        self._cdp_url: str | None = None

    @property
    def cdp_url(self) -> str:
        """``http://127.0.0.1:<port>`` for ``BrowserType.connect_over_cdp``."""
        if self._cdp_url is None:
            raise RuntimeError("Chromium is not running")
        return self._cdp_url

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _log(self) -> str:
        if self._dir is None:
            return ""
        with contextlib.suppress(OSError):
            return (self._dir / "chromium.log").read_text(errors="replace")[-5000:]
        return ""

    def start(self) -> None:
        if self._proc is not None:
            raise RuntimeError("Chromium is already running")
        self._dir = Path(tempfile.mkdtemp(prefix="e2e-chromium-"))
        profile = self._dir / "profile"
        with (self._dir / "chromium.log").open("wb") as log:
            self._proc = subprocess.Popen(
                [
                    self.executable,
                    *self.args,
                    "--remote-debugging-address=127.0.0.1",
                    "--remote-debugging-port=0",
                    f"--user-data-dir={profile}",
                    "about:blank",
                ],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + self.startup_timeout
        while True:
            status = self._proc.poll()
            if status is not None:
                log_text = self._log()
                self.stop()
                raise RuntimeError(f"Chromium exited with status {status} at start:\n{log_text}")
            with contextlib.suppress(OSError, ValueError, IndexError):
                port = int(port_file.read_text().split()[0])
                self._cdp_url = f"http://127.0.0.1:{port}"
                return
            if time.monotonic() > deadline:
                log_text = self._log()
                self.stop()
                raise RuntimeError(
                    f"Chromium did not start within {self.startup_timeout} s:\n{log_text}"
                )
            time.sleep(0.05)

    def stop(self) -> None:
        """Terminate Chromium with all its helper processes and delete the profile."""
        proc, self._proc = self._proc, None
        self._cdp_url = None
        if proc is not None:
            signal_process_group(proc.pid, signal.SIGTERM)
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                signal_process_group(proc.pid, signal.SIGKILL)
                proc.wait()
            deadline = time.monotonic() + 5
            while process_group_alive(proc.pid) and time.monotonic() < deadline:
                time.sleep(0.05)
            signal_process_group(proc.pid, signal.SIGKILL)
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None


# ---------------------------------------------------------------------------------------------
# The UI
# ---------------------------------------------------------------------------------------------

# Parts of the page that are not the conversation: navigation, top toolbar, dialogs, menus,
# the typeahead popup, compose boxes and the log panel (both contenteditable).
_NOT_CONVERSATION: Final = (
    "[role=region]:has([role=tree])",
    "[role=tree]",
    "[role=toolbar]",
    "[role=dialog]",
    "[role=menu]",
    "[role=listbox]",
    "[contenteditable]",
)
_IN_CONVERSATION: Final = ":not({})".format(
    ", ".join(f"{sel}, {sel} *" for sel in _NOT_CONVERSATION)
)
_MIN_WIDTH: Final = 1280
_MIN_HEIGHT: Final = 720
_CHAT_COMPOSE: Final = "[role=textbox][contenteditable=true]:not([role=group] *)"
_ADAPTIVE_CARD: Final = ".ac-adaptiveCard"  # class set by the Adaptive Cards JS renderer
_LOG_ENTRIES: Final = "[contenteditable]:not([role=textbox])"
_LOG_ROWS: Final = _LOG_ENTRIES + " > div"
_DELIVERY: Final = re.compile(r"Agents Playground\s*-+>\s*User Application\s+(\S+)\s+(\d{3})\b")
_INSTALLATION_KINDS: Final = ("installationUpdate", "conversationUpdate")

_MESSAGE_POST = re.compile(r"/_conversation/v1/conversations/([^/?]+)/messages$")
_CARD_ACTION_POST = re.compile(r"/_conversation/v1/(invoke|submit)$")
_TEMPLATE_GET = re.compile(r"/_internal/v1/customActivities/template\b")
_CUSTOM_ACTIVITY_POST = re.compile(r"/_internal/v1/customActivities$")
_CONFIG_GET = re.compile(r"/_internal/v1/config$")
_LOG_STREAM = re.compile(r"/_ws/log/stream\b")
_PLAYGROUND: Final = "Microsoft 365 Agents Playground"
_BOT: Final = "User Application"
_ADAPTIVE_CARD_TYPE: Final = "application/vnd.microsoft.card.adaptive"

_CONVERSATION_TEXT_JS: Final = """
(excluded) => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (!parent || parent.closest(excluded) || parent.closest('script, style, noscript')) continue;
    const text = node.nodeValue.replace(/\\s+/g, ' ').trim();
    if (text) out.push(text);
  }
  return out.join('\\n');
}
"""


@dataclass(frozen=True)
class Delivery:
    """One activity delivered to the bot, as the Playground's log panel shows it."""

    type: str
    status: int


@dataclass(frozen=True)
class LoggedActivity:
    """One activity from the Playground's log stream.

    ``from_bot``: the bot sent it to the Playground's Bot Connector mock (a reply, a proactive
    message, an update; ``status`` is the connector's answer); otherwise the Playground
    delivered it to the bot (``status`` and ``response`` are the bot's HTTP answer, e.g. the
    invoke response of an ``Action.Execute``). ``activity`` is the activity as sent.
    """

    name: str
    from_bot: bool
    conversation_id: str
    message_id: str
    activity: dict[str, Any]
    status: int | None
    response: Any

    @property
    def recipient(self) -> dict[str, Any]:
        """``{id, name, aadObjectId}`` of the activity's recipient (may be empty)."""
        recipient = self.activity.get("recipient")
        return dict(recipient) if isinstance(recipient, dict) else {}

    def addressed_to(self, user: str) -> bool:
        """True if the recipient is ``user`` (a Teams id, name or aadObjectId)."""
        recipient = self.recipient
        return user in (recipient.get("id"), recipient.get("name"), recipient.get("aadObjectId"))

    @property
    def cards(self) -> list[dict[str, Any]]:
        """The Adaptive Cards attached to the activity (sent by the bot or in its invoke
        response)."""
        found = [
            dict(a["content"])
            for a in self.activity.get("attachments") or []
            if isinstance(a, dict) and a.get("contentType") == _ADAPTIVE_CARD_TYPE
        ]
        body = self.response.get("body") if isinstance(self.response, dict) else None
        if isinstance(body, dict) and body.get("type") == _ADAPTIVE_CARD_TYPE:
            found.append(dict(body["value"]))
        return found

    def text(self) -> str:
        """Text and cards of the activity (and of the bot's answer) as one JSON-ish string."""
        return json.dumps([self.activity, self.response], ensure_ascii=False)


@dataclass(frozen=True)
class SentMessage:
    """What the Playground accepted from the compose box.

    ``conversation_id`` is the conversation the UI posted to (for a new channel post the
    channel id; the bot sees ``<channel id>;messageid=<message_id>``).
    """

    conversation_id: str
    message_id: str | None


def card_elements(node: Any) -> Iterator[dict[str, Any]]:
    """Every dict in a card (body, containers, actions, ShowCard cards), depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from card_elements(value)
    elif isinstance(node, list):
        for item in node:
            yield from card_elements(item)


def _normalize(text: str) -> str:
    return " ".join(text.split())


def _matches(text: str | re.Pattern[str], haystack: str) -> bool:
    if isinstance(text, str):
        return text in haystack
    return text.search(haystack) is not None


def _exact(text: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


class PlaygroundPage:
    """A Playwright page showing the Agents Playground, with Teams-level actions.

    Create it with :meth:`open` (navigates and waits until the personal chat is ready).
    ``timeout`` (seconds) is the default for every wait. Methods raise
    :class:`PlaygroundTimeoutError` / :class:`PlaygroundError` (AssertionErrors) with the
    visible conversation text and the Playground's log panel attached.
    """

    def __init__(self, page: Page, url: str, *, timeout: float = 15.0) -> None:
        self.page = page
        self.url = url.rstrip("/")
        self.timeout = timeout
        self._config: dict[str, Any] = {}
        self._installed: set[str] = set()
        self._current: str | None = None
        self._log: dict[str, dict[str, Any]] = {}
        page.on("websocket", self._watch_websocket)

    @classmethod
    async def open(cls, page: Page, url: str, *, timeout: float = 15.0) -> Self:  # noqa: ASYNC109
        self = cls(page, url, timeout=timeout)
        await self.goto()
        return self

    # -- config -------------------------------------------------------------------------------

    @property
    def config(self) -> dict[str, Any]:
        """The Playground's world (``/_internal/v1/config``: tenant, bot, users, chats, team)."""
        return self._config

    @property
    def bot_name(self) -> str:
        return str(self._config["bot"]["name"])

    @property
    def bot_id(self) -> str:
        return str(self._config["bot"]["id"])

    @property
    def current_user(self) -> dict[str, Any]:
        return dict(self._config["currentUser"])

    @property
    def team_name(self) -> str:
        return str(self._config["teams"][0]["name"])

    @property
    def group_chat_name(self) -> str:
        return str(self._config["groupChats"][0]["name"])

    @property
    def current_conversation(self) -> str | None:
        """Label of the conversation opened last (``"Personal Chat"``, ``"My Team - General"``)."""
        return self._current

    def user_account(self, user: str) -> dict[str, Any]:
        """``{id, name, aadObjectId}`` of a configured user, by id, name or aadObjectId."""
        people = [self._config["currentUser"], *self._config["users"]]
        for person in people:
            if user in (person["id"], person["name"], person.get("aadObjectId")):
                return {
                    "id": person["id"],
                    "name": person["name"],
                    "aadObjectId": person.get("aadObjectId"),
                }
        known = ", ".join(f"{p['name']} ({p['id']})" for p in people)
        raise KeyError(f"no Playground user {user!r}; known: {known}")

    # -- navigation ---------------------------------------------------------------------------

    def _ms(self, timeout: float | None) -> float:
        return (self.timeout if timeout is None else timeout) * 1000

    async def goto(self) -> None:
        """(Re)load the Playground and wait until the personal chat is ready.

        Every load sends ``installationUpdate`` and ``conversationUpdate`` for the personal chat
        to the bot; this returns after the bot has answered both.
        """
        # Below ~1100 px the Playground folds the chat list behind a hamburger button (and at
        # 800 px its layout breaks): always use a desktop-sized window.
        size = self.page.viewport_size
        if size is None or size["width"] < _MIN_WIDTH or size["height"] < _MIN_HEIGHT:
            width = max(size["width"] if size else 0, _MIN_WIDTH)
            height = max(size["height"] if size else 0, _MIN_HEIGHT)
            await self.page.set_viewport_size({"width": width, "height": height})
        # The config request waits (up to 15 s) until the bot endpoint accepts connections.
        async with self.page.expect_response(
            lambda r: bool(_CONFIG_GET.search(r.url)), timeout=self._ms(None) + 20_000
        ) as info:
            await self.page.goto(self.url)
        response = await info.value
        self._config = (await response.json())["config"]
        self._installed = set()
        self._current = "Personal Chat"
        await self.page.locator(_CHAT_COMPOSE).wait_for(timeout=self._ms(None))
        await self._await_deliveries([], _INSTALLATION_KINDS, "installing the bot on load")
        self._installed.add("personal")

    async def _open(self, item: Locator, label: str, ready: Locator, scope: str) -> None:
        # The Playground installs the bot once per page load in every chat and in the team
        # (installationUpdate + conversationUpdate to the bot) when it is first opened.
        before = await self.bot_deliveries()
        try:
            await item.click(timeout=self._ms(None))
            await ready.wait_for(timeout=self._ms(None))
        except PlaywrightTimeoutError:
            raise await self._failure(f"could not open {label!r}") from None
        self._current = label
        if scope not in self._installed:
            await self._await_deliveries(before, _INSTALLATION_KINDS, f"installing in {label!r}")
            self._installed.add(scope)

    async def open_personal_chat(self) -> None:
        item = self.page.get_by_role("treeitem", name="Personal Chat", exact=True)
        await self._open(item, "Personal Chat", self._chat_ready(), "personal")
        await self._new_post_box().wait_for(state="detached", timeout=self._ms(None))

    async def open_group_chat(self, name: str | None = None) -> None:
        """Open the group chat (default: the one from the config)."""
        label = name or self.group_chat_name
        item = self.page.get_by_role("treeitem", name=label, exact=True)
        await self._open(item, label, self._chat_ready(), f"group:{label}")
        await self._new_post_box().wait_for(state="detached", timeout=self._ms(None))

    async def open_channel(self, name: str = "General") -> None:
        """Open a channel of the team ("General" has the team's id as channel id)."""
        label = f"{self.team_name} - {name}"
        item = self.page.get_by_role("treeitem", name=label, exact=True)
        await self._open(item, label, self._new_post_box(), "team")

    def _chat_ready(self) -> Locator:
        return self.page.locator(_CHAT_COMPOSE)

    def _current_conversation_id(self) -> str | None:
        """The configured id of the open chat or channel (None if unknown)."""
        if self._current == "Personal Chat":
            return str(self._config["personalChat"]["id"])
        for chat in self._config.get("groupChats", []):
            if chat["name"] == self._current:
                return str(chat["id"])
        for team in self._config.get("teams", []):
            for channel in team["channels"]:
                if f"{team['name']} - {channel['name']}" == self._current:
                    return str(channel["id"])
        return None

    @property
    def in_channel(self) -> bool:
        return self._current is not None and self._current.startswith(f"{self.team_name} - ")

    # -- deliveries to the bot (read from the log panel) ----------------------------------------

    def _delivery_rows(self) -> Locator:
        return self.page.locator(_LOG_ROWS).filter(has_text=_DELIVERY)

    async def bot_deliveries(self) -> list[Delivery]:
        """Activities the Playground has delivered to the bot so far (type, bot's HTTP status),
        as listed in the log panel, oldest first."""
        deliveries = []
        for text in await self._delivery_rows().all_inner_texts():
            if match := _DELIVERY.search(text):
                deliveries.append(Delivery(match.group(1), int(match.group(2))))
        return deliveries

    async def _await_deliveries(
        self, before: Sequence[Delivery], kinds: Sequence[str], what: str
    ) -> list[Delivery]:
        """Wait until activities of ``kinds`` have been delivered to the bot since ``before``
        (a :meth:`bot_deliveries` snapshot); fail if the bot answered one with HTTP >= 400."""
        wanted = Counter(kinds)
        old = Counter(before)
        rows = self._delivery_rows()
        deadline = time.monotonic() + self.timeout
        need = len(before) + len(kinds)
        while True:
            try:
                remaining = max(deadline - time.monotonic(), 0.001)
                await rows.nth(need - 1).wait_for(state="attached", timeout=remaining * 1000)
            except PlaywrightTimeoutError:
                raise await self._failure(
                    f"{what}: the Playground did not deliver {list(kinds)} to the bot "
                    f"within {self.timeout} s",
                    PlaygroundTimeoutError,
                ) from None
            now = await self.bot_deliveries()
            new = list((Counter(now) - old).elements())
            failed = [d for d in new if d.status >= 400]
            if failed:
                raise await self._failure(f"{what}: the bot answered {failed}")
            if wanted <= Counter(d.type for d in new):
                return new
            need = len(now) + 1

    # -- the log stream: activities to and from the bot, with their JSON ----------------------

    def _watch_websocket(self, socket: WebSocket) -> None:
        if _LOG_STREAM.search(socket.url):
            socket.on("framereceived", self._on_log_frame)

    def _on_log_frame(self, payload: str | bytes) -> None:
        try:
            message = json.loads(payload)
        except ValueError:
            return
        entry = message.get("log") if isinstance(message, dict) else None
        if (
            message.get("logAction") == "appendLog"
            and isinstance(entry, dict)
            and entry.get("type") == "bot"
            and entry.get("id")
        ):
            self._log[str(entry["id"])] = entry  # a replayed stream repeats ids

    def logged_activities(self) -> list[LoggedActivity]:
        """Activities of the log stream since the page was opened, in the order logged (a
        delivery to the bot is logged when the bot has answered it, so after its replies)."""
        result = []
        for entry in self._log.values():
            request = entry.get("request")
            body = request.get("body") if isinstance(request, dict) else None
            response = entry.get("response")
            status = response.get("statusCode") if isinstance(response, dict) else None
            result.append(
                LoggedActivity(
                    name=str(entry.get("activityName", "")),
                    from_bot=entry.get("from") == _BOT and entry.get("to") == _PLAYGROUND,
                    conversation_id=str(entry.get("conversationId", "")),
                    message_id=str(entry.get("messageId", "")),
                    activity=dict(body) if isinstance(body, dict) else {},
                    status=int(status) if isinstance(status, int) else None,
                    response=response,
                )
            )
        return result

    def bot_sent(
        self,
        *,
        to: str | None = None,
        containing: str | re.Pattern[str] | None = None,
        name: str | None = None,
    ) -> list[LoggedActivity]:
        """Activities the bot has sent (replies, proactive messages, updates), oldest first;
        optionally only those addressed ``to`` a user (Teams id, name or aadObjectId), whose
        JSON contains ``containing`` and whose activity name (``"message"``, ...) is ``name``."""
        found = []
        for logged in self.logged_activities():
            if not logged.from_bot or (name is not None and logged.name != name):
                continue
            if to is not None and not logged.addressed_to(to):
                continue
            if containing is not None and not _matches(containing, logged.text()):
                continue
            found.append(logged)
        return found

    async def wait_for_bot_sent(
        self,
        *,
        to: str | None = None,
        containing: str | re.Pattern[str] | None = None,
        name: str | None = None,
        count: int = 1,
        timeout: float | None = None,  # noqa: ASYNC109 - seconds, Playwright-style
    ) -> LoggedActivity:
        """Wait until the bot has sent ``count`` such activities (see :meth:`bot_sent`);
        returns the ``count``-th. Use ``count=len(page.bot_sent(...)) + 1`` for a new one."""
        seconds = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + seconds
        while True:
            found = self.bot_sent(to=to, containing=containing, name=name)
            if len(found) >= count:
                return found[count - 1]
            if time.monotonic() > deadline:
                sent = [(a.name, a.recipient.get("name"), a.text()[:300]) for a in self.bot_sent()]
                raise await self._failure(
                    f"the bot did not send {count} activities (to={to!r}, containing="
                    f"{containing!r}, name={name!r}) within {seconds} s; it sent {sent}",
                    PlaygroundTimeoutError,
                )
            await self.page.wait_for_timeout(100)

    async def bot_answer(
        self,
        activity_id: str,
        timeout: float | None = None,  # noqa: ASYNC109 - seconds, Playwright-style
    ) -> LoggedActivity:
        """The log entry of an activity delivered to the bot (e.g. one returned by
        :meth:`mock_custom_activity`), with the bot's HTTP answer: for an ``Action.Execute``
        invoke the card in ``response["body"]`` (see :attr:`LoggedActivity.cards`)."""
        seconds = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + seconds
        while True:
            for logged in self.logged_activities():
                if not logged.from_bot and logged.message_id == activity_id:
                    return logged
            if time.monotonic() > deadline:
                raise await self._failure(
                    f"no log entry of activity {activity_id!r} within {seconds} s",
                    PlaygroundTimeoutError,
                )
            await self.page.wait_for_timeout(100)

    # -- composing ----------------------------------------------------------------------------

    def _new_post_card(self) -> Locator:
        post = self.page.get_by_role("button", name="Post", exact=True)
        return self.page.get_by_role("group").filter(has=post)

    def _new_post_box(self) -> Locator:
        return self._new_post_card().get_by_role("textbox")

    def _thread(self, text: str) -> Locator:
        post = self.page.get_by_role("button", name="Post", exact=True)
        return self.page.get_by_role("group").filter(has_not=post).filter(has_text=text)

    def _typeahead_items(self) -> Locator:
        return self.page.get_by_role("listbox", name="Typeahead menu").get_by_role("menuitem")

    async def _insert_mention(self, name: str) -> None:
        prefix = name[: min(len(name), 3)]
        await self.page.keyboard.type("@" + prefix)
        item = self._typeahead_items().filter(has_text=_exact(name))
        try:
            await item.first.click(timeout=self._ms(None))
        except PlaywrightTimeoutError:
            offered = await self._typeahead_items().all_inner_texts()
            raise await self._failure(
                f"no mention suggestion {name!r} after typing '@{prefix}' (offered: {offered})"
            ) from None
        await self._typeahead_items().first.wait_for(state="hidden", timeout=self._ms(None))

    async def _compose(self, box: Locator, text: str, mention: str | None) -> None:
        if "\n" in text or "\r" in text:
            raise ValueError(
                "the Playground joins the lines of a typed message without a separator; "
                "send multi-line text with mock_custom_activity()"
            )
        if "\t" in text:
            raise ValueError("a typed tab moves the focus; send it with mock_custom_activity()")
        try:
            await box.click(timeout=self._ms(None))
        except PlaywrightTimeoutError:
            raise await self._failure(
                "no compose box here (open the right conversation first)"
            ) from None
        # Start empty, even if an earlier attempt left text behind.
        await self.page.keyboard.press("ControlOrMeta+A")
        await self.page.keyboard.press("Delete")
        if mention:
            await self._insert_mention(mention)
            if text:
                await self.page.keyboard.type(" ")
        await self.page.keyboard.type(text)
        # Text with '@' can open the typeahead; Enter would then pick a suggestion.
        suggestions = self._typeahead_items()
        if await suggestions.count() and await suggestions.first.is_visible():
            await self.page.keyboard.press("Escape")
        composed = _normalize(await box.inner_text())
        expected = _normalize(f"{mention} {text}" if mention else text)
        if composed != expected:
            raise await self._failure(
                f"compose box holds {composed!r}, expected {expected!r} (lost keystrokes?)"
            )

    async def _submit(
        self, action: Callable[[], Any], wait_for_bot: bool, what: str
    ) -> SentMessage:
        def is_message_post(response: Response) -> bool:
            return response.request.method == "POST" and bool(_MESSAGE_POST.search(response.url))

        before = await self.bot_deliveries()
        try:
            async with self.page.expect_response(is_message_post, timeout=self._ms(None)) as info:
                await action()
            response = await info.value
        except PlaywrightTimeoutError:
            raise await self._failure(f"{what}: the Playground did not take the message") from None
        if not response.ok:
            raise await self._failure(
                f"{what}: posting failed: HTTP {response.status} {await response.text()}"
            )
        match = _MESSAGE_POST.search(response.url)
        assert match is not None
        conversation_id = urllib.parse.unquote(match.group(1))
        expected = self._current_conversation_id()
        if expected is not None and conversation_id.split(";")[0] != expected:
            raise await self._failure(
                f"{what}: went to conversation {conversation_id!r}, expected {expected!r}"
            )
        body: Any = None
        with contextlib.suppress(Exception):
            body = await response.json()
        message_id = body.get("messageId") if isinstance(body, dict) else None
        if wait_for_bot:
            await self._await_deliveries(before, ["message"], what)
        return SentMessage(
            conversation_id=conversation_id,
            message_id=None if message_id is None else str(message_id),
        )

    async def send(
        self, text: str, *, mention: str | None = None, wait_for_bot: bool | None = None
    ) -> SentMessage:
        """Type ``text`` into the open chat's compose box and press Enter.

        In a group chat the bot only receives messages that @mention it: pass
        ``mention=page.bot_name``. Returns after the bot has answered the ``message`` activity
        over HTTP (``wait_for_bot``; default: unless it is an unmentioned group-chat message,
        which the Playground does not deliver). Raises if the bot answered with HTTP >= 400.
        """
        if wait_for_bot is None:
            wait_for_bot = mention is not None or self._current == "Personal Chat"
        box = self.page.locator(_CHAT_COMPOSE)
        await self._compose(box, text, mention)
        return await self._submit(
            lambda: self.page.keyboard.press("Enter"), wait_for_bot, f"send {text!r}"
        )

    async def post_in_channel_with_mention(self, bot_name: str, text: str) -> SentMessage:
        """Start a new post in the open channel: ``@bot_name text``, then press "Post".

        Returns after the bot has answered the activity; the bot's reply lands in the post's
        thread. The result's ``message_id`` is the thread's root id (the bot sees the
        conversation id ``<channel id>;messageid=<message_id>``).
        """
        card = self._new_post_card()
        await self._compose(card.get_by_role("textbox"), text, bot_name)
        post = card.get_by_role("button", name="Post", exact=True)
        return await self._submit(post.click, True, f"post {text!r}")

    async def reply_in_thread(
        self,
        thread_text: str,
        text: str,
        *,
        mention: str | None = None,
        wait_for_bot: bool | None = None,
    ) -> SentMessage:
        """Reply in the (topmost = newest) channel thread that contains ``thread_text``.

        As in Teams, the bot only receives replies that @mention it (``mention=page.bot_name``).
        """
        if wait_for_bot is None:
            wait_for_bot = mention is not None
        box = self._thread(thread_text).first.get_by_role("textbox")
        await self._compose(box, text, mention)
        return await self._submit(
            lambda: self.page.keyboard.press("Enter"), wait_for_bot, f"reply {text!r}"
        )

    # -- reading ------------------------------------------------------------------------------

    def text_locator(self, text: str | re.Pattern[str]) -> Locator:
        """Elements of the conversation (messages, cards, threads) containing ``text``.

        A ``str`` matches case-sensitively as a substring of the element's whitespace-normalized
        text; a compiled pattern is searched as is. Navigation, compose boxes, dialogs and the
        log panel are excluded.
        """
        pattern = re.compile(re.escape(text)) if isinstance(text, str) else text
        return self.page.get_by_text(pattern).and_(self.page.locator(_IN_CONVERSATION))

    async def count_text(self, text: str | re.Pattern[str]) -> int:
        return await self.text_locator(text).count()

    async def wait_for_text(
        self,
        text: str | re.Pattern[str],
        timeout: float | None = None,  # noqa: ASYNC109 - seconds, Playwright-style
        *,
        count: int = 1,
    ) -> Locator:
        """Wait until ``text`` is shown in the conversation at least ``count`` times.

        Use ``count=await page.count_text(t) + 1`` to wait for a *new* occurrence.
        Returns the ``count``-th matching element.
        """
        target = self.text_locator(text).nth(count - 1)
        try:
            await target.wait_for(state="visible", timeout=self._ms(timeout))
        except PlaywrightTimeoutError:
            seconds = self.timeout if timeout is None else timeout
            what = f"{text!r}" if count == 1 else f"{text!r} (x{count})"
            raise await self._failure(
                f"{what} did not appear within {seconds} s", PlaygroundTimeoutError
            ) from None
        return target

    async def wait_for_text_in_thread(
        self,
        thread_text: str,
        text: str | re.Pattern[str],
        timeout: float | None = None,  # noqa: ASYNC109 - seconds, Playwright-style
    ) -> Locator:
        """Wait until ``text`` is shown in a channel thread (root post and replies) that
        contains ``thread_text``; returns the first matching element in such a thread."""
        threads = self._thread(thread_text)
        pattern = re.compile(re.escape(text)) if isinstance(text, str) else text
        target = threads.get_by_text(pattern).and_(self.page.locator(_IN_CONVERSATION)).first
        try:
            await target.wait_for(state="visible", timeout=self._ms(timeout))
        except PlaywrightTimeoutError:
            seconds = self.timeout if timeout is None else timeout
            raise await self._failure(
                f"{text!r} did not appear in the thread of {thread_text!r} within {seconds} s",
                PlaygroundTimeoutError,
            ) from None
        return target

    async def conversation_text(self) -> str:
        """The visible conversation as text, one text node per line (for diagnostics)."""
        excluded = ", ".join(_NOT_CONVERSATION)
        text: str = await self.page.evaluate(_CONVERSATION_TEXT_JS, excluded)
        return text

    async def log_text(self) -> str:
        """The Playground's log panel (activities in/out with HTTP status), if shown."""
        entries = self.page.locator(_LOG_ENTRIES)
        if not await entries.count():
            return ""
        return "\n".join(await entries.all_inner_texts())

    async def _failure(
        self, message: str, kind: type[PlaygroundError] = PlaygroundError
    ) -> PlaygroundError:
        try:
            conversation = (await self.conversation_text())[-3000:]
            log = (await self.log_text())[-3000:]
        except Exception as exc:  # the page may be gone
            conversation, log = f"<unavailable: {exc}>", ""
        return kind(
            f"{message} [in {self._current}]\n--- conversation ---\n{conversation}"
            f"\n--- Playground log ---\n{log}"
        )

    async def screenshot(self, path: str | os.PathLike[str], *, full_page: bool = True) -> None:
        await self.page.screenshot(path=str(path), full_page=full_page)

    # -- Adaptive Cards -----------------------------------------------------------------------

    def card(
        self,
        *,
        containing: str | re.Pattern[str] | None = None,
        button: str | None = None,
        index: int = -1,
    ) -> Locator:
        """A rendered Adaptive Card: the ``index``-th (default: last in page order) among the
        cards that contain ``containing`` and have a button titled ``button``.

        Page order: in chats the newest message is last; in channels the newest *post* is on
        top (right under "Start a new post") while replies inside a thread run downwards.
        """
        cards = self.page.locator(_ADAPTIVE_CARD)
        if button is not None:
            cards = cards.filter(has=self.page.get_by_role("button", name=button, exact=True))
        if containing is not None:
            cards = cards.filter(has_text=containing)
        return cards.nth(index)

    async def fill_card_input(
        self,
        label: str,
        value: str,
        *,
        containing: str | re.Pattern[str] | None = None,
        index: int = -1,
    ) -> None:
        """Fill an ``Input.Text`` (found by its label or placeholder) of a card."""
        field = self.card(containing=containing, index=index).get_by_label(label, exact=True)
        try:
            await field.fill(value, timeout=self._ms(None))
        except PlaywrightTimeoutError:
            raise await self._failure(f"no card input {label!r}") from None

    async def select_card_choice(
        self,
        label: str,
        option: str,
        *,
        containing: str | re.Pattern[str] | None = None,
        index: int = -1,
        typed: str | None = None,
    ) -> None:
        """Pick ``option`` (a choice's *title*) in a compact ``Input.ChoiceSet`` of a card,
        found by its label (see :meth:`card` for ``containing``/``index``); ``typed``: text
        typed into a filtered (typeahead) ChoiceSet first, whose options show only then.

        The Playground (0.2.28) renders a compact ChoiceSet as a Fluent UI combobox (an
        ``<input role=combobox>`` labelled by the input's ``label``) whose options open in a
        popup listbox outside the card; a native ``<select>`` is handled as well. Raises unless
        the field shows ``option`` afterwards.
        """
        field = (
            self.card(containing=containing, index=index)
            .get_by_label(label, exact=True)
            .and_(self.page.locator("select, [role=combobox]"))
            .first
        )
        try:
            await field.wait_for(state="visible", timeout=self._ms(None))
        except PlaywrightTimeoutError:
            raise await self._failure(f"no card choice {label!r}") from None
        if await field.evaluate("e => e.tagName") == "SELECT":
            await field.select_option(label=option, timeout=self._ms(None))
            shown = await field.evaluate("e => e.selectedOptions[0]?.textContent ?? ''")
        else:
            await field.click(timeout=self._ms(None))
            if typed is not None:
                await field.press_sequentially(typed, timeout=self._ms(None))
            popup = self.page.get_by_role("listbox")
            if listbox_id := await field.get_attribute("aria-controls"):
                popup = self.page.locator(f"[id={json.dumps(listbox_id)}]")
            item = popup.get_by_role("option", name=option, exact=True).first
            try:
                await item.click(timeout=self._ms(None))
            except PlaywrightTimeoutError:
                offered = await self.page.get_by_role("option").all_inner_texts()
                await self.page.keyboard.press("Escape")
                raise await self._failure(
                    f"card choice {label!r} offers no {option!r} (offered: {offered})"
                ) from None
            shown = await field.input_value()
            if typed is not None:
                # Playground 0.2.28 shows a picked typeahead option's value (an id), not its
                # title; what the card submits is the caller's to check.
                return
        if _normalize(shown) != _normalize(option):
            raise await self._failure(f"card choice {label!r} shows {shown!r}, not {option!r}")

    async def click_card_button(
        self,
        title: str,
        *,
        containing: str | re.Pattern[str] | None = None,
        index: int = -1,
        nth: int | None = None,
        wait_for_bot: bool = True,
    ) -> dict[str, Any] | None:
        """Press an Adaptive Card action button by its title (default: on the last card that
        has such a button; see :meth:`card`); ``nth`` picks one of several buttons with the
        same title on that card (the Stammtisch's "Ja" of each date), in card order.

        With ``wait_for_bot`` the call returns after the bot has answered the action (and
        raises if it answered with HTTP >= 400):

        * ``Action.Execute`` -> ``invoke`` named ``adaptiveCard/action`` with ``value.action =
          {type, title, verb, data}`` (card inputs merged into ``data``) and ``replyToId`` =
          the card's activity id; returns the bot's invoke response body, e.g.
          ``{"type": "application/vnd.microsoft.card.adaptive", "value": card}``; the card is
          updated in place.
        * ``Action.Submit`` -> a ``message`` without text, ``value`` = ``data`` plus inputs,
          ``replyToId`` = the card's activity id; returns ``None``.

        Use ``wait_for_bot=False`` for client-only actions (ShowCard, ToggleVisibility,
        OpenUrl).
        """
        button = self.card(containing=containing, button=title, index=index).get_by_role(
            "button", name=title, exact=True
        )
        if nth is not None:
            button = button.nth(nth)
        try:
            await button.wait_for(state="visible", timeout=self._ms(None))
        except PlaywrightTimeoutError:
            raise await self._failure(f"no Adaptive Card button {title!r}") from None
        if not wait_for_bot:
            await button.click(timeout=self._ms(None))
            return None

        def is_card_action(response: Response) -> bool:
            return response.request.method == "POST" and bool(
                _CARD_ACTION_POST.search(response.url)
            )

        before = await self.bot_deliveries()
        try:
            async with self.page.expect_response(is_card_action, timeout=self._ms(None)) as info:
                await button.click(timeout=self._ms(None))
            response = await info.value
        except PlaywrightTimeoutError:
            raise await self._failure(
                f"card button {title!r} sent nothing to the bot (required input missing?)"
            ) from None
        body = await response.text()
        if not response.ok:
            raise await self._failure(
                f"card action {title!r} failed: HTTP {response.status} {body[:500]}"
            )
        kind = "invoke" if response.url.endswith("/invoke") else "message"
        await self._await_deliveries(before, [kind], f"card button {title!r}")
        if not body.strip():
            return None
        try:
            parsed = json.loads(body)
        except ValueError:
            return {"raw": body}
        return parsed if isinstance(parsed, dict) else {"value": parsed}

    # -- Mock an Activity ---------------------------------------------------------------------

    async def mock_activity(
        self,
        menu_item: str,
        *,
        overrides: Mapping[str, Any] | None = None,
        edit: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """Send an activity through "Mock an Activity" -> ``menu_item`` in the open conversation.

        The Playground proposes a JSON template for the current conversation; ``edit`` may
        rewrite it and ``overrides`` replace top-level keys (shallow: ``{"from": {...}}``
        replaces the whole ``from``). Returns the activity exactly as it was sent to the bot,
        after the bot has answered it (raises if with HTTP >= 400).

        Menu items (0.2.28): Install application, Uninstall application, Add user, Add
        application, Remove user, Remove application, Custom activity; Add/Remove/Rename
        channel and Remove/Rename team are enabled in channels only. The templates carry no
        ``name`` in ``from``/``membersAdded`` (like Teams); "Custom activity" also has no
        ``channelData`` (no tenant, team, channel) and, in a channel, the bare channel id as
        conversation id (a reply starts a new post): add what the bot needs.
        """
        toolbar_button = self.page.get_by_role("button", name="Mock an Activity")
        await toolbar_button.click(timeout=self._ms(None))
        item = self.page.get_by_role("menuitem").filter(has_text=_exact(menu_item))
        try:
            await item.wait_for(timeout=self._ms(None))
        except PlaywrightTimeoutError:
            await self.page.keyboard.press("Escape")
            raise await self._failure(f"no 'Mock an Activity' item {menu_item!r}") from None
        if await item.get_attribute("aria-disabled") == "true":
            await self.page.keyboard.press("Escape")
            raise await self._failure(f"'Mock an Activity' -> {menu_item!r} is disabled here")

        def is_template(response: Response) -> bool:
            return bool(_TEMPLATE_GET.search(response.url))

        async with self.page.expect_response(is_template, timeout=self._ms(None)) as info:
            await item.click()
        template: dict[str, Any] = await (await info.value).json()
        dialog = self.page.get_by_role("dialog")
        await dialog.get_by_role("button", name="Send activity").wait_for(timeout=self._ms(None))

        activity = json.loads(json.dumps(template))
        if edit is not None:
            activity = edit(activity)
        if overrides:
            activity.update(overrides)
        if str(activity.get("type", "")).startswith("<"):
            await dialog.get_by_role("button", name="Cancel").click()
            raise ValueError(f"set the activity 'type' (template says {activity.get('type')!r})")
        if activity != template:
            await self._replace_editor_text(dialog, json.dumps(activity))

        def is_send(request: Request) -> bool:
            return request.method == "POST" and bool(_CUSTOM_ACTIVITY_POST.search(request.url))

        before = await self.bot_deliveries()
        try:
            async with self.page.expect_request(is_send, timeout=self._ms(None)) as sent:
                await dialog.get_by_role("button", name="Send activity").click()
            request = await sent.value
        except PlaywrightTimeoutError:
            raise await self._failure(
                f"{menu_item!r}: the Playground sent nothing (invalid JSON in the editor?)"
            ) from None
        posted: dict[str, Any] = json.loads(request.post_data or "null")
        if posted != activity:
            raise await self._failure(
                f"{menu_item!r}: the editor changed the activity.\nwanted: {activity}\n"
                f"sent:   {posted}"
            )
        response = await request.response()
        if response is not None and not response.ok:
            raise await self._failure(f"{menu_item!r}: HTTP {response.status}")
        await dialog.wait_for(state="hidden", timeout=self._ms(None))
        await self._await_deliveries(before, [str(posted["type"])], f"mock {menu_item!r}")
        return posted

    async def _replace_editor_text(self, dialog: Locator, text: str) -> None:
        # Monaco editor: select all, delete, then insert the JSON as one line (typing it, or
        # inserting indented multi-line JSON, triggers auto-indent/auto-close and mangles it).
        await dialog.get_by_role("code").click()
        await self.page.keyboard.press("ControlOrMeta+A")
        await self.page.keyboard.press("Delete")
        await self.page.keyboard.insert_text(text)

    async def mock_activity_add_user(
        self,
        members: Sequence[str | Mapping[str, Any]] | None = None,
        *,
        overrides: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Mock "Add user": a ``conversationUpdate`` with ``membersAdded``.

        The Playground proposes the current user; ``members`` may name others (user ids,
        names, aadObjectIds from the config, sent as ``{id, aadObjectId}`` like Teams does) or
        give full ChannelAccount dicts.
        """
        extra: dict[str, Any] = {}
        if members is not None:
            accounts: list[dict[str, Any]] = []
            for member in members:
                if isinstance(member, str):
                    account = self.user_account(member)
                    accounts.append({"id": account["id"], "aadObjectId": account["aadObjectId"]})
                else:
                    accounts.append(dict(member))
            extra["membersAdded"] = accounts
        extra.update(overrides or {})
        return await self.mock_activity("Add user", overrides=extra)

    async def mock_activity_install_app(
        self, *, overrides: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        """Mock "Install application": an ``installationUpdate`` with ``action: "add"``."""
        return await self.mock_activity("Install application", overrides=overrides)

    async def mock_post_mentioning_bot(
        self, text: str, sender: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Mock "Custom activity": ``sender`` posts ``@bot text`` in the open conversation.

        The mention names the template's recipient (the bot ignores channel posts that do not
        mention it, as in Teams). Its type is spelled "Mention": the Custom activity editor
        (0.2.28) takes any entity of type "mention" for a mention in a Word comment and will
        not send it without comment ids; Bot Framework compares the type case-insensitively.
        """

        def mention(activity: dict[str, Any]) -> dict[str, Any]:
            bot = activity["recipient"]
            tag = f"<at>{bot.get('name') or self.bot_name}</at>"
            mentioned = {"id": bot["id"], "name": bot.get("name") or self.bot_name}
            return {
                **activity,
                "type": "message",
                "text": f"{tag} {text}",
                "entities": [{"type": "Mention", "text": tag, "mentioned": mentioned}],
                "from": dict(sender),
            }

        return await self.mock_activity("Custom activity", edit=mention)

    async def mock_custom_activity(self, activity: Mapping[str, Any]) -> dict[str, Any]:
        """Mock "Custom activity": the template (id, timestamp, channelId, serviceUrl, recipient,
        conversation, from) with the top-level keys of ``activity`` put over it.

        ``activity`` needs at least ``type``. Example: another user writes in the current chat::

            await page.mock_custom_activity(
                {"type": "message", "text": "hi", "from": page.user_account("Megan Bowen")}
            )
        """
        return await self.mock_activity("Custom activity", overrides=activity)


PlaygroundPageFactory = Callable[..., Awaitable[PlaygroundPage]]
"""Type of the ``new_playground_page`` fixture: ``await factory(url, timeout=15.0)``."""
