"""Pseudo-relevance feedback: the organisation's own words for what a question asks.

A question and the topic that answers it often share only part of their words. The documents
that match it best (answered questions, expert profiles) use the organisation's words for the
same matter; their strongest features, added to the question with a small weight, let a
re-ranking reach experts whose texts share those words but not the question's (RM3-style).
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence

from bot.domain.routing.query import Concept
from bot.domain.routing.scoring import FeatureIndex


def feedback_concepts(
    docs: Sequence[Mapping[str, float]],
    index: FeatureIndex,
    ranked: Sequence[tuple[int, float]],
    asked: set[str],
    terms: int,
) -> tuple[Concept, ...]:
    """The ``terms`` strongest features of the ranked documents that the question lacks.

    Each document's features count by tf-idf share within the document, weighted by the
    document's score; the result is one concept per feature, weighted relative to the best.
    """
    if not ranked or terms <= 0:
        return ()
    total = sum(score for _, score in ranked) or 1.0
    weights: dict[str, float] = {}
    for doc, score in ranked:
        bag = docs[doc]
        values = {f: tf * index.idf(f) for f, tf in bag.items() if f not in asked}
        norm = sum(values.values())
        if norm <= 0.0:
            continue
        for feature, value in values.items():
            weights[feature] = weights.get(feature, 0.0) + score / total * value / norm
    best = heapq.nlargest(terms, weights.items(), key=lambda item: (item[1], item[0]))
    if not best:
        return ()
    top = best[0][1]
    return tuple(Concept(f, ((f, w / top),)) for f, w in best)
