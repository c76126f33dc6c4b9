"""The help card's and team welcome's buttons: each opens what its chat command shows."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from pydantic import BaseModel, ConfigDict

from bot.conversation import Reply, Turn
from cards.builders import question_form_card
from dialogs.context import DialogContext
from dialogs.dispatch import Dialogs
from dialogs.router import Router

router: Router[Dialogs] = Router(Dialogs)

Target = Literal["ask", "topics", "room", "stammtisch", "roulette", "data"]

# The command behind each button, answered exactly as if it had been typed (its own checks
# apply: "Meine Themen" and "Meine Daten" only in the personal chat, the Stammtisch only
# where the team's poll is).
_COMMANDS: dict[str, str] = {
    "topics": "meine themen",
    "room": "raum",
    "stammtisch": "stammtisch",
    "roulette": "kaffee roulette",
    "data": "meine daten",
}


class ShortcutAction(BaseModel):
    """A help button: which action it opens."""

    model_config = ConfigDict(extra="forbid")

    target: Target


@router.card_action("help.open", ShortcutAction)
async def open_shortcut(turn: Turn, action: ShortcutAction, ctx: DialogContext[Dialogs]) -> Reply:
    """A help button: the question form, or what the matching command answers."""
    if action.target == "ask":
        return Reply.of_card(question_form_card(turn.language))
    reply = await ctx.services.run_command(_COMMANDS[action.target], turn)
    # Some handlers answer a card click by replacing the clicked card (their own cards); the
    # help card or the team's welcome must stay for the next click, so this is a new message.
    return replace(reply, replaces_card=False)
