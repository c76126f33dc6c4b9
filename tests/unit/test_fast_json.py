"""The fast model serialiser produces exactly what msrest's serializer produces."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from botbuilder.core import TurnContext
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    Attachment,
    ChannelAccount,
    ConversationAccount,
    Mention,
)
from msrest import Serializer

from bot.teams.fast_json import model_to_json
from cards.builders import help_card
from tests.support import activities


def _msrest(activity: Activity) -> dict:
    from botbuilder.schema import _models_py3

    models = {k: v for k, v in _models_py3.__dict__.items() if isinstance(v, type)}
    return Serializer(models).body(activity, "Activity")


def _reply() -> Activity:
    incoming = Activity().deserialize(activities.channel_mention("http://svc", "hilfe"))
    reply = Activity(
        type=ActivityTypes.message,
        text="Hallo <b>Welt</b> „ä“",
        attachments=[
            Attachment(
                content_type="application/vnd.microsoft.card.adaptive", content=help_card("de")
            )
        ],
        timestamp=datetime(2026, 3, 29, 1, 30, 15, 123456, tzinfo=timezone(timedelta(hours=2))),
        entities=[Mention(mentioned=ChannelAccount(id="29:x", name="X"), text="<at>X</at>")],
    )
    return TurnContext.apply_conversation_reference(
        reply, TurnContext.get_conversation_reference(incoming)
    )


def test_reply_activity_matches_msrest() -> None:
    reply = _reply()
    assert model_to_json(reply) == _msrest(reply)


def test_minimal_activity_matches_msrest() -> None:
    activity = Activity(
        type="typing",
        conversation=ConversationAccount(id="c", is_group=False),
        timestamp=datetime(2026, 1, 1, tzinfo=UTC),
    )
    assert model_to_json(activity) == _msrest(activity)
