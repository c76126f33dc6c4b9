"""The admins' "bot status" card: the figures, and the member store with who is unreachable."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from bot.i18n import t
from cards.elements import card, text

if TYPE_CHECKING:  # the card needs only the shape, not the database behind the service
    from bot.status import MemberReport


def reach_reason(reason: str, lang: str) -> str:
    """Why a message did not arrive, in words; an unknown reason as stored."""
    key = f"reach.reason.{reason}"
    worded = t(key, lang)
    return reason if worded == key else worded


def status_card(
    facts: Mapping[str, str], members: MemberReport | None, lang: str
) -> dict[str, Any]:
    """Label key (status.*) -> value as a FactSet, then the member store's section."""
    rows = [
        {"title": t(key, lang), "value": t(f"status.value.{value}", lang)
         if value in ("ok", "down") else value}
        for key, value in facts.items()
    ]  # fmt: skip
    body: list[dict[str, Any]] = [
        text(t("status.title", lang), weight="Bolder", size="Medium"),
        {"type": "FactSet", "facts": rows},
        text(t("status.members.title", lang), weight="Bolder", separator=True),
    ]
    if members is None:
        body.append(text(t("status.members.down", lang), color="Attention"))
        return card(body)
    figures = members.figures
    body.append(_facts([
        (t("status.members.teams", lang), str(figures.teams)),
        (t("status.members.active", lang), str(figures.members)),
        (t("status.members.unreachable", lang), str(figures.unreachable)),
    ]))  # fmt: skip
    if members.synced:
        never = t("status.members.never", lang)
        body.append(text(t("status.members.synced_title", lang), weight="Bolder"))
        body.append(_facts([(name, when or never) for name, when in members.synced]))
        body += _more(figures.teams - len(members.synced), lang)
    if members.unreachable:
        body.append(text(t("status.members.unreachable_title", lang), weight="Bolder"))
        body.append(_facts([(p.who, reach_reason(p.reason, lang)) for p in members.unreachable]))
        body += _more(figures.unreachable - len(members.unreachable), lang)
    return card(body)


def _facts(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    return {"type": "FactSet", "facts": [{"title": k, "value": v} for k, v in pairs]}


def _more(count: int, lang: str) -> list[dict[str, Any]]:
    return [text(t("status.members.more", lang, count=count), isSubtle=True)] if count > 0 else []
