"""Malformed activities at the real endpoint: 400 before any turn, never a 500 or a traceback.

Systematic part: every field the bot or botbuilder reads, each with several values of a wrong
JSON type (or missing, or too long) → exactly 400 and nothing sent. Random part: seeded
mutations of realistic activities (any status but 5xx other than 501 for unknown invokes).
"""

from __future__ import annotations

import copy
import logging
import random
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.conftest import RunningBot
from tests.support import activities
from tests.support.connector_sink import ConnectorSink

Activity = dict[str, Any]
BASES: dict[str, Callable[[str], Activity]] = {
    "message": lambda url: activities.message(url, "hilfe"),
    "mention": lambda url: activities.channel_mention(url, "hilfe"),
    "card": lambda url: activities.card_invoke(url, "nothing.here", {"x": 1}),
    "install": activities.bot_added_to_team,
}
WRONG: dict[str, list[Any]] = {
    "str": [5, 1.5, True, [], {}, ["hilfe"]],
    "obj": [5, "x", True, [], [{}]],
    "list": [5, "x", True, {}, [5], ["x"], [None], [[]]],
    "bool": ["true", 1, [], {}],
    "strings": [5, "x", {}, [5], [{}], [None]],
    "url": [
        "ftp://connector.example",
        "not a url",
        "",
        "http://",
        "javascript:alert(1)",
        "http://[::1",
        "http://exa mple.com/",
        "http://host:port/",
        5,
    ],
}
# (base activity, dotted path, expected JSON kind)
FIELDS: list[tuple[str, str, str]] = [
    *(("message", path, "str") for path in ("type", "id", "timestamp", "channelId", "locale")),
    *(("message", path, "str") for path in ("text", "textFormat", "replyToId", "from.id")),
    *(("message", path, "str") for path in ("from.name", "from.aadObjectId", "recipient.id")),
    *(("message", path, "str") for path in ("conversation.id", "conversation.tenantId")),
    ("message", "conversation.conversationType", "str"),
    *(("message", path, "str") for path in ("name", "summary", "localTimestamp", "callerId")),
    ("message", "conversation.isGroup", "bool"),
    ("message", "historyDisclosed", "bool"),
    ("message", "serviceUrl", "url"),
    *(("message", path, "obj") for path in ("from", "recipient", "conversation", "channelData")),
    *(("message", path, "obj") for path in ("channelData.tenant", "relatesTo")),
    ("message", "channelData.tenant.id", "str"),
    *(("message", path, "list") for path in ("attachments", "entities", "reactionsAdded")),
    *(("message", path, "list") for path in ("membersAdded", "membersRemoved")),
    ("message", "listenFor", "strings"),
    ("mention", "entities.0.type", "str"),
    ("mention", "entities.0.text", "str"),
    ("mention", "entities.0.mentioned", "obj"),
    ("mention", "entities.0.mentioned.id", "str"),
    *(("mention", path, "obj") for path in ("channelData.team", "channelData.channel")),
    *(("mention", path, "str") for path in ("channelData.team.id", "channelData.channel.id")),
    ("install", "channelData.eventType", "str"),
    ("install", "membersAdded.0", "obj"),
    ("install", "membersAdded.0.id", "str"),
    ("install", "channelData.team.name", "str"),
    ("card", "name", "str"),
    ("card", "value", "obj"),
    ("card", "value.action", "obj"),
    ("card", "value.action.verb", "str"),
]
MISSING: list[tuple[str, str]] = [
    *(("message", path) for path in ("type", "serviceUrl", "channelId", "from", "recipient")),
    *(("message", path) for path in ("conversation", "conversation.id", "from.id")),
    ("install", "membersAdded.0.id"),
    ("mention", "entities.0.mentioned"),
    ("card", "value"),
    ("card", "value.action"),
]
TOO_LONG: list[tuple[str, str, int]] = [
    ("message", "id", 91),
    ("message", "conversation.id", 201),
    ("message", "from.id", 129),
    ("message", "from.aadObjectId", 129),
    ("message", "conversation.tenantId", 65),
    ("message", "channelData.tenant.id", 65),
    ("message", "serviceUrl", 501),
    ("mention", "channelData.team.id", 129),
]
RANDOM_VALUES: list[Any] = [
    None, 0, -1, 2**63 - 1, 1e308, True, False, "", "ß" * 3, "\u0000", "<at>x</at>", [], {},
    [{}], {"id": 5}, {"id": "x"}, "x" * 300, ["a", 1], [[[]]], {"type": "mention"},
]  # fmt: skip


