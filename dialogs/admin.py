"""Admin commands: "status" (version, database, Graph, jobs, undelivered welcomes, members).

The status names people the bot cannot reach: it is shown in the personal chat only, never in a
channel or group chat where everyone reads along."""

from __future__ import annotations

from bot.conversation import ConversationKind, Reply, Turn
from bot.i18n import t
from bot.status import StatusService
from cards.status import status_card
from dialogs.context import DialogContext
from dialogs.router import Router

router: Router[StatusService] = Router(StatusService)


@router.command("bot status", "admin status")
async def status(turn: Turn, rest: str, ctx: DialogContext[StatusService]) -> Reply:
    """Admins only: how the bot is doing; names only of people the bot cannot reach."""
    if (turn.actor.aad_object_id or "") not in ctx.settings.admin_ids:
        return Reply.of_text(t("status.not_admin", turn.language))
    if turn.conversation_kind is not ConversationKind.PERSONAL:
        return Reply.of_text(t("status.personal_only", turn.language))
    facts = await ctx.services.report()
    members = await ctx.services.member_report()
    return Reply.of_card(status_card(facts, members, turn.language))
