"""Dates and times as members read them ("Di, 12.01.", "Januar 2027", "Fr, 15.01., 16:00 Uhr")."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from bot.domain.stammtisch.model import Poll
from bot.i18n import t


def weekday_short(day: date, lang: str) -> str:
    """ "Di" / "Tue"."""
    return t("weekday.short", lang).split(",")[day.weekday()]


def day_label(day: date, lang: str) -> str:
    """ "Di, 12.01." (German) or "Tue, 12 Jan" style kept numeric for both languages."""
    return f"{weekday_short(day, lang)}, {day:%d.%m.}"


def place_of(poll: Poll) -> str:
    """Where it takes place; a poll without places says that this is still open (the team
    agrees on it), rather than leaving the members to guess."""
    return poll.winner_place or t("stammtisch.place.open", poll.language)


def month_label(month: date, lang: str) -> str:
    """ "Januar 2027"."""
    return f"{t('month.long', lang).split(',')[month.month - 1]} {month.year}"


def clock(at: time) -> str:
    """ "12:00"."""
    return f"{at:%H:%M}"


def moment(value: datetime, zone: ZoneInfo, lang: str) -> str:
    """A point in time in local time: "Fr, 15.01., 16:00 Uhr"."""
    local = value.astimezone(zone)
    return f"{day_label(local.date(), lang)}, {t('time.clock', lang, time=clock(local.time()))}"
