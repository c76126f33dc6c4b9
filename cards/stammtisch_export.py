"""The organisers' Stammtisch export: every vote as a table, paged by bytes, and the
non-voters (kept apart from cards/stammtisch.py, the poll card's module)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.domain.stammtisch.model import Member, Poll, Vote
from bot.i18n import t
from cards.elements import card, execute, text
from cards.size import joined_within, page_of
from cards.stammtisch_format import day_label, month_label

# The non-voters' names share the card with a page of votes; beyond this many bytes the rest
# is only counted ("und 212 weitere").
NON_VOTERS_BYTES = 3_000


def _row(cells: Sequence[str], *, bold: bool = False) -> dict[str, Any]:
    columns = [
        {
            "type": "Column",
            "width": "stretch",
            "items": [text(cell, size="Small", **({"weight": "Bolder"} if bold else {}))],
        }
        for cell in cells
    ]
    return {"type": "ColumnSet", "columns": columns, "spacing": "Small"}


def _cells(poll: Poll, vote: Vote, lang: str) -> list[str]:
    cells = [vote.member_name]
    cells += [
        t(f"stammtisch.answer.{vote.answers[d].value}", lang) if d in vote.answers else "–"
        for d in poll.dates
    ]
    return cells + ([vote.place or "–"] if poll.places else [])


def _non_voters(non_voters: Sequence[Member], lang: str) -> str:
    missing = sorted(m.name for m in non_voters)
    if not missing:
        return t("stammtisch.export.all_voted", lang)
    names, rest = joined_within(missing, NON_VOTERS_BYTES)
    if rest:
        names = f"{names} {t('stammtisch.more', lang, count=rest)}"
    return t("stammtisch.export.non_voters", lang, count=len(missing), names=names)


def export_card(
    poll: Poll, votes: Sequence[Vote], non_voters: Sequence[Member], start: int = 0
) -> dict[str, Any]:
    """The votes from position ``start`` on, as many as fit in one message, with "Weitere
    Stimmen" to the next page; a ``start`` past the end shows the first page with a note."""
    lang = poll.language
    header = [t("stammtisch.export.name", lang)]
    header += [day_label(d, lang) for d in poll.dates]
    header += [t("stammtisch.export.place", lang)] if poll.places else []
    page = page_of([_row(_cells(poll, vote, lang)) for vote in votes], start)
    title = t("stammtisch.export.title", lang, month=month_label(poll.month, lang))
    body = [text(title, weight="Bolder")]
    if page.start != start:
        body.append(text(t("paging.restarted", lang), color="Attention"))
    if page.start > 0 or page.next_start is not None:
        shown = t("stammtisch.export.range", lang, first=page.start + 1,
                  last=page.start + len(page.rows), total=len(votes))  # fmt: skip
        body.append(text(shown, isSubtle=True, spacing="Small"))
    body += [_row(header, bold=True), *page.rows]
    body.append(text(_non_voters(non_voters, lang), spacing="Medium"))
    actions = []
    if page.next_start is not None:
        data = {"poll_id": poll.id, "start": page.next_start}
        actions.append(execute(t("stammtisch.export.more", lang), "stammtisch.export", data))
    back = t("stammtisch.button.back", lang)
    actions.append(execute(back, "stammtisch.refresh", {"poll_id": poll.id}))
    return card(body, actions)
