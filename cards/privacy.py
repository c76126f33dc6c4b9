"""Cards of "Meine Daten": the export, the erasure confirmation and its result."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from bot.i18n import t
from cards.elements import card, execute, text
from cards.status import reach_reason

# Teams refuses bot messages above roughly 28 KB (bytes of the whole activity), so the JSON is
# shown in parts of at most this many bytes, measured as sent with every non-ASCII character
# escaped (the worst case: "ü" is 6 bytes, an emoji 12); the rest of the card stays far below
# the remaining 12 KB.
PART_BYTES = 16_000

# Facts the cards show besides one per table of the erasure (``ERASURE_TABLES``); each needs
# a "privacy.kind.<kind>" text like the tables (tests/unit/test_privacy_kinds.py).
BOOKINGS_CANCELLING = "room_bookings_cancelling"
URGENT_MEETINGS_CANCELLING = "urgent_meetings_cancelling"
FOLLOWERS = "birthday_followers"
_ERASED_KINDS = {"birthday_follows": "birthday_follows_both"}
CARD_KINDS = frozenset(
    {BOOKINGS_CANCELLING, URGENT_MEETINGS_CANCELLING, FOLLOWERS, *_ERASED_KINDS.values()}
)


def _wire_bytes(value: str) -> int:
    return len(json.dumps(value)) - 2  # ASCII-escaped, without the quotes


def json_parts(dump: str, budget: int = PART_BYTES) -> list[str]:
    """``dump`` cut at line ends into parts of at most ``budget`` wire bytes; a longer line
    is cut inside (at a code point, never inside a character). The parts join to ``dump``."""
    parts: list[str] = []
    current: list[str] = []
    size = 0
    width = max(1, budget // 12)  # characters that fit even if each escapes to 12 bytes
    for line in dump.splitlines(keepends=True):
        pieces = [line] if _wire_bytes(line) <= budget else [
            line[i : i + width] for i in range(0, len(line), width)
        ]  # fmt: skip
        for piece in pieces:
            length = _wire_bytes(piece)
            if current and size + length > budget:
                parts.append("".join(current))
                current, size = [], 0
            current.append(piece)
            size += length
    return [*parts, "".join(current)] if current or not parts else parts


def _facts(counts: Mapping[str, int], lang: str) -> dict[str, Any]:
    facts = [
        {"title": t(f"privacy.kind.{kind}", lang), "value": str(count)}
        for kind, count in counts.items()
        if count
    ]
    return {"type": "FactSet", "facts": facts}


def _counts(data: Mapping[str, list[dict[str, Any]]]) -> dict[str, int]:
    """Entries per data kind. Whom one follows and how many follow one are two facts: the
    followers are one record in the export (a number, their names are their data) and must
    not count as someone the person follows."""
    counts: dict[str, int] = {}
    for kind, records in data.items():
        if kind != "birthday_follows":
            counts[kind] = len(records)
            continue
        counts[kind] = sum(1 for r in records if r.get("role") != "followed")
        counts[FOLLOWERS] = sum(
            int(r.get("followers") or 0) for r in records if r.get("role") == "followed"
        )
    return counts


def _part_view(parts: list[str], page: int, lang: str) -> tuple[list[dict[str, Any]], list[Any]]:
    """One part of the JSON with "Teil 2 von 3" and buttons to the neighbouring parts."""
    body = [text(parts[page], fontType="Monospace", size="Small")]
    actions = []
    if len(parts) > 1:
        body.insert(0, text(t("privacy.export.part", lang, page=page + 1, pages=len(parts)),
                            weight="Bolder"))  # fmt: skip
        if page > 0:
            actions.append(execute(t("privacy.export.previous", lang), "privacy.export_page",
                                   {"page": page - 1}))  # fmt: skip
        if page + 1 < len(parts):
            actions.append(execute(t("privacy.export.next", lang), "privacy.export_page",
                                   {"page": page + 1}))  # fmt: skip
    return body, actions


def export_card(
    data: Mapping[str, list[dict[str, Any]]], lang: str, page: int = 0
) -> dict[str, Any]:
    """Counts per data kind and, behind "Alle Angaben (JSON)", everything as JSON text; a
    large export in parts, one per card (``page`` > 0 shows a later part on its own).

    Teams bots cannot attach a file without the file-consent flow, so the JSON is shown in a
    monospace TextBlock for the person to copy.
    """
    parts = json_parts(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))
    page = min(max(page, 0), len(parts) - 1)
    part_body, part_actions = _part_view(parts, page, lang)
    if page > 0:
        title = text(t("privacy.export.title", lang), weight="Bolder", size="Medium")
        return card([title, *part_body], part_actions)
    counts = _counts(data)
    body: list[dict[str, Any]] = [text(t("privacy.export.title", lang), weight="Bolder",
                                       size="Medium")]  # fmt: skip
    if not any(counts.values()):
        body.append(text(t("privacy.export.nothing", lang)))
    else:
        body += [text(t("privacy.export.intro", lang)), _facts(counts, lang)]
        body += [text(line) for line in _membership_lines(data, lang)]
        body.append(text(t("privacy.export.json_hint", lang), isSubtle=True))
    if len(parts) > 1:
        body.append(text(t("privacy.export.in_parts", lang, pages=len(parts)), isSubtle=True))
    shown: dict[str, Any] = {"type": "AdaptiveCard", "body": part_body}
    if part_actions:
        shown["actions"] = part_actions
    show_json = {"type": "Action.ShowCard", "title": t("privacy.export.show_json", lang),
                 "card": shown}  # fmt: skip
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
    """Asks once more before erasing; both buttons carry the one-time token ("Abbrechen"
    uses it up)."""
    body = [
        text(t("privacy.confirm.title", lang), weight="Bolder", size="Medium"),
        text(t("privacy.confirm.text", lang)),
        text(t("privacy.confirm.final", lang, minutes=minutes), weight="Bolder"),
    ]
    actions = [
        execute(t("privacy.confirm.yes", lang), "privacy.erase_confirm", {"token": token},
                style="destructive"),
        execute(t("privacy.confirm.no", lang), "privacy.erase_cancel", {"token": token}),
    ]  # fmt: skip
    return card(body, actions)


def erased_card(counts: Mapping[str, int], lang: str) -> dict[str, Any]:
    """What the erasure deleted or anonymised, per data kind."""
    # The erasure removes the follows in both directions: they are not "whom you follow".
    counts = {_ERASED_KINDS.get(kind, kind): count for kind, count in counts.items()}
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
