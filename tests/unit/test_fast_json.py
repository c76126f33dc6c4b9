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


def _samples() -> list[dict]:
    svc = "http://svc/_connector"
    invoke = activities.card_invoke(svc, "lunch.vote", {"pollId": 3, "choice": "ja"})
    added = activities.bot_added_to_team(svc)
    weird = activities.message(svc, "hallo")
    weird.update(
        timestamp="2026-11-22T09:00:00.1234567Z",
        localTimestamp="2026-11-22T10:00:00.123+01:00",
        value={"verb": "x", "nested": [1, {"a": None}]},
        SERVICEURL=svc,
        unknownTopLevel={"k": 1},
    )
    return [
        activities.message(svc, "hilfe"),
        activities.channel_mention(svc, "hilfe"),
        invoke,
        added,
        weird,
    ]


def test_deserialisation_matches_msrest() -> None:
    from bot.teams.fast_json import model_from_json

    for sample in _samples():
        ours = model_from_json(Activity, sample)
        theirs = Activity().deserialize(sample)
        assert ours.serialize() == theirs.serialize(), sample
        assert ours.as_dict() == theirs.as_dict()
        assert getattr(ours, "additional_properties", None) == getattr(
            theirs, "additional_properties", None
        )
        for mine, stock in zip(ours.entities or [], theirs.entities or [], strict=True):
            assert mine.additional_properties == stock.additional_properties
        assert (ours.conversation.tenant_id, ours.timestamp) == (
            theirs.conversation.tenant_id,
            theirs.timestamp,
        )


def test_mention_removal_works_on_fast_model() -> None:
    from bot.teams.fast_json import model_from_json

    activity = model_from_json(Activity, activities.channel_mention("http://svc", "hilfe bitte"))
    assert TurnContext.remove_recipient_mention(activity).strip() == "hilfe bitte"
