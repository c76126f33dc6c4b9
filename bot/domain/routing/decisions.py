"""Learning from decisions: "Nicht mein Thema" and "Weiterleiten an …" as ranking signals.

An expert's own click on "Nicht mein Thema" says: questions like this one are not mine; a
forward says: questions like this one are the target's. Silence (escalation) says neither, it
is recorded nowhere. For a new question each signal counts by how similar the signal's
question is to it (the router's own analysis: stems, compound parts, synonyms, typos, words
weighed by rarity) and by its age (half-life ``HALF_LIFE``, gone after ``FORGET_AFTER``).
Only candidates the router ranked are re-ordered: a forward strengthens a target who matches
the question at all, so the reason shown for them (topic, profile, answered question) stays
true; a target who matches nothing gets the question when they answer it (history).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Literal

from bot.domain.routing.models import Candidate, RoutingResult

SignalKind = Literal["declined", "forwarded_to"]

HALF_LIFE = timedelta(days=90)
# Topics and people move on; after a year a decision says little about today's network.
FORGET_AFTER = timedelta(days=365)
# Below this share of the new question covered by the signal's question, the two are about
# different things (one shared everyday word, e.g. "Termin"): the signal does not count. Above
# it the effect grows linearly to its full weight for a question that is covered completely.
RELATED_FROM = 0.4
# A decline of the very same question today halves the decliner's score: a strong hint (their
# own click) but not a ban, since "Nicht mein Thema" is also clicked when someone is merely
# busy; two such declines quarter it. Multiplicative, so it never turns a score negative and
# never lifts anyone else.
DECLINE_FACTOR = 0.5
# A forward of the very same question today adds as much as the history does for an answered
# identical question (RouterSettings.history_weight): a colleague naming the target is
# evidence of the same kind. Several forwards add up to at most one such bonus.
FORWARD_BONUS = 0.3


@dataclass(frozen=True, slots=True)
class DecisionSignal:
    """One expert's decision on one question: they declined it, or it was forwarded to them."""

    pool_id: str
    question_id: int
    expert_key: str
    kind: SignalKind
    decided_at: datetime


@dataclass(frozen=True, slots=True)
class LearntDecision:
    """A stored signal with its question as it is stored now (text "" once erased) and who
    took or answered the question in the end (None if nobody)."""

    signal: DecisionSignal
    text: str
    owner_key: str | None = None


# (question, decided questions' texts, typed in an English client: ``QueryAnalyser.analyse``).
Similarity = Callable[[str, Sequence[str], bool | None], Sequence[float]]
"""Share (0..1) of a question that each of the given texts covers (``ExpertRouter.coverage``)."""


def decay(age: timedelta) -> float:
    """Weight of a signal of this age: 1.0 now, halved every ``HALF_LIFE``, 0 after a year."""
    if age >= FORGET_AFTER:
        return 0.0
    return float(0.5 ** (max(age, timedelta(0)) / HALF_LIFE))


def relevance(similarity: float) -> float:
    """How much a signal counts for a question it covers to ``similarity`` (0..1)."""
    if similarity < RELATED_FROM:
        return 0.0
    return min(1.0, (similarity - RELATED_FROM) / (1.0 - RELATED_FROM))


@dataclass(frozen=True, slots=True)
class _Weighted:
    expert_key: str
    kind: SignalKind
    text: str
    weight: float


class DecisionAdjuster:
    """Re-orders a ranking by the pool's recent decisions; built with the routing index."""

    def __init__(
        self, decisions: Iterable[LearntDecision], similarity: Similarity, now: datetime
    ) -> None:
        self._similarity = similarity
        self._signals = [
            _Weighted(d.signal.expert_key, d.signal.kind, d.text, w)
            for d in decisions
            if (w := decay(now - d.signal.decided_at)) > 0.0
            and d.text.strip()  # an erased question carries no signal
            # They declined, but took or answered it after all: it was theirs.
            and not (d.signal.kind == "declined" and d.owner_key == d.signal.expert_key)
        ]

    @property
    def empty(self) -> bool:
        """True when no signal can change any ranking."""
        return not self._signals

    def adjust(
        self, question: str, result: RoutingResult, english_client: bool | None = None
    ) -> RoutingResult:
        """The ranking with decliners lowered and forward targets raised, re-sorted."""
        if self.empty or not result.candidates:
            return result
        ranked = {c.expert_id for c in result.candidates}
        relevant = [s for s in self._signals if s.expert_key in ranked]
        if not relevant:
            return result
        similarities = self._similarity(question, [s.text for s in relevant], english_client)
        factor: dict[str, float] = {}
        bonus: dict[str, float] = {}
        for signal, similarity in zip(relevant, similarities, strict=True):
            strength = relevance(similarity) * signal.weight
            if strength <= 0.0:
                continue
            key = signal.expert_key
            if signal.kind == "declined":
                factor[key] = factor.get(key, 1.0) * (1.0 - DECLINE_FACTOR * strength)
            else:
                bonus[key] = min(1.0, bonus.get(key, 0.0) + strength)
        if not factor and not bonus:
            return result
        adjusted = [
            replace(c, score=round(self._score(c, factor, bonus), 4)) for c in result.candidates
        ]
        # Stable: equal scores keep the router's order.
        order = sorted(range(len(adjusted)), key=lambda i: (-adjusted[i].score, i))
        return replace(result, candidates=tuple(adjusted[i] for i in order))

    @staticmethod
    def _score(candidate: Candidate, factor: dict[str, float], bonus: dict[str, float]) -> float:
        key = candidate.expert_id
        # A decline scales the bonus too: the expert's own word outweighs a colleague's.
        raised = candidate.score + FORWARD_BONUS * bonus.get(key, 0.0)
        return raised * factor.get(key, 1.0)
