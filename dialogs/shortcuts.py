"""The help card's and team welcome's buttons: each opens what its chat command shows."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.conversation import Reply, Turn
from cards.builders import question_form_card
from dialogs import experts, privacy, rooms, routing, stammtisch
from dialogs.context import DialogContext
from dialogs.router import CommandHandler, Router

router = Router()

Target = Literal["ask", "topics", "room", "stammtisch", "data"]

# The command behind each button (its own checks apply: "Meine Themen" and "Meine Daten"
# only in the personal chat, the Stammtisch only where the team's poll is).
_COMMANDS: dict[str, CommandHandler] = {
    "topics": experts.my_topics,
    "room": rooms.request_room,
    "stammtisch": stammtisch.current,
    "data": privacy.my_data,
}


class ShortcutAction(BaseModel):
    """A help button: which action it opens."""

    model_config = ConfigDict(extra="forbid")

    target: Target


class QuestionForm(BaseModel):
    """The question form's text, bounded like a typed question."""

    model_config = ConfigDict(extra="forbid")

    question: str = Field(max_length=routing.MAX_QUESTION)

    @field_validator("question")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("empty question")
        return value.strip()


@router.card_action("help.open", ShortcutAction)
async def open_shortcut(turn: Turn, action: ShortcutAction, ctx: DialogContext) -> Reply:
    """A help button: the question form, or what the matching command answers."""
    if action.target == "ask":
        return Reply.of_card(question_form_card(turn.language))
    reply = await _COMMANDS[action.target](turn, "", ctx)
    # Some handlers answer a card click by replacing the clicked card (their own cards); the
    # help card or the team's welcome must stay for the next click, so this is a new message.
    return replace(reply, replaces_card=False)


@router.card_action("help.ask", QuestionForm)
async def ask(turn: Turn, form: QuestionForm, ctx: DialogContext) -> Reply:
    """The question form sent: routed exactly like a typed "frage …"."""
    return await routing.explicit_question(turn, form.question, ctx)
