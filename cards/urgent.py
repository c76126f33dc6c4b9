"""Cards of the urgent call: the asker's one progress card, the assistants' question, the
disambiguation of a name and the form."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.graph_types import Person
from bot.domain.urgent import slots as slot_rules
from bot.domain.urgent.model import Ask, CallState, Slot, UrgentCall
from bot.i18n import t
from cards.elements import card, execute, text
from cards.stammtisch_format import day_label

# Booking (a job still tries) and unconfirmed: the meeting may exist; "Absagen" stops the
# booking, looks for the meeting and cancels it in Graph (given_up.cancel_booking).
CANCELLABLE = frozenset(
    {
        CallState.OFFERED,
        CallState.ASKING,
        CallState.BOOKING,
        CallState.BOOKED,
        CallState.UNCONFIRMED,
    }
)
DURATIONS = (15, 30, 45, 60, 90)
DEADLINES = ("today", "tomorrow_noon", "tomorrow")


@dataclass(frozen=True, slots=True)
class UrgentCards:
    """The card builders as the domain's ``UrgentViews`` port; times shown in ``zone``."""

    zone: ZoneInfo

    def _day(self, call: UrgentCall, instant: datetime, lang: str) -> str:
        day = instant.astimezone(self.zone).date()
        today = call.created_at.astimezone(self.zone).date()
        if day == today:
            return t("urgent.day.today", lang)
        if day == today + timedelta(days=1):
            return t("urgent.day.tomorrow", lang)
        return day_label(day, lang)

    def _on_day(self, call: UrgentCall, instant: datetime, lang: str) -> str:
        """The day inside a sentence: "heute", "morgen", "am Mi, 04.03."."""
        day = self._day(call, instant, lang)
        relative = (t("urgent.day.today", lang), t("urgent.day.tomorrow", lang))
        return day if day in relative else t("urgent.day.on", lang, day=day)

    def _clock(self, instant: datetime) -> str:
        return f"{instant.astimezone(self.zone):%H:%M}"

    def slot_label(self, call: UrgentCall, slot: Slot, lang: str) -> str:
        """ "heute 14:00–14:30"."""
        day = self._day(call, slot.start, lang)
        return f"{day} {self._clock(slot.start)}–{self._clock(slot.end)}"

    def _people(self, call: UrgentCall) -> str:
        return ", ".join(p.name for p in call.participants)

    def _invite(self, call: UrgentCall, slot: Slot, lang: str) -> dict[str, Any]:
        label = self.slot_label(call, slot, lang)
        data = {"call_id": call.id, "start": slot.start.isoformat()}
        return execute(t("urgent.invite", lang, slot=label), "urgent.invite", data)

    def asker_card(
        self, call: UrgentCall, proposal: Slot | None, lang: str, now: datetime | None = None
    ) -> dict[str, Any]:
        """The asker's one card: offers, the assistants' answers live, the booking (offers
        that began before ``now`` are no longer buttons: booking them is refused)."""
        title = t("urgent.title", lang, minutes=call.minutes, people=self._people(call))
        body = [text(title, size="Medium", weight="Bolder")]
        actions: list[dict[str, Any]] = []
        offers = [s for s in call.slots if now is None or s.start >= now]
        if call.state is CallState.OFFERED:
            body.append(text(t("urgent.offers", lang)))
            actions += [self._invite(call, slot, lang) for slot in offers]
        elif call.state is CallState.ASKING:
            body += self._progress(call, proposal, lang)
            bookable = [*([proposal] if proposal else []), *offers]
            actions += [self._invite(call, slot, lang) for slot in bookable]
        elif call.booked is not None:
            key = {
                CallState.BOOKED: "urgent.booked",
                # With the meeting's id: cancelled in Graph. Without: never confirmed, so
                # the card cannot say that no meeting stands.
                CallState.CANCELLED: (
                    "urgent.cancelled" if call.event_id else "urgent.cancelled_unconfirmed"
                ),
                # A chosen slot that expired: Graph refused the booking until it gave up.
                CallState.EXPIRED: "urgent.booking_failed",
                # Given up while the bot could not yet see whether the meeting was created.
                CallState.UNCONFIRMED: "urgent.booking_unconfirmed",
                # Graph refused it for good (no permission on the mailbox): nothing stands.
                CallState.FAILED: "urgent.booking_refused",
            }.get(call.state, "urgent.booking")
            body.append(
                text(t(key, lang, slot=self.slot_label(call, call.booked, lang)), weight="Bolder")
            )
        else:
            key = "urgent.expired" if call.state is CallState.EXPIRED else "urgent.cancelled_open"
            body.append(text(t(key, lang), weight="Bolder"))
        if call.state in CANCELLABLE:
            actions.append(
                execute(t("urgent.cancel", lang), "urgent.cancel", {"call_id": call.id})
            )
        return card(body, actions)

    def _progress(
        self, call: UrgentCall, proposal: Slot | None, lang: str
    ) -> list[dict[str, Any]]:
        window = call.ask_window or call.window
        span = f"{self._clock(window.start)}–{self._clock(window.end)}"
        blocked = ", ".join(p.name for p in call.participants if p.key in call.blocked)
        # Nobody asked at all (no one blocked has an assistant): no "I am asking" line.
        key = "urgent.no_common" if call.asks else "urgent.no_common_unasked"
        body = [text(t(key, lang, people=blocked, span=span))]
        facts = []
        for ask in call.asks:
            person = call.participant(ask.for_key)
            name = f"{ask.assistant_name} ({person.name if person else '–'})"
            facts.append({"title": name, "value": self._answer(ask, lang)})
        if facts:
            body.append({"type": "FactSet", "facts": facts})
        for key in call.blocked:
            person = call.participant(key)
            if person is None:
                continue
            if key in call.unassisted:
                # Nobody can free this time for them: no proposal comes, they are to be
                # asked directly.
                line = t("urgent.unassisted", lang, name=person.name)
                body.append(text(line, color="Attention"))
            elif slot_rules.refused(call, key):
                body.append(text(t("urgent.refused", lang, name=person.name), color="Attention"))
        if proposal is not None:
            label = self.slot_label(call, proposal, lang)
            body.append(
                text(t("urgent.proposal", lang, slot=label), weight="Bolder", color="Good")
            )
        if call.slots:
            body.append(text(t("urgent.fallback", lang)))
        return body

    def _answer(self, ask: Ask, lang: str) -> str:
        if ask.answer == "yes" and ask.free_from is not None:
            return t("urgent.answer.yes", lang, time=self._clock(ask.free_from))
        if ask.answer == "unreachable":
            return t("urgent.answer.unreachable", lang)
        return t("urgent.answer.no" if ask.answer == "no" else "urgent.answer.waiting", lang)

    def assistant_card(
        self, call: UrgentCall, ask: Ask, lang: str, now: datetime | None = None
    ) -> dict[str, Any]:
        """ "Können Sie für Dr. Albrecht heute 30 Minuten zwischen 14 und 17 Uhr freimachen?"
        (the choices start after ``now``: the default never lies in the past)."""
        person = call.participant(ask.for_key)
        window = call.ask_window or call.window
        question = t(
            "urgent.ask", lang, name=person.name if person else "–", minutes=call.minutes,
            day=self._on_day(call, window.start, lang), start=self._clock(window.start),
            end=self._clock(window.end),
        )  # fmt: skip
        why = t("urgent.ask.why", lang, asker=call.asker_name, people=self._people(call))
        body = [text(question, size="Medium", weight="Bolder"), text(why)]
        if call.state is not CallState.ASKING or not ask.waiting:
            body.append(text(self._settled(call, ask, lang), weight="Bolder"))
            return card(body)
        choices = [
            {"title": self._clock(start), "value": start.isoformat()}
            for start in slot_rules.start_choices(call, now)
        ]
        body.append(
            {"type": "Input.ChoiceSet", "id": "free_from", "label": t("urgent.ask.from", lang),
             "choices": choices, "value": choices[0]["value"] if choices else ""}
        )  # fmt: skip
        data = {"call_id": call.id, "for_key": ask.for_key}
        actions = [
            execute(t("urgent.ask.yes", lang), "urgent.answer", {**data, "yes": True}),
            execute(t("urgent.ask.no", lang), "urgent.answer", {**data, "yes": False}),
        ]
        return card(body, actions)

    def _settled(self, call: UrgentCall, ask: Ask, lang: str) -> str:
        if call.state is CallState.BOOKED and call.booked is not None:
            return t("urgent.ask.booked", lang, slot=self.slot_label(call, call.booked, lang))
        if call.state is CallState.CANCELLED:
            return t("urgent.ask.cancelled", lang)
        if call.state is CallState.UNCONFIRMED:
            return t("urgent.ask.booking_unconfirmed", lang)
        if call.state is CallState.FAILED:
            return t("urgent.ask.booking_failed", lang)
        if call.state is CallState.EXPIRED:
            failed = call.booked is not None  # a slot was chosen, but never booked
            return t("urgent.ask.booking_failed" if failed else "urgent.ask.expired", lang)
        if not ask.waiting:
            return t("urgent.ask.thanks", lang, answer=self._answer(ask, lang))
        return t("urgent.ask.closed", lang)

    def withdrawn_card(self, lang: str) -> dict[str, Any]:
        """An assistant's card once the asker erased their data: the call is cancelled, and
        nothing of the asker is shown any more (their name was erased)."""
        return card([text(t("urgent.ask.withdrawn", lang), weight="Bolder")])

    def event_subject(self, call: UrgentCall, lang: str) -> str:
        """The Teams meeting's subject."""
        return t("urgent.subject", lang, people=self._people(call))

    def cancellation_comment(self, lang: str) -> str:
        """What attendees read with the cancellation."""
        return t("urgent.cancel.comment", lang)

    def cancel_refused_card(self, call: UrgentCall, lang: str) -> dict[str, Any]:
        """The meeting Graph would not cancel still stands: cancel it in Outlook."""
        title = t("urgent.cancel_refused.title", lang)
        slot = self.slot_label(call, call.booked, lang) if call.booked else ""
        line = t("urgent.cancel_refused.text", lang, slot=slot)
        return card([text(title, weight="Bolder", color="Attention"), text(line)])

    def pick_card(
        self, text_: str, name: str, people: Sequence[Person], picks: Mapping[str, str], lang: str
    ) -> dict[str, Any]:
        """Several people match ``name``: one button each (the request goes on with it)."""
        body = [text(t("urgent.pick", lang, name=name), weight="Bolder")]
        actions = []
        for person in people:
            detail = " · ".join(p for p in (person.job_title, person.department) if p)
            label = f"{person.display_name} ({detail})" if detail else person.display_name
            chosen = {**picks, name.casefold(): person.id}
            actions.append(execute(label, "urgent.pick", {"text": text_, "picks": chosen}))
        return card(body, actions)

    def form_card(self, lang: str, note: str | None = None) -> dict[str, Any]:
        """The form: with whom, how long, until when."""
        body = [
            text(t("urgent.form.title", lang), size="Medium", weight="Bolder"),
            {"type": "Input.Text", "id": "names", "label": t("urgent.form.names", lang),
             "isRequired": True, "errorMessage": t("urgent.form.required", lang),
             "maxLength": 300},
            {"type": "Input.ChoiceSet", "id": "minutes", "label": t("urgent.form.minutes", lang),
             "value": "30",
             "choices": [{"title": f"{m} min", "value": str(m)} for m in DURATIONS]},
            {"type": "Input.ChoiceSet", "id": "deadline",
             "label": t("urgent.form.deadline", lang), "value": "today",
             "choices": [{"title": t(f"urgent.deadline.{d}", lang), "value": d}
                         for d in DEADLINES]},
        ]  # fmt: skip
        if note:
            body.insert(1, text(note, color="Attention", weight="Bolder"))
        return card(body, [execute(t("urgent.form.send", lang), "urgent.form", {})])
