"""German-aware text normalisation: folding, tokenising, stemming, compound splitting."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import snowballstemmer  # type: ignore[import-untyped]

from bot.domain.routing import lexicon
from bot.domain.spelling import fold as fold  # re-exported: the routing modules fold with it

_WORD = re.compile(r"[a-z0-9]+(?:[-/.'][a-z0-9]+)*")
_SPLIT_PARTS = re.compile(r"[-/.']")
# Linking elements ("Fugen") allowed between compound parts: Arbeit-s-vertrag, Kunde-n-dienst.
_FUGEN = ("", "s", "es", "n", "en", "e", "er")
_MIN_PART = 3
_MIN_SPLIT = 7
_MIN_HEAD = 4
# Weak past participles, with an optional separable prefix: ab-ge-sag-t, ge-buch-t, stornier-t.
_SEPARABLE = "ab an auf aus bei durch ein fest frei her hin hoch los mit nach um vor weg zu zuruck"
_PARTICIPLE = re.compile(rf"^({'|'.join(_SEPARABLE.split())})?ge([a-z]{{3,}}?)(e?t)$")
_LATIN_VERB = re.compile(r"^([a-z]{4,})iert$")
# A separable verb ("anlegen") whose question splits it ("Wie lege ich ... an?"): the base verb
# links the two. Noun endings and participle-like bases ("Angebote") are not verbs.
_SEPARABLE_VERB = re.compile(rf"^({'|'.join(_SEPARABLE.split())})([a-z]{{3,}}en)$")
_NOT_VERB = ("ungen", "heiten", "keiten", "ionen", "schaften", "ge")
_PARTICLES = frozenset(_SEPARABLE.split())
# Clauses end at punctuation and at the conjunctions that join two main clauses.
_CLAUSE = re.compile(r"[.?!;:,()\n\u2013\u2014]|\s-\s|(?i:\b(?:und|oder|aber|sondern|denn)\b)")
_LETTERS = re.compile(r"[^\W\d_]+")
# What may stand before the finite verb of a main clause: a question word, a pronoun or an
# adverb ("Dann trage ich ... ein"); a pronoun also right after a clause-first verb.
_PRONOUN_WORDS = "ich du er sie es wir ihr man mich dich sich uns euch"
_PRONOUNS = frozenset(_PRONOUN_WORDS.split())
_OPENERS = """wie wo wann was wer wen wem warum wieso weshalb woher wohin womit wofur wozu welche
    welcher welches welchen dann da so jetzt hier heute morgen bitte"""
_CLAUSE_OPENERS = frozenset(_OPENERS.split()) | _PRONOUNS
# A finite form of a regular verb: its stem and an ending ("rechne", "legst", "meldet").
_FINITE = re.compile(r"^([a-z]{3,}?)(est|et|st|en|e|t)?$")
# Inseparable verb prefixes, longest first (their verbs and nouns are no compounds).
_INSEPARABLE = ("miss", "emp", "ent", "ver", "zer", "be", "er", "ge")
_STEMMER = snowballstemmer.stemmer("german")
_ENGLISH = snowballstemmer.stemmer("english")


STOPWORDS = frozenset(fold(w) for w in lexicon.STOPWORDS.split())
_ENGLISH_MARKERS = frozenset(lexicon.ENGLISH_MARKERS.split())
_GERMAN_MARKERS = frozenset(lexicon.GERMAN_MARKERS.split())


def words(text: str) -> list[str]:
    """Folded surface words; hyphenated words yield the joined form and their parts."""
    out: list[str] = []
    for match in _WORD.finditer(fold(text)):
        token = match.group(0)
        parts = [p for p in _SPLIT_PARTS.split(token) if p]
        if len(parts) > 1:
            out.append("".join(parts))
            out.extend(p for p in parts if len(p) > 1)
        else:
            out.append(token)
    return [w for w in out if not w.isdigit()]


def content_words(text: str) -> list[str]:
    """Folded words without stopwords, digits and one-letter tokens."""
    return [w for w in words(text) if len(w) > 1 and w not in STOPWORDS]


def sentence_words(text: str, english: bool | None = None) -> list[str]:
    """Content words with each split separable verb joined again: "Wie rechne ich die Reise
    ab?" has "abrechnen" where ``content_words`` has "rechne". Alone, "rechne" stems like
    "Rechner" (the laptop), and "lege" misses "anlegen"; joined, it means what was asked.
    ``english``: whether the text is English (no verb is split), None: ``is_english``."""
    if is_english(text) if english is None else english:
        return content_words(text)
    joined = _separable_verbs(text)
    return [joined.get(w, w) for w in content_words(text)]


def _separable_verbs(text: str) -> dict[str, str]:
    # German main clauses put the finite verb second after a question word, a pronoun or an
    # adverb ("Wo melde ich mich an?"), or first before the subject ("Rechnet ihr das ab?"),
    # and the particle last. After a noun the verb is not told from an adjective; left out.
    found: dict[str, str] = {}
    for clause in _CLAUSE.split(text):
        tokens = _LETTERS.findall(clause)
        if len(tokens) < 3 or not tokens[-1].islower() or fold(tokens[-1]) not in _PARTICLES:
            continue
        first, second = fold(tokens[0]), fold(tokens[1])
        if first in _CLAUSE_OPENERS and tokens[1].islower():
            verb = second
        elif second in _PRONOUNS and first not in _CLAUSE_OPENERS:
            verb = first
        else:
            continue
        match = _FINITE.match(verb)
        if match and verb not in _CLAUSE_OPENERS and verb not in STOPWORDS:
            found[verb] = fold(tokens[-1]) + match.group(1) + "en"
    return found


def is_english(text: str, english_client: bool | None = None) -> bool:
    """Whether a message is written in English rather than German: by its function words, and
    where they do not tell ("room planning", "VPN access?") by the language of the client it
    was typed in, when known (else German)."""
    surface = words(text)
    english = sum(w in _ENGLISH_MARKERS for w in surface)
    german = sum(w in _GERMAN_MARKERS for w in surface)
    if english == german and english_client is not None:
        return english_client
    return english > german


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball German stem of an already folded word."""
    result: str = _STEMMER.stemWord(word)
    return result


