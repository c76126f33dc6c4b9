"""Why an expert is named, in the reader's language ("Thema: Reisekosten",
"hat eine ähnliche Frage am 12.3. beantwortet", "answered a similar question on 12 Mar")."""

from __future__ import annotations

from datetime import date

from bot.domain.routing.why import Why
from bot.i18n import t
from bot.i18n.formats import day_month

PROFILE_FIELD_LABELS = frozenset({"topics", "title", "department", "about", "location"})


def why_text(why: Why, lang: str) -> str:
    """One line for the cards; a reason stored as a sentence is shown as it was."""
    if why.kind == "topic":
        return t("routing.reason.topic", lang, topic=why.topic)
    if why.kind == "history" and why.day:
        return t("routing.reason.history", lang, date=day_month(date.fromisoformat(why.day), lang))
    if why.kind == "forwarded":
        return t("routing.reason.forwarded", lang, name=why.name)
    if why.kind == "deputy":
        return t("routing.reason.deputy", lang, name=why.name)
    if why.kind == "text":
        return why.text
    # The index names its fields ("about", "title"); users get a label, or none at all.
    label = t(f"routing.field.{why.field}", lang) if why.field in PROFILE_FIELD_LABELS else ""
    return t("routing.reason.profile", lang, field=label).rstrip(": ")
