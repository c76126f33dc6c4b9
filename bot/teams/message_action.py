"""The message action "Ans Assistenz-Netzwerk fragen": a message's "…" menu opens a dialog with
its text as an editable question; sent, it is routed like a typed question, in the asker's
personal chat with the bot or in the network's channel."""

from __future__ import annotations

import html
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Literal

import structlog
from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.schema import ChannelAccount
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.conversation import MAX_TEXT_CHARS, ConversationKind, Reply, Turn
from bot.domain.members.ports import MemberRepository
from bot.domain.ports import ConversationReferences
from bot.domain.routing.asking import MAX_QUESTION_CHARS
from bot.i18n import t
from bot.teams.activity_shape import MESSAGE_ACTION_INVOKE_NAMES
from bot.teams.mentions import name_key, without_own_tags
from bot.teams.network_channel import general_channel
from bot.teams.notifier import TeamsNotifier
from bot.teams.threads import split_thread, top_level_reference
from bot.teams.translate import ADAPTIVE_CARD, tenant_of, to_turn
from cards.builders import message_question_card

log = structlog.get_logger(__name__)

MESSAGE_ACTION_INVOKES = MESSAGE_ACTION_INVOKE_NAMES
FETCH_TASK, SUBMIT_ACTION = MESSAGE_ACTION_INVOKE_NAMES
COMMAND_ID = "askNetwork"  # appmanifest/manifest.template.json composeExtensions

_BREAK = re.compile(r"<\s*(br\s*/?|/p|/div|/li|/h\d)\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]+>")  # linear even with many "<" and no ">"

Dispatch = Callable[[Turn], Awaitable[Reply]]


def plain_text(content: str, content_type: str | None) -> str:
    """The message body as text: Teams sends HTML (paragraphs, mentions, formatting)."""
    if (content_type or "html").lower() != "html":
        return content.strip()
    text = html.unescape(_TAG.sub("", _BREAK.sub("\n", content)))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def prefill(text: str, limit: int = MAX_QUESTION_CHARS) -> str:
    """The message's text as the dialog's question: at most what the submit accepts (a Teams
    message may hold far more), cut after a whole word and marked with "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = max(cut.rfind(" "), cut.rfind("\n"), cut.rfind("\t"))
    if space > limit // 2:  # one huge "word" (a link, a code dump) is cut where it must be
        cut = cut[:space]
    return cut.rstrip() + "…"


class _Body(BaseModel):
    # HTML of a message Teams accepted (its text is at most MAX_TEXT_CHARS; markup adds more).
    content: str = Field(default="", max_length=4 * MAX_TEXT_CHARS)
    contentType: str | None = None  # noqa: N815 - Teams' field name


class _App(BaseModel):
    id: str | None = Field(default=None, max_length=200)


class _Mentioned(BaseModel):
    application: _App | None = None  # a bot or app; a person is ``user``


class _Mention(BaseModel):
    id: int | None = None  # the <at id="…"> of its tag in the body
    mentioned: _Mentioned | None = None


class _MessagePayload(BaseModel):
    body: _Body | None = None
    mentions: list[_Mention] | None = Field(default=None, max_length=1000)

    def question(self, bot: ChannelAccount | None) -> str:
        """The body as the dialog's question, without the bot's own @mention: the message
        action on "@Assistenz-Bot wer kennt …" must not ask about the bot (colleagues'
        mentions stay as their names)."""
        if self.body is None:
            return ""
        bot_id = (bot.id if bot else None) or ""
        bot_name = name_key((bot.name if bot else None) or "")
        mentions = [m for m in self.mentions or () if m.id is not None]
        ours = {
            str(m.id)
            for m in mentions
            if m.mentioned and m.mentioned.application and m.mentioned.application.id
            and bot_id in (m.mentioned.application.id, f"28:{m.mentioned.application.id}")
        }  # fmt: skip
        explained = {str(m.id) for m in mentions}

        def own(tag_id: str | None, name: str) -> bool:
            if tag_id in explained:
                return tag_id in ours
            # A tag no mention explains: the bot's when it carries the bot's name.
            return bool(bot_name) and name_key(name) == bot_name

        content = self.body.content
        if (self.body.contentType or "html").lower() == "html":
            content = without_own_tags(content, own)
        return prefill(plain_text(content, self.body.contentType))


class _FetchTask(BaseModel):
    model_config = ConfigDict(extra="ignore")

    commandId: Literal["askNetwork"]  # noqa: N815
    commandContext: Literal["message"]  # noqa: N815
    messagePayload: _MessagePayload | None = None  # noqa: N815


class QuestionSubmit(BaseModel):
    """The dialog's inputs: the (edited) question and where it goes."""

    model_config = ConfigDict(extra="ignore")

    question: str = Field(min_length=1, max_length=MAX_QUESTION_CHARS)
    target: Literal["channel", "chat"]


