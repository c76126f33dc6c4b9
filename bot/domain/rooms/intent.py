"""Is a free-text message a room request? Pure text rules, shared by the chat dialog."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from bot.domain.rooms import lexicon as lx
from bot.domain.rooms.when import parse_room_request

_ROOM_WORDS = re.compile(
    lx.respell(r"\b(raum|räume|besprechungsraum|konferenzraum|meetingraum|meeting room|room)\b")
)
_PERSON_QUESTION = re.compile(r"\b(wer|wen|wem|wessen|who|whom)\b")
# Without a room word, a question is read as know-how ("Wie lade ich morgen 20 Leute ein?").
_QUESTION = re.compile(
    r"\?|^(?:wie|was|wo|wohin|woher|warum|wieso|weshalb|welche\w*|kann|darf|muss|gibt|"
    r"how|what|where|why|which|can|could|should|is|are|do you|does)\b"
)
_HEADCOUNT = re.compile(lx.CAPACITY)
# Only the shape of the text matters here, so any fixed "now" does; the real parse of the
# request happens later, relative to the broker's clock.
_ANY_NOW = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)


def _has_headcount_and_when(text: str) -> bool:
    """ "übermorgen ab 14 Uhr für 2 Std, 8 Leute": a head count with a people word
    ("8 Leute", "zu dritt") plus a day or a clock time; "gestern waren 20 Leute da" is news."""
    if not _HEADCOUNT.search(lx.normalise(text)):
        return False
    parsed = parse_room_request(text, _ANY_NOW)
    if parsed.day is not None and parsed.day < _ANY_NOW.date():
        return False
    return parsed.day is not None or parsed.start is not None or parsed.all_day


def looks_like_room_request(text: str) -> bool:
    """A room word, or a head count with a day or time; never a question for a person
    ("Wer kümmert sich um Raum und Bewirtung?" is a know-how question)."""
    lowered = lx.normalise(text)
    if _PERSON_QUESTION.search(lowered):
        return False
    if _ROOM_WORDS.search(lowered):
        return True
    return not _QUESTION.search(lowered) and _has_headcount_and_when(text)
