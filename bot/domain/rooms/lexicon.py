"""Word tables, token patterns and text normalisation for German and English room requests.

German words are written here as Germans write them ("für", "ganztägig"); :func:`respell` turns
every table key and pattern below, and :func:`normalise` the user's text, into one spelling
(ä→ae, ö→oe, ü→ue, ß→ss), so "fuer", "ganztaegig" and "Straße"/"Strasse" all match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping

from bot.domain import calendar_words
from bot.domain.spelling import with_digraphs


def respell(lowered: str) -> str:
    """Write umlauts and ß of lowercase text or a regex pattern as ae/oe/ue/ss."""
    return with_digraphs(lowered)


def _respelled(table: Mapping[str, int]) -> dict[str, int]:
    return {respell(word): value for word, value in table.items()}


MONTHS: dict[str, int] = _respelled(calendar_words.MONTH_NAMES)

WEEKDAYS: dict[str, int] = {
    "montag": 0, "monday": 0, "mon": 0,
    "dienstag": 1, "tuesday": 1, "tue": 1, "tues": 1,
    "mittwoch": 2, "wednesday": 2, "wed": 2,
    "donnerstag": 3, "thursday": 3, "thu": 3, "thurs": 3,
    "freitag": 4, "friday": 4, "fri": 4,
    "samstag": 5, "sonnabend": 5, "saturday": 5, "sat": 5,
    "sonntag": 6, "sunday": 6, "sun": 6,
}  # fmt: skip

# Two-letter German abbreviations collide with ordinary words ("so", "do"), so they are only
# accepted in date position (see the WEEKDAY_ABBREVIATION_* patterns below).
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mo": 0,
    "di": 1,
    "mi": 2,
    "do": 3,
    "fr": 4,
    "sa": 5,
    "so": 6,
}

# Counts written as words; "null"/"keine"/"zero" say nobody ("für keine Person" is asked back
# like "für 0 Personen"), so look words up with ``number``: 0 is a value, not "not found".
NUMBER_WORDS: dict[str, int] = _respelled({
    "null": 0, "keine": 0, "keiner": 0, "keinen": 0, "zero": 0,
    "ein": 1, "eine": 1, "einer": 1, "eins": 1, "one": 1, "a": 1, "an": 1,
    "zwei": 2, "two": 2, "drei": 3, "three": 3, "vier": 4, "four": 4,
    "fünf": 5, "five": 5, "sechs": 6, "six": 6, "sieben": 7, "seven": 7,
    "acht": 8, "eight": 8, "neun": 9, "nine": 9, "zehn": 10, "ten": 10,
    "elf": 11, "eleven": 11, "zwölf": 12, "twelve": 12, "zwanzig": 20, "twenty": 20,
})  # fmt: skip

# "zu dritt" = a party of three.
GROUP_WORDS: dict[str, int] = _respelled({
    "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7, "acht": 8,
})  # fmt: skip

# Regex (matched at a word start) -> normalised equipment tag.
_FEATURES: tuple[tuple[str, str], ...] = (
    (r"video|vc\b|videokonferenz|webcam|kamera|camera|teams-raum|zoom", "video"),
    (r"beamer|projektor|projector", "beamer"),
    (r"bildschirm|monitor|display|screen|fernseher|tv\b", "screen"),
    (r"whiteboard", "whiteboard"),
    (r"flipchart", "flipchart"),
    (r"barrierefrei|rollstuhl|wheelchair|accessible|stufenlos", "accessible"),
    (r"konferenztelefon|telefon|speakerphone|phone", "phone"),
)
FEATURES = tuple((respell(pattern), tag) for pattern, tag in _FEATURES)

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Case-fold, respell umlauts and ß (see :func:`respell`), unify dashes, collapse spaces."""
    folded = respell(unicodedata.normalize("NFC", text).casefold())
    return _SPACES.sub(" ", _DASHES.sub("-", folded)).strip()