class _SubmitAction(BaseModel):
    model_config = ConfigDict(extra="ignore")

    commandId: Literal["askNetwork"]  # noqa: N815
    data: QuestionSubmit


def _task_message(text: str) -> InvokeResponse:
    """Closes nothing: the dialog shows ``text`` (Teams' "message" task response)."""
    return InvokeResponse(status=200, body={"task": {"type": "message", "value": text}})


@dataclass(frozen=True, slots=True)
class MessageActions:
    """Answers the two invokes of the message action."""

    references: ConversationReferences
    members: MemberRepository
    notifier: TeamsNotifier
    team_pools: frozenset[str] = frozenset()  # teams of ROUTING_POOLS: network teams first

    async def handle(
        self, context: TurnContext, locale_override: str | None, dispatch: Dispatch
    ) -> InvokeResponse:
        """Answer ``composeExtension/fetchTask`` or ``composeExtension/submitAction``."""
        turn = to_turn(context, locale_override)
        language = turn.language
        value = context.activity.value if isinstance(context.activity.value, dict) else {}
        try:
            if context.activity.name == FETCH_TASK:
                fetch = _FetchTask.model_validate(value)
                return self._dialog(fetch, turn, context.activity.recipient)
            submit = _SubmitAction.model_validate(value)
        except ValidationError:
            log.info("message_action_refused")
            return _task_message(t("message_action.error.bad_payload", language))
        question = submit.data.question.strip()
        if not question:
            return _task_message(t("message_action.error.bad_payload", language))
        place = await self._place(context, turn, submit.data.target)
        if place is None:
            return _task_message(t(f"message_action.error.no_{submit.data.target}", language))
        reply = await dispatch(place.asking(question))
        if reply.card is not None:  # e.g. an earlier answer offered: shown where it goes
            await self.notifier.post_card({"reference": place.reference}, reply.card)
        if reply.text is not None:
            return _task_message(reply.text)
        return _task_message(t(f"message_action.sent.{submit.data.target}", language))

    def _dialog(
        self, fetch: _FetchTask, turn: Turn, recipient: ChannelAccount | None
    ) -> InvokeResponse:
        payload = fetch.messagePayload
        question = payload.question(recipient) if payload else ""
        # In a channel the network is most likely right there; elsewhere the private way.
        target = "channel" if turn.conversation_kind is ConversationKind.CHANNEL else "chat"
        dialog = {
            "title": t("message_action.title", turn.language),
            "height": "medium",
            "width": "medium",
            "card": {
                "contentType": ADAPTIVE_CARD,
                "content": message_question_card(question, target, turn.language),
            },
        }
        return InvokeResponse(status=200, body={"task": {"type": "continue", "value": dialog}})

    async def _place(self, context: TurnContext, turn: Turn, target: str) -> _Place | None:
        user_key = turn.actor.aad_object_id
        if not user_key:
            return None
        if target == "chat":
            stored = await self.references.personal_for_user(user_key)
            if stored is not None:
                return _Place(turn, stored.reference, ConversationKind.PERSONAL, None)
            # Day one: they never wrote to the bot, which opens the chat as for any DM.
            opened = await self.notifier.personal_chat(user_key, turn.tenant_id)
            if opened is None:
                return None
            return _Place(turn, dict(opened["reference"]), ConversationKind.PERSONAL, None)
        activity = context.activity
        if turn.conversation_kind is ConversationKind.CHANNEL and turn.team_id:
            # A new post in the channel the message action was used in.
            reference = dict(turn.top_level_reference)
            return _Place(turn, reference, ConversationKind.CHANNEL, turn.team_id)
        teams = sorted(
            await self.members.installed_teams(),
            key=lambda team: (team.team_id not in self.team_pools, team.installed_at),
        )
        if not teams:
            return None
        team = teams[0]
        general = general_channel(team, tenant_of(activity))
        return _Place(turn, general, ConversationKind.CHANNEL, team.team_id)


@dataclass(frozen=True, slots=True)
class _Place:
    """Where the question goes, and the asker's turn moved there."""

    turn: Turn
    reference: dict[str, Any]
    kind: ConversationKind
    team_id: str | None

    def asking(self, question: str) -> Turn:
        """The turn as if the asker had sent the question form there ("help.ask")."""
        conversation_id = str((self.reference.get("conversation") or {}).get("id") or "")
        channel_conversation, thread_root = split_thread(conversation_id)
        return Turn(
            activity_id="",  # no message of the asker there: no link to one
            conversation_id=conversation_id,
            conversation_kind=self.kind,
            tenant_id=self.turn.tenant_id,
            actor=self.turn.actor,
            locale=self.turn.locale,
            card_verb="help.ask",
            card_data={"question": question},
            team_id=self.team_id,
            reference=self.reference,
            top_level_reference=top_level_reference(self.reference),
            thread_root_id=thread_root,
            channel_conversation_id=channel_conversation,
        )
