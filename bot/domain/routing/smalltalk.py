"""Structural detection of greetings, thanks and other social messages that need no expert."""

from __future__ import annotations

import re
from itertools import dropwhile, pairwise

from bot.domain.routing import lexicon
from bot.domain.routing.text import content_words, fold, is_english, words


def _folded(text: str) -> frozenset[str]:
    return frozenset(fold(w) for w in text.split())


PHATIC = _folded(lexicon.PHATIC)
GREETINGS = _folded(lexicon.GREETINGS)
NEED_MARKERS = _folded(lexicon.NEED_MARKERS)
GRATITUDE = _folded(lexicon.GRATITUDE)
ASKING = _folded(lexicon.ASKING)
INVITATION = _folded(lexicon.INVITATION)
PRAISE = _folded(lexicon.PRAISE)
RESOLVED = _folded(lexicon.RESOLVED)
NEGATION = _folded(lexicon.NEGATION)
# "+1" and similar reactions carry no words at all.
_REACTION = re.compile(r"(^|\s)\+1\b")
# The last sentence of a message; emoji and closing punctuation do not end a sentence.
_SENTENCES = re.compile(r"[.!?…]+\s+")
# A social message may carry a couple of other words ("Schönes Wochenende aus Köln!").
_MAX_SOCIAL_CONTENT = 2


# Hello, not thank you: "Hallo!", "Moin zusammen", "Guten Morgen", "hello" get a welcome.
_HELLO = _folded("hallo hi hey moin servus gruss gruezi hello hiya howdy")
_HELLO_PAIRS = frozenset(
    {
        ("guten", "morgen"),
        ("guten", "tag"),
        ("guten", "abend"),
        ("good", "morning"),
        ("good", "afternoon"),
        ("good", "evening"),
        ("gruss", "gott"),
    }
)
_THANKS = _folded("danke dank dankeschon bedanke bedankt dankbar thanks thank thx merci")


# German question words that are also English words: "The lunch was great" asks nothing.
_FALSE_FRIENDS = frozenset({"was"})


def is_request(text: str) -> bool:
    """Whether the message asks for something: a question mark, question word or need."""
    if "?" in text:
        return True
    markers = NEED_MARKERS - _FALSE_FRIENDS if is_english(text) else NEED_MARKERS
    return any(w in markers for w in words(text))


# Words that open a question put without "?": a question word, or a verb before its subject
# ("Weiß jemand, wo …", "Kann mir jemand …"). Not needs or problems ("geht nicht", "brauche"):
# those make a request of a new message, but in a question's thread they are mostly talk
# about that question ("Das geht über Outlook").
_QUESTION_OPENERS = _folded(
    "wer wen wem wessen wie wo was wann warum wieso weshalb welche welcher welches welchen "
    "welchem woher wohin womit wofür wozu worum worüber woran worauf kann können könnte "
    "könnten kannst darf dürfen muss müssen soll sollen sollte sollten weiß wisst gibt kennt "
    "kennst who whom whose what where when why which how can could would should do does did "
    "is are may"
)
# Sentences, and the parts a dash or colon sets off ("Sorry – weiß jemand, wo …").
_PARTS = re.compile(r"[.!?…:;]+\s+|\s[-–—]\s|\n")
# Words a question may open with before its question word ("Und wer …", "Hallo, kann …").
_LEAD_INS = _folded("und aber oder also sorry hallo hi hey ok okay and but or so")


def asks(text: str) -> bool:
    """Whether a message is put as a question: a question mark, or a sentence opening with a
    question word or a verb before its subject. Stricter than ``is_request``, for a message
    that may as well be a remark on a question asked before."""
    if "?" in text:
        return True
    openers = _QUESTION_OPENERS - _FALSE_FRIENDS if is_english(text) else _QUESTION_OPENERS
    for part in _PARTS.split(text.strip()):
        opening = list(dropwhile(lambda word: word in _LEAD_INS, words(part)))
        if opening and opening[0] in openers:
            return True
    return False


def _content(text: str) -> list[str]:
    return [w for w in content_words(text) if w not in PHATIC]


def only_social(text: str) -> bool:
    """No word beyond social ones ("Danke!", "ok 👍", "Hallo zusammen"): nothing to answer."""
    return not _content(text)


def thanks_or_greets_only(text: str) -> bool:
    """Only thanks or a greeting ("Danke!", "Hallo zusammen"): never an answer, unlike a
    short "Ja." or "ok" to a yes-or-no question."""
    return only_social(text) and (bool(set(words(text)) & GRATITUDE) or is_greeting(text))


def asks_for_help_only(text: str) -> bool:
    """A plea without a topic ("Kann mir jemand helfen?", "Ich habe eine Frage"): it wants
    "worum geht es?", not "gern geschehen". Thanks that ask ("Danke, wer noch?") stay social."""
    return only_social(text) and not set(words(text)) & GRATITUDE


def is_smalltalk(text: str, request: bool) -> bool:
    """No content beyond social words, or a social message that asks for nothing."""
    content = _content(text)
    if not content:
        return True
    surface = set(words(text))
    if surface & INVITATION or _withdrawn(text):
        return True
    # Thanks and congratulations name whom they thank ("Danke an die Hygiene für die schnelle
    # Hilfe"): their length says nothing, only an earnest question turns them into a request.
    if surface & GRATITUDE and "?" not in text and not surface & ASKING:
        return True
    # Praise that asks nothing ("The canteen's new salad bar is great") needs nobody.
    if surface & PRAISE and not request:
        return True
    social = _REACTION.search(text) is not None or bool(surface & PHATIC)
    return social and not request and len(content) <= _MAX_SOCIAL_CONTENT


def _withdrawn(text: str) -> bool:
    # Only the end counts: "Gefunden habe ich nur das alte Formular, wo ist das neue?" asks.
    last = [s for s in _SENTENCES.split(text.strip()) if s.strip()]
    tail = set(words(last[-1])) if last else set()
    return bool(tail & RESOLVED) and not tail & NEGATION and "?" not in last[-1]


def is_greeting(text: str) -> bool:
    """A greeting that thanks nobody ("Hallo!", "Guten Morgen zusammen", "hello"): small talk
    that wants a welcome rather than "you're welcome"."""
    surface = words(text)
    if set(surface) & _THANKS:
        return False
    pairs = pairwise(surface)
    return bool(set(surface) & _HELLO) or any(pair in _HELLO_PAIRS for pair in pairs)
