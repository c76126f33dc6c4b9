"""How a feature declares its text commands, namespaced card verbs (with typed payloads) and
typeahead searches, and the services its handlers need; ``bind`` hands it those services."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from bot.conversation import Reply, Turn
from dialogs.context import DialogContext
from dialogs.dispatch import (
    BoundCard,
    Dialogs,
    Recognises,
    command_words,
    merge_unique,
)
from dialogs.search import Choice, SearchQuery

S = TypeVar("S")
P = TypeVar("P", bound=BaseModel)
R = TypeVar("R")
CommandHandler = Callable[[Turn, str, DialogContext[S]], Awaitable[Reply]]
ThreadReplyHandler = Callable[[Turn, str, DialogContext[S]], Awaitable[Reply | None]]
CardHandler = Callable[[Turn, Any, DialogContext[S]], Awaitable[Reply]]
SearchHandler = Callable[[Turn, SearchQuery, DialogContext[S]], Awaitable[list[Choice]]]

__all__ = ["CardHandler", "CommandHandler", "Router", "SearchHandler", "command_words"]


class Router(Generic[S]):
    """One feature's routes. ``needs``: the class of the services its handlers get (None:
    they need none); ``bind`` refuses anything else, so a wiring mistake stops the start
    instead of turning a command into "unknown command" in chat."""

    def __init__(self, needs: type[S] | None = None) -> None:
        self.needs = needs
        self._commands: dict[tuple[str, ...], CommandHandler[S]] = {}
        self._cards: dict[str, tuple[type[BaseModel], CardHandler[S]]] = {}
        self._searches: dict[str, SearchHandler[S]] = {}
        self._intents: list[tuple[Recognises, CommandHandler[S]]] = []
        self._fallback: CommandHandler[S] | None = None
        self._thread_replies: list[ThreadReplyHandler[S]] = []

    def command(self, *phrases: str) -> Callable[[CommandHandler[S]], CommandHandler[S]]:
        """Register a handler for one or more command phrases ("hilfe", "meine daten")."""

        def register(handler: CommandHandler[S]) -> CommandHandler[S]:
            merge_unique(
                self._commands, {tuple(command_words(p)): handler for p in phrases}, "command"
            )
            return handler

        return register

    def intent(self, recognises: Recognises) -> Callable[[CommandHandler[S]], CommandHandler[S]]:
        """Register a handler for free text that ``recognises`` accepts."""

        def register(handler: CommandHandler[S]) -> CommandHandler[S]:
            self._intents.append((recognises, handler))
            return handler

        return register

    def thread_reply(self, handler: ThreadReplyHandler[S]) -> ThreadReplyHandler[S]:
        """Register a handler that may claim a reply in a channel thread before any command
        (it returns None for a reply that is not its own)."""
        self._thread_replies.append(handler)
        return handler

    def fallback(self, handler: CommandHandler[S]) -> CommandHandler[S]:
        """Register the handler for free text that matches no command."""
        self._fallback = handler
        return handler

    def card_action(
        self, verb: str, payload: type[P]
    ) -> Callable[[Callable[[Turn, P, DialogContext[S]], Awaitable[Reply]]], CardHandler[S]]:
        """Register a handler for a namespaced card verb ("lunch.vote") with its payload model."""
        if "." not in verb:
            raise ValueError(f"card verb {verb!r} must be namespaced like 'feature.action'")

        def register(
            handler: Callable[[Turn, P, DialogContext[S]], Awaitable[Reply]],
        ) -> CardHandler[S]:
            route: tuple[type[BaseModel], CardHandler[S]] = (payload, handler)
            merge_unique(self._cards, {verb: route}, "card verb")
            return handler

        return register

    def search(self, dataset: str) -> Callable[[SearchHandler[S]], SearchHandler[S]]:
        """Register the typeahead search of a card input's ``Data.Query`` dataset."""
        if "." not in dataset:
            raise ValueError(f"dataset {dataset!r} must be namespaced like 'feature.what'")

        def register(handler: SearchHandler[S]) -> SearchHandler[S]:
            merge_unique(self._searches, {dataset: handler}, "dataset")
            return handler

        return register

    def include(self, other: Router[S]) -> None:
        """Merge the routes of a router over the same services (a feature in two modules)."""
        merge_unique(self._commands, other._commands, "command")
        merge_unique(self._cards, other._cards, "card verb")
        merge_unique(self._searches, other._searches, "dataset")
        self._intents.extend(other._intents)
        self._thread_replies.extend(other._thread_replies)
        if other._fallback is not None:
            self._fallback = other._fallback

    def bind(self, ctx: DialogContext[S]) -> Dialogs:
        """These routes with ``ctx`` given to every handler; the wrong services are refused."""
        if self.needs is not None and not isinstance(ctx.services, self.needs):
            got = type(ctx.services).__name__
            raise TypeError(f"these dialogs need {self.needs.__name__}, not {got}")

        def command(
            handler: Callable[[Turn, str, DialogContext[S]], Awaitable[R]],
        ) -> Callable[[Turn, str], Awaitable[R]]:
            # Commands, intents, the fallback and thread replies all take the turn's text.
            return lambda turn, text: handler(turn, text, ctx)

        def card(handler: CardHandler[S]) -> Callable[[Turn, Any], Awaitable[Reply]]:
            return lambda turn, payload: handler(turn, payload, ctx)

        def search(
            handler: SearchHandler[S],
        ) -> Callable[[Turn, SearchQuery], Awaitable[list[Choice]]]:
            return lambda turn, query: handler(turn, query, ctx)

        return Dialogs(
            commands={key: command(h) for key, h in self._commands.items()},
            cards={v: BoundCard(model, card(h)) for v, (model, h) in self._cards.items()},
            searches={name: search(h) for name, h in self._searches.items()},
            intents=[(recognises, command(h)) for recognises, h in self._intents],
            fallback=command(self._fallback) if self._fallback else None,
            thread_replies=[command(h) for h in self._thread_replies],
        )

    def card_payloads(self) -> dict[str, type[BaseModel]]:
        """Every card verb with its payload model (for checks over all cards)."""
        return {verb: model for verb, (model, _) in self._cards.items()}

    def understands(self, phrase: str) -> bool:
        """True when ``phrase`` is exactly a registered command (not free text, no rest)."""
        return tuple(command_words(phrase)) in self._commands

    def command_groups(self) -> list[tuple[str, ...]]:
        """Registered command phrases, one group per handler (a command with its aliases)."""
        groups: dict[CommandHandler[S], list[str]] = {}
        for key, handler in self._commands.items():
            groups.setdefault(handler, []).append(" ".join(key))
        return [tuple(group) for group in groups.values()]
