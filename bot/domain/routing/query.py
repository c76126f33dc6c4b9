"""Query analysis: concepts with weighted index features (stem, compound parts, synonyms, typos)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from bot.domain.routing import lexicon
from bot.domain.routing.text import CompoundSplitter, content_words, fold, stem, words

PHATIC = frozenset(fold(w) for w in lexicon.PHATIC.split())
NEED_MARKERS = frozenset(fold(w) for w in lexicon.NEED_MARKERS.split())
# "+1", emoji-only reactions and the like carry no words at all.
_REACTION = re.compile(r"(^|\s)\+1\b")
_MAX_NGRAM = 3


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
    """Concepts of a question plus the structural signals used for abstention."""

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


def _synonym_table() -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    table: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    groups = [line.split("|") for line in lexicon.SYNONYMS.strip().splitlines()]
    groups += [line.split("=") for line in lexicon.ABBREVIATIONS.strip().splitlines()]
    for group in groups:
        keys = [tuple(stem(w) for w in content_words(phrase)) for phrase in group]
        keys = [k for k in keys if k]
        for key in keys:
            table[key].extend(k for k in keys if k != key)
    return dict(table)


class QueryAnalyser:
    """Turns a question into weighted concepts using the index vocabulary."""

    def __init__(
        self, vocabulary: Iterable[str], splitter: CompoundSplitter, weights: Weights
    ) -> None:
        self._vocab = set(vocabulary)
        self._by_initial: dict[str, list[str]] = defaultdict(list)
        for word in sorted(self._vocab):
            if len(word) >= 4:
                self._by_initial[word[0]].append(word)
        self._splitter = splitter
        self._weights = weights
        self._synonyms = _synonym_table()

    def analyse(self, text: str) -> AnalysedQuery:
        """Concepts plus a structural small-talk verdict for one question."""
        all_words = words(text)
        content = [w for w in content_words(text) if w in self._vocab or w not in PHATIC]
        stems = [stem(w) for w in content]
        concepts = [self._concept(w, s) for w, s in zip(content, stems, strict=True)]
        self._add_synonyms(stems, concepts)
        return AnalysedQuery(tuple(concepts), self._is_smalltalk(text, all_words))

    def _concept(self, word: str, word_stem: str) -> Concept:
        features: dict[str, float] = {word_stem: 1.0}
        parts = self._splitter.split(word)
        for part in parts:
            features.setdefault(stem(part), self._weights.part)
        if not parts and word not in self._vocab:
            for near, similarity in self._near(word):
                self._put(features, stem(near), self._weights.typo * similarity)
                for part in self._splitter.split(near):
                    self._put(features, stem(part), self._weights.part * similarity)
        return Concept(word, tuple(features.items()))

    def _near(self, word: str) -> list[tuple[str, float]]:
        # Typos rarely hit the first letter; bucketing by it keeps the search small.
        if len(word) < 5:
            return []
        limit = 1 if len(word) < 8 else 2
        hits = process.extract(
            word, self._by_initial.get(word[0], []), scorer=Levenshtein.distance,
            score_cutoff=limit, limit=3,
        )
        return [(near, 1.0 - dist / len(word)) for near, dist, _ in hits]

    def _add_synonyms(self, stems: list[str], concepts: list[Concept]) -> None:
        for size in range(_MAX_NGRAM, 0, -1):
            for start in range(len(stems) - size + 1):
                others = self._synonyms.get(tuple(stems[start : start + size]))
                if not others:
                    continue
                # The expansion belongs to the phrase's last word (German head position).
                index = start + size - 1
                features = dict(concepts[index].features)
                for phrase in others:
                    for feature in phrase:
                        self._put(features, feature, self._weights.synonym / len(phrase))
                concepts[index] = Concept(concepts[index].word, tuple(features.items()))

    @staticmethod
    def _put(features: dict[str, float], feature: str, weight: float) -> None:
        if weight > features.get(feature, 0.0):
            features[feature] = weight

    def _is_smalltalk(self, text: str, all_words: list[str]) -> bool:
        content = [w for w in content_words(text) if w not in PHATIC]
        if not content:
            return True
        social = _REACTION.search(text) is not None or any(w in PHATIC for w in all_words)
        needs = "?" in text or any(w in NEED_MARKERS for w in all_words)
        return social and not needs and len(content) <= 2
