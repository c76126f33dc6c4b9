"""Dates as each language writes them: "12.3." and "31.12.2026" in German, "12 Mar" and
"31 Dec 2026" in English. The patterns live in the catalogues, next to the sentences."""

from __future__ import annotations

from datetime import date

from bot.i18n import t


def _month_short(day: date, lang: str) -> str:
    return t("month.short", lang).split(",")[day.month - 1]


def day_month(day: date, lang: str) -> str:
    """A day of this year: "12.3." / "12 Mar"."""
    return t("date.day_month", lang, day=day.day, month=day.month, name=_month_short(day, lang))


def full_date(day: date, lang: str) -> str:
    """A day with its year: "31.12.2026" / "31 Dec 2026"."""
    name = _month_short(day, lang)
    return t("date.full", lang, day=day.day, month=day.month, year=day.year, name=name)