@lru_cache(maxsize=50_000)
def stem_en(word: str) -> str:
    """Snowball English stem, used only to look English words up in the synonym table."""
    result: str = _ENGLISH.stemWord(word)
    return result


def infinitive(word: str) -> str | None:
    """The infinitive of a weak past participle ("abgesagt" -> "absagen"), else None."""
    # The stemmer keeps participles apart from their verbs; questions use both forms.
    match = _PARTICIPLE.match(word)
    if match:
        return (match.group(1) or "") + match.group(2) + "en"
    match = _LATIN_VERB.match(word)
    return match.group(1) + "ieren" if match else None


def verb_base(word: str) -> str | None:
    """The base verb of a separable verb's infinitive ("anlegen" -> "legen"), else None."""
    match = _SEPARABLE_VERB.match(word)
    if match is None:
        return None
    base = match.group(2)
    if base.endswith(_NOT_VERB[:-1]) or base.startswith(_NOT_VERB[-1]):
        return None
    return base


class CompoundSplitter:
    """Splits compounds into words known from a vocabulary (Koehn & Knight style)."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self._known = {w for w in vocabulary if len(w) >= _MIN_PART and w not in STOPWORDS}
        self._cache: dict[str, tuple[str, ...]] = {}
        self._best: dict[str, tuple[str, ...]] = {}

    def split(self, word: str) -> tuple[str, ...]:
        """All parts of every level of the best split ("reisekostenabrechnung" -> ...)."""
        cached = self._cache.get(word)
        if cached is None:
            cached = tuple(dict.fromkeys(self._levels(word, 0)))
            self._cache[word] = cached
        return cached

    def _levels(self, word: str, depth: int) -> list[str]:
        if depth > 2 or len(word) < _MIN_SPLIT:
            return []
        best = self._best_split(word) or self._known_head(word)
        out: list[str] = []
        for part in best:
            out.append(part)
            out.extend(self._levels(part, depth + 1))
        return out

    def known_modifiers(self, word: str, min_rest: int) -> list[tuple[str, str]]:
        """(start, rest) for each start of ``word`` that is a known word with its linking
        letters ("urlaubsantarg" -> ("urlaubs", "antarg")), longest first; the rest has at
        least ``min_rest`` letters."""
        cuts = range(len(word) - min_rest, _MIN_PART - 1, -1)
        return [(word[:cut], word[cut:]) for cut in cuts if any(self._known_starts(word[:cut]))]

    def _known_starts(self, head: str) -> Iterator[str]:
        """The known words ``head`` is, as it stands or without its linking letters
        ("urlaubs" -> "urlaub"): the modifier a compound starting with ``head`` has."""
        for fuge in _FUGEN:
            left = head[: len(head) - len(fuge)]
            if head.endswith(fuge) and len(left) >= _MIN_PART and left in self._known:
                yield left

    def _known_head(self, word: str) -> tuple[str, ...]:
        # The last part of a German compound names what it is ("Geschäftskunden" are
        # "Kunden"), so a known head is worth keeping even when the modifier is unknown.
        prefix = next((p for p in _INSEPARABLE if word.startswith(p)), "")
        for cut in range(_MIN_PART, len(word) - _MIN_HEAD + 1):
            # "vergessen" is no kind of "Essen": a verb prefix plus a letter or two is no
            # modifier ("ver-g-essen", "ver-trag"), a word of its own is ("Reise-kosten").
            if word[cut:] in self._known and cut - len(prefix) > 2:
                return (word[cut:],)
        return ()

    def _best_split(self, word: str) -> tuple[str, ...]:
        cached = self._best.get(word)
        if cached is None:
            cached = self._best[word] = self._search(word)
        return cached

    def _search(self, word: str) -> tuple[str, ...]:
        # Prefer the split into the fewest, longest known parts: long parts carry meaning,
        # short ones ("ab", "ung") produce spurious matches.
        best: tuple[str, ...] = ()
        best_key = (0, 0)
        for cut in range(_MIN_PART, len(word) - _MIN_PART + 1):
            head, tail = word[:cut], word[cut:]
            for left in self._known_starts(head):
                right = (tail,) if tail in self._known else self._best_split(tail)
                if not right:
                    continue
                parts = (left, *right)
                key = (-len(parts), min(len(p) for p in parts))
                if not best or key > best_key:
                    best, best_key = parts, key
        return best