def _parent(activity: Activity, path: str) -> tuple[Any, str | int]:
    *head, last = path.split(".")
    node: Any = activity
    for part in head:
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node, int(last) if isinstance(node, list) else last


def _with(base: str, url: str, path: str, value: Any) -> Activity:
    activity = BASES[base](url)
    node, key = _parent(activity, path)
    node[key] = value  # type: ignore[index]
    return activity


def _without(base: str, url: str, path: str) -> Activity:
    activity = BASES[base](url)
    node, key = _parent(activity, path)
    del node[key]
    return activity


def malformed(url: str) -> Iterator[tuple[str, Activity]]:
    """Every systematic case, each named for the failure message."""
    for base, path, kind in FIELDS:
        for value in WRONG[kind]:
            yield f"{base}:{path}={value!r}", _with(base, url, path, value)
    for base, path in MISSING:
        yield f"{base}:{path} missing", _without(base, url, path)
    for base, path, length in TOO_LONG:
        value = f"http://h/{'x' * length}" if path == "serviceUrl" else "x" * length
        yield f"{base}:{path} too long", _with(base, url, path, value)


def _paths(node: Any, prefix: str = "") -> Iterator[str]:
    children = enumerate(node) if isinstance(node, list) else node.items()
    for key, child in children:
        path = f"{prefix}{key}"
        yield path
        if isinstance(child, dict | list) and child:
            yield from _paths(child, path + ".")


def mutated(url: str, count: int, seed: int = 1811) -> Iterator[tuple[str, Activity]]:
    """Seeded random mutations: replace, delete or add one to three values anywhere."""
    rng = random.Random(seed)
    for n in range(count):
        activity = BASES[rng.choice(sorted(BASES))](url)
        steps = []
        for _ in range(rng.randint(1, 3)):
            path = rng.choice(list(_paths(activity)))
            node, key = _parent(activity, path)
            operation = rng.choice(("replace", "replace", "delete", "add"))
            value = copy.deepcopy(rng.choice(RANDOM_VALUES))
            if operation == "delete":
                del node[key]
            elif operation == "add" and isinstance(node, dict):
                node[f"extra{n}"] = value
            else:
                node[key] = value
            steps.append(f"{operation} {path}")
        yield f"mutation {n}: {', '.join(steps)}", activity


def _no_tracebacks(capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    out, err = capsys.readouterr()
    logged = out + err + caplog.text
    at = logged.find("Traceback")
    assert at < 0, logged[max(0, at - 600) : at + 2400]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert errors == [], [r.getMessage() for r in errors]


async def test_malformed_activities_get_400_before_any_turn(
    bot: RunningBot,
    sink: ConnectorSink,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    cases = list(malformed(sink.url))
    assert len(cases) >= 300
    wrong = []
    for name, activity in cases:
        response = await bot.post(activity)
        if response.status != 400:
            wrong.append(f"{name} → {response.status}")
    assert wrong == []
    assert sink.sent == []
    _no_tracebacks(capsys, caplog)
    response = await bot.post(activities.message(sink.url, "hilfe"))
    assert response.status == 201
    [card] = sink.cards()
    assert "was ich für Sie tun kann" in card["body"][0]["text"]


async def test_random_mutations_never_break_the_bot(
    bot: RunningBot,
    sink: ConnectorSink,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    statuses: dict[int, int] = {}
    wrong = []
    for name, activity in mutated(sink.url, 300):
        response = await bot.post(activity)
        statuses[response.status] = statuses.get(response.status, 0) + 1
        # 501 is Bot Framework's answer to an invoke name nobody handles.
        if response.status >= 500 and response.status != 501:
            wrong.append(f"{name} → {response.status}")
    assert wrong == []
    assert statuses.get(400, 0) > 50, statuses  # the mutations do reach the shape check
    _no_tracebacks(capsys, caplog)
    sink.sent.clear()
    assert (await bot.post(activities.message(sink.url, "hilfe"))).status == 201
    [card] = sink.cards()
    assert "was ich für Sie tun kann" in card["body"][0]["text"]


async def test_unknown_invoke_keeps_bot_framework_501(
    bot: RunningBot, sink: ConnectorSink
) -> None:
    activity = activities.card_invoke(sink.url, "x.y", {})
    activity.update(name="composeExtension/unknownThing", value={"anything": 1})
    assert (await bot.post(activity)).status == 501
