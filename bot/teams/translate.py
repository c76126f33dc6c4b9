"""Translation between botbuilder activities and the framework-free Turn/Reply types."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ActivityTypes, Attachment, ConversationReference

from bot.conversation import MAX_TEXT_CHARS, Actor, ConversationKind, Reply, Turn
from bot.domain.conversation_refs import StoredReference
from bot.teams.fast_json import model_to_json
from bot.teams.mentions import colleague_names, colleague_tags, mentions_bot, plain
from bot.teams.quotes import quoted_colleague_text, quoted_message_id, without_quotes
from bot.teams.threads import split_thread, top_level_reference
from cards.deeplinks import channel_message_link, chat_message_link

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def tenant_of(activity: Activity) -> str | None:
    """Tenant id; channel activities may carry it only in channelData.tenant.id."""
    channel_data = activity.channel_data or {}
    tenant = channel_data.get("tenant") if isinstance(channel_data, dict) else None
    if isinstance(tenant, dict) and tenant.get("id"):
        return str(tenant["id"])
    conversation = activity.conversation
    return getattr(conversation, "tenant_id", None) if conversation else None


def conversation_kind(activity: Activity) -> ConversationKind:
    """Personal chat, group chat or team channel."""
    raw = getattr(activity.conversation, "conversation_type", None) or "personal"
    try:
        return ConversationKind(raw)
    except ValueError:
        return ConversationKind.PERSONAL


def clean_text(context: TurnContext) -> str:
    """Message text without the bot's @mention, quoted replies or HTML markup; a colleague's
    @mention stays as their plain name (bot/teams/mentions.py).

    Not botbuilder's ``remove_recipient_mention``: it compiles the mention's name as a regular
    expression and fails on a mention without text.
    """
    activity = context.activity
    text = activity.text or ""
    if len(text) > MAX_TEXT_CHARS:
        # Longer than Teams can send: the router refuses it unread, so skip the regex work.
        return text
    colleagues = colleague_tags(activity)
    own = plain(without_quotes(text), colleagues)
    if own:
        return own
    # Only "@Bot" under a colleague's quoted message: they hand that message to the bot.
    quoted = quoted_colleague_text(text)
    return plain(quoted, colleagues) if quoted is not None else own


def _mentioned(activity: Activity, verb: str | None) -> tuple[str, ...]:
    text = activity.text or ""
    if verb is not None or len(text) > MAX_TEXT_CHARS:
        return ()
    return colleague_names(text, colleague_tags(activity))


def addressed_to_bot(activity: Activity) -> bool:
    """False for a channel post that does not @mention the bot: it was not written for it.

    Without RSC consent Teams only delivers posts that mention the bot; with it (an older app
    package asked for ChannelMessage.Read.Group) every post of the team arrives, and "Guten
    Morgen zusammen!" must get no reply. Card clicks (Action.Submit, a message with ``value``)
    carry no mention and are always meant for the bot; other activity types are not posts.
    """
    if activity.type != ActivityTypes.message:
        return True
    if conversation_kind(activity) is not ConversationKind.CHANNEL:
        return True
    return activity.value is not None or mentions_bot(activity)


def card_action(activity: Activity) -> tuple[str | None, dict[str, Any]]:
    """The card verb and data of an Action.Execute invoke or an Action.Submit message."""
    value = activity.value if isinstance(activity.value, dict) else None
    if value is None:
        return None, {}
    if activity.type == ActivityTypes.invoke:
        action = _dict(value.get("action"))
        return str(action.get("verb") or ""), dict(_dict(action.get("data")))
    data = dict(value)
    verb = data.pop("verb", None)
    return (str(verb) if verb else ""), data


class _LazyReference(Mapping[str, Any]):
    """The turn's serialised conversation reference (or, ``top_level``, the reference for a
    new post there: without the channel thread), built on first read.

    Most turns (help, card clicks) never need it; building it costs as much as parsing the
    activity (measured in bench/).
    """

    def __init__(self, activity: Activity, *, top_level: bool = False) -> None:
        self._activity = activity
        self._top_level = top_level
        self._value: dict[str, Any] | None = None

    def _built(self) -> dict[str, Any]:
        if self._value is None:
            reference = TurnContext.get_conversation_reference(self._activity)
            self._value = model_to_json(reference)
            if self._top_level:
                self._value = top_level_reference(self._value)
        return self._value

    def __getitem__(self, key: str) -> Any:
        return self._built()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._built())

    def __len__(self) -> int:
        return len(self._built())


def to_turn(context: TurnContext, locale_override: str | None = None) -> Turn:
    """Build the framework-free Turn the dialogs see."""
    activity = context.activity
    sender = activity.from_property
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    team = _dict(channel_data.get("team"))
    channel = _dict(channel_data.get("channel"))
    verb, data = card_action(activity)
    channel_conversation, thread_root = split_thread(activity.conversation.id)
    kind = conversation_kind(activity)
    return Turn(
        activity_id=activity.id or "",
        conversation_id=activity.conversation.id,
        conversation_kind=kind,
        tenant_id=tenant_of(activity),
        actor=Actor(
            id=sender.id if sender else "",
            aad_object_id=getattr(sender, "aad_object_id", None) if sender else None,
            name=(sender.name or "") if sender else "",
        ),
        locale=locale_override or activity.locale or "de-DE",
        text="" if verb is not None else clean_text(context),
        mentioned=_mentioned(activity, verb),
        card_verb=verb,
        card_data=data,
        reply_to_id=activity.reply_to_id,
        quoted_message_id=_quoted(activity, verb),
        team_id=team.get("id"),
        channel_id=channel.get("id"),
        team_group_id=team.get("aadGroupId"),
        reference=_LazyReference(activity),
        top_level_reference=_LazyReference(activity, top_level=True),
        thread_root_id=thread_root,
        channel_conversation_id=channel_conversation,
        message_link=_message_link(activity, kind, channel_conversation, thread_root, team),
        via_invoke=activity.type == ActivityTypes.invoke,
    )


def _quoted(activity: Activity, verb: str | None) -> str | None:
    text = activity.text or ""
    # Longer than Teams sends: the router refuses it unread (as clean_text does).
    if verb is not None or len(text) > MAX_TEXT_CHARS:
        return None
    return quoted_message_id(text, activity.entities)


def _message_link(
    activity: Activity,
    kind: ConversationKind,
    channel_conversation: str,
    thread_root: str | None,
    team: dict[str, Any],
) -> str | None:
    """The link that opens this message for members of its channel or chat; none for a
    personal chat (nobody to share it with) or an activity without an id."""
    if not activity.id:
        return None
    if kind is ConversationKind.CHANNEL:
        return channel_message_link(
            channel_conversation, activity.id, thread_root, tenant_of(activity),
            team.get("aadGroupId"),
        )  # fmt: skip
    if kind is ConversationKind.GROUP_CHAT:
        return chat_message_link(activity.conversation.id, activity.id)
    return None


class _SharedCardContent(dict[str, Any]):
    """Card JSON that botbuilder's per-send ``deepcopy`` shares instead of copying.

    TurnContext deep-copies every outgoing activity; for a card that was measurably the largest
    single cost of a help turn. Nothing mutates a card after the reply is built.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> _SharedCardContent:
        return self


def to_activity(reply: Reply) -> Activity:
    """A message activity for a reply (text and/or Adaptive Card attachment)."""
    attachments = (
        [Attachment(content_type=ADAPTIVE_CARD, content=_SharedCardContent(reply.card))]
        if reply.card
        else None
    )
    return Activity(type=ActivityTypes.message, text=reply.text, attachments=attachments)


def user_key_of(activity: Activity) -> str:
    """The sender's Entra object id when Teams sends it, else the channel account id."""
    sender = activity.from_property
    return str((getattr(sender, "aad_object_id", None) or getattr(sender, "id", "")) or "")


def stored_reference(activity: Activity, now: datetime) -> StoredReference:
    """The reference to store for proactive messages to this conversation and user."""
    reference: ConversationReference = TurnContext.get_conversation_reference(activity)
    return StoredReference(
        conversation_id=activity.conversation.id,
        user_key=user_key_of(activity),
        kind=conversation_kind(activity).value,
        tenant_id=tenant_of(activity),
        service_url=activity.service_url,
        reference=reference.serialize(),
        updated_at=now,
    )
