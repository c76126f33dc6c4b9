"""The expert index and ranking: declared profile plus answered-question history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.domain.routing import lexicon
from bot.domain.routing.models import (
    AnsweredQuestion,
    Candidate,
    ExpertProfile,
    Reason,
    RoutingResult,
    SimilarAnswer,
)
from bot.domain.routing.query import AnalysedQuery, QueryAnalyser, Weights, doc_bag
from bot.domain.routing.scoring import FeatureIndex
from bot.domain.routing.text import CompoundSplitter, content_words


@dataclass(frozen=True)
class RouterSettings:
    """Global hyper-parameters; the defaults were set once on a development organisation."""

    # BM25 saturation and length normalisation (profiles vary less in length than questions).
    k1: float = 1.2
    b_profile: float = 0.5
    b_history: float = 0.75
    # A declared topic is the strongest profile evidence, the free-text "about" the weakest.
    field_weights: tuple[tuple[str, float], ...] = (
        ("topics", 2.0), ("title", 1.0), ("department", 1.0), ("about", 0.6), ("location", 0.3),
    )
    # Answered questions also enter the expert's profile as a field of this weight.
    history_field: float = 0.5
    # Weight of the best similar answered question relative to the profile match.
    history_weight: float = 0.8
    # Abstain when the best expert covers less than this share of what the question asks.
    abstain_below: float = 0.3
    # Offer an earlier answer only for a close match of the whole question.
    similar_above: float = 0.6
    # An unknown word counts as this share of a rare word in the calibration base.
    oov_weight: float = 0.5
    weights: Weights = field(default_factory=Weights)


def _profile_fields(expert: ExpertProfile) -> dict[str, str]:
    return {
        "topics": " . ".join(expert.topics), "title": expert.title,
        "department": expert.department, "about": expert.about, "location": expert.location,
    }


class ExpertRouter:
    """Ranks experts for a free-text question; built once, queried many times."""

    def __init__(
        self,
        experts: Sequence[ExpertProfile],
        history: Sequence[AnsweredQuestion],
        settings: RouterSettings | None = None,
    ) -> None:
        self.settings = settings or RouterSettings()
        self._experts = sorted(experts, key=lambda e: e.id)
        position = {e.id: i for i, e in enumerate(self._experts)}
        self._history = [h for h in history if h.answered_by in position]
        self._owner = [position[h.answered_by] for h in self._history]
        texts = [t for e in self._experts for t in _profile_fields(e).values()]
        texts += [h.text for h in self._history]
        vocabulary = {w for t in texts for w in content_words(t)}
        lexicon_words = content_words(lexicon.SYNONYMS + " " + lexicon.ABBREVIATIONS)
        self._splitter = CompoundSplitter(vocabulary | set(lexicon_words))
        s = self.settings
        answers = [self._bag(h.text) for h in self._history]
        profiles = [self._profile_bag(e) for e in self._experts]
        for owner, bag in zip(self._owner, answers, strict=True):
            target = profiles[owner]
            for feature, tf in bag.items():
                target[feature] = target.get(feature, 0.0) + s.history_field * tf
        features = {f for bag in profiles + answers for f in bag}
        self._analyser = QueryAnalyser(vocabulary, features, self._splitter, s.weights)
        self._profiles = FeatureIndex(profiles, s.k1, s.b_profile, answers)
        self._answers = FeatureIndex(answers, s.k1, s.b_history, profiles)
        self._topics = [[(t, frozenset(self._bag(t))) for t in e.topics] for e in self._experts]

    def _bag(self, text: str) -> dict[str, float]:
        return doc_bag(text, self._splitter, self.settings.weights.part)

    def _profile_bag(self, expert: ExpertProfile) -> dict[str, float]:
        bag: dict[str, float] = {}
        texts = _profile_fields(expert)
        for name, weight in self.settings.field_weights:
            for feature, tf in self._bag(texts[name]).items():
                bag[feature] = bag.get(feature, 0.0) + weight * tf
        return bag

    def rank(self, question: str, k: int = 3) -> RoutingResult:
        """The best k experts for the question, or an abstention with its reason."""
        if not self._experts:
            return RoutingResult((), "empty_directory")
        query = self._analyser.analyse(question)
        if query.smalltalk or not query.concepts:
            return RoutingResult((), "smalltalk")
        s = self.settings
        profile = self._normalised(self._profiles, query)
        best_answer: dict[int, tuple[float, int]] = {}
        for doc, value in self._normalised(self._answers, query).items():
            owner = self._owner[doc]
            if value > best_answer.get(owner, (0.0, -1))[0]:
                best_answer[owner] = (value, doc)
        totals = {e: profile.get(e, 0.0) + s.history_weight * best_answer.get(e, (0.0, -1))[0]
                  for e in set(profile) | set(best_answer)}
        ranked = sorted(totals.items(), key=lambda item: (-item[1], self._experts[item[0]].id))
        if not ranked or ranked[0][1] < s.abstain_below:
            return RoutingResult((), "no_match")
        candidates = []
        for expert, total in ranked[:k]:
            answer = best_answer.get(expert, (0.0, -1))
            history_part = s.history_weight * answer[0]
            if history_part >= profile.get(expert, 0.0):
                reason = self._answer_reason(answer[1])
            else:
                reason = self._topic_reason(expert, query)
            candidates.append(Candidate(self._experts[expert].id, round(total, 4), reason))
        return RoutingResult(tuple(candidates))

    def similar_answered(self, question: str) -> SimilarAnswer | None:
        """The most similar earlier answered question, if it is close enough to offer."""
        query = self._analyser.analyse(question)
        if query.smalltalk or not query.concepts or not self._history:
            return None
        scores = self._normalised(self._answers, query)
        if not scores:
            return None
        doc, value = max(scores.items(), key=lambda item: (item[1], -item[0]))
        if value < self.settings.similar_above:
            return None
        return SimilarAnswer(self._history[doc], round(value, 4))

    def _normalised(self, index: FeatureIndex, query: AnalysedQuery) -> dict[int, float]:
        base = index.potential(query.concepts, self.settings.oov_weight)
        if base <= 0.0:
            return {}
        return {doc: value / base for doc, value in index.score(query.concepts).items()}

    def _answer_reason(self, doc: int) -> Reason:
        answered = self._history[doc]
        return Reason("history", question_id=answered.id, asked_at=answered.asked_at)

    def _topic_reason(self, expert: int, query: AnalysedQuery) -> Reason:
        best_topic, best_value = None, 0.0
        for topic, features in self._topics[expert]:
            value = sum(
                max((w * self._profiles.idf(f) for f, w in c.features if f in features),
                    default=0.0)
                for c in query.concepts
            )
            if value > best_value:
                best_topic, best_value = topic, value
        if best_topic is not None:
            return Reason("topic", topic=best_topic)
        return Reason("profile", field=self._best_field(expert, query))

    def _best_field(self, expert: int, query: AnalysedQuery) -> str:
        texts = _profile_fields(self._experts[expert])
        wanted = {f for c in query.concepts for f, _ in c.features}
        overlap = {name: len(wanted & set(self._bag(text)))
                   for name, text in texts.items() if name != "topics"}
        return max(overlap, key=lambda name: (overlap[name], name))
