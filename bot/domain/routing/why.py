"""Why an expert is named, as data. The cards say it in the reader's language; the domain
only decides which reason applies (and on which local day a similar question was answered)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal
from zoneinfo import ZoneInfo

from bot.domain.routing.models import Reason

WhyKind = Literal["topic", "history", "profile", "forwarded", "deputy", "text"]


@dataclass(frozen=True, slots=True)
class Why:
    """One line's worth of reason ("Thema: Reisekosten", "Vertretung für Jana Schulz")."""

    kind: WhyKind
    topic: str = ""
    # The index's name of the matched profile field ("about", "title", …).
    field: str = ""
    # ISO date, in the organisation's time zone, on which a similar question was answered.
    day: str = ""
    # Who forwarded the question, or whom a deputy stands in for.
    name: str = ""
    # Questions stored before reasons became data kept their sentence; it is shown as stored.
    text: str = ""


def why_ranked(reason: Reason, zone: ZoneInfo) -> Why:
    """The why of a ranked candidate; the answer day is taken in ``zone`` (TIME_ZONE)."""
    if reason.kind == "topic" and reason.topic:
        return Why("topic", topic=reason.topic)
    if reason.kind == "history" and reason.asked_at is not None:
        return Why("history", day=reason.asked_at.astimezone(zone).date().isoformat())
    return Why("profile", field=reason.field or "")


def why_stored(value: Any) -> Why:
    """A why read back from storage: a dict of the fields above, or an older sentence."""
    if isinstance(value, dict):
        return Why(**value)
    return Why("text", text=str(value))