def _alt(words: Iterable[str]) -> str:
    """Regex alternation, longest first so "dienstag" wins over "di"."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_NUM = _alt(word for word, n in NUMBER_WORDS.items() if n > 0)
# "null"/"keine" only count people right after "für"/"for": "sind keine Kollegen da" is not one.
_NOBODY = rf"(?:(?<=\bfür )|(?<=\bfor ))(?:{_alt(w for w, n in NUMBER_WORDS.items() if n == 0)})"
_END = r"(?![a-z0-9])"  # normalised text has no umlauts left
_MARK = r"uhr|h|am|pm|a\.m\.|p\.m\."
_QUAL = r"morgens|früh|vormittags|mittags|noon|nachmittags|abends|nachts|in the \w+"


# "10 Uhr 30" is 10:30: two digits right after "Uhr" are minutes, unless a unit follows them.
_NOT_MINUTES = r"(?!\d|[.:]\d|\s*(?:uhr|h|min\w*|std|stunden?|hours?)\b)"


def _clock(tag: str) -> str:
    """Pattern for one clock time with optional "Uhr"/am/pm marker and daypart word."""
    return (
        rf"\b(?P<h{tag}>\d{{1,2}})(?:[:.](?P<m{tag}>[0-5]\d))?"
        rf"(?:\s*(?P<k{tag}>{_MARK}){_END}(?:(?<=uhr)\s*(?P<u{tag}>[0-5]\d){_NOT_MINUTES})?)?"
        rf"(?:\s*(?P<q{tag}>{_QUAL})\b)?"
    )


_PEOPLE = (
    r"personen|person|pers\.|leuten|leute|teilnehmer\w*|teilnehmende|gästen|gäste|kolleg\w*|"
    r"mitarbeiter\w*|people|persons|ppl|attendees|participants|guests"
)
_DAY_PREFIX = r"(?:\b(?:am|den|on(?: the)?)\s+)?"
_RELATIVE_WORDS = "heute|today|übermorgen|day after tomorrow|morgen|tomorrow"
_PAST_WORDS = "vorgestern|day before yesterday|gestern|yesterday"
_WEEKDAY_PREFIX = (
    r"(?:\b(?P<pre>diesen|this|kommenden|coming|übernächsten|nächsten|nächster|next)\s+)?"
)

# Token patterns, one per rule in when.py; group names are what the rules read. Each is
# respelled like the text it runs on. "-3 Personen" keeps its sign (neg) to be refused.
CAPACITY = respell(
    rf"\bzu (?P<group>{_alt(GROUP_WORDS)})\b|"
    rf"(?:(?P<neg>-)\s*)?\b(?:\d{{1,3}}\s*(?:-|bis|to)\s*)?(?P<n>\d{{1,3}}|{_NUM}|{_NOBODY})\s*"
    rf"(?:{_PEOPLE}){_END}"
)
DURATION = respell(
    rf"\b(?:für|for)\s+(?:(?:ca\.|etwa|about)\s+)?"
    r"(?:(?P<halfhour>half an hour|eine halbe stunde)|"
    rf"(?P<n>\d+(?:[.,]\d+)?|anderthalb|eineinhalb|{_NUM})\s*(?P<half>halbe\s+)?"
    rf"(?P<unit>stunden?|std\.?|h|hours?|hrs?|minuten|min\.?|minutes?|mins?)){_END}"
)
NUMERIC_DATE = respell(
    rf"{_DAY_PREFIX}(?:\b(?P<iso>(?P<iy>\d{{4}})-(?P<im>\d\d)-(?P<id>\d\d))\b|"
    rf"\b(?P<d>\d{{1,2}})\.(?P<mo>\d{{1,2}})\.(?P<y>\d{{4}}|\d\d)?(?!\d))"
)
DAY_MONTH = respell(
    rf"{_DAY_PREFIX}\b(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<mon>{_alt(MONTHS)})\b\.?(?:\s+(?P<y>\d{{4}})\b)?"
)
MONTH_DAY = respell(
    rf"\b(?:on\s+)?(?P<mon>{_alt(MONTHS)})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:,?\s+(?P<y>\d{{4}})\b)?"
)
# "heute Abend", "Dienstag nachmittag", "morgen früh": a daypart right after the day sets bare
# clock times (only there: "bis abends" or "so früh wie möglich" elsewhere say nothing of them).
_DAYPART = r"(?:\s+(?P<part>abends?|nachmittags?|früh)\b)?"
RELATIVE_DAY = respell(rf"(?<!guten )\b(?:the )?(?P<rel>{_RELATIVE_WORDS})\b{_DAYPART}")
# Past days run after every other day rule: "wie gestern besprochen, morgen 9-10" is tomorrow.
PAST_DAY = respell(rf"\b(?:the )?(?P<rel>{_PAST_WORDS})\b{_DAYPART}")
WEEKDAY = respell(rf"{_DAY_PREFIX}{_WEEKDAY_PREFIX}\b(?P<w>{_alt(WEEKDAYS)})\b{_DAYPART}")
# "Do" alone is only a weekday after "am"/"on" or right before a comma, number or "um".
WEEKDAY_ABBREVIATION_AFTER_PREFIX = respell(
    rf"(?:\b(?:am|on)\s+){_WEEKDAY_PREFIX}\b(?P<w>{_alt(WEEKDAY_ABBREVIATIONS)})\b\.?"
)
WEEKDAY_ABBREVIATION_BEFORE_TIME = respell(
    rf"{_WEEKDAY_PREFIX}\b(?P<w>{_alt(WEEKDAY_ABBREVIATIONS)})\b\.?"
    r"(?=\s*(?:,|\d|$|(?:um|ab|von)\b))"
)
DAY_OF_MONTH = respell(r"\b(?:am|den|on the)\s+(?P<d>\d{1,2})(?:\.|st|nd|rd|th)(?![\d.])")
ALL_DAY = respell(
    r"\b(?:ganztägig\w*|ganztags|(?:den )?ganzen tag|ganzer tag|all[ -]day|"
    r"(?:the )?(?:whole|full|entire) day)\b"
)
CLOCK_RANGE = respell(
    rf"(?:\b(?:von|from|zwischen|between)\s+)?{_clock('1')}"
    rf"\s*(?:-|bis|to|until|till|und|and)\s*{_clock('2')}"
)
SINGLE_CLOCK = respell(rf"(?:\b(?P<pre>ab|um|at|from|gegen|von|bis|until|till)\s+)?{_clock('1')}")
BARE_CAPACITY = respell(r"\b(?:für|for)\s+(?:(?P<neg>-)\s*)?(?P<n>\d{1,3})\b")


def number(word: str) -> int:
    """A count from digits or a number word ("drei", "two", "null")."""
    return NUMBER_WORDS[word] if word in NUMBER_WORDS else int(word)


def _colloquial(m: re.Match[str]) -> str:
    """Rewrite "halb drei" / "viertel nach drei" / "viertel vor vier" as clock digits."""
    hour = number(m["hour"])
    if m["kind"] == "viertel nach":
        return f"{hour}:15"
    before = (hour - 1) or 12  # "halb eins" is 12:30
    return f"{before}:30" if m["kind"] == "halb" else f"{before}:45"


_HOUR_WORDS = _alt(w for w, n in NUMBER_WORDS.items() if 1 <= n <= 12 and len(w) > 2)
_COLLOQUIAL: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (
        re.compile(
            respell(
                rf"\b(?P<kind>halb|viertel nach|viertel vor|dreiviertel)\s+"
                rf"(?P<hour>1[0-2]|[1-9]|{_HOUR_WORDS})\b"
            )
        ),
        _colloquial,
    ),
    (re.compile(r"\b(?:12\s*uhr\s*)?(?:mitternacht|midnight)s?\b"), "24:00 uhr"),
    # A daypart word right after a number qualifies it ("1 Uhr mittags"); alone it is noon.
    (re.compile(r"(?<!uhr )(?<!\d )\b(?:mittags?|noon)\b"), "12:00 uhr"),
)


def rewrite_colloquial(text: str) -> str:
    """Turn "halb drei", "Mitternacht" and a lone "mittags" into clock digits."""
    for pattern, replacement in _COLLOQUIAL:
        text = pattern.sub(replacement, text)
    return text


def features(text: str) -> frozenset[str]:
    """Equipment tags mentioned anywhere in the normalised text."""
    return frozenset(tag for pattern, tag in FEATURES if re.search(rf"\b(?:{pattern})", text))
