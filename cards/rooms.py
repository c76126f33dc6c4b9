"""Cards of the room broker: request form, offers, status, approval card, lists."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.graph_types import Room
from bot.domain.rooms.model import RequestState, RoomRequest
from bot.domain.rooms.when import RoomRequestParse
from bot.i18n import t
from cards.elements import card, execute, text
from cards.size import page_of
from cards.stammtisch_format import day_label

# What the requester may still cancel (an offer without a chosen room just lapses).
CANCELLABLE = frozenset({RequestState.PENDING, RequestState.BOOKING, RequestState.BOOKED})
FEATURES = ("video", "screen", "beamer", "whiteboard", "phone", "accessible")


def _room_line(
    room: Room | None, mailbox: str, lang: str, restricted: bool, elsewhere: bool = False
) -> str:
    if room is None:
        return mailbox
    where = ", ".join(p for p in (room.building, room.floor_label) if p)
    extra = f" · {t('rooms.restricted', lang)}" if restricted else ""
    extra += f" · {t('rooms.elsewhere', lang)}" if elsewhere else ""
    seats = t("rooms.seats", lang, count=room.capacity or 0)
    return f"**{room.display_name}** – {seats}, {where}{extra}"


@dataclass(frozen=True, slots=True)
class BrokerCards:
    """The card builders as the domain's ``BrokerViews`` port; times shown in ``zone``."""

    zone: ZoneInfo
    restricted: frozenset[str] = frozenset()

    def when(self, start: datetime, end: datetime, lang: str) -> str:
        """ "Di, 24.11., 14:00–15:00 Uhr"."""
        a, b = start.astimezone(self.zone), end.astimezone(self.zone)
        return t("rooms.when", lang, day=day_label(a.date(), lang), start=f"{a:%H:%M}",
                 end=f"{b:%H:%M}")  # fmt: skip

    def asked(self, request: RoomRequest, lang: str) -> str:
        """What was asked for, so that a misread request shows at once:
        "13 Personen · Video · Di, 08.12., 10:00–11:00 Uhr"."""
        people = "rooms.asked.person" if request.attendees == 1 else "rooms.asked.people"
        parts = [t(people, lang, count=request.attendees)]
        parts += [t(f"rooms.feature.{f}", lang) for f in request.features]
        return " · ".join([*parts, self.when(request.start, request.end, lang)])

    def event_subject(self, request: RoomRequest, lang: str) -> str:
        """The subject of the booked calendar event."""
        return t("rooms.event.subject", lang, name=request.requester_name)

    def cancellation_comment(self, lang: str) -> str:
        """The comment sent with the cancellation of a booked event."""
        return t("rooms.event.cancelled", lang)

    def cancel_refused_card(self, request: RoomRequest, lang: str) -> dict[str, Any]:
        """The event Graph would not cancel still stands: cancel it in Outlook."""
        title = text(t("rooms.cancel_refused.title", lang), weight="Bolder", color="Attention")
        what = self.asked(request, lang)
        return card([title, text(t("rooms.error.cancel_refused", lang) + f" ({what})")])

    def left_in_outlook_card(
        self, request: RoomRequest, rooms: Mapping[str, Room], lang: str
    ) -> dict[str, Any]:
        """A booking of an erased person stands in Outlook: the room, the time, what to do."""
        mailbox = request.room or ""
        room = rooms.get(mailbox.lower())
        name = room.display_name if room else mailbox
        when = self.when(request.start, request.end, lang)
        title = text(t("rooms.erased_left.title", lang), weight="Bolder", color="Attention")
        return card([title, text(t("rooms.erased_left.text", lang, room=name, when=when))])

    def _cancel_button(self, request: RoomRequest, lang: str, view: str) -> dict[str, Any]:
        """ "Stornieren" opens a confirmation inside the card; only "Ja, stornieren" acts."""
        data = {"request_id": request.id, "view": view}
        confirm = execute(t("rooms.button.cancel_confirm", lang), "rooms.cancel", data,
                          style="destructive")  # fmt: skip
        question = text(t("rooms.cancel.question", lang, what=self.asked(request, lang)))
        inner = {"type": "AdaptiveCard", "body": [question], "actions": [confirm]}
        return {"type": "Action.ShowCard", "title": t("rooms.button.cancel", lang), "card": inner}

    def form_card(
        self, lang: str, parsed: RoomRequestParse | None = None, note: str | None = None
    ) -> dict[str, Any]:
        """The request form, prefilled with what was understood."""
        start = parsed.start.astimezone(self.zone) if parsed and parsed.start else None
        end = parsed.end.astimezone(self.zone) if parsed and parsed.end else None
        day = parsed.day if parsed and parsed.day else (start.date() if start else None)
        body: list[dict[str, Any]] = [
            text(t("rooms.form.title", lang), weight="Bolder", size="Medium"),
            {"type": "Input.Date", "id": "day", "label": t("rooms.form.day", lang),
             "isRequired": True, "errorMessage": t("rooms.form.required", lang),
             **({"value": day.isoformat()} if day else {})},
            {"type": "Input.Time", "id": "start", "label": t("rooms.form.start", lang),
             "isRequired": True, "errorMessage": t("rooms.form.required", lang),
             **({"value": f"{start:%H:%M}"} if start else {})},
            {"type": "Input.Time", "id": "end", "label": t("rooms.form.end", lang),
             "isRequired": True, "errorMessage": t("rooms.form.required", lang),
             **({"value": f"{end:%H:%M}"} if end else {})},
            {"type": "Input.Number", "id": "attendees", "label": t("rooms.form.attendees", lang),
             "min": 1, "max": 500, "isRequired": True,
             "errorMessage": t("rooms.form.required", lang),
             **({"value": parsed.attendees} if parsed and parsed.attendees else {})},
            {"type": "Input.ChoiceSet", "id": "features", "isMultiSelect": True,
             "label": t("rooms.form.features", lang),
             "choices": [{"title": t(f"rooms.feature.{f}", lang), "value": f} for f in FEATURES],
             **({"value": ",".join(sorted(parsed.features))} if parsed and parsed.features
                else {})},
            {"type": "Input.Text", "id": "reason", "label": t("rooms.form.reason", lang),
             "maxLength": 500},
        ]  # fmt: skip
        if note:
            body.insert(1, text(note, color="Attention", weight="Bolder"))
        return card(body, [execute(t("rooms.form.search", lang), "rooms.search", {})])

    def offers_card(
        self,
        request: RoomRequest,
        rooms: Sequence[Room],
        lang: str,
        *,
        elsewhere: bool = False,
        hint: str | None = None,
    ) -> dict[str, Any]:
        """The free rooms to pick from (restricted ones and another site's marked)."""
        body = [
            text(t("rooms.offers.title", lang), weight="Bolder", size="Medium"),
            text(self.asked(request, lang), spacing="Small"),
        ]
        if hint:
            body.append(text(hint, color="Attention", weight="Bolder"))
        if elsewhere:
            body.append(text(t("rooms.offers.elsewhere", lang), color="Attention"))
        actions = []
        for room in rooms:
            restricted = room.email.lower() in self.restricted
            line = _room_line(room, room.email, lang, restricted, elsewhere)
            body.append(text(line, separator=True))
            title = t("rooms.offers.take", lang, room=room.display_name)
            data = {"request_id": request.id, "room": room.email.lower()}
            actions.append(execute(title, "rooms.choose", data))
        return card(body, actions)

    def status_card(
        self, request: RoomRequest, rooms: Mapping[str, Room], lang: str
    ) -> dict[str, Any]:
        """The requester's view of a request (state, room, time, what happens next)."""
        room = rooms.get(request.room or "")
        body = [
            text(t(f"rooms.state.{request.state.value}", lang), weight="Bolder", size="Medium"),
            text(self.asked(request, lang)),
        ]
        if request.room:
            restricted = request.room in self.restricted
            body.append(text(_room_line(room, request.room, lang, restricted)))
        if request.state is RequestState.FAILED:
            body.append(text(t("rooms.failed.detail", lang), color="Attention"))
        actions = []
        if request.state in CANCELLABLE:
            actions.append(self._cancel_button(request, lang, "status"))
        return card(body, actions)

    def approval_card(
        self, request: RoomRequest, rooms: Mapping[str, Room], names: Mapping[str, str], lang: str
    ) -> dict[str, Any]:
        """An approver's card; once decided it shows who decided, without buttons."""
        room = rooms.get(request.room or "")
        facts = [
            {"title": t("rooms.approval.who", lang), "value": request.requester_name},
            {"title": t("rooms.approval.when", lang),
             "value": self.when(request.start, request.end, lang)},
            {"title": t("rooms.approval.room", lang),
             "value": room.display_name if room else request.room or ""},
            {"title": t("rooms.approval.attendees", lang), "value": str(request.attendees)},
            {"title": t("rooms.approval.why", lang), "value": request.reason or "–"},
        ]  # fmt: skip
        body: list[dict[str, Any]] = [
            text(t("rooms.approval.title", lang), weight="Bolder", size="Medium"),
            {"type": "FactSet", "facts": facts},
        ]
        actions = []
        if request.state is RequestState.PENDING:
            data = {"request_id": request.id, "version": request.version}
            actions = [
                execute(t("rooms.button.approve", lang), "rooms.approve", data, style="positive"),
                execute(t("rooms.button.decline", lang), "rooms.decline", data),
            ]
        else:
            who = names.get(request.decided_by or "", "")
            key = f"rooms.decided.{request.state.value}"
            body.append(text(t(key, lang, name=who), weight="Bolder", color="Accent"))
        return card(body, actions)

    def _list_row(self, request: RoomRequest, rooms: Mapping[str, Room], lang: str,
                  approver: bool) -> dict[str, Any]:  # fmt: skip
        room = rooms.get(request.room or "")
        name = room.display_name if room else request.room
        state = t(f"rooms.state.{request.state.value}", lang)
        asked = self.asked(request, lang)
        line = (
            t("rooms.list.line", lang, room=name, when=asked, state=state)
            if name
            else t("rooms.list.line_no_room", lang, when=asked, state=state)
        )
        if approver:
            line += "  \n" + t("rooms.list.by", lang, name=request.requester_name)
        items: list[dict[str, Any]] = [text(line)]
        verb, data = ("rooms.approve", "rooms.decline"), {"request_id": request.id}
        if approver and request.state is RequestState.PENDING:
            data = {**data, "version": request.version}
            items.append({"type": "ActionSet", "actions": [
                execute(t("rooms.button.approve", lang), verb[0], data),
                execute(t("rooms.button.decline", lang), verb[1], data),
            ]})  # fmt: skip
        elif not approver and request.state in CANCELLABLE:
            items.append(
                {"type": "ActionSet", "actions": [self._cancel_button(request, lang, "list")]}
            )
        return {"type": "Container", "separator": True, "items": items}

    def list_card(
        self,
        title_key: str,
        requests: Sequence[RoomRequest],
        rooms: Mapping[str, Room],
        lang: str,
        *,
        approver: bool,
        start: int = 0,
    ) -> dict[str, Any]:
        """The requester's bookings (with "Stornieren") or an approver's inbox, from request
        ``start`` on, as many as fit in one message, with "Weitere Anfragen" to the next page."""
        body: list[dict[str, Any]] = [text(t(title_key, lang), weight="Bolder", size="Medium")]
        if not requests:
            body.append(text(t("rooms.list.empty", lang)))
        page = page_of([self._list_row(r, rooms, lang, approver) for r in requests], start)
        if page.start != start:
            body.append(text(t("paging.restarted", lang), color="Attention"))
        if page.start > 0 or page.next_start is not None:
            shown = t("rooms.list.range", lang, first=page.start + 1,
                      last=page.start + len(page.rows), total=len(requests))  # fmt: skip
            body.append(text(shown, isSubtle=True, spacing="Small"))
        actions = []
        if page.next_start is not None:
            data = {"view": "inbox" if approver else "mine", "start": page.next_start}
            actions.append(execute(t("rooms.list.more", lang), "rooms.list", data))
        return card([*body, *page.rows], actions)
