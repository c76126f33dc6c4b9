"""The help overview."""

from __future__ import annotations

from bot.conversation import Reply, Turn
from cards.builders import help_card
from dialogs.context import DialogContext
from dialogs.router import Router

router: Router[None] = Router()


@router.command("hilfe", "help", "start")
async def show_help(turn: Turn, rest: str, ctx: DialogContext[None]) -> Reply:
    """Answer with the overview card of what the bot can do."""
    return Reply(card=help_card(turn.language))
