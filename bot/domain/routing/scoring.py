"""BM25 over index features, scored per query concept so a word counts at most once."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

from bot.domain.routing.query import Concept


class FeatureIndex:
    """Inverted index of weighted feature bags with BM25 term saturation."""

    def __init__(
        self,
        docs: Sequence[Mapping[str, float]],
        k1: float,
        b: float,
        background: Sequence[Mapping[str, float]] = (),
    ) -> None:
        # Document frequencies also count background documents: with few experts, the
        # organisation's answered questions tell generic words from specific ones better.
        self.size = len(docs) + len(background)
        lengths = [sum(doc.values()) for doc in docs]
        avg = (sum(lengths) / len(lengths)) if lengths else 1.0
        self._postings: dict[str, dict[int, float]] = {}
        for number, (doc, length) in enumerate(zip(docs, lengths, strict=True)):
            # Precomputed saturation makes a query a pure sum of lookups; 1.0 means "one
            # occurrence in a document of average length".
            norm = k1 * (1.0 - b + b * length / (avg or 1.0))
            for feature, tf in doc.items():
                self._postings.setdefault(feature, {})[number] = tf * (k1 + 1.0) / (tf + norm)
        extra: dict[str, int] = {}
        for doc in background:
            for feature in doc:
                extra[feature] = extra.get(feature, 0) + 1
        self._idf = {f: self._idf_of(len(p) + extra.get(f, 0)) for f, p in self._postings.items()}
        self.rare_idf = self._idf_of(1)
        # Posting lists longer than this count as common (see score); 1,000 keeps a query
        # well under 20 ms at 50,000 answered questions and is exact for small organisations.
        self._open_limit = max(1000, len(docs) // 50)

    def _idf_of(self, df: int) -> float:
        return math.log(1.0 + (self.size - df + 0.5) / (df + 0.5))

    def idf(self, feature: str) -> float:
        """Inverse document frequency, 0.0 for features the index does not hold."""
        return self._idf.get(feature, 0.0)

    def has(self, feature: str) -> bool:
        """Whether any document holds the feature."""
        return feature in self._idf

    def potential(self, concepts: Sequence[Concept], oov_weight: float) -> float:
        """The best score a perfectly matching document would get; the calibration base."""
        total = 0.0
        for concept in concepts:
            best = max((w * self.idf(f) for f, w in concept.features), default=0.0)
            total += best if best > 0.0 else oov_weight * self.rare_idf
        return total

    def score(self, concepts: Sequence[Concept]) -> dict[int, float]:
        """Sum over concepts of each document's best-matching feature score."""
        best: list[dict[int, float]] = [{} for _ in concepts]
        rare: list[tuple[int, float, dict[int, float]]] = []
        common: list[tuple[int, float, dict[int, float]]] = []
        for index, concept in enumerate(concepts):
            for feature, weight in concept.features:
                postings = self._postings.get(feature)
                if postings is not None:
                    group = common if len(postings) > self._open_limit else rare
                    group.append((index, weight * self._idf[feature], postings))
        if not rare and common:
            common.sort(key=lambda item: len(item[2]))
            rare.append(common.pop(0))
        for index, factor, postings in rare:
            _raise(best[index], factor, postings.items())
        # Rare features open documents; common ones (long posting lists) only add to open
        # documents. A document matching nothing but common words can not be among the best,
        # and skipping it keeps a query fast on large histories.
        opened = set().union(*best)
        for index, factor, postings in common:
            if len(opened) < len(postings):
                pairs = [(d, postings[d]) for d in opened if d in postings]
            else:
                pairs = [(d, v) for d, v in postings.items() if d in opened]
            _raise(best[index], factor, pairs)
        totals: dict[int, float] = {}
        for values in best:
            for doc, value in values.items():
                totals[doc] = totals.get(doc, 0.0) + value
        return totals

    def holds(self, feature: str, doc: int) -> bool:
        """Whether the document contains the feature."""
        return doc in self._postings.get(feature, {})

    def concept_scores(self, concepts: Sequence[Concept], doc: int) -> list[float]:
        """Per-concept contribution for one document (used to explain a match)."""
        out: list[float] = []
        for concept in concepts:
            best = 0.0
            for feature, weight in concept.features:
                saturation = self._postings.get(feature, {}).get(doc, 0.0)
                best = max(best, weight * self._idf.get(feature, 0.0) * saturation)
            out.append(best)
        return out


def distinct(features: Sequence[str]) -> int:
    """How many of ``features`` are not inside a longer one ("tiefgarag" holds "garag")."""
    longest_first = sorted(set(features), key=len, reverse=True)
    return sum(
        not any(f in longer for longer in longest_first[:i]) for i, f in enumerate(longest_first)
    )


def _raise(best: dict[int, float], factor: float, pairs: Iterable[tuple[int, float]]) -> None:
    # Floats in plain dicts: no per-document containers, so no garbage-collector pauses.
    for doc, saturation in pairs:
        value = factor * saturation
        if value > best.get(doc, 0.0):
            best[doc] = value
