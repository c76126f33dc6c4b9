"""The expert index and ranking: declared profile plus answered-question history."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bot.domain.routing import glossary, lexicon
from bot.domain.routing.acronyms import AcronymIndex, acronyms_in
from bot.domain.routing.models import (
    AnsweredQuestion,
    Candidate,
    ExpertProfile,
    Reason,
    RoutingResult,
    SimilarAnswer,
)
from bot.domain.routing.places import site_words
from bot.domain.routing.query import AnalysedQuery, Concept, QueryAnalyser, Weights, doc_bag
from bot.domain.routing.scoring import FeatureIndex, distinct
from bot.domain.routing.smalltalk import asks_for_help_only
from bot.domain.routing.text import CompoundSplitter, content_words, sentence_words


@dataclass(frozen=True)
class RouterSettings:
    """Global hyper-parameters; the defaults were set once on a development organisation."""

    # BM25 saturation and length normalisation (profiles vary less in length than questions).
    k1: float = 1.2
    b_profile: float = 0.5
    b_history: float = 0.75
    # A declared topic is the strongest profile evidence. The free-text "about" counts like
    # title and department: it describes situations in everyday words, which is how
    # paraphrasing questions talk (0.6 lost such questions on a second organisation).
    field_weights: tuple[tuple[str, float], ...] = (
        ("topics", 2.0),
        ("title", 1.0),
        ("department", 1.0),
        ("about", 1.0),
        ("location", 0.3),
    )
    # Answered questions also enter the expert's profile as a field of this weight.
    history_field: float = 1.0
    # Weight of the best similar answered question relative to the profile match.
    history_weight: float = 0.3
    # Abstain when the best expert covers less than this share of what the question asks.
    abstain_below: float = 0.25
    # Offer an earlier answer only for a close match of the whole question.
    similar_above: float = 0.65
    # An unknown word counts as this share of a rare word in the calibration base. 0.5
    # abstained on long questions with one clear topic word among words the organisation
    # never wrote (a second organisation: 2 of 120 answerable questions); 0.35 changed no
    # noise verdict on either organisation nor on off-topic questions written for the purpose.
    oov_weight: float = 0.35
    # ... and in an English question as this share of that: the glossary translates only
    # part of English, so an unknown English word is often just untranslated, not off-topic.
    # Set on English small talk written for the purpose (0.0 routed "The new coffee machine
    # on the third floor is amazing"), not on a dev set.
    english_oov_share: float = 0.5
    weights: Weights = field(default_factory=Weights)


def _profile_fields(expert: ExpertProfile) -> dict[str, str]:
    return {
        "topics": " . ".join(expert.topics),
        "title": expert.title,
        "department": expert.department,
        "about": expert.about,
        "location": expert.location,
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
        # Sorted inputs make results independent of the order the caller passes them in.
        self._history = sorted(
            (h for h in history if h.answered_by in position), key=lambda h: (h.asked_at, h.id)
        )
        self._owner = [position[h.answered_by] for h in self._history]
        texts = [t for e in self._experts for t in _profile_fields(e).values()]
        texts += [h.text for h in self._history]
        vocabulary = {w for t in texts for w in sentence_words(t)}
        known = (lexicon.SYNONYMS, lexicon.ABBREVIATIONS, glossary.GLOSSARY)
        lexicon_words = content_words(" ".join(known))
        self._splitter = CompoundSplitter(vocabulary | set(lexicon_words))
        s = self.settings
        self._acronyms = AcronymIndex(texts[: -len(self._history) or None], self._splitter)
        known_acronyms = {a for t in texts for a in acronyms_in(t)}
        answers = [self._bag(h.text) for h in self._history]
        profiles = [self._profile_bag(e) for e in self._experts]
        for owner, bag in zip(self._owner, answers, strict=True):
            target = profiles[owner]
            for feature, tf in bag.items():
                target[feature] = target.get(feature, 0.0) + s.history_field * tf
        self._analyser = QueryAnalyser(
            vocabulary, self._splitter, s.weights, self._acronyms, known_acronyms
        )
        self._profiles = FeatureIndex(profiles, s.k1, s.b_profile, answers)
        self._answers = FeatureIndex(answers, s.k1, s.b_history, profiles)
        self._topics = [[(t, frozenset(self._bag(t))) for t in e.topics] for e in self._experts]
        self._sites = site_words(self._experts)
        self._coverage_bags: dict[str, dict[str, float]] = {}

    def _bag(self, text: str) -> dict[str, float]:
        return doc_bag(text, self._splitter, self.settings.weights.part)

    def _profile_bag(self, expert: ExpertProfile) -> dict[str, float]:
        bag: dict[str, float] = {}
        texts = _profile_fields(expert)
        for name, weight in self.settings.field_weights:
            for feature, tf in self._bag(texts[name]).items():
                bag[feature] = bag.get(feature, 0.0) + weight * tf
        # An acronym the profile uses also stands for its long form ("QM" in the topics
        # reaches a question about "Qualitätsmanagement"), like a compound part.
        for acronym in acronyms_in(" ".join(texts.values())):
            for feature in self._acronyms.long_form(acronym) or ():
                bag.setdefault(feature, self.settings.weights.part)
        return bag

    def rank(self, question: str, k: int = 3, english_client: bool | None = None) -> RoutingResult:
        """The best k experts for the question, or an abstention with its reason;
        ``english_client`` as in ``QueryAnalyser.analyse``."""
        if not self._experts:
            return RoutingResult((), "empty_directory")
        query = self._analyser.analyse(question, english_client)
        if query.smalltalk or not query.concepts:
            vague = query.request and asks_for_help_only(question)
            return RoutingResult((), "vague" if vague else "smalltalk")
        s = self.settings
        profile = self._normalised(self._profiles, query)
        best_answer: dict[int, tuple[float, int]] = {}
        for doc, value in self._normalised(self._answers, query).items():
            owner = self._owner[doc]
            if value > best_answer.get(owner, (0.0, -1))[0]:
                best_answer[owner] = (value, doc)
        totals = {
            e: profile.get(e, 0.0) + s.history_weight * best_answer.get(e, (0.0, -1))[0]
            for e in set(profile) | set(best_answer)
        }
        subject = self._subject(query)
        knowing = self._profiles.score(subject) if len(subject) < len(query.concepts) else {}
        if knowing:
            # Sharing only the site with a question ("… in Hamburg") says nothing of knowing
            # its subject, even where a topic names the site ("Tiefgarage Hamburg"). Where
            # nobody knows the subject, the site is all there is to go by.
            totals = {e: value for e, value in totals.items() if e in knowing}
        else:
            subject = list(query.concepts)
        # Experts are sorted by id, so the index breaks ties deterministically.
        ranked = heapq.nsmallest(max(k, 1), totals.items(), key=lambda i: (-i[1], i[0]))
        if not ranked or not self._confident(ranked[0], query, subject):
            return RoutingResult((), "no_match")
        base = self._profiles.potential(query.concepts, self._oov(query))
        candidates = [
            Candidate(
                self._experts[e].id,
                round(total, 4),
                self._reason(e, query, best_answer.get(e, (0.0, -1)), base),
            )
            for e, total in ranked[:k]
        ]
        return RoutingResult(tuple(candidates))

    def _subject(self, query: AnalysedQuery) -> list[Concept]:
        """What a question is about: its concepts without the site words, unless it names
        nothing but a site ("Hamburg": then a topic naming the site is a fair match)."""
        subject = [c for c in query.concepts if c.features[0][0] not in self._sites]
        return subject or list(query.concepts)

    def _confident(
        self, best: tuple[int, float], query: AnalysedQuery, subject: Sequence[Concept]
    ) -> bool:
        expert, total = best
        # Without an explicit request ("?", wer/wie/kann/brauche...) a message is more likely
        # an announcement, so it needs a clearly stronger match to be routed.
        needed = self.settings.abstain_below * (1.0 if query.request else 2.0)
        if total < needed:
            return False
        # Evidence must be direct (a word or its synonym) or converge from two words, or from
        # two parts of one compound ("Tiefgaragen|stellplätze"): a lone match through one
        # compound part or typo guess ("Kuchen" ~ "Teeküche") is too weak.
        # A site counts only where nobody knows the subject (see rank).
        anchor, part = self.settings.weights.synonym, self.settings.weights.part
        matched = 0
        for concept in subject:
            held = [(f, w) for f, w in concept.features if self._profiles.holds(f, expert)]
            if held and max(w for _, w in held) >= anchor:
                return True
            matched += max(bool(held), min(2, distinct([f for f, w in held if w >= part])))
        return matched >= 2

    def similar_answered(
        self,
        question: str,
        offerable: Callable[[AnsweredQuestion], bool] | None = None,
        english_client: bool | None = None,
    ) -> SimilarAnswer | None:
        """The most similar earlier answered question, if it is close enough to offer; only
        among those ``offerable`` allows (all when None); ``english_client`` as in ``rank``."""
        query = self._analyser.analyse(question, english_client)
        if query.smalltalk or not query.concepts or not self._history:
            return None
        scores = self._normalised(self._answers, query)
        if offerable is not None:
            scores = {doc: v for doc, v in scores.items() if offerable(self._history[doc])}
        if not scores:
            return None
        doc, value = max(scores.items(), key=lambda item: (item[1], -item[0]))
        # An earlier answer fits only if the whole question matches, not one shared word.
        shared = sum(v > 0.0 for v in self._answers.concept_scores(query.concepts, doc))
        if value < self.settings.similar_above or shared < min(2, len(query.concepts)):
            return None
        return SimilarAnswer(self._history[doc], round(value, 4))

    def _oov(self, query: AnalysedQuery) -> float:
        s = self.settings
        return s.oov_weight * (s.english_oov_share if query.english else 1.0)

    def _normalised(self, index: FeatureIndex, query: AnalysedQuery) -> dict[int, float]:
        base = index.potential(query.concepts, self._oov(query))
        if base <= 0.0:
            return {}
        return {doc: value / base for doc, value in index.score(query.concepts).items()}

    def _reason(
        self, expert: int, query: AnalysedQuery, answer: tuple[float, int], base: float
    ) -> Reason:
        # Name whichever explains more of the question: the best declared topic or the most
        # similar answered question (both as shares of what the question asks).
        topic, value = self._best_topic(expert, query)
        share = value / base if base > 0.0 else 0.0
        if answer[1] >= 0 and answer[0] >= share:
            answered = self._history[answer[1]]
            return Reason("history", question_id=answered.id, asked_at=answered.asked_at)
        if topic is not None:
            return Reason("topic", topic=topic)
        return Reason("profile", field=self._best_field(expert, query))

    def _best_topic(self, expert: int, query: AnalysedQuery) -> tuple[str | None, float]:
        best_topic, best_value = None, 0.0
        for topic, features in self._topics[expert]:
            value = sum(
                max(
                    (w * self._profiles.idf(f) for f, w in c.features if f in features),
                    default=0.0,
                )
                for c in query.concepts
            )
            if value > best_value:
                best_topic, best_value = topic, value
        return best_topic, best_value

    def _best_field(self, expert: int, query: AnalysedQuery) -> str:
        texts = _profile_fields(self._experts[expert])
        wanted = {f for c in query.concepts for f, _ in c.features}
        overlap = {
            name: len(wanted & set(self._bag(text)))
            for name, text in texts.items()
            if name != "topics"
        }
        return max(overlap, key=lambda name: (overlap[name], name))

    def coverage(
        self, question: str, texts: Sequence[str], english_client: bool | None = None
    ) -> list[float]:
        """Share (0..1) of what ``question`` asks that each text contains, analysed and
        weighed as the ranking does (a word the index does not know counts as a rare one)."""
        query = self._analyser.analyse(question, english_client)
        if query.smalltalk or not query.concepts:
            return [0.0 for _ in texts]

        def weight(feature: str) -> float:
            index = self._profiles
            return index.idf(feature) if index.has(feature) else index.rare_idf

        base = sum(max(w * weight(f) for f, w in c.features) for c in query.concepts)
        shares = []
        for text in texts:
            # The same few decided questions are compared with every new question.
            bag = self._coverage_bags.get(text)
            if bag is None:
                bag = self._coverage_bags.setdefault(text, self._bag(text))
            found = sum(
                max((w * weight(f) for f, w in c.features if f in bag), default=0.0)
                for c in query.concepts
            )
            shares.append(min(1.0, found / base) if base > 0.0 else 0.0)
        return shares
