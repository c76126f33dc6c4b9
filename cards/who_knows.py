"""The compact expert card of the search "Wer weiß was?", inserted into a message as chosen."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from bot.domain.routing.experts import ExpertRecord
from bot.i18n import t
from cards.elements import card, text

THUMBNAIL = "application/vnd.microsoft.card.thumbnail"
# A card that goes into someone else's message should stay small: a few topics are enough.
MAX_TOPICS = 5


def chat_link(record: ExpertRecord) -> str:
    """Teams' deep link to a 1:1 chat: the UPN (the mail address here) or the Entra id."""
    user = record.email or record.user_key
    return f"https://teams.microsoft.com/l/chat/0/0?users={quote(user, safe='@')}"


def where_line(record: ExpertRecord) -> str:
    """Department and site, whichever is known."""
    return " · ".join(part for part in (record.department, record.location) if part)


def expert_result_card(record: ExpertRecord, reason: str, lang: str) -> dict[str, Any]:
    """Name, department and site, the reason line and the topics from "Meine Themen"."""
    body = [text(record.name, weight="Bolder", size="Medium")]
    where = where_line(record)
    if where:
        body.append(text(where, isSubtle=True, spacing="None"))
    body.append(text(reason, spacing="Small"))
    if record.topics:
        topics = ", ".join(record.topics[:MAX_TOPICS])
        body.append(text(t("who_knows.topics", lang, topics=topics), isSubtle=True))
    chat = {"type": "Action.OpenUrl", "title": t("who_knows.chat", lang), "url": chat_link(record)}
    return card(body, [chat])


def expert_preview(record: ExpertRecord, reason: str) -> dict[str, Any]:
    """The list entry Teams shows while searching (a thumbnail card's title and text)."""
    where = where_line(record)
    return {
        "contentType": THUMBNAIL,
        "content": {"title": record.name, "text": f"{where} – {reason}" if where else reason},
    }
