"""BM25 over index features, scored per query concept so a word counts at most once."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

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
        rows: dict[int, list[float]] = {}
        width = len(concepts)
        for index, concept in enumerate(concepts):
            for feature, weight in concept.features:
                postings = self._postings.get(feature)
                if postings is None:
                    continue
                factor = weight * self._idf[feature]
                for doc, saturation in postings.items():
                    row = rows.get(doc)
                    if row is None:
                        row = rows[doc] = [0.0] * width
                    value = factor * saturation
                    if value > row[index]:
                        row[index] = value
        return {doc: sum(row) for doc, row in rows.items()}

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
