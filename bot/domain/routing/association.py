"""Term association learnt from the organisation's own texts (co-occurrence in one unit)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from bot.domain.routing.query import Concept


class Associations:
    """Features that co-occur in the same short text (an answered question, a topic, a
    sentence of an "about") more often than chance: the organisation's related words."""

    def __init__(
        self, units: Iterable[Mapping[str, float]], min_pair: int, min_cosine: float, limit: int
    ) -> None:
        count: dict[str, int] = {}
        pairs: dict[tuple[str, str], int] = {}
        for unit in units:
            features = sorted(f for f, tf in unit.items() if tf >= 1.0)
            for feature in features:
                count[feature] = count.get(feature, 0) + 1
            for i, first in enumerate(features):
                for second in features[i + 1 :]:
                    pairs[(first, second)] = pairs.get((first, second), 0) + 1
        related: dict[str, list[tuple[str, float]]] = {}
        for (first, second), together in pairs.items():
            if together < min_pair:
                continue
            cosine = together / math.sqrt(count[first] * count[second])
            if cosine >= min_cosine:
                related.setdefault(first, []).append((second, cosine))
                related.setdefault(second, []).append((first, cosine))
        self._related = {
            f: sorted(r, key=lambda i: (-i[1], i[0]))[:limit] for f, r in related.items()
        }

    def expand(self, concept: Concept, weight: float) -> Concept:
        """The concept plus the words associated with its direct features, weaker."""
        features = dict(concept.features)
        for feature, value in concept.features:
            if value < 1.0:
                continue
            for other, cosine in self._related.get(feature, ()):
                if weight * cosine > features.get(other, 0.0):
                    features[other] = weight * cosine
        return Concept(concept.word, tuple(features.items()))
