"""Admin commands: "status" (version, database, Graph, jobs, undelivered welcomes)."""

from __future__ import annotations

from bot.conversation import Reply, Turn
from bot.i18n import t
from cards.elements import card, text
from dialogs.context import DialogContext
from dialogs.router import Router

router = Router()


@router.command("bot status", "admin status")
async def status(turn: Turn, rest: str, ctx: DialogContext) -> Reply:
    """Admins only: how the bot is doing (aggregate figures, no personal data)."""
    if (turn.actor.aad_object_id or "") not in ctx.settings.admin_ids:
        return Reply.of_text(t("status.not_admin", turn.language))
    if ctx.status is None:
        return Reply.of_text(t("status.unavailable", turn.language))
    facts = await ctx.status.report()
    lang = turn.language
    rows = [
        {"title": t(key, lang), "value": t(f"status.value.{value}", lang)
         if value in ("ok", "down") else value}
        for key, value in facts.items()
    ]  # fmt: skip
    body = [text(t("status.title", lang), weight="Bolder", size="Medium"),
            {"type": "FactSet", "facts": rows}]  # fmt: skip
    return Reply.of_card(card(body))
