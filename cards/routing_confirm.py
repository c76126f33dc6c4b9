"""Is this group-chat message the expert's answer? Asked when the bot waits for them on a
question there and their message quotes no question's card (it may be a new question)."""

from __future__ import annotations

from typing import Any

from bot.domain.routing.questions import Question
from bot.i18n import t
from cards.elements import card
from cards.elements import execute as _execute
from cards.elements import text as _text
from cards.size import clipped

# The message travels in both buttons' data: longer ones are no answer offered for a click
# (the card must stay within Teams' size limit); the expert answers on the question's card.
MAX_CONFIRM_CHARS = 2_000
QUESTION_SHOWN_BYTES = 1_000


def confirm_answer_card(
    question: Question, text: str, author_key: str, lang: str
) -> dict[str, Any]:
    """ "Ist das Ihre Antwort?": send ``text`` as the answer, or ask it as a new question."""
    asked = clipped(question.text, QUESTION_SHOWN_BYTES)
    body = [
        _text(t("routing.confirm.title", lang), weight="Bolder", size="Medium"),
        _text(t("routing.confirm.question", lang, asker=question.asker_name, question=asked)),
        _text(text, isSubtle=True, spacing="Small"),
    ]
    answer = {"question_id": question.id, "answer": text, "author_key": author_key}
    actions = [
        _execute(t("routing.button.confirm_answer", lang), "routing.confirm_answer", answer),
        _execute(
            t("routing.button.not_an_answer", lang),
            "routing.not_an_answer",
            {"text": text, "author_key": author_key},
        ),
    ]
    return card(body, actions)
