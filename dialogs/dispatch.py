"""The dialogs as the Teams layer calls them: every feature's routes, bound to its services.

``Router`` (router.py) collects a feature's handlers; ``Router.bind`` gives them that feature's
``DialogContext`` and returns ``Dialogs``; the registry merges every feature's ``Dialogs`` into
the one the endpoint dispatches to."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from bot.conversation import MAX_TEXT_CHARS, ConversationKind, Reply, Turn
from bot.i18n import t
from cards.builders import error_card
from dialogs.search import Choice, SearchQuery

Command = Callable[[Turn, str], Awaitable[Reply]]
CardClick = Callable[[Turn, Any], Awaitable[Reply]]
Search = Callable[[Turn, SearchQuery], Awaitable[list[Choice]]]
Recognises = Callable[[Turn, str], bool]
# A message in a channel thread or a group chat that a feature claims (an expert's answer);
# None: not its own.
ThreadReply = Callable[[Turn, str], Awaitable[Reply | None]]
V = TypeVar("V")

_WORD = re.compile(r"[\w@.-]+", re.UNICODE)
# "Bitte meine Daten löschen" is the command said politely, not a question for an expert.
_POLITE = frozenset({"bitte", "please"})


def command_words(text: str) -> list[str]:
    """Lower-cased words of a message, punctuation dropped ("Hilfe!" → ["hilfe"])."""
    return [w.strip(".-") for w in _WORD.findall(text.casefold()) if w.strip(".-")]


def merge_unique(into: dict[Any, V], more: dict[Any, V], what: str) -> None:
    """Add ``more`` to ``into``; a key in both is a wiring mistake, reported at start."""
    for key, value in more.items():
        if key in into:
            name = " ".join(key) if isinstance(key, tuple) else key
            raise ValueError(f"{what} {name!r} registered twice")
        into[key] = value


@dataclass(frozen=True, slots=True)
class BoundCard:
    """A card verb's payload model and its handler, bound to the feature's services."""

    payload: type[BaseModel]
    handler: CardClick


@dataclass
class Dialogs:
    """Bound routes; the longest matching command prefix wins."""

    commands: dict[tuple[str, ...], Command] = field(default_factory=dict)
    cards: dict[str, BoundCard] = field(default_factory=dict)
    searches: dict[str, Search] = field(default_factory=dict)
    # Free text that is no command but clearly belongs to a feature ("Ich brauche einen
    # Raum …"); checked in registration order before the fallback.
    intents: list[tuple[Recognises, Command]] = field(default_factory=list)
    fallback: Command | None = None
    # Checked before the commands for a reply in a thread: an answer there may well start
    # with a command word ("Raum 3.12 über Outlook buchen").
    thread_replies: list[ThreadReply] = field(default_factory=list)

    def include(self, other: Dialogs) -> None:
        """Merge another feature's bound routes into these."""
        merge_unique(self.commands, other.commands, "command")
        merge_unique(self.cards, other.cards, "card verb")
        merge_unique(self.searches, other.searches, "dataset")
        self.intents.extend(other.intents)
        self.thread_replies.extend(other.thread_replies)
        if other.fallback is not None:
            self.fallback = other.fallback

    async def run_command(self, phrase: str, turn: Turn, rest: str = "") -> Reply:
        """What exactly the command ``phrase`` answers (a help button opens a command)."""
        return await self.commands[tuple(command_words(phrase))](turn, rest)

    async def dispatch(self, turn: Turn) -> Reply:
        """Route one turn to its handler and return the reply."""
        if turn.card_verb is not None:
            return await self._dispatch_card(turn)
        if len(turn.text) > MAX_TEXT_CHARS:
            return Reply.of_text(t("error.message_too_long", turn.language, limit=MAX_TEXT_CHARS))
        # "@Kerstin hilfe": a colleague @mentioned first is addressed; the words after it say
        # what the message is (the whole text, names kept, is the question or the answer).
        spoken = _after_mentioned(turn)
        words = command_words(spoken)
        if not words:
            # "👍" or "🙂" alone is a friendly gesture, not an empty message; "?" asks for help.
            key = "error.only_symbols" if spoken else "error.empty_message"
            key = "error.only_question" if "?" in spoken else key
            return Reply.of_text(t(key, turn.language))
        command = self._command_of(words)
        if self._may_be_an_answer(turn, words, command is not None):
            for claims in self.thread_replies:
                if (claimed := await claims(turn, turn.text.strip())) is not None:
                    return claimed
        if command is not None:
            handler, length = command
            return await handler(turn, _text_after_words(spoken, length))
        text = turn.text.strip()
        for recognises, intent_handler in self.intents:
            if recognises(turn, text):
                return await intent_handler(turn, text)
        if self.fallback is not None:
            return await self.fallback(turn, text)
        return Reply.of_text(t("error.unknown_command", turn.language, text=turn.text.strip()))

    def _command_of(self, words: list[str]) -> tuple[Command, int] | None:
        """The command a message starts with, and how many of its words name it."""
        # Only as many words as the longest command has: trying every prefix of a long text
        # was quadratic (a 200 KB message blocked the event loop for seconds).
        longest = max((len(key) for key in self.commands), default=0)
        polite = 1 if len(words) > 1 and words[0] in _POLITE else 0
        for start in dict.fromkeys((0, polite)):
            rest = words[start:]
            for length in range(min(len(rest), longest), 0, -1):
                handler = self.commands.get(tuple(rest[:length]))
                if handler is not None:
                    return handler, start + length
        return None

    def _may_be_an_answer(self, turn: Turn, words: list[str], is_command: bool) -> bool:
        """Whether features may claim the message as an answer before the commands run."""
        if turn.in_thread:
            # The thread is the question's own: only a bare command ("hilfe") stays one, an
            # answer may well start with a command word ("Raum 3.12 über Outlook buchen").
            return tuple(words) not in self.commands
        # A group chat holds everything else too: "frage …", "raum buchen …" stay commands.
        return turn.conversation_kind is ConversationKind.GROUP_CHAT and not is_command

    async def answer_search(self, turn: Turn, value: Any) -> list[Choice]:
        """The choices for a typeahead query; nothing for an unknown dataset or bad value
        (the input then shows no matches, which is all a forged query deserves)."""
        try:
            query = SearchQuery.model_validate(value)
        except ValidationError:
            return []
        handler = self.searches.get(query.dataset)
        return [] if handler is None else await handler(turn, query)

    async def _dispatch_card(self, turn: Turn) -> Reply:
        route = self.cards.get(turn.card_verb or "")
        if route is None:
            return Reply.of_card(error_card(turn.language, "error.card.unknown_verb"))
        try:
            payload = route.payload.model_validate(turn.card_data)
        except ValidationError:
            return Reply.of_card(error_card(turn.language, "error.card.bad_payload"))
        return await route.handler(turn, payload)


def _text_after_words(text: str, count: int) -> str:
    matches = list(_WORD.finditer(text))
    if count >= len(matches):
        return ""
    return text[matches[count].start() :].strip()


def _after_mentioned(turn: Turn) -> str:
    """The text after the names of the colleagues @mentioned at its start."""
    text = turn.text.strip()
    lead = next((name for name in turn.mentioned if text.startswith(name)), None)
    while lead is not None:
        text = text[len(lead) :].lstrip(" ,:")
        lead = next((name for name in turn.mentioned if text.startswith(name)), None)
    return text
