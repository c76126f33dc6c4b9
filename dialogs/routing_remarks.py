"""Talk in the thread of a question that is neither its answer nor a question of its own: a
remark on an open question (replies.Remark) gets a short note instead of being routed as a new
question; a message in the thread of a closed question is not routed either."""

from __future__ import annotations

from bot.conversation import Reply, Turn
from bot.domain.routing.questions import QuestionState
from bot.domain.routing.replies import Remark
from bot.domain.routing.service import RoutingService
from bot.domain.routing.smalltalk import asks, is_request
from bot.i18n import t
from dialogs.context import DialogContext


async def remark_reply(
    turn: Turn, text: str, ctx: DialogContext[RoutingService], pool_id: str
) -> Reply | None:
    """The reply to talk in a channel thread of a question; None for anything else (it is
    asked)."""
    author = turn.actor.aad_object_id
    if not turn.in_thread or not author:
        return None
    talk = await ctx.services.replies.thread_talk(pool_id, turn.conversation_id, author, text)
    if isinstance(talk, Remark):
        return Reply.of_text(_note(talk, turn.language))
    if talk is None:
        return None
    # A closed question's thread: nobody waits for anything there. A new question would start
    # a card under the old one that few see; a statement ("Steht in Outlook.") needs nothing.
    if asks(text) or is_request(text):
        return Reply.of_text(t("routing.closed.new_post", turn.language))
    return Reply()


def _note(remark: Remark, lang: str) -> str:
    question = remark.question
    if not remark.by_named:
        return t("routing.remark.noted", lang)
    if question.state is QuestionState.TAKEN:
        # Their card offers no "Beantworten" now: the owner answers.
        owner = next(e.name for e in question.experts if e.expert_key == question.owner_key)
        return t("routing.remark.taken", lang, name=owner)
    return t("routing.remark.not_awaited", lang)
