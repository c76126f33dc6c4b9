"""Cards of the expert profile: the "Meine Themen" form and the not-an-expert hint."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.routing.directory_import import LANGUAGES
from bot.domain.routing.experts import ExpertRecord
from bot.i18n import t
from cards.elements import card, execute, text, titled_text
from cards.size import page_of

DEPUTY_DATASET = "experts.deputies"
# A pool of hundreds of experts does not fit in one message: the deputy is found by typeahead
# (the bot answers the dataset's search), and the card carries only the first choices within
# this many bytes, for clients without typeahead.
DEPUTY_CHOICES_BYTES = 6_000


def deputy_title(expert: ExpertRecord) -> str:
    """ "Kerstin Vogel – Vorstandsbüro": how a possible deputy is listed and searched."""
    return " – ".join(p for p in (expert.name, expert.department) if p)


@dataclass(frozen=True, slots=True)
class TopicsForm:
    """The form's values as the card inputs hold them (strings, as Teams sends them back)."""

    pool_id: str
    topics: str = ""
    languages: str = ""  # comma-separated language codes
    deputy: str = ""  # user key of the deputy, "" for none
    paused_until: str = ""  # last paused day, YYYY-MM-DD, "" for none
    about: str = ""


def last_paused_day(paused_until: datetime, zone: ZoneInfo) -> date:
    """The last local day of a pause that ends at ``paused_until`` (exclusive)."""
    return (paused_until.astimezone(zone) - timedelta(microseconds=1)).date()


def topics_form(record: ExpertRecord, now: datetime, zone: ZoneInfo) -> TopicsForm:
    """The form prefilled from a stored record; a pause that is over is not shown."""
    paused = record.paused_until
    return TopicsForm(
        pool_id=record.pool_id,
        topics=", ".join(record.topics),
        languages=",".join(record.languages),
        deputy=record.deputy_key or "",
        paused_until=last_paused_day(paused, zone).isoformat() if paused and paused > now else "",
        about=record.about,
    )


def my_topics_card(
    language: str,
    form: TopicsForm,
    pool: Sequence[ExpertRecord],
    self_key: str,
    today: date,
    latest_pause: date,
    notice: str | None = None,
    *,
    is_error: bool = False,
) -> dict[str, Any]:
    """The profile form: topics, languages, deputy, pause and about, with an optional notice."""
    deputies = [
        {"title": deputy_title(e), "value": e.user_key} for e in pool if e.user_key != self_key
    ]
    # A deputy who left the pool is not offered; saving then clears the stale value.
    deputy = form.deputy if any(d["value"] == form.deputy for d in deputies) else ""
    # The chosen deputy comes first, so that the input shows the name, not the bare id.
    deputies.sort(key=lambda d: d["value"] != deputy)
    shown = page_of(deputies, 0, DEPUTY_CHOICES_BYTES).rows
    languages = ",".join(c for c in form.languages.split(",") if c.strip() in LANGUAGES)
    blocks = []
    if notice:
        blocks.append(text(notice, color="Attention" if is_error else "Good"))
    body = [
        text(t("experts.card.title", language), size="Large", weight="Bolder"),
        text(t("experts.card.intro", language), spacing="Small"),
        *blocks,
        {
            "type": "Input.Text",
            "id": "topics",
            "label": t("experts.card.topics", language),
            "placeholder": t("experts.card.topics_placeholder", language),
            "value": form.topics,
            "isMultiline": True,
            "maxLength": 3000,
        },
        {
            "type": "Input.ChoiceSet",
            "id": "languages",
            "label": t("experts.card.languages", language),
            "isMultiSelect": True,
            "style": "compact",
            "choices": [{"title": name, "value": code} for code, name in LANGUAGES.items()],
            "value": languages,
        },
        _deputy_input(language, shown, deputy),
        {
            "type": "Input.Date",
            "id": "paused_until",
            "label": t("experts.card.pause", language),
            "value": form.paused_until,
            "min": today.isoformat(),
            "max": latest_pause.isoformat(),
        },
        {
            "type": "Input.Text",
            "id": "about",
            "label": t("experts.card.about", language),
            "value": form.about,
            "isMultiline": True,
            "maxLength": 1000,
        },
    ]
    data = {"pool_id": form.pool_id}
    save = execute(
        t("experts.card.save", language), "experts.save_profile", data, style="positive"
    )
    return card(body, [save])


def _deputy_input(language: str, shown: list[dict[str, str]], deputy: str) -> dict[str, Any]:
    """The deputy picker: ``shown`` serves clients without typeahead, the others search the
    whole pool through the dataset the bot answers."""
    return {
        "type": "Input.ChoiceSet",
        "id": "deputy",
        "label": t("experts.card.deputy", language),
        "placeholder": t("experts.card.deputy_placeholder", language),
        "style": "filtered",
        "choices": shown,
        "value": deputy,
        "choices.data": {"type": "Data.Query", "dataset": DEPUTY_DATASET},
    }


def not_expert_card(language: str) -> dict[str, Any]:
    """Explains how to become an expert of the network (an admin adds you)."""
    return titled_text(
        t("experts.not_expert.title", language), t("experts.not_expert.text", language)
    )
