"""Every command of the app's command menus is answered where the menu offers it.

Teams sends the title a member picks from the menu as the message text, in the conversation
the menu belongs to; this posts exactly that to the real endpoint.
"""

from __future__ import annotations

import json
from typing import Any

from bot.appmanifest import build_manifest
from bot.i18n.de import MESSAGES
from tests.conftest import RunningBot, local_settings
from tests.support import activities
from tests.support.connector_sink import ConnectorSink

# Answers that mean "not here" or "not understood"; a scope refusal's key ends in one of these.
_REFUSAL_SUFFIXES = ("personal_only", "not_here", "unknown_command", "error.generic")
REFUSALS = [
    text.split("{")[0].strip() for key, text in MESSAGES.items() if key.endswith(_REFUSAL_SUFFIXES)
]


def _in_scope(sink: ConnectorSink, scope: str, title: str, n: int) -> dict[str, Any]:
    if scope == "personal":
        return activities.message(sink.url, title, n=n)
    activity = activities.channel_mention(sink.url, title, n=n)
    if scope == "groupChat":
        # In a group chat the bot, too, only hears messages that @mention it.
        activity["conversation"] = activities.group_chat_conversation()
        activity["channelData"] = {"tenant": activity["channelData"]["tenant"]}
    return activity


async def test_menu_commands_are_answered_in_their_scope(
    bot: RunningBot, sink: ConnectorSink, database_url: str
) -> None:
    lists = build_manifest(local_settings(database_url))["bots"][0]["commandLists"]
    assert REFUSALS and all(REFUSALS)
    checked = 0
    for command_list in lists:
        for scope in command_list["scopes"]:
            for command in command_list["commands"]:
                sink.sent.clear()
                checked += 1
                response = await bot.post(_in_scope(sink, scope, command["title"], checked))
                assert response.status == 201, (scope, command["title"])
                answer = json.dumps(sink.sent, ensure_ascii=False)
                assert sink.sent, (scope, command["title"])
                refused = [text for text in REFUSALS if text in answer]
                assert not refused, (scope, command["title"], refused)
    assert checked == sum(len(c["commands"]) * len(c["scopes"]) for c in lists) >= 20


async def test_a_personal_only_command_is_refused_in_a_channel(
    bot: RunningBot, sink: ConnectorSink
) -> None:
    # The check above would be blind if refusals did not look like this.
    await bot.post(_in_scope(sink, "team", "meine daten", 1))
    await bot.post(_in_scope(sink, "personal", "stammtisch neu", 2))
    answer = json.dumps(sink.sent, ensure_ascii=False)
    assert sum(text in answer for text in REFUSALS) == 2
