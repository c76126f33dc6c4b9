"""Reads "Ich brauche heute noch 30 Minuten mit Dr. Albrecht und Herrn Meyer" (German or
English): the people by name, the duration and the deadline. Pure text rules; the names are
looked up in the directory later."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

_MINUTES = re.compile(r"\b(\d{1,4})\s*(?:minuten|minute|min\.?|mins?|minutes)(?!\w)", re.I)
_HOURS = re.compile(
    r"\b(\d{1,2}(?:[.,]\d{1,2})?)\s*(?:stunden|stunde|std\.?|hours?|hrs?|h)(?!\w)", re.I
)
_WORD_DURATIONS = (
    (re.compile(r"\b(?:eine\s+)?viertelstunde\b|\bquarter of an hour\b", re.I), 15),
    (re.compile(r"\b(?:eine[rn]?\s+)?halbe[nr]?\s+stunde\b|\bhalf an hour\b", re.I), 30),
    (re.compile(r"\b(?:eineinhalb|anderthalb)\s+stunden\b|\ban hour and a half\b", re.I), 90),
    (re.compile(r"\beine[rn]?\s+stunde\b|\b(?:an|one)\s+hour\b", re.I), 60),
)
_CLOCK = r"(?:um\s+|at\s+)?(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<s>uhr|am|pm)?"
# "übermorgen" (+2 days) before "morgen" (+1): "\bmorgen" never matches inside "übermorgen".
_DAY_AFTER = r"(?P<after>übermorgen|uebermorgen|(?:the\s+)?day\s+after\s+tomorrow)"
_UNTIL_DAY = re.compile(
    rf"\b(?:bis|by|until|before)\s+(?:{_DAY_AFTER}|morgen|tomorrow)\b(?:\s+{_CLOCK})?", re.I
)
_UNTIL_TODAY = re.compile(rf"\b(?:bis|by|until|before)\s+(?:heute\s+|today\s+)?{_CLOCK}", re.I)
_DAY = re.compile(rf"(?<!guten\s)\b(?:{_DAY_AFTER}|morgen|tomorrow)\b", re.I)
# Any other day (a weekday, a date, next week) is out of scope: an urgent call is for today,
# tomorrow or the day after; such a request is refused, never read as today.
_WEEKDAY = (
    r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
)
_MONTH = (
    r"(?:januar|jänner|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|"
    r"november|dezember|january|february|march|may|june|july|october|december)"
)
_OTHER_DAY = re.compile(
    rf"\b(?:am|an|on|this|next|coming|diesen|nächsten|naechsten|kommenden|übernächsten|"
    rf"uebernaechsten)\s+{_WEEKDAY}\b"
    r"|\b(?:0?[1-9]|[12]\d|3[01])\.\s?(?:0?[1-9]|1[0-2])\.(?:\d{2}(?:\d{2})?\b)?"
    r"|\b\d{4}-\d{2}-\d{2}\b"
    rf"|\b\d{{1,2}}(?:\.|st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    r"|\b(?:über|ueber)?(?:nächste|naechste)n?\s+woche\b|\bkommende\s+woche\b"
    r"|\b(?:week\s+after\s+)?next\s+week\b"
    r"|\bin\s+(?:\d+|einer|zwei|drei|vier|fünf|a|one|two|three|four|five)\s+"
    r"(?:tag|tagen|woche|wochen|day|days|week|weeks)\b",
    re.I,
)
_BARE_WEEKDAY = re.compile(rf"\b{_WEEKDAY}\b", re.I)
# A past day is refused (nothing is sent), never read as today: "… mit Herrn Meyer gestern".
# Only when no day of the call is named: "wie gestern besprochen, heute 30 Minuten …" is today.
_PAST_DAY = re.compile(
    r"\b(?:vorgestern|gestern|(?:the\s+)?day\s+before\s+yesterday|yesterday)\b", re.I
)
_NAMED_TODAY = re.compile(r"\b(?:heute|today)\b", re.I)
_TODAY = re.compile(r"\b(?:heute(?:\s+noch)?|today|noch heute|asap|dringend|urgently)\b", re.I)
_WITH = re.compile(r"\b(?:mit|with)\s+", re.I)
_SPLIT = re.compile(r"\s*(?:,|;|&|\bund\b|\band\b|\bsowie\b)\s*", re.I)
# Whole words only: "Frauke", "Herrmann" and "Mrozek" keep their first letters.
_HONORIFICS = re.compile(
    r"\b(?:(?:herrn?|frau|mrs|mr|ms|dr|prof)\b\.?|hr\.|fr\.|dipl\.-\w+)\s*", re.I
)
# Words after the names that are no part of them ("… mit Herrn Meyer sprechen").
_TRAILING = re.compile(
    r"\s+(?:sprechen|telefonieren|reden|treffen|besprechen|haben|vereinbaren|einen?\b.*|"
    r"ein\b.*|talk|speak|meet|call|please|bitte)\b.*$",
    re.I,
)
_CUT = "\x00"
_PRONOUNS = frozenset(
    {
        "ihnen",
        "ihm",
        "ihr",
        "dir",
        "dich",
        "mir",
        "mich",
        "uns",
        "euch",
        "jemandem",
        "allen",
        "you",
        "me",
        "us",
        "him",
        "her",
        "them",
        "everyone",
    }
)


@dataclass(frozen=True, slots=True)
class UrgentParse:
    """What the text says. ``days_ahead``: 0 today, 1 tomorrow, 2 the day after; ``until``: a
    clock time on that day ("bis morgen 12 Uhr"), None for the end of the working day;
    ``on_day``: the text names the day ("übermorgen"), not a deadline ("bis übermorgen"), so
    only that day is searched. ``problems``: codes."""

    names: tuple[str, ...]
    minutes: int | None
    days_ahead: int = 0
    until: time | None = None
    problems: tuple[str, ...] = ()
    on_day: bool = False


def _duration(text: str) -> tuple[int | None, str]:
    for pattern, minutes in _WORD_DURATIONS:
        if match := pattern.search(text):
            return minutes, pattern.sub(_CUT, text, count=1)
    if match := _MINUTES.search(text):
        return int(match.group(1)), _MINUTES.sub(_CUT, text, count=1)
    if match := _HOURS.search(text):
        hours = float(match.group(1).replace(",", "."))
        return round(hours * 60), _HOURS.sub(_CUT, text, count=1)
    return None, text


def _clock(match: re.Match[str]) -> time | None:
    hour, minute, suffix = match["h"], match["m"], match["s"]
    if hour is None:
        return None
    value, minutes = int(hour), int(minute or 0)
    if (suffix or "").lower() == "pm" and value < 12:
        value += 12
    if value > 23 or minutes > 59:
        return None
    return time(value, minutes)


def _deadline(text: str) -> tuple[int, time | None, str, bool, bool]:
    """(days ahead, clock time, text without the deadline, clock time unreadable, that day
    only): "bis übermorgen" is a deadline (today on), "übermorgen (bis 12 Uhr)" one day."""
    if match := _UNTIL_DAY.search(text):
        until = _clock(match)
        bad = match["h"] is not None and until is None
        return 2 if match["after"] else 1, until, _UNTIL_DAY.sub(_CUT, text, count=1), bad, False
    day = _DAY.search(text)
    days = (2 if day["after"] else 1) if day else 0
    rest = _DAY.sub(_CUT, text)
    if match := _UNTIL_TODAY.search(rest):
        until = _clock(match)
        rest = _TODAY.sub(_CUT, _UNTIL_TODAY.sub(_CUT, rest, count=1))
        return days, until, rest, until is None, days > 0
    return days, None, _TODAY.sub(_CUT, rest), False, days > 0


def clean_name(raw: str) -> str:
    """A name without titles and forms of address ("Dr. Albrecht" → "Albrecht")."""
    name = _HONORIFICS.sub(" ", raw)
    return " ".join(name.replace(".", " ").split()).strip(" -'")


def _names(text: str) -> tuple[str, ...]:
    match = _WITH.search(text)
    if match is None:
        return ()
    segment = text[match.end() :].split(_CUT, 1)[0]
    segment = re.split(
        r"[?!\n]|\.\s*$", _HONORIFICS.sub(lambda m: m.group(0).replace(".", " "), segment)
    )[0]
    segment = _TRAILING.sub("", segment)
    names = []
    for part in _SPLIT.split(segment):
        name = clean_name(part)
        words = [w for w in name.split() if w.casefold() not in _PRONOUNS]
        while len(words) > 1 and words[-1][:1].islower() and words[0][:1].isupper():
            words.pop()  # "… Meyer sprechen" (a name typed in lower case stays whole)
        if words:
            names.append(" ".join(words))
    return tuple(names)


def names_of(text: str) -> tuple[str, ...]:
    """The names of a comma or "und" separated list (the form's field)."""
    return _names(f"mit {text}")


def parse_urgent(text: str) -> UrgentParse:
    """The people, duration and deadline of an urgent call request; ``problems`` lists what
    is missing or wrong ("past_day", "other_day", "no_names", "no_duration", "duplicate",
    "bad_time")."""
    minutes, rest = _duration(text)
    past_day = _PAST_DAY.search(rest) is not None
    rest = _PAST_DAY.sub(_CUT, rest)
    past_day = past_day and not (_NAMED_TODAY.search(rest) or _DAY.search(rest))
    other_day = _OTHER_DAY.search(rest) is not None
    days_ahead, until, rest, bad_time, on_day = _deadline(_OTHER_DAY.sub(_CUT, rest))
    names = _names(rest)
    in_names = {word.casefold() for name in names for word in name.split()}
    # "mit Herrn Freitag" is a name, "Ich brauche Freitag 30 Minuten …" a day.
    other_day = other_day or any(
        m.group(0).casefold() not in in_names for m in _BARE_WEEKDAY.finditer(rest)
    )
    problems = ["past_day"] if past_day else []
    if other_day:
        problems.append("other_day")
    if not names:
        problems.append("no_names")
    if not minutes:
        problems.append("no_duration")
    folded = [name.casefold() for name in names]
    if len(set(folded)) != len(folded):
        problems.append("duplicate")
    if bad_time:
        problems.append("bad_time")
    return UrgentParse(names, minutes or None, days_ahead, until, tuple(problems), on_day)


_QUESTION = re.compile(
    r"\?|^\s*(?:wer|wie|was|wo|warum|welche\w*|who|how|what|where|why|which)\b", re.I
)
_ROOM = re.compile(r"\b(?:raum|räume|raeume|\w*raum|room|rooms)\b", re.I)


def looks_like_urgent_call(text: str) -> bool:
    """A duration, "mit/with" someone by name, no room and no question: an urgent call
    ("Ich brauche heute noch 30 Minuten mit Dr. Albrecht"), not "Wer hat 30 Minuten …?"."""
    if _QUESTION.search(text) or _ROOM.search(text):
        return False
    parsed = parse_urgent(text)
    return parsed.minutes is not None and bool(parsed.names) and "bad_time" not in parsed.problems
