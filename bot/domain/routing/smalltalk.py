"""Structural detection of greetings, thanks and other social messages that need no expert."""

from __future__ import annotations

import re

from bot.domain.routing import lexicon
from bot.domain.routing.text import content_words, fold, words

PHATIC = frozenset(fold(w) for w in lexicon.PHATIC.split())
GREETINGS = frozenset(fold(w) for w in lexicon.GREETINGS.split())
NEED_MARKERS = frozenset(fold(w) for w in lexicon.NEED_MARKERS.split())
# "+1" and similar reactions carry no words at all.
_REACTION = re.compile(r"(^|\s)\+1\b")
# A social message may carry a couple of other words ("Schönes Wochenende aus Köln!").
_MAX_SOCIAL_CONTENT = 2


def is_request(text: str) -> bool:
    """Whether the message asks for something: a question mark, question word or need."""
    return "?" in text or any(w in NEED_MARKERS for w in words(text))


def is_smalltalk(text: str, request: bool) -> bool:
    """No content beyond social words, or a short social message that asks for nothing."""
    content = [w for w in content_words(text) if w not in PHATIC]
    if not content:
        return True
    social = _REACTION.search(text) is not None or any(w in PHATIC for w in words(text))
    return social and not request and len(content) <= _MAX_SOCIAL_CONTENT
