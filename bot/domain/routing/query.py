"""Query analysis: concepts with weighted index features (stem, compound parts, synonyms, typos)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from bot.domain.routing import lexicon
from bot.domain.routing.text import CompoundSplitter, content_words, fold, stem, stem_en, words

PHATIC = frozenset(fold(w) for w in lexicon.PHATIC.split())
NEED_MARKERS = frozenset(fold(w) for w in lexicon.NEED_MARKERS.split())
# "+1" and similar reactions carry no words at all.
_REACTION = re.compile(r"(^|\s)\+1\b")
_MAX_NGRAM = 3
# Compound heads/modifiers shorter than this match too many unrelated words.
_MIN_AFFIX = 4
_MAX_AFFIX_HITS = 24

Key = tuple[str, ...]


@dataclass(frozen=True)
class Weights:
    """Relative weights of the ways a query word can reach an index feature."""

    part: float = 0.5
    synonym: float = 0.6
    typo: float = 0.8


@dataclass(frozen=True)
class Concept:
    """One query word and the index features that stand for it, with their weights."""

    word: str
    features: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class AnalysedQuery:
    """Concepts of a question plus the structural signal used for abstention."""

    concepts: tuple[Concept, ...]
    smalltalk: bool


def doc_bag(text: str, splitter: CompoundSplitter, part: float) -> dict[str, float]:
    """Weighted index features of a text: stems of its words and, weaker, of compound parts."""
    bag: dict[str, float] = {}
    for word in content_words(text):
        key = stem(word)
        bag[key] = bag.get(key, 0.0) + 1.0
        for piece in splitter.split(word):
            key = stem(piece)
            bag[key] = bag.get(key, 0.0) + part
    return bag


def _synonym_tables() -> tuple[dict[Key, list[Key]], dict[Key, list[Key]]]:
    by_german: dict[Key, list[Key]] = defaultdict(list)
    by_english: dict[Key, list[Key]] = defaultdict(list)
    groups = [line.partition(";")[::2] for line in lexicon.SYNONYMS.strip().splitlines()]
    groups += [(line.replace("=", "|"), "") for line in lexicon.ABBREVIATIONS.strip().splitlines()]
    for german_side, english_side in groups:
        german = [content_words(p) for p in german_side.split("|")]
        english = [content_words(p) for p in english_side.split("|")]
        # Targets are index features, and the index stems every text the German way.
        targets = {tuple(stem(w) for w in p) for p in german + english if p}
        for key in {tuple(stem(w) for w in p) for p in german if p}:
            by_german[key].extend(sorted(t for t in targets if t != key))
        for key in {tuple(stem_en(w) for w in p) for p in english if p}:
            by_english[key].extend(sorted(t for t in targets if t != tuple(map(stem, key))))
    return dict(by_german), dict(by_english)


def _affix_index(features: Iterable[str]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    # Heads and modifiers of indexed compounds, so "pauschale" reaches
    # "verpflegungspauschale" even when no document uses "pauschale" on its own.
    heads: dict[str, list[str]] = defaultdict(list)
    modifiers: dict[str, list[str]] = defaultdict(list)
    for feature in sorted(features):
        for cut in range(3, len(feature) - _MIN_AFFIX + 1):
            heads[feature[cut:]].append(feature)
        for cut in range(_MIN_AFFIX, len(feature) - 2):
            modifiers[feature[:cut]].append(feature)
    return dict(heads), dict(modifiers)


class QueryAnalyser:
    """Turns a question into weighted concepts using the index vocabulary."""

    def __init__(
        self,
        vocabulary: Iterable[str],
        features: Iterable[str],
        splitter: CompoundSplitter,
        weights: Weights,
    ) -> None:
        self._vocab = set(vocabulary)
        self._by_initial: dict[str, list[str]] = defaultdict(list)
        for word in sorted(self._vocab):
            if len(word) >= 5:
                self._by_initial[word[0]].append(word)
        self._heads, self._modifiers = _affix_index(features)
        self._splitter = splitter
        self._weights = weights
        self._german, self._english = _synonym_tables()

    def analyse(self, text: str) -> AnalysedQuery:
        """Concepts plus a structural small-talk verdict for one question."""
        content = [w for w in content_words(text) if w in self._vocab or w not in PHATIC]
        stems = [stem(w) for w in content]
        concepts = [self._concept(w, s) for w, s in zip(content, stems, strict=True)]
        self._add_synonyms(content, concepts)
        return AnalysedQuery(tuple(concepts), self._is_smalltalk(text))

    def _concept(self, word: str, word_stem: str) -> Concept:
        features: dict[str, float] = {word_stem: 1.0}
        part = self._weights.part
        parts = self._splitter.split(word)
        for piece in parts:
            self._put(features, stem(piece), part)
        if len(word_stem) >= _MIN_AFFIX:
            for compound in self._heads.get(word_stem, ())[:_MAX_AFFIX_HITS]:
                self._put(features, compound, part)
            for compound in self._modifiers.get(word_stem, ())[:_MAX_AFFIX_HITS]:
                self._put(features, compound, part * 0.8)
        if not parts and word not in self._vocab:
            for near, similarity in self._near(word):
                self._put(features, stem(near), self._weights.typo * similarity)
        return Concept(word, tuple(features.items()))

    def _near(self, word: str) -> list[tuple[str, float]]:
        # Typos rarely hit the first letter; bucketing by it keeps the search small.
        if len(word) < 6:
            return []
        limit = 1 if len(word) < 10 else 2
        hits = process.extract(
            word, self._by_initial.get(word[0], []), scorer=Levenshtein.distance,
            score_cutoff=limit, limit=3,
        )
        return [(near, 1.0 - dist / len(word)) for near, dist, _ in hits]

    def _add_synonyms(self, content: list[str], concepts: list[Concept]) -> None:
        german = [stem(w) for w in content]
        english = [stem_en(w) for w in content]
        for size in range(_MAX_NGRAM, 0, -1):
            for start in range(len(content) - size + 1):
                end = start + size
                found = self._german.get(tuple(german[start:end]), [])
                found = found + self._english.get(tuple(english[start:end]), [])
                if not found:
                    continue
                # The expansion belongs to the phrase's last word (German head position).
                index = end - 1
                features = dict(concepts[index].features)
                for phrase in found:
                    for feature in phrase:
                        self._put(features, feature, self._weights.synonym / len(phrase))
                concepts[index] = Concept(concepts[index].word, tuple(features.items()))

    @staticmethod
    def _put(features: dict[str, float], feature: str, weight: float) -> None:
        if weight > features.get(feature, 0.0):
            features[feature] = weight

    @staticmethod
    def _is_smalltalk(text: str) -> bool:
        all_words = words(text)
        content = [w for w in content_words(text) if w not in PHATIC]
        if not content:
            return True
        social = _REACTION.search(text) is not None or any(w in PHATIC for w in all_words)
        needs = "?" in text or any(w in NEED_MARKERS for w in all_words)
        return social and not needs and len(content) <= 2
