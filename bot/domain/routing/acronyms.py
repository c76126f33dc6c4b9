"""Acronyms learnt from the organisation's own profiles ("QM" = "Qualitätsmanagement").

Organisations speak in acronyms of their own. Their long forms are usually written out in
somebody's topics or about text, so an acronym is resolved by the initials of the phrases the
profiles use: the initials of each word's compound parts ("Qualitäts|management" -> "qm"),
over up to four neighbouring words ("Betriebliches Eingliederungsmanagement" -> "bem"). An
acronym counts only when exactly one phrase of the organisation has its initials.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from bot.domain.routing.text import CompoundSplitter, content_words, fold, stem

# Written in capitals in the original text (an optional plural s: "KPIs").
_ACRONYM = re.compile(r"(?<![\w-])([A-ZÄÖÜ]{2,6})s?(?![\w-])")
# "Wiedereingliederung (BEM)" and "BEM (Betriebliches Eingliederungsmanagement)".
_DEFINED = re.compile(r"([\w-]+)\s*\(([A-ZÄÖÜ]{2,6})s?\)")
_EXPANDED = re.compile(r"(?<![\w-])([A-ZÄÖÜ]{2,6})s?\s*\(([^()]{4,80})\)")
_MAX_WORDS = 4
# Two letters spell too many phrases by chance ("EG" is no "Ergonomie, Gesundheitstag").
_MIN_LENGTH = 3
_MAX_LENGTH = 6
# Linking letters between compound parts ("Qualität-s-management").
_FUGEN = ("es", "en", "er", "s", "n", "e")

Phrase = tuple[str, ...]


def acronyms_in(text: str) -> list[str]:
    """Folded acronyms written in capitals in a text."""
    return [fold(m.group(1)) for m in _ACRONYM.finditer(text)]


class AcronymIndex:
    """Initials of the organisation's profile phrases, for the acronyms that have one."""

    def __init__(self, texts: Iterable[str], splitter: CompoundSplitter) -> None:
        by_initials: dict[str, set[Phrase]] = defaultdict(set)
        texts = list(texts)
        for text in texts:
            for sentence in re.split(r"[.,;:!?()\n]", text):
                self._collect(content_words(sentence), splitter, by_initials)
        self._long: dict[str, Phrase] = {
            key: next(iter(phrases)) for key, phrases in by_initials.items() if len(phrases) == 1
        }
        # A definition in brackets wins over initials: "Wiedereingliederung (BEM)".
        defined: dict[str, set[Phrase]] = defaultdict(set)
        for text in texts:
            for match in _DEFINED.finditer(text):
                long = content_words(match.group(1))[-1:]
                if long:
                    defined[fold(match.group(2))].add(tuple(stem(w) for w in long))
            for match in _EXPANDED.finditer(text):
                long = content_words(match.group(2))
                # Brackets also hold remarks ("OG (Dienstag und Donnerstag)"): a long form
                # starts with the acronym's letter and has no more words than it has letters.
                acronym = fold(match.group(1))
                if long and long[0][0] == acronym[0] and len(long) <= len(acronym):
                    defined[fold(match.group(1))].add(tuple(stem(w) for w in long))
        self._long.update({k: next(iter(v)) for k, v in defined.items() if len(v) == 1})

    @staticmethod
    def _collect(
        words: list[str], splitter: CompoundSplitter, out: dict[str, set[Phrase]]
    ) -> None:
        heads = [_initials(w, splitter) for w in words]
        for start in range(len(words)):
            initials = ""
            for end in range(start, min(start + _MAX_WORDS, len(words))):
                initials += heads[end]
                if len(initials) > _MAX_LENGTH:
                    break
                if len(initials) >= _MIN_LENGTH:
                    out[initials].add(tuple(stem(w) for w in words[start : end + 1]))

    def long_form(self, acronym: str) -> Phrase | None:
        """The stems of the phrase a folded acronym stands for: defined in brackets, or the
        one phrase whose initials spell it."""
        return self._long.get(acronym)


def _initials(word: str, splitter: CompoundSplitter) -> str:
    """First letters of the smallest compound parts ("reisekostenabrechnung" -> "rka"),
    or the first letter of a word that is no compound of known parts."""
    parts = sorted(splitter.split(word), key=len)
    letters, rest = "", word
    while rest:
        part = next((p for p in parts if rest.startswith(p)), None)
        if part is None:
            fuge = next((f for f in _FUGEN if rest.startswith(f) and letters), None)
            if fuge is None:
                return word[0]
            rest = rest[len(fuge) :]
            continue
        letters += part[0]
        rest = rest[len(part) :]
    return letters if len(letters) > 1 else word[0]
