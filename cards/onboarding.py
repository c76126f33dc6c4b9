"""Cards of buddy onboarding: welcome, buddy introduction, admin pick, check-ins, lists."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from bot.domain.onboarding.model import Onboarding, OnboardingState, VolunteerProfile
from bot.domain.onboarding.names import first_name
from bot.i18n import t
from cards.elements import card, execute, text
from cards.size import joined_within, page_of

VOLUNTEER_DATASET = "onboarding.volunteers"
# Volunteers are found by typeahead (the bot answers the dataset's search); a card carries
# only the first of them within this many bytes per choice input, for clients without it. The
# overview has one input per onboarding, so its share is smaller.
PICK_CHOICES_BYTES = 6_000
OVERRIDE_CHOICES_BYTES = 1_200
WAITING_BYTES = 2_000


def chat_link(mail: str, message: str) -> str:
    """Teams deep link that opens a 1:1 chat with a prefilled message."""
    return f"https://teams.microsoft.com/l/chat/0/0?users={quote(mail)}&message={quote(message)}"


def meeting_link(mail: str, subject: str) -> str:
    """Teams deep link that opens a new meeting with the person invited."""
    return (
        "https://teams.microsoft.com/l/meeting/new"
        f"?subject={quote(subject)}&attendees={quote(mail)}"
    )


def _links(mail: str, lang: str) -> list[dict[str, Any]]:
    if not mail:
        return []
    return [
        {"type": "Action.OpenUrl", "title": t("onboarding.button.chat", lang),
         "url": chat_link(mail, t("onboarding.chat_message", lang))},
        {"type": "Action.OpenUrl", "title": t("onboarding.button.meeting", lang),
         "url": meeting_link(mail, t("onboarding.meeting_subject", lang))},
    ]  # fmt: skip


def pick_input_id(onboarding_id: object) -> str:
    """The buddy choice's input id on the admins' overview: one per onboarding, because
    input ids must be unique in a card (Teams sends a duplicate id's value only once)."""
    return f"buddy_key_{onboarding_id}"


def _buddy_choice(
    input_id: str, volunteers: Sequence[VolunteerProfile], budget: int, lang: str
) -> dict[str, Any]:
    choices = [{"title": v.name, "value": v.user_key} for v in volunteers]
    return {
        "type": "Input.ChoiceSet",
        "id": input_id,
        "label": t("onboarding.admin.pick", lang),
        "isRequired": True,
        "errorMessage": t("onboarding.admin.pick_required", lang),
        "style": "filtered",
        "choices": page_of(choices, 0, budget).rows,
        "choices.data": {"type": "Data.Query", "dataset": VOLUNTEER_DATASET},
    }


def _reason_text(onboarding: Onboarding, lang: str) -> str:
    parts = [t(f"onboarding.reason.{r}", lang) for r in onboarding.reasons]
    return ", ".join(p for p in parts if p)


class OnboardingCards:
    """The card builders as the domain's ``OnboardingViews`` port; each card in its
    recipient's language ``lang`` (a newcomer who never wrote: their Entra profile's)."""

    def welcome_card(self, onboarding: Onboarding, buddy_mail: str, lang: str) -> dict[str, Any]:
        """The newcomer's welcome: the network, how to ask, topics, and the buddy."""
        name = first_name(onboarding.newcomer_name)
        body = [
            text(t("onboarding.welcome.title", lang, name=name), weight="Bolder", size="Medium"),
            text(t("onboarding.welcome.network", lang)),
            text(t("onboarding.welcome.ask", lang)),
            text(t("onboarding.welcome.stammtisch", lang)),
        ]
        actions: list[dict[str, Any]] = [
            {"type": "Action.Submit", "title": t("onboarding.button.topics", lang),
             "data": {"msteams": {"type": "imBack", "value": "meine themen"}}},
        ]  # fmt: skip
        if onboarding.state is OnboardingState.PAIRED and onboarding.buddy_key:
            body.append(self._buddy_line(onboarding, "onboarding.welcome.buddy", lang))
            actions += self._buddy_actions(onboarding, buddy_mail, lang)
        else:
            body.append(text(t("onboarding.welcome.buddy_soon", lang)))
        return card(body, actions)

    def _buddy_line(self, onboarding: Onboarding, key: str, lang: str) -> dict[str, Any]:
        reason = _reason_text(onboarding, lang)
        line = t(key, lang, buddy=onboarding.buddy_name)
        return text(f"{line} ({reason})" if reason else line, weight="Bolder")

    def _buddy_actions(
        self, onboarding: Onboarding, buddy_mail: str, lang: str
    ) -> list[dict[str, Any]]:
        data = {"onboarding_id": onboarding.id}
        opt_out = execute(t("onboarding.button.opt_out", lang), "onboarding.opt_out", data)
        return [*_links(buddy_mail, lang), opt_out]

    def buddy_changed_card(
        self, onboarding: Onboarding, buddy_mail: str, lang: str
    ) -> dict[str, Any]:
        """A newcomer welcomed already learns the buddy an admin picked: the name, the links
        and the opt-out, without repeating the welcome."""
        body = [self._buddy_line(onboarding, "onboarding.changed.buddy", lang)]
        return card(body, self._buddy_actions(onboarding, buddy_mail, lang))

    def buddy_card(self, onboarding: Onboarding, newcomer_mail: str, lang: str) -> dict[str, Any]:
        """The buddy's introduction with chat/meeting links and the checklist."""
        checklist = t("onboarding.buddy.checklist", lang).split("|")
        reason = _reason_text(onboarding, lang)
        body = [
            text(t("onboarding.buddy.title", lang, name=onboarding.newcomer_name),
                 weight="Bolder", size="Medium"),
            # No reason worth telling (only "nobody else is free"): no "Warum Sie: –."
            *([text(t("onboarding.buddy.why", lang, reason=reason))] if reason else []),
            text(t("onboarding.buddy.checklist_title", lang), weight="Bolder"),
            *(text(f"- {item}", spacing="None") for item in checklist),
        ]  # fmt: skip
        return card(body, _links(newcomer_mail, lang))

    def replaced_card(
        self, onboarding: Onboarding, volunteering: bool, lang: str
    ) -> dict[str, Any]:
        """Tells a former buddy that an admin paired the newcomer with someone else, and
        whether they stay listed as a buddy (``volunteering``: not stopped)."""
        return _no_longer_buddy("replaced", onboarding, volunteering, lang)

    def opted_out_card(
        self, onboarding: Onboarding, volunteering: bool, lang: str
    ) -> dict[str, Any]:
        """Tells the buddy that the newcomer chose to start without a buddy, and whether they
        stay listed as a buddy (``volunteering``: not stopped)."""
        return _no_longer_buddy("opted_out", onboarding, volunteering, lang)

    def newcomer_left_card(
        self, onboarding: Onboarding, volunteering: bool, lang: str
    ) -> dict[str, Any]:
        """Tells the buddy that the newcomer left and the onboarding has ended (no more
        check-ins), and whether they stay listed as a buddy (``volunteering``)."""
        return _no_longer_buddy("newcomer_left", onboarding, volunteering, lang)

    def admin_pick_card(
        self, onboarding: Onboarding, volunteers: Sequence[VolunteerProfile], lang: str
    ) -> dict[str, Any]:
        """Nobody fits: the admins pick a buddy."""
        body: list[dict[str, Any]] = [
            text(t("onboarding.admin.title", lang, name=onboarding.newcomer_name),
                 weight="Bolder", size="Medium"),
            text(t("onboarding.admin.text", lang)),
        ]  # fmt: skip
        if not volunteers:
            nobody = t("onboarding.admin.nobody_free", lang, name=onboarding.newcomer_name)
            body.append(text(nobody, color="Attention"))
            return card(body)
        body.append(_buddy_choice("buddy_key", volunteers, PICK_CHOICES_BYTES, lang))
        data = {"onboarding_id": onboarding.id}
        return card(
            body, [execute(t("onboarding.button.assign", lang), "onboarding.assign", data)]
        )

    def _override(
        self, onboarding: Onboarding, volunteers: Sequence[VolunteerProfile], lang: str
    ) -> dict[str, Any]:
        pick_id = pick_input_id(onboarding.id)
        pick = _buddy_choice(pick_id, volunteers, OVERRIDE_CHOICES_BYTES, lang)
        data = {"onboarding_id": onboarding.id}
        submit = execute(t("onboarding.button.assign", lang), "onboarding.assign", data)
        return {
            "type": "ActionSet",
            "actions": [
                {
                    "type": "Action.ShowCard",
                    "title": t("onboarding.button.change", lang),
                    "card": {"type": "AdaptiveCard", "body": [pick], "actions": [submit]},
                }
            ],
        }

    def check_in_card(
        self, onboarding: Onboarding, days: int, side: str, lang: str, elapsed: int | None = None
    ) -> dict[str, Any]:
        """ "Haben Sie sich getroffen?" – Ja / Noch nicht / Brauche Hilfe: the ``days`` check-in,
        asked ``elapsed`` days after the pairing (later than planned after a rejoin)."""
        other = onboarding.buddy_name if side == "newcomer" else onboarding.newcomer_name
        body = [
            text(t("onboarding.check_in.title", lang), weight="Bolder", size="Medium"),
            text(t("onboarding.check_in.text", lang, other=other, days=elapsed or days)),
        ]
        actions = [
            execute(
                t(f"onboarding.check_in.{answer}", lang),
                "onboarding.check_in",
                {"onboarding_id": onboarding.id, "days": days, "answer": answer},
            )
            for answer in ("ja", "noch_nicht", "hilfe")
        ]
        return card(body, actions)

    def help_needed_card(self, onboarding: Onboarding, side: str, lang: str) -> dict[str, Any]:
        """Tells the admins that a pair needs help."""
        who = onboarding.newcomer_name if side == "newcomer" else onboarding.buddy_name
        line = t("onboarding.help.text", lang, who=who, newcomer=onboarding.newcomer_name,
                 buddy=onboarding.buddy_name)  # fmt: skip
        return card([text(t("onboarding.help.title", lang), weight="Bolder"), text(line)])

    def _overview_rows(
        self, onboarding: Onboarding, volunteers: Sequence[VolunteerProfile], lang: str
    ) -> dict[str, Any]:
        state = t(f"onboarding.state.{onboarding.state.value}", lang)
        # Only a current pairing names the buddy (not one the newcomer declined or left).
        paired = onboarding.state is OnboardingState.PAIRED
        buddy = (onboarding.buddy_name if paired else "") or "–"
        welcomed = "✓" if onboarding.welcomed_at else t("onboarding.overview.not_yet", lang)
        items = [text(t("onboarding.overview.line", lang, name=onboarding.newcomer_name,
                        state=state, buddy=buddy, welcomed=welcomed))]  # fmt: skip
        others = [v for v in volunteers if v.user_key != onboarding.newcomer_key]
        if others and onboarding.state in (OnboardingState.PAIRED, OnboardingState.UNPAIRED):
            items.append(self._override(onboarding, others, lang))
        return {"type": "Container", "items": items, "spacing": "Small"}

    def overview_card(
        self,
        onboardings: Sequence[Onboarding],
        waiting: Sequence[tuple[str, str]],
        volunteers: Sequence[VolunteerProfile] = (),
        start: int = 0,
        lang: str = "de",
    ) -> dict[str, Any]:
        """Admins: recent onboardings (each with "Buddy ändern") from ``start`` on, as many as
        fit in one message, and the undelivered welcomes."""
        body: list[dict[str, Any]] = [
            text(t("onboarding.overview.title", lang), weight="Bolder", size="Medium")
        ]
        page = page_of([self._overview_rows(o, volunteers, lang) for o in onboardings], start)
        if page.start != start:
            body.append(text(t("paging.restarted", lang), color="Attention"))
        if page.start > 0 or page.next_start is not None:
            shown = t("onboarding.overview.range", lang, first=page.start + 1,
                      last=page.start + len(page.rows), total=len(onboardings))  # fmt: skip
            body.append(text(shown, isSubtle=True, spacing="Small"))
        body += page.rows
        body.append(text(t("onboarding.overview.waiting", lang, count=len(waiting)),
                         weight="Bolder", spacing="Medium"))  # fmt: skip
        items = [f"- {name}: {error}" for name, error in waiting]
        lines, rest = joined_within(items, WAITING_BYTES, "\n")
        if lines:
            more = f"\n- {t('paging.and_more', lang, count=rest)}" if rest else ""
            body.append(text(lines + more, spacing="None"))
        actions = []
        if page.next_start is not None:
            data = {"start": page.next_start}
            actions.append(execute(t("onboarding.overview.more", lang), "onboarding.overview",
                                   data))  # fmt: skip
        return card(body, actions)


def _no_longer_buddy(
    why: str, onboarding: Onboarding, volunteering: bool, lang: str
) -> dict[str, Any]:
    """A buddy's pairing ended (``why``: replaced by an admin, the newcomer opted out or
    left)."""
    name = onboarding.newcomer_name
    thanks = "still_volunteer" if volunteering else "no_longer_volunteer"
    return card([
        text(t(f"onboarding.{why}.title", lang, name=name), weight="Bolder"),
        text(t(f"onboarding.{why}.text", lang, name=name)),
        text(t(f"onboarding.replaced.{thanks}", lang)),
    ])  # fmt: skip
