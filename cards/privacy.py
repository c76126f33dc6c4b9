"""Cards of "Meine Daten": the export, the erasure confirmation and its result."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from bot.i18n import t
from cards.elements import card, execute, text
from cards.status import reach_reason

# Teams refuses bot messages above roughly 28 KB; the JSON shares that with the rest of the card.
MAX_JSON_CHARS = 20_000


def _facts(counts: Mapping[str, int], lang: str) -> dict[str, Any]:
    facts = [
        {"title": t(f"privacy.kind.{kind}", lang), "value": str(count)}
        for kind, count in counts.items()
        if count
    ]
    return {"type": "FactSet", "facts": facts}


def export_card(data: Mapping[str, list[dict[str, Any]]], lang: str) -> dict[str, Any]:
    """Counts per data kind and, behind "Alle Angaben (JSON)", everything as JSON text.

    Teams bots cannot attach a file without the file-consent flow, so the JSON is shown in a
    monospace TextBlock inside an Action.ShowCard for the person to copy.
    """
    counts = {kind: len(records) for kind, records in data.items()}
    body: list[dict[str, Any]] = [text(t("privacy.export.title", lang), weight="Bolder",
                                       size="Medium")]  # fmt: skip
    if not any(counts.values()):
        body.append(text(t("privacy.export.nothing", lang)))
    else:
        body += [text(t("privacy.export.intro", lang)), _facts(counts, lang)]
        body += [text(line) for line in _membership_lines(data, lang)]
        body.append(text(t("privacy.export.json_hint", lang), isSubtle=True))
    dump = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    shown: list[dict[str, Any]] = []
    if len(dump) > MAX_JSON_CHARS:
        shown.append(text(t("privacy.export.truncated", lang, shown=MAX_JSON_CHARS,
                            total=len(dump)), color="Attention"))  # fmt: skip
    shown.append(text(dump[:MAX_JSON_CHARS], fontType="Monospace", size="Small"))
    show_json = {
        "type": "Action.ShowCard",
        "title": t("privacy.export.show_json", lang),
        "card": {"type": "AdaptiveCard", "body": shown},
    }
    erase = execute(t("privacy.export.erase", lang), "privacy.erase_request", {})
    return card(body, [show_json, erase])


def _membership_lines(data: Mapping[str, list[dict[str, Any]]], lang: str) -> list[str]:
    """Teams and the last delivery in words (the JSON has codes and timestamps)."""
    lines = []
    memberships = data.get("team_members", [])
    current = sorted({m["team"] or "–" for m in memberships if not _ended(m)})
    former = sorted({m["team"] or "–" for m in memberships if _ended(m)} - set(current))
    if current:
        lines.append(t("privacy.export.teams", lang, teams=", ".join(current)))
    if former:
        lines.append(t("privacy.export.teams_left", lang, teams=", ".join(former)))
    for reach in data.get("member_reach", []):
        lines.append(
            t("privacy.export.reach_ok", lang)
            if reach["reachable"]
            else t("privacy.export.reach_failed", lang, reason=reach_reason(reach["reason"], lang))
        )
    return lines


def _ended(membership: Mapping[str, Any]) -> bool:
    # Left the team, or the app was removed from it: either way no longer used to reach them.
    return bool(membership.get("removed_at") or membership.get("app_removed_at"))


def confirm_card(token: str, minutes: int, lang: str) -> dict[str, Any]:
    """Asks once more before erasing; the button carries the one-time token."""
    body = [
        text(t("privacy.confirm.title", lang), weight="Bolder", size="Medium"),
        text(t("privacy.confirm.text", lang)),
        text(t("privacy.confirm.final", lang, minutes=minutes), weight="Bolder"),
    ]
    actions = [
        execute(t("privacy.confirm.yes", lang), "privacy.erase_confirm", {"token": token},
                style="destructive"),
        execute(t("privacy.confirm.no", lang), "privacy.erase_cancel", {}),
    ]  # fmt: skip
    return card(body, actions)


def erased_card(counts: Mapping[str, int], lang: str) -> dict[str, Any]:
    """What the erasure deleted or anonymised, per data kind."""
    body = [text(t("privacy.erased.title", lang), weight="Bolder", size="Medium", color="Good")]
    if any(counts.values()):
        body += [text(t("privacy.erased.intro", lang)), _facts(counts, lang)]
    else:
        body.append(text(t("privacy.erased.nothing", lang)))
    body.append(text(t("privacy.erased.note", lang), isSubtle=True))
    return card(body)


def notice_card(message_key: str, lang: str, *, good: bool) -> dict[str, Any]:
    """A one-line result (cancelled, or an invalid confirmation) replacing the clicked card."""
    return card([text(t(message_key, lang), color="Good" if good else "Attention")])
