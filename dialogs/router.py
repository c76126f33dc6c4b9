"""Dispatch of text commands and namespaced card verbs to handlers, with typed payloads."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from bot.conversation import MAX_TEXT_CHARS, Reply, Turn
from bot.i18n import t
from cards.builders import error_card
from dialogs.context import DialogContext
from dialogs.search import Choice, SearchQuery

CommandHandler = Callable[[Turn, str, DialogContext], Awaitable[Reply]]
P = TypeVar("P", bound=BaseModel)
CardHandler = Callable[[Turn, Any, DialogContext], Awaitable[Reply]]
SearchHandler = Callable[[Turn, SearchQuery, DialogContext], Awaitable[list[Choice]]]

_WORD = re.compile(r"[\w@.-]+", re.UNICODE)


def command_words(text: str) -> list[str]:
    """Lower-cased words of a message, punctuation dropped ("Hilfe!" → ["hilfe"])."""
    return [w.strip(".-") for w in _WORD.findall(text.casefold()) if w.strip(".-")]


@dataclass(frozen=True, slots=True)
class _CardRoute:
    payload: type[BaseModel]
    handler: CardHandler


@dataclass
class Router:
    """Collects handlers; the longest matching command prefix wins."""

    _commands: dict[tuple[str, ...], CommandHandler] = field(default_factory=dict)
    _cards: dict[str, _CardRoute] = field(default_factory=dict)
    _fallback: CommandHandler | None = None
    _searches: dict[str, SearchHandler] = field(default_factory=dict)
    # Free text that is no command but clearly belongs to a feature ("Ich brauche einen
    # Raum …"); checked in registration order before the fallback.
    _intents: list[tuple[Callable[[Turn, str], bool], CommandHandler]] = field(
        default_factory=list
    )

    def command(self, *phrases: str) -> Callable[[CommandHandler], CommandHandler]:
        """Register a handler for one or more command phrases ("hilfe", "meine daten")."""

        def register(handler: CommandHandler) -> CommandHandler:
            for phrase in phrases:
                key = tuple(command_words(phrase))
                if key in self._commands:
                    raise ValueError(f"command {phrase!r} registered twice")
                self._commands[key] = handler
            return handler

        return register

    def intent(
        self, recognises: Callable[[Turn, str], bool]
    ) -> Callable[[CommandHandler], CommandHandler]:
        """Register a handler for free text that ``recognises`` accepts."""

        def register(handler: CommandHandler) -> CommandHandler:
            self._intents.append((recognises, handler))
            return handler

        return register

    def fallback(self, handler: CommandHandler) -> CommandHandler:
        """Register the handler for free text that matches no command."""
        self._fallback = handler
        return handler

    def card_action(
        self, verb: str, payload: type[P]
    ) -> Callable[[Callable[[Turn, P, DialogContext], Awaitable[Reply]]], CardHandler]:
        """Register a handler for a namespaced card verb ("lunch.vote") with its payload model."""
        if "." not in verb:
            raise ValueError(f"card verb {verb!r} must be namespaced like 'feature.action'")

        def register(handler: Callable[[Turn, P, DialogContext], Awaitable[Reply]]) -> CardHandler:
            if verb in self._cards:
                raise ValueError(f"card verb {verb!r} registered twice")
            self._cards[verb] = _CardRoute(payload, handler)
            return handler

        return register

    def search(self, dataset: str) -> Callable[[SearchHandler], SearchHandler]:
        """Register the typeahead search of a card input's ``Data.Query`` dataset."""
        if "." not in dataset:
            raise ValueError(f"dataset {dataset!r} must be namespaced like 'feature.what'")

        def register(handler: SearchHandler) -> SearchHandler:
            if dataset in self._searches:
                raise ValueError(f"dataset {dataset!r} registered twice")
            self._searches[dataset] = handler
            return handler

        return register

    async def answer_search(self, turn: Turn, value: Any, ctx: DialogContext) -> list[Choice]:
        """The choices for a typeahead query; nothing for an unknown dataset or bad value
        (the input then shows no matches, which is all a forged query deserves)."""
        try:
            query = SearchQuery.model_validate(value)
        except ValidationError:
            return []
        handler = self._searches.get(query.dataset)
        return [] if handler is None else await handler(turn, query, ctx)

    def card_payloads(self) -> dict[str, type[BaseModel]]:
        """Every card verb with its payload model (for checks over all cards)."""
        return {verb: route.payload for verb, route in self._cards.items()}

    def understands(self, phrase: str) -> bool:
        """True when ``phrase`` is exactly a registered command (not free text, no rest)."""
        return tuple(command_words(phrase)) in self._commands

    def command_groups(self) -> list[tuple[str, ...]]:
        """Registered command phrases, one group per handler (a command with its aliases)."""
        groups: dict[CommandHandler, list[str]] = {}
        for key, handler in self._commands.items():
            groups.setdefault(handler, []).append(" ".join(key))
        return [tuple(group) for group in groups.values()]

    def include(self, other: Router) -> None:
        """Merge another feature's router into this one."""
        for key, handler in other._commands.items():
            if key in self._commands:
                raise ValueError(f"command {' '.join(key)!r} registered twice")
            self._commands[key] = handler
        for verb, route in other._cards.items():
            if verb in self._cards:
                raise ValueError(f"card verb {verb!r} registered twice")
            self._cards[verb] = route
        for dataset, search in other._searches.items():
            if dataset in self._searches:
                raise ValueError(f"dataset {dataset!r} registered twice")
            self._searches[dataset] = search
        self._intents.extend(other._intents)
        if other._fallback is not None:
            self._fallback = other._fallback

    async def dispatch(self, turn: Turn, ctx: DialogContext) -> Reply:
        """Route one turn to its handler and return the reply."""
        if turn.card_verb is not None:
            return await self._dispatch_card(turn, ctx)
        if len(turn.text) > MAX_TEXT_CHARS:
            return Reply.of_text(t("error.message_too_long", turn.language, limit=MAX_TEXT_CHARS))
        words = command_words(turn.text)
        if not words:
            # "👍" or "🙂" alone is a friendly gesture, not an empty message.
            key = "error.only_symbols" if turn.text.strip() else "error.empty_message"
            return Reply.of_text(t(key, turn.language))
        # Only as many words as the longest command has: trying every prefix of a long text
        # was quadratic (a 200 KB message blocked the event loop for seconds).
        longest = max((len(key) for key in self._commands), default=0)
        for length in range(min(len(words), longest), 0, -1):
            handler = self._commands.get(tuple(words[:length]))
            if handler is not None:
                rest = _text_after_words(turn.text, length)
                return await handler(turn, rest, ctx)
        text = turn.text.strip()
        for recognises, intent_handler in self._intents:
            if recognises(turn, text):
                return await intent_handler(turn, text, ctx)
        if self._fallback is not None:
            return await self._fallback(turn, text, ctx)
        return Reply.of_text(t("error.unknown_command", turn.language, text=turn.text.strip()))

    async def _dispatch_card(self, turn: Turn, ctx: DialogContext) -> Reply:
        route = self._cards.get(turn.card_verb or "")
        if route is None:
            return Reply.of_card(error_card(turn.language, "error.card.unknown_verb"))
        try:
            payload = route.payload.model_validate(turn.card_data)
        except ValidationError:
            return Reply.of_card(error_card(turn.language, "error.card.bad_payload"))
        return await route.handler(turn, payload, ctx)


def _text_after_words(text: str, count: int) -> str:
    matches = list(_WORD.finditer(text))
    if count >= len(matches):
        return ""
    return text[matches[count].start() :].strip()
