"""A message in the thread of an open question that is neither its answer nor a question of
its own (replies.Remark): a short note instead of routing it as a new question."""

from __future__ import annotations

from bot.conversation import Reply, Turn
from bot.domain.routing.questions import QuestionState
from bot.domain.routing.replies import Remark
from bot.domain.routing.service import RoutingService
from bot.i18n import t
from dialogs.context import DialogContext


async def remark_reply(
    turn: Turn, text: str, ctx: DialogContext[RoutingService], pool_id: str
) -> Reply | None:
    """The note for a remark in a channel thread; None for anything else (it is asked)."""
    author = turn.actor.aad_object_id
    if not turn.in_thread or not author:
        return None
    remark = await ctx.services.replies.remark(pool_id, turn.conversation_id, author, text)
    return None if remark is None else Reply.of_text(_note(remark, turn.language))


def _note(remark: Remark, lang: str) -> str:
    question = remark.question
    if not remark.by_named:
        return t("routing.remark.noted", lang)
    if question.state is QuestionState.TAKEN:
        # Their card offers no "Beantworten" now: the owner answers.
        owner = next(e.name for e in question.experts if e.expert_key == question.owner_key)
        return t("routing.remark.taken", lang, name=owner)
    return t("routing.remark.not_awaited", lang)
