"""Reads the day and month typed after "mein geburtstag": "14.03." (day.month everywhere),
"03/14" (month/day in an en-US locale, day/month in every other), "1985-03-14", and a
written German or English month ("5. Mai", "5 May", "May 5th", "March 14, 1985")."""

from __future__ import annotations

import re

# Locales that write a slash date month first ("03/14" is 14 March).
MONTH_FIRST_LOCALES = frozenset({"en-us"})

MONTHS: dict[str, int] = {
    "januar": 1, "jänner": 1, "january": 1, "jan": 1,
    "februar": 2, "february": 2, "feb": 2,
    "märz": 3, "maerz": 3, "march": 3, "mär": 3, "mrz": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "dezember": 12, "december": 12, "dez": 12, "dec": 12,
}  # fmt: skip

_YEAR = r"(?:\s*,?\s*(?:\d{4}|\d{2}))?"
_ORDINAL = r"(?:\.|st|nd|rd|th)?"
# "ist am", "is on the", ":" before the date.
_FILLER = re.compile(r"^[\s:–-]*(?:(?:ist|is|am|der|den|on|the)\s+)*", re.I)
_DOTTED = re.compile(rf"^(\d{{1,2}})\s*\.\s*(\d{{1,2}})\s*\.?{_YEAR}$")
_SLASHED = re.compile(r"^(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(?:\d{4}|\d{2}))?$")
_ISO = re.compile(r"^\d{4}-(\d{1,2})-(\d{1,2})$")
_DAY_NAME = re.compile(rf"^(\d{{1,2}}){_ORDINAL}\s*(?:of\s+)?([^\W\d_]+)\.?{_YEAR}$", re.I)
_NAME_DAY = re.compile(rf"^([^\W\d_]+)\.?\s*(\d{{1,2}}){_ORDINAL}{_YEAR}$", re.I)


def month_first(locale: str) -> bool:
    """True when the locale writes "03/14" for 14 March (en-US)."""
    return locale.casefold().replace("_", "-") in MONTH_FIRST_LOCALES


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
