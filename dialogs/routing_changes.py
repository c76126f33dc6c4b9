"""Changing one's mind about a routed question: the asker withdraws it, the owner gives it back."""

from __future__ import annotations

from bot.conversation import ConversationKind, Reply, Turn
from bot.domain.routing.experts import DEFAULT_POOL
from bot.domain.routing.questions import DecisionError, Question
from bot.domain.routing.service import RoutingService
from bot.i18n import t
from dialogs.router import Router
from dialogs.routing import QuestionAction, RoutingContext, decide_on_card, pool_of

router: Router[RoutingService] = Router(RoutingService)
_QUOTED = 80


@router.card_action("routing.withdraw", QuestionAction)
async def withdraw(turn: Turn, action: QuestionAction, ctx: RoutingContext) -> Reply:
    """ "Frage zurückziehen" on the thread card: only the asker (checked in the domain)."""

    async def decision(service: RoutingService, asker: str, own: bool) -> Question:
        return await service.withdraw(action.question_id, asker)

    return await decide_on_card(turn, ctx, action, decision, "routing.note.withdrawn")


@router.card_action("routing.release", QuestionAction)
async def release(turn: Turn, action: QuestionAction, ctx: RoutingContext) -> Reply:
    """ "Doch nicht übernehmen" on the owner's DM card: the next expert is asked."""

    async def decision(service: RoutingService, expert: str, own: bool) -> Question:
        return await service.release(action.question_id, expert, own_card=own)

    return await decide_on_card(turn, ctx, action, decision, "routing.note.released")


@router.command("frage zurückziehen", "frage zurueckziehen", "withdraw question")
async def withdraw_command(turn: Turn, rest: str, ctx: RoutingContext) -> Reply:
    """ "frage zurückziehen": the asker's question of this thread, else their newest open one."""
    if not turn.actor.aad_object_id:
        return Reply.of_text(t("error.generic", turn.language))
    try:
        # Any pool: in the personal chat nothing tells which team the question was asked in.
        pools = [pool_of(turn, ctx), DEFAULT_POOL, *ctx.settings.routing_pools.values()]
        withdrawn = await ctx.services.replies.withdraw_open(
            pools, turn.actor.aad_object_id, turn.conversation_id
        )
    except DecisionError as error:
        return Reply.of_text(t(f"routing.error.{error.code}", turn.language))
    if withdrawn is None:
        return Reply.of_text(t("routing.reply.nothing_to_withdraw", turn.language))
    place = turn.channel_conversation_id or turn.conversation_id
    personal = turn.conversation_kind is ConversationKind.PERSONAL
    if not personal and not ctx.services.replies.asked_in(withdrawn, place):
        # Asked elsewhere (the personal chat, a group chat, another team): its text is not for
        # this conversation's readers; its own card shows which question it was.
        key = "withdrawn_private" if withdrawn.private else "withdrawn_elsewhere"
        return Reply.of_text(t(f"routing.reply.{key}", turn.language))
    quoted = withdrawn.text if len(withdrawn.text) <= _QUOTED else withdrawn.text[:_QUOTED] + "…"
    return Reply.of_text(t("routing.reply.withdrawn", turn.language, question=quoted))
