"""Query analysis: concepts with weighted index features (stems, parts, synonyms, typos)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.domain.routing import realwords
from bot.domain.routing.acronyms import AcronymIndex, acronyms_in
from bot.domain.routing.cognates import german_forms
from bot.domain.routing.expansion import MIN_AFFIX, AffixIndex, Key, synonym_table
from bot.domain.routing.smalltalk import GREETINGS, is_request, is_smalltalk
from bot.domain.routing.text import (
    CompoundSplitter,
    infinitive,
    is_english,
    sentence_words,
    stem,
    stem_en,
    verb_base,
)

_MAX_NGRAM = 3
# Weight of a compound match through the modifier relative to one through the head.
_MODIFIER = 0.8
# Shorter words are not looked up as typos: one edit makes another word too easily.
_MIN_TYPO = realwords.MIN_LENGTH


@dataclass(frozen=True)
class Weights:
    """Relative weights of the ways a query word can reach an index feature."""

    part: float = 0.5
    synonym: float = 0.6
    typo: float = 0.8
    cognate: float = 0.8


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
    request: bool
    # Written in English: the organisation's texts are German, so an unknown word is more
    # likely untranslated than off-topic.
    english: bool = False


def doc_bag(text: str, splitter: CompoundSplitter, part: float) -> dict[str, float]:
    """Weighted index features of a text: stems of its words and, weaker, of compound parts."""
    bag: dict[str, float] = {}
    for word in sentence_words(text):
        key = stem(word)
        bag[key] = bag.get(key, 0.0) + 1.0
        verb = infinitive(word)
        if verb is not None and stem(verb) != key:
            bag[stem(verb)] = bag.get(stem(verb), 0.0) + 1.0
        base = verb_base(verb or word)
        if base is not None:
            bag[stem(base)] = bag.get(stem(base), 0.0) + part
        for piece in splitter.split(word):
            key = stem(piece)
            bag[key] = bag.get(key, 0.0) + part
    return bag


class QueryAnalyser:
    """Turns a question into weighted concepts using the index vocabulary."""

    def __init__(
        self,
        vocabulary: Iterable[str],
        splitter: CompoundSplitter,
        weights: Weights,
        acronyms: AcronymIndex | None = None,
        known_acronyms: Iterable[str] = (),
    ) -> None:
        self._vocab = set(vocabulary)
        self._acronyms = acronyms
        self._known_acronyms = frozenset(known_acronyms)
        self._by_initial: dict[str, list[str]] = defaultdict(list)
        for word in sorted(self._vocab):
            if len(word) >= 5:
                self._by_initial[word[0]].append(word)
        self._affixes = AffixIndex(self._vocab)
        self._stems = {stem(w) for w in self._vocab}
        self._splitter = splitter
        self._weights = weights
        self._synonyms = synonym_table()
        realwords.load()
        # Respelling and reading an unknown word both look it up as a typo; asked once.
        self._near: Callable[[str], tuple[tuple[str, float], ...]] = lru_cache(maxsize=4096)(
            self._typos_of
        )

    def analyse(self, text: str, english_client: bool | None = None) -> AnalysedQuery:
        """Concepts plus a structural small-talk verdict for one question. ``english_client``:
        typed in an English (True) or German (False) client, None if unknown; it decides the
        language where the text's function words do not (a search topic has none)."""
        english = is_english(text, english_client)
        content = [
            w for w in sentence_words(text, english) if w in self._vocab or w not in GREETINGS
        ]
        content = [self._respelt(w) for w in content]
        stems = [stem(w) for w in content]
        concepts = [self._concept(w, s) for w, s in zip(content, stems, strict=True)]
        self._add_long_forms(text, content, concepts)
        if english:
            self._add_closed_compounds(content, concepts)
        concepts = self._add_synonyms(content, concepts)
        request = is_request(text)
        smalltalk = is_smalltalk(text, request)
        return AnalysedQuery(tuple(concepts), smalltalk, request, english)

    def _add_closed_compounds(self, content: list[str], concepts: list[Concept]) -> None:
        # English writes apart what German closes up: "room planning" is "Raumplanung". A
        # compound of the vocabulary whose modifier translates the first word and whose head
        # the second stands for the pair, carried by the head word.
        forms = [self._german_forms(word) for word in content]
        for index in range(1, len(content)):
            modified = {c for f in forms[index - 1] for c in self._affixes.with_modifier(f)}
            headed = {c for f in forms[index] for c in self._affixes.with_head(f)}
            found = sorted(modified & headed)
            if not found:
                continue
            # The pair means the compound, as a German compound does: the other compounds
            # the head reaches alone ("planning": every "…planung") are left out.
            head = concepts[index]
            kept = [(f, w) for f, w in head.features if f not in headed]
            compounds = [(compound, self._weights.synonym) for compound in found]
            concepts[index] = Concept(head.word, tuple(kept + compounds))

    def _german_forms(self, word: str) -> set[str]:
        found = self._synonyms.find((stem(word),), (stem_en(word),))
        singles = {phrase[0] for phrase in found if len(phrase) == 1}
        return {word, stem(word), *singles, *german_forms(word)}

    def _concept(self, word: str, word_stem: str) -> Concept:
        features: dict[str, float] = {word_stem: 1.0}
        verb = infinitive(word)
        if verb is not None:
            features.setdefault(stem(verb), 1.0)
        part = self._weights.part
        base = verb_base(verb or word)
        if base is not None:
            self._put(features, stem(base), part)
        parts = self._splitter.split(word)
        for piece in parts:
            self._put(features, stem(piece), part)
        for form in {word, word_stem}:
            if len(form) < MIN_AFFIX:
                continue
            for compound in self._affixes.with_head(form):
                self._put(features, compound, part)
            for compound in self._affixes.with_modifier(form):
                self._put(features, compound, part * _MODIFIER)
        if word not in self._vocab:
            # A split into known parts may be a typo's accident ("Dinstwagen": "wagen"), so
            # the whole word is looked up as a typo too.
            for found, similarity in self._near(word):
                self._put(features, stem(found), self._weights.typo * similarity)
            if not parts:
                self._cognates(word, features)
        return Concept(word, tuple(features.items()))

    def _respelt(self, word: str) -> str:
        # A typo in a compound the organisation never wrote ("Urlaubsantarg"): a known start
        # plus a typo of a known word is read as the right spelling ("Urlaubsantrag"), so
        # that its split and synonyms apply. Only where nothing else reads the word.
        if word in self._vocab or self._splitter.split(word) or self._near(word):
            return word
        for start, rest in self._splitter.known_modifiers(word, _MIN_TYPO):
            hits = self._near(rest)
            if hits:
                return start + hits[0][0]
        return word

    def _add_long_forms(self, text: str, content: list[str], concepts: list[Concept]) -> None:
        # An acronym (in capitals here, or one the organisation writes) also means the one
        # phrase of the profiles that its letters abbreviate.
        if self._acronyms is None:
            return
        written = set(acronyms_in(text)) | self._known_acronyms
        for index, word in enumerate(content):
            long = self._acronyms.long_form(word) if word in written else None
            if long is not None:
                concepts[index] = self._expand(concepts[index], [long], self._weights.synonym)

    def _cognates(self, word: str, features: dict[str, float]) -> None:
        # An unknown English word may be a German word in English spelling ("medication"
        # -> "Medikation"); only forms the organisation's texts use count.
        weight = self._weights.cognate
        for form in german_forms(word):
            if form in self._vocab or stem(form) in self._stems:
                self._put(features, stem(form), weight)
            # "logistics" -> "Lagerlogistik": the German form may live only inside compounds.
            for compound in self._affixes.with_head(form):
                self._put(features, compound, weight * self._weights.part)

    def _typos_of(self, word: str) -> tuple[tuple[str, float], ...]:
        # Typos rarely hit the first letter; bucketing by it keeps the search small. OSA
        # distance counts a swap of neighbours ("Pasword", "Postafch") as one edit. A real
        # word is meant as written: "Wetter" is not a typo of "weiter".
        if len(word) < _MIN_TYPO or realwords.is_real_word(word):
            return ()
        limit = 1 if len(word) < 10 else 2
        hits = process.extract(
            word,
            self._by_initial.get(word[0], []),
            scorer=OSA.distance,
            score_cutoff=limit,
            limit=3,
        )
        return tuple((near, 1.0 - dist / len(word)) for near, dist, _ in hits)

    def _add_synonyms(self, content: list[str], concepts: list[Concept]) -> list[Concept]:
        german = [stem(infinitive(w) or w) for w in content]
        english = [stem_en(w) for w in content]
        weight = self._weights.synonym * self._weights.part
        for index, word in enumerate(content):
            # Synonyms of a compound's parts, weaker: "Firmenkreditkarte" -> "credit card".
            for part in self._splitter.split(word):
                found = self._synonyms.find((stem(part),), (stem_en(part),))
                if found:
                    concepts[index] = self._expand(concepts[index], found, weight)
        merged: set[int] = set()
        for size in range(_MAX_NGRAM, 0, -1):
            for start in range(len(content) - size + 1):
                end = start + size
                if merged & set(range(start, end)):
                    continue
                found = self._synonyms.find(tuple(german[start:end]), tuple(english[start:end]))
                if not found:
                    continue
                # A phrase is one concept, carried by its last word (the German head
                # position): "travel expenses" means expenses, not travel.
                head = self._expand(concepts[end - 1], found, self._weights.synonym)
                features = dict(head.features)
                for index in range(start, end - 1):
                    merged.add(index)
                    for feature, value in concepts[index].features:
                        self._put(features, feature, value * self._weights.part)
                concepts[end - 1] = Concept(head.word, tuple(features.items()))
        return [c for i, c in enumerate(concepts) if i not in merged]

    def _expand(self, concept: Concept, phrases: list[Key], weight: float) -> Concept:
        features = dict(concept.features)
        for phrase in phrases:
            for feature in phrase:
                self._put(features, feature, weight / len(phrase))
        return Concept(concept.word, tuple(features.items()))

    @staticmethod
    def _put(features: dict[str, float], feature: str, weight: float) -> None:
        if weight > features.get(feature, 0.0):
            features[feature] = weight
