"""Cards of the Kaffee- und Mittags-Roulette: preferences, introduction, follow-up."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.roulette.model import FORMATS, SCOPES, Group, Participant, Slot
from bot.i18n import t
from bot.i18n.formats import day_month
from cards.deeplinks import group_chat_link
from cards.elements import card, execute, text
from cards.stammtisch_format import weekday_short


def preferences_card(participant: Participant | None, weeks: int, lang: str) -> dict[str, Any]:
    """Whether the person takes part; if so, formats and scope to change, and "aus"."""
    title = text(t("roulette.title", lang), size="Large", weight="Bolder")
    intro = text(t("roulette.intro", lang, weeks=weeks), isSubtle=True)
    if participant is None:
        body = [title, text(t("roulette.state.out", lang)), intro]
        return card(body, [execute(t("roulette.button.join", lang), "roulette.join", {})])
    formats = {
        "type": "Input.ChoiceSet",
        "id": "formats",
        "label": t("roulette.formats.label", lang),
        "isMultiSelect": True,
        "style": "expanded",
        "isRequired": True,
        "errorMessage": t("roulette.formats.required", lang),
        "value": ",".join(participant.formats),
        "choices": [{"title": t(f"roulette.format.{f}", lang), "value": f} for f in FORMATS],
    }
    scope = {
        "type": "Input.ChoiceSet",
        "id": "scope",
        "label": t("roulette.scope.label", lang),
        "style": "expanded",
        "isRequired": True,
        "errorMessage": t("roulette.scope.required", lang),
        "value": participant.scope,
        "choices": [{"title": t(f"roulette.scope.{s}", lang), "value": s} for s in SCOPES],
    }
    state = t("roulette.state.in", lang, site=participant.site or t("roulette.site.none", lang))
    actions = [
        execute(t("roulette.button.save", lang), "roulette.save", {}, style="positive"),
        execute(t("roulette.button.off", lang), "roulette.off", {}),
    ]
    return card([title, text(state), formats, scope, intro], actions)


@dataclass(frozen=True, slots=True)
class RouletteCards:
    """The card builders as the domain's ``RouletteViews`` port; times shown in ``zone``."""

    zone: ZoneInfo

    def when(self, slot: Slot, lang: str) -> str:
        """ "Di, 8.12., 10:00–10:30 Uhr (Kaffee)"."""
        a, b = slot.start.astimezone(self.zone), slot.end.astimezone(self.zone)
        day = f"{weekday_short(a.date(), lang)}, {day_month(a.date(), lang)}"
        when = t("rooms.when", lang, day=day, start=f"{a:%H:%M}",
                 end=f"{b:%H:%M}")  # fmt: skip
        return t(
            "roulette.slot", lang, when=when, format=t(f"roulette.format.{slot.format}", lang)
        )

    def _meeting(
        self, group: Group, me: str, mails: Sequence[str], lang: str, heading: str
    ) -> dict[str, Any]:
        others = [n for k, n in zip(group.members, group.names, strict=True) if k != me]
        formats = ", ".join(t(f"roulette.format.{f}", lang) for f in group.formats)
        slot = group.slot
        suggestion = (
            t("roulette.suggestion", lang, when=self.when(slot, lang))
            if slot is not None
            else t("roulette.no_slot", lang)
        )
        body = [
            text(t("roulette.title", lang), size="Large", weight="Bolder"),
            text(heading),
            text(t("roulette.meet", lang, names=t("roulette.and", lang).join(others))),
            text(t("roulette.formats.shared", lang, formats=formats), isSubtle=True),
            text(suggestion, weight="Bolder"),
        ]
        actions: list[dict[str, Any]] = []
        # Teams adds whoever clicks; the link names the others (a 1:1 chat for a pair).
        reachable = [m for k, m in zip(group.members, mails, strict=True) if m and k != me]
        if reachable:
            topic = t("roulette.chat.topic", lang)
            message = t("roulette.chat.message", lang)
            actions.append({"type": "Action.OpenUrl", "title": t("roulette.button.chat", lang),
                            "url": group_chat_link(reachable, topic, message)})  # fmt: skip
        if group.slot_index + 1 < len(group.slots):
            data = {"group_id": group.id, "index": group.slot_index}
            actions.append(execute(t("roulette.button.other", lang), "roulette.other", data))
        return card(body, actions)

    def intro_card(self, group: Group, me: str, mails: Sequence[str], lang: str) -> dict[str, Any]:
        """The introduction: who, a group-chat link, the suggested time, "anderer Vorschlag"."""
        return self._meeting(group, me, mails, lang, t("roulette.intro.heading", lang))

    def suggestion_card(
        self, group: Group, me: str, mails: Sequence[str], lang: str
    ) -> dict[str, Any]:
        """Another member asked for another time: the new suggestion."""
        return self._meeting(group, me, mails, lang, t("roulette.other.heading", lang))

    def unmatched_card(self, lang: str) -> dict[str, Any]:
        """Nobody fitted this round; the next round comes, the settings can be changed."""
        body = [
            text(t("roulette.title", lang), size="Large", weight="Bolder"),
            text(t("roulette.unmatched.text", lang)),
        ]
        return card(body)

    def follow_up_card(self, group: Group, lang: str) -> dict[str, Any]:
        """ "Haben Sie sich getroffen?" – Ja / Nein (only to offer another round)."""
        body = [
            text(t("roulette.title", lang), size="Large", weight="Bolder"),
            text(t("roulette.follow_up.question", lang), weight="Bolder"),
            text(t("roulette.follow_up.why", lang), isSubtle=True),
        ]
        actions = [
            execute(t("roulette.button.yes", lang), "roulette.met",
                    {"group_id": group.id, "met": True}),
            execute(t("roulette.button.no", lang), "roulette.met",
                    {"group_id": group.id, "met": False}),
        ]  # fmt: skip
        return card(body, actions)


def next_round_card(met: bool, lang: str) -> dict[str, Any]:
    """The answer to the follow-up: the next round is offered, "aus" is one click away."""
    key = "roulette.follow_up.thanks_yes" if met else "roulette.follow_up.thanks_no"
    body = [
        text(t("roulette.title", lang), size="Large", weight="Bolder"),
        text(t(key, lang)),
        text(t("roulette.follow_up.next", lang)),
    ]
    return card(body, [execute(t("roulette.button.off", lang), "roulette.off", {})])
