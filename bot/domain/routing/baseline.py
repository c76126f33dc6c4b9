"""Reference router: plain BM25 over declared topics only, no history, no normalisation."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from bot.domain.routing.models import (
    AnsweredQuestion,
    Candidate,
    ExpertProfile,
    Reason,
    RoutingResult,
    SimilarAnswer,
)

_TOKEN = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


class BaselineRouter:
    """BM25 (k1=1.2, b=0.75) over each expert's topic list; abstains when nothing matches."""

    def __init__(
        self, experts: Sequence[ExpertProfile], history: Sequence[AnsweredQuestion] = ()
    ) -> None:
        self._experts = sorted(experts, key=lambda e: e.id)
        self._docs = [Counter(_tokens(" ".join(e.topics))) for e in self._experts]
        lengths = [sum(d.values()) for d in self._docs]
        self._avg = (sum(lengths) / len(lengths)) if lengths else 1.0
        self._lengths = lengths
        df: Counter[str] = Counter(t for d in self._docs for t in d)
        n = len(self._docs)
        self._idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}

    def rank(self, question: str, k: int = 3) -> RoutingResult:
        """The best k experts by topic BM25, or an abstention when no topic word matches."""
        terms = [t for t in _tokens(question) if t in self._idf]
        scores: list[tuple[float, str, int]] = []
        for number, (doc, length) in enumerate(zip(self._docs, self._lengths, strict=True)):
            norm = 1.2 * (0.25 + 0.75 * length / self._avg)
            value = sum(self._idf[t] * doc[t] * 2.2 / (doc[t] + norm) for t in terms if t in doc)
            if value > 0:
                scores.append((-value, self._experts[number].id, number))
        if not scores:
            return RoutingResult((), "no_match")
        scores.sort()
        candidates = []
        for value, expert_id, number in scores[:k]:
            topic = next(
                (t for t in self._experts[number].topics if set(_tokens(t)) & set(terms)), None
            )
            candidates.append(Candidate(expert_id, round(-value, 4), Reason("topic", topic)))
        return RoutingResult(tuple(candidates))

    def similar_answered(self, question: str) -> SimilarAnswer | None:
        """The baseline does not use history."""
        return None
