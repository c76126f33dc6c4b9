"""Reads the day and month typed after "mein geburtstag": "14.03." (day.month everywhere),
"03/14" (in the order the user's locale writes a day and month: month first in en-US, en-PH,
ja-JP …, day first in en-GB, en-CA, de-DE …), "1985-03-14", and a written German or English
month ("5. Mai", "5 May", "May 5th", "March 14, 1985")."""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from bot.domain.calendar_words import MONTH_NAMES
from bot.domain.spelling import with_digraphs

# "März" and "Maerz" alike.
MONTHS: dict[str, int] = MONTH_NAMES | {with_digraphs(k): v for k, v in MONTH_NAMES.items()}

_YEAR = r"(?:\s*,?\s*(?:\d{4}|\d{2}))?"
_ORDINAL = r"(?:\.|st|nd|rd|th)?"
# "ist am", "is on the", ":" before the date.
_FILLER = re.compile(r"^[\s:–-]*(?:(?:ist|is|am|der|den|on|the)\s+)*", re.I)
_DOTTED = re.compile(rf"^(\d{{1,2}})\s*\.\s*(\d{{1,2}})\s*\.?{_YEAR}$")
_SLASHED = re.compile(r"^(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(?:\d{4}|\d{2}))?$")
_ISO = re.compile(r"^\d{4}-(\d{1,2})-(\d{1,2})$")
_DAY_NAME = re.compile(rf"^(\d{{1,2}}){_ORDINAL}\s*(?:of\s+)?([^\W\d_]+)\.?{_YEAR}$", re.I)
_NAME_DAY = re.compile(rf"^([^\W\d_]+)\.?\s*(\d{{1,2}}){_ORDINAL}{_YEAR}$", re.I)

# A quoted literal in a CLDR pattern ("d 'de' MMMM") holds no date fields.
_QUOTED = re.compile(r"'[^']*'")


@lru_cache(maxsize=256)
def month_first(locale: str) -> bool:
    """True when ``locale`` writes a day and month with the month first ("3/14" is 14 March),
    as CLDR (through Babel) has it: its day-month format ("Md"), else its short date. An
    unknown locale reads day first, like most of the world."""
    try:
        data = Locale.parse(locale.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return False
    pattern = data.datetime_skeletons.get("Md") or data.date_formats["short"]
    letters = _QUOTED.sub("", pattern.pattern)
    return 0 <= letters.find("M") < letters.find("d")


def read_day_month(text: str, locale: str) -> tuple[int, int] | None:
    """(day, month) as written, not yet checked to exist (31.02. reads as (31, 2)), or None
    when the text is no date this reads. The year, if given, is ignored."""
    text = _FILLER.sub("", text.strip().rstrip("!").strip())
    if match := _DOTTED.match(text):
        return int(match.group(1)), int(match.group(2))
    if match := _SLASHED.match(text):
        first, second = int(match.group(1)), int(match.group(2))
        return (second, first) if month_first(locale) else (first, second)
    if match := _ISO.match(text):
        return int(match.group(2)), int(match.group(1))
    if (match := _DAY_NAME.match(text)) and (month := MONTHS.get(match.group(2).casefold())):
        return int(match.group(1)), month
    if (match := _NAME_DAY.match(text)) and (month := MONTHS.get(match.group(1).casefold())):
        return int(match.group(2)), month
    return None
