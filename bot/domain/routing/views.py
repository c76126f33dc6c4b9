"""How routing presents itself: the card-building port (implemented in cards/)."""

from __future__ import annotations

from typing import Any, Protocol

from bot.domain.routing.questions import Question


class QuestionViews(Protocol):
    """Builds the cards of a question (implemented in the cards package)."""

    def thread_card(self, question: Question, lang: str) -> dict[str, Any]:
        """The card in the asker's thread."""
        ...

    def expert_card(
        self, question: Question, expert_key: str, pool: list[tuple[str, str]], lang: str
    ) -> dict[str, Any]:
        """The DM card of one named expert."""
        ...

    def offer_card(
        self, earlier: Question, asked_text: str, asker_key: str, lang: str
    ) -> dict[str, Any]:
        """The earlier-answer offer; its buttons carry ``asker_key`` (see offer_decider)."""
        ...

    def unreachable_mention(self, lang: str) -> str:
        """The thread note for an expert the bot cannot DM ({person}: the @mention)."""
        ...

    def note_card(self, text: str) -> dict[str, Any]:
        """A card that only says ``text`` (a note where nobody can be @mentioned)."""
        ...

    def nobody_left_mention(self, lang: str) -> str:
        """The thread note to an asker whose question nobody named took and nobody is left to
        ask ({person}: the @mention)."""
        ...

    def answered_mention(self, lang: str, expert: str) -> str:
        """The thread note to an asker whose question ``expert`` answered ({person}: the
        @mention)."""
        ...

    def answered_card(self, question: Question, lang: str) -> dict[str, Any]:
        """The direct message to an asker whose question from a 1:1 chat was answered."""
        ...

    def unchosen_mention(self, lang: str, label: str, expert: str | None) -> str:
        """The thread note to an asker who did not choose: ``label`` was taken, and
        ``expert`` asked (None: everyone named is away). {person}: the @mention."""
        ...
