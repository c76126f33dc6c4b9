"""The Notifier's questions about a message handle (is it posted, which conversation is it in):
the Teams notifier and the fake answer them alike, on the handles each of them writes."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from bot.domain.ports import MessageHandle, Notifier
from bot.teams.notifier import TeamsNotifier
from tests.support.fake_notifier import RecordingNotifier

THREAD = "19:general@thread.tacv2;messageid=1"
CHANNEL = {"id": THREAD, "conversationType": "channel"}
PLACE = {"reference": {"conversation": CHANNEL, "activityId": "1", "serviceUrl": "https://x/"}}


class OneMessageAdapter:
    """Runs a continuation against a context whose sends Teams answers with id "7"."""

    async def continue_conversation(self, reference: Any, callback: Any, app_id: str) -> None:
        async def send_activity(activity: Any) -> Any:
            return SimpleNamespace(id="7")

        await callback(
            SimpleNamespace(activity=SimpleNamespace(id=None), send_activity=send_activity)
        )


def teams() -> Notifier:
    return TeamsNotifier(OneMessageAdapter(), "app", None, None)  # type: ignore[arg-type]


NOTIFIERS = pytest.mark.parametrize("make", [teams, RecordingNotifier], ids=["teams", "fake"])


@NOTIFIERS
async def test_a_posted_card_is_posted_in_the_place_conversation(make: Any) -> None:
    notifier: Notifier = make()
    handle = await notifier.post_card(PLACE, {"type": "AdaptiveCard"})
    assert notifier.is_posted(handle)
    assert notifier.conversation_of(handle) == THREAD
    # What a reply quoting the card names (Teams' "Antworten" in a group chat).
    assert notifier.message_id_of(handle) == handle["activity_id"] and handle["activity_id"]
    # A handle stored with extras (the thread card keeps the asking message's link) still is.
    linked = {**handle, "link": "https://teams.example/l/message/1"}
    assert notifier.is_posted(linked) and notifier.conversation_of(linked) == THREAD


HANDLES: list[tuple[MessageHandle, bool, str | None]] = [
    ({}, False, None),  # nothing posted yet: a question without its thread card
    ({"reference": {"conversation": CHANNEL}, "activity_id": ""}, False, THREAD),  # no id back
    ({"reference": {"conversation": {"id": "a:personal-1"}}, "activity_id": "dm-1"}, True,
     "a:personal-1"),
    ({"reference": {"user": "u"}, "activity_id": "dm-2"}, True, None),  # no conversation named
    ({"reference": {"conversation": None}, "activity_id": "3"}, True, None),
]  # fmt: skip


@NOTIFIERS
@pytest.mark.parametrize(("handle", "posted", "conversation"), HANDLES)
def test_handles_are_read_alike(
    make: Any, handle: MessageHandle, posted: bool, conversation: str | None
) -> None:
    notifier: Notifier = make()
    assert notifier.is_posted(handle) is posted
    assert notifier.conversation_of(handle) == conversation
    assert notifier.message_id_of(handle) == (handle["activity_id"] if posted else None)
