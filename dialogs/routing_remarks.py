"""A message in the thread of an open question that is neither its answer nor a question of
its own (replies.Remark): a short note instead of routing it as a new question."""

from __future__ import annotations

from bot.conversation import Reply, Turn
from bot.domain.routing.service import RoutingService
from bot.i18n import t
from dialogs.context import DialogContext


async def remark_reply(
    turn: Turn, text: str, ctx: DialogContext[RoutingService], pool_id: str
) -> Reply | None:
    """The note for a remark in a channel thread; None for anything else (it is asked)."""
    if not turn.in_thread:
        return None
    remark = await ctx.services.replies.remark(pool_id, turn.conversation_id, text)
    if remark is None:
        return None
    return Reply.of_text(t("routing.remark.noted", turn.language))
