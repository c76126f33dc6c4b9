"""How routing presents itself: the card-building port and the reason texts."""

from __future__ import annotations

from typing import Any, Protocol
from zoneinfo import ZoneInfo

from bot.domain.routing.models import Reason
from bot.domain.routing.questions import Question
from bot.i18n import t

BERLIN = ZoneInfo("Europe/Berlin")
PROFILE_FIELD_LABELS = frozenset({"topics", "title", "department", "about", "location"})


class QuestionViews(Protocol):
    """Builds the cards of a question (implemented in the cards package)."""

    def thread_card(self, question: Question, lang: str) -> dict[str, Any]:
        """The card in the asker's thread."""
        ...

    def expert_card(
        self, question: Question, expert_key: str, pool: list[tuple[str, str]], lang: str
    ) -> dict[str, Any]:
        """The DM card of one named expert."""
        ...

    def offer_card(
        self, earlier: Question, asked_text: str, asker_key: str, lang: str
    ) -> dict[str, Any]:
        """The earlier-answer offer; its buttons carry ``asker_key`` (see offer_decider)."""
        ...

    def unreachable_mention(self, lang: str) -> str:
        """The thread note for an expert the bot cannot DM ({person}: the @mention)."""
        ...


def reason_text(
    kind: str,
    lang: str,
    *,
    reason: Reason | None = None,
    name: str = "",
    zone: ZoneInfo = BERLIN,
) -> str:
    """One line why an expert is named ("Thema: Reisekosten", "hat … am 12.3. beantwortet")."""
    if kind == "topic" and reason is not None and reason.topic:
        return t("routing.reason.topic", lang, topic=reason.topic)
    if kind == "history" and reason is not None and reason.asked_at is not None:
        local = reason.asked_at.astimezone(zone)
        day = f"{local.day}.{local.month}."
        return t("routing.reason.history", lang, date=day)
    if kind == "forwarded":
        return t("routing.reason.forwarded", lang, name=name)
    if kind == "deputy":
        return t("routing.reason.deputy", lang, name=name)
    field = reason.field if reason is not None and reason.field else ""
    # The index names its fields ("about", "title"); users get a label, or none at all.
    label = t(f"routing.field.{field}", lang) if field in PROFILE_FIELD_LABELS else ""
    return t("routing.reason.profile", lang, field=label).rstrip(": ")
