"""Who a person is in stored data, and how their traces are replaced when they are erased."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

ERASED_NAME = "gelöschte Person"
PSEUDONYM_PREFIX = "geloescht-"
# Shorter "names" (initials, "Bo") would mangle unrelated words in free text.
MIN_NAME_LENGTH = 3
# An identifier counts only as a whole token: "a.schmidt@firma.de" is no part of
# "julia.schmidt@firma.de" (nor of "a.schmidt@firma.de.evil"), a key or Teams id no part of a
# longer id. A dot that ends a sentence after a mail address still lets it match.
_BEFORE = r"(?<![\w.+-])"
_AFTER = r"(?![\w-]|\.\w)"


def new_pseudonym() -> str:
    """A fresh random stand-in key; nothing stored links it to the person it replaces."""
    return f"{PSEUDONYM_PREFIX}{uuid.uuid4()}"


def is_pseudonym(key: str) -> bool:
    """True for keys written by an erasure or by retention."""
    return key.startswith(PSEUDONYM_PREFIX)


@dataclass(frozen=True, slots=True)
class Identity:
    """A person's Entra object id plus the other values that identify them in stored rows."""

    key: str
    # Teams user ids, mail addresses, ids of the person's 1:1 conversations with the bot.
    ids: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()

    def with_values(self, ids: Iterable[str] = (), names: Iterable[str] = ()) -> Identity:
        """This identity with further identifiers and names (empty values are ignored)."""
        more_ids = {value for value in ids if value and value != self.key}
        more_names = {value.strip() for value in names if value and value.strip()}
        return Identity(self.key, self.ids | more_ids, self.names | more_names)

    @property
    def identifiers(self) -> frozenset[str]:
        """The key and every further identifier."""
        return self.ids | {self.key}


@dataclass(frozen=True)
class Traces:
    """Finds and replaces an identity in stored values (strings, JSON lists and objects).

    Identifiers become the row's pseudonym, names become ``ERASED_NAME``; matching ignores case
    (mail addresses and GUIDs are written in either), identifiers match as whole tokens only,
    names as whole words only (and with a genitive "s"), and only names of at least
    ``MIN_NAME_LENGTH`` characters.
    """

    identity: Identity
    _identifiers: frozenset[str] = field(init=False)
    _pattern: re.Pattern[str] = field(init=False)
    _id_pattern: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        identifiers = frozenset(value.casefold() for value in self.identity.identifiers)
        names = sorted(
            (n for n in self.identity.names if len(n) >= MIN_NAME_LENGTH), key=len, reverse=True
        )
        ids = [
            rf"{_BEFORE}{re.escape(v)}{_AFTER}" for v in sorted(identifiers, key=len, reverse=True)
        ]
        # Whole words only, with the German genitive ("Anna Auerbachs Frage").
        parts = ids + [rf"(?<!\w){re.escape(name)}(?:s|')?(?!\w)" for name in names]
        object.__setattr__(self, "_identifiers", identifiers)
        object.__setattr__(self, "_pattern", re.compile("|".join(parts), re.IGNORECASE))
        object.__setattr__(self, "_id_pattern", re.compile("|".join(ids), re.IGNORECASE))

    def mentioned_in(self, value: Any) -> bool:
        """True when the person's key, an identifier or a name occurs anywhere in ``value``."""
        if isinstance(value, str):
            return self._pattern.search(value) is not None
        if isinstance(value, dict):
            return any(self.mentioned_in(k) or self.mentioned_in(v) for k, v in value.items())
        if isinstance(value, list | tuple):
            return any(self.mentioned_in(item) for item in value)
        return False

    def identified_in(self, value: Any) -> bool:
        """True when the person's key or an identifier (not a name) occurs as a whole token
        anywhere in ``value``: what decides whether a row found by a substring search in SQL
        is really theirs."""
        if isinstance(value, str):
            return self._id_pattern.search(value) is not None
        if isinstance(value, dict):
            return any(self.identified_in(k) or self.identified_in(v) for k, v in value.items())
        if isinstance(value, list | tuple):
            return any(self.identified_in(item) for item in value)
        return False

    def scrub(self, value: Any, alias: str) -> Any:
        """``value`` with identifiers replaced by ``alias`` and names by ``ERASED_NAME``."""
        if isinstance(value, str):
            return self._pattern.sub(lambda match: self._replacement(match, alias), value)
        if isinstance(value, dict):
            return {self.scrub(k, alias): self.scrub(v, alias) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.scrub(item, alias) for item in value]
        return value

    def _replacement(self, match: re.Match[str], alias: str) -> str:
        return alias if match.group(0).casefold() in self._identifiers else ERASED_NAME
