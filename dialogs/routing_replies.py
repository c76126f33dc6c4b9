"""An expert's message where a question's card is: the answer to it (replies.py decides), or,
in a group chat when it quotes no card, a one-click "Ist das Ihre Antwort?"."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from bot.conversation import Reply, Turn
from bot.domain.routing.asking import MAX_QUESTION_CHARS
from bot.domain.routing.questions import DecisionError
from bot.domain.routing.replies import Probable, ReplyPlace
from bot.domain.routing.service import RoutingService
from bot.domain.routing.smalltalk import only_social
from bot.i18n import t
from cards.routing_confirm import MAX_CONFIRM_CHARS, confirm_answer_card
from dialogs.payload_types import RowId
from dialogs.router import Router
from dialogs.routing import RoutingContext, asked_from_card, pool_of, settled_reply

router: Router[RoutingService] = Router(RoutingService)


class _ByAuthor(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Who wrote the message: only they decide what it was (others in the chat see the card).
    author_key: str = Field(min_length=1, max_length=200)


class ConfirmAnswer(_ByAuthor):
    """ "Ja, als Antwort senden"."""

    question_id: RowId
    answer: str = Field(min_length=1, max_length=MAX_CONFIRM_CHARS)


class NotAnAnswer(_ByAuthor):
    """ "Nein, das ist eine neue Frage"."""

    text: str = Field(min_length=1, max_length=min(MAX_CONFIRM_CHARS, MAX_QUESTION_CHARS))


@router.thread_reply
async def answer_in_thread(turn: Turn, text: str, ctx: RoutingContext) -> Reply | None:
    """A named expert's reply in a question's thread, or their reply quoting its card in a
    group chat, is the answer to it (even when it starts with a command word); a probable
    answer in a group chat is asked about; None for any other message."""
    author = turn.actor.aad_object_id
    if not author:
        return None
    place = ReplyPlace(own_thread=turn.in_thread, quoted_message_id=turn.quoted_message_id)
    try:
        found = await ctx.services.replies.answer(
            pool_of(turn, ctx), turn.conversation_id, author, text, place
        )
    except DecisionError as error:
        return Reply.of_text(t(f"routing.error.{error.code}", turn.language))
    if found is None:
        return None
    if isinstance(found, Probable):
        if len(text) > MAX_CONFIRM_CHARS:
            return None  # too long to offer for a click: an ordinary message
        if only_social(turn.without_mentioned(text)):
            return None  # "@Jana danke!" is as social as "Danke!" (replies.answer)
        return Reply.of_card(confirm_answer_card(found.question, text, author, turn.language))
    return Reply.of_text(t("routing.note.answered", turn.language))


def _not_the_author(turn: Turn, action: _ByAuthor) -> Reply | None:
    # A toast: the author's card stays as it is for them.
    if turn.actor.aad_object_id == action.author_key:
        return None
    return Reply.of_text(t("routing.error.not_author", turn.language))


@router.card_action("routing.confirm_answer", ConfirmAnswer)
async def confirm_answer(turn: Turn, action: ConfirmAnswer, ctx: RoutingContext) -> Reply:
    """The message was the answer: saved as if written on the question's card."""
    if (refusal := _not_the_author(turn, action)) is not None:
        return refusal
    try:
        await ctx.services.answer(action.question_id, action.author_key, action.answer)
    except DecisionError as error:
        return Reply.of_text(t(f"routing.error.{error.code}", turn.language))
    note = t("routing.note.answered", turn.language)
    return settled_reply(action.answer, note)


@router.card_action("routing.not_an_answer", NotAnAnswer)
async def not_an_answer(turn: Turn, action: NotAnAnswer, ctx: RoutingContext) -> Reply:
    """The message was a question of the expert's own: routed like any other."""
    if (refusal := _not_the_author(turn, action)) is not None:
        return refusal
    once = f"routing.not_an_answer|{action.author_key}"
    note = await asked_from_card(turn, action.text, ctx, once)
    return settled_reply(action.text, note)
