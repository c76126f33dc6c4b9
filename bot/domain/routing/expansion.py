"""Related index features of a word: office synonyms/translations and compound relatives."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache

from bot.domain.routing import glossary, lexicon
from bot.domain.routing.text import content_words, stem, stem_en

Key = tuple[str, ...]
# Compound heads/modifiers shorter than this match too many unrelated words.
MIN_AFFIX = 4
_MAX_AFFIX_HITS = 24


class SynonymTable:
    """Phrase -> other phrases of its group, as stem tuples of the German-stemmed index."""

    def __init__(self, by_german: dict[Key, list[Key]], by_english: dict[Key, list[Key]]) -> None:
        self._german = by_german
        self._english = by_english

    def find(self, german: Key, english: Key) -> list[Key]:
        """Group members for a phrase given by its German stems and its English stems."""
        return self._german.get(german, []) + self._english.get(english, [])


@cache
def synonym_table() -> SynonymTable:
    """The table built from the lexicon (once per process: it depends on nothing else)."""
    by_german: dict[Key, list[Key]] = defaultdict(list)
    by_english: dict[Key, list[Key]] = defaultdict(list)
    text = lexicon.SYNONYMS.strip() + "\n" + glossary.GLOSSARY.strip()
    lines = re.sub(r"\n\s+", " ", text).splitlines()
    groups = [line.partition(";")[::2] for line in lines]
    groups += [(line.replace("=", "|"), "") for line in lexicon.ABBREVIATIONS.strip().splitlines()]
    for german_side, english_side in groups:
        german = [content_words(p) for p in german_side.split("|")]
        english = [content_words(p) for p in english_side.split("|")]
        # Targets are index features, and the index stems every text the German way; keys
        # use each side's own stemmer so that English "date" never reaches German "Daten".
        targets = {tuple(stem(w) for w in p) for p in german + english if p}
        for key in {tuple(stem(w) for w in p) for p in german if p}:
            by_german[key].extend(sorted(t for t in targets if t != key))
        for key in {tuple(stem_en(w) for w in p) for p in english if p}:
            by_english[key].extend(sorted(t for t in targets if t != tuple(map(stem, key))))
    return SynonymTable(dict(by_german), dict(by_english))


class AffixIndex:
    """Compounds of the organisation's vocabulary by their heads and modifiers."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        # So "pauschale" reaches "verpflegungspauschale" even when no document uses
        # "pauschale" on its own. Keys are surface and stem endings: the stemmer treats a
        # compound's end differently from the word alone ("kundenabend" -> "kundenab").
        heads: dict[str, set[str]] = defaultdict(set)
        modifiers: dict[str, set[str]] = defaultdict(set)
        words = set(vocabulary)
        known = {w for w in words if len(w) >= 3}
        for word in words:
            if len(word) < MIN_AFFIX + 3:
                continue  # too short to be a compound of two meaningful parts
            feature = stem(word)
            inner = [word[:end] for end in range(3, len(word)) if word[:end] in known]
            for form in {word, feature}:
                for cut in range(3, len(form) - MIN_AFFIX + 1):
                    heads[form[cut:]].add(feature)
                for cut in range(MIN_AFFIX, len(form) - 2):
                    if not _inside_known_word(form[:cut], inner):
                        modifiers[form[:cut]].add(feature)
        self._heads, self._modifiers = _limited(heads), _limited(modifiers)

    def with_head(self, form: str) -> list[str]:
        """Compound features ending in the form ("abrechnung" -> "reisekostenabrechn")."""
        return self._heads.get(form, [])

    def with_modifier(self, form: str) -> list[str]:
        """Compound features starting with the form ("reise" -> "reiserichtlini")."""
        return self._modifiers.get(form, [])


def _inside_known_word(modifier: str, prefixes: list[str]) -> bool:
    """True when ``modifier`` only cuts a known word short: in "personalthemen" the modifier
    is "personal", so "person" (the stem of "Personen") must not reach it. Stems collide like
    this across unrelated words; a real modifier is followed by a whole part ("reise" +
    "kosten"), not by a few letters finishing another word ("person" + "al")."""
    return any(
        len(modifier) < len(known) < len(modifier) + MIN_AFFIX
        and known.startswith(modifier)
        and stem(known) != modifier
        for known in prefixes
    )


def _limited(index: dict[str, set[str]]) -> dict[str, list[str]]:
    # Shortest compounds first: they are the closest relatives of the word looked up.
    return {k: sorted(v, key=lambda f: (len(f), f))[:_MAX_AFFIX_HITS] for k, v in index.items()}
