"""Teams channel threads: only bot/teams reads or writes ";messageid="; turns and the notifier
hand the facts on (in_thread, root id, top-level place, a card's thread)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from botbuilder.schema import Activity

from bot.teams.fast_json import model_from_json
from bot.teams.threads import split_thread, thread_place, top_level_reference
from bot.teams.translate import to_turn
from cards.deeplinks import channel_message_link
from tests.support.activities import channel_mention, message

CHANNEL = "19:general@thread.tacv2"
SERVICE = "https://smba.example/emea/"


def _turn(activity: dict[str, Any]) -> Any:
    context = SimpleNamespace(activity=model_from_json(Activity, activity))
    return to_turn(context)  # type: ignore[arg-type]


def test_split_thread() -> None:
    assert split_thread(f"{CHANNEL};messageid=42") == (CHANNEL, "42")
    assert split_thread(CHANNEL) == (CHANNEL, None)
    assert split_thread("a:personal-1") == ("a:personal-1", None)


def test_a_reply_in_a_channel_thread_is_told_as_facts() -> None:
    activity = channel_mention(SERVICE, "hallo")
    activity["conversation"]["id"] = f"{CHANNEL};messageid=42"
    turn = _turn(activity)
    assert turn.in_thread and turn.thread_root_id == "42"
    assert turn.conversation_without_thread == CHANNEL
    assert turn.conversation_id == f"{CHANNEL};messageid=42"  # the thread, as before
    assert turn.reference["conversation"]["id"] == f"{CHANNEL};messageid=42"
    top = turn.top_level_reference
    assert top["conversation"]["id"] == CHANNEL and "activityId" not in top


def test_new_posts_and_chats_are_not_in_a_thread() -> None:
    post = _turn(channel_mention(SERVICE, "hallo"))
    assert not post.in_thread and post.conversation_without_thread == CHANNEL
    # As Teams delivers a new post: the conversation names the post itself as thread root.
    teams_post = channel_mention(SERVICE, "hallo")
    teams_post["conversation"]["id"] = f"{CHANNEL};messageid={teams_post['id']}"
    assert not _turn(teams_post).in_thread
    chat = _turn(message(SERVICE, "hallo"))
    assert not chat.in_thread and chat.conversation_without_thread == "a:personal-1"
    assert chat.top_level_reference["conversation"]["id"] == "a:personal-1"


def test_top_level_reference_drops_the_thread_and_the_activity() -> None:
    reference = {"conversation": {"id": f"{CHANNEL};messageid=7"}, "activityId": "7", "x": 1}
    assert top_level_reference(reference) == {"conversation": {"id": CHANNEL}, "x": 1}
    assert reference["conversation"]["id"] == f"{CHANNEL};messageid=7"  # not changed


def test_thread_place_replies_under_a_channel_card_only() -> None:
    channel = {"conversation": {"id": CHANNEL, "conversationType": "channel"}}
    place = {"reference": channel}
    card = {"reference": channel, "activity_id": "99"}
    threaded = thread_place(card, place)["reference"]
    assert threaded["conversation"]["id"] == f"{CHANNEL};messageid=99"
    assert threaded["activityId"] == "99"
    assert channel["conversation"]["id"] == CHANNEL  # the stored handle is not changed
    # A card without a reference of its own replies under it in the place's channel.
    assert thread_place({"activity_id": "5"}, place)["reference"]["activityId"] == "5"
    chat = {"conversation": {"id": "19:chat@thread.v2", "conversationType": "groupChat"}}
    assert thread_place({"reference": chat, "activity_id": "1"}, place) == {"reference": chat}


def test_channel_link_names_the_thread_root() -> None:
    reply = channel_message_link(CHANNEL, "43", "42", "t", "g")
    assert f"/{CHANNEL}/43?" in reply and "parentMessageId=42" in reply
    post = channel_message_link(CHANNEL, "42", None, "t", None)
    assert "parentMessageId=42" in post and "groupId" not in post


def test_a_turn_carries_the_link_to_its_own_message() -> None:
    # The Teams layer builds it, so no dialog knows how Teams addresses a message.
    activity = channel_mention(SERVICE, "hallo")
    activity["conversation"]["id"] = f"{CHANNEL};messageid=42"
    reply = _turn(activity)
    assert reply.message_link is not None
    assert f"/{CHANNEL}/{activity['id']}?" in reply.message_link
    assert "parentMessageId=42" in reply.message_link
    assert (
        _turn(message(SERVICE, "hallo")).message_link is None
    )  # a personal chat: nobody to share with
