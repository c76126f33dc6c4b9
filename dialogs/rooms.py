"""The room broker in chat: free-text or form requests, offers, approvals, lists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.conversation import Reply, Turn
from bot.domain.rooms.approvals import requester_card_key
from bot.domain.rooms.decisions import RoomDecisions
from bot.domain.rooms.intent import looks_like_room_request
from bot.domain.rooms.model import BrokerError, RequestState, RoomRequest
from bot.domain.rooms.service import Requester, RoomBroker, Wish
from bot.domain.rooms.when import RoomRequestParse, holiday_on
from bot.i18n import t
from bot.observability import count
from cards.builders import error_card
from cards.elements import with_note
from cards.stammtisch_format import day_label
from dialogs.context import DialogContext
from dialogs.rooms_payloads import (
    ChooseAction,
    DecisionAction,
    ListPage,
    RequestAction,
    SearchForm,
)
from dialogs.router import Router
from dialogs.stammtisch_forms import top_level_place


@dataclass(frozen=True, slots=True)
class RoomDialogServices:
    """What the room dialogs use: the broker and the decisions on requests."""

    broker: RoomBroker
    decisions: RoomDecisions


RoomsContext = DialogContext[RoomDialogServices]
router: Router[RoomDialogServices] = Router(RoomDialogServices)
ALL_DAY = (time(8, 0), time(18, 0))  # "ganztägig" means office hours, not midnight to midnight


def _services(ctx: RoomsContext) -> tuple[RoomBroker, RoomDecisions]:
    return ctx.services.broker, ctx.services.decisions


def _requester(turn: Turn) -> Requester:
    if not turn.actor.aad_object_id:
        raise BrokerError("no_user")
    place = top_level_place(turn)
    return Requester(turn.actor.aad_object_id, turn.actor.name[:200], turn.tenant_id, place)


def _refusal(turn: Turn, error: BrokerError) -> Reply:
    return Reply.of_text(t(f"rooms.error.{error.code}", turn.language, **error.params))


def _count_booking(request: RoomRequest) -> None:
    if request.state is RequestState.BOOKED:
        count("rooms.booked")


def _wish_from_parse(
    parsed: RoomRequestParse, zone: ZoneInfo, text: str, now: datetime
) -> Wish | None:
    if parsed.all_day and parsed.day is not None:
        start = datetime.combine(parsed.day, ALL_DAY[0], tzinfo=zone)
        end = datetime.combine(parsed.day, ALL_DAY[1], tzinfo=zone)
        # "heute ganztägig" at 10:00 means the rest of the day, from the next quarter hour.
        quarter = now.replace(second=0, microsecond=0) + timedelta(minutes=-now.minute % 15)
        if start < quarter < end:
            start = quarter.astimezone(zone)
    else:
        start, end = parsed.start, parsed.end  # type: ignore[assignment]
    if start is None or end is None or not parsed.attendees:
        return None
    return Wish(start, end, parsed.attendees, tuple(sorted(parsed.features)), "", text)


def _day_hint(broker: RoomBroker, day: date, lang: str) -> str | None:
    """Sundays and public holidays are asked for by mistake ("morgen" on a Saturday)."""
    label = day_label(day, lang)
    if (holiday := holiday_on(day, broker.holiday_state)) is not None:
        return t("rooms.hint.holiday", lang, day=label, name=holiday)
    return t("rooms.hint.sunday", lang, day=label) if day.weekday() == 6 else None


async def _offer(turn: Turn, broker: RoomBroker, wish: Wish) -> Reply:
    day = wish.start.astimezone(ZoneInfo(broker.time_zone)).date()
    hint = _day_hint(broker, day, turn.language)
    try:
        offers = await broker.search(_requester(turn), wish)
    except BrokerError as error:
        refusal = _refusal(turn, error)
        return Reply.of_text(f"{hint}\n\n{refusal.text}") if hint else refusal
    card = broker.views.offers_card(
        offers.request, offers.rooms, turn.language, elsewhere=offers.elsewhere, hint=hint
    )
    return Reply.of_card(card)


def _room_intent(turn: Turn, text: str) -> bool:
    # A reply inside a channel thread is discussion (or an expert's answer to a question),
    # not a new room request; "raum …" still works there as a command.
    return not turn.in_thread and looks_like_room_request(text)


@router.intent(_room_intent)
@router.command("raum", "room", "raum buchen")
async def request_room(turn: Turn, text: str, ctx: RoomsContext) -> Reply:
    """A free-text request; what is missing is asked back with the prefilled form."""
    try:
        broker, _ = _services(ctx)
    except BrokerError as error:
        return _refusal(turn, error)
    if not text:
        return Reply.of_card(broker.views.form_card(turn.language))
    parsed = broker.understand(text)
    if parsed.problems:
        keys = ", ".join(t(f"rooms.problem.{p}", turn.language) for p in parsed.problems)
        return Reply.of_text(t("rooms.error.understood_but", turn.language, problems=keys))
    wish = _wish_from_parse(parsed, ZoneInfo(broker.time_zone), text, ctx.clock.now())
    if wish is None:
        missing = ", ".join(t(f"rooms.missing.{m}", turn.language) for m in parsed.missing)
        note = t("rooms.form.missing", turn.language, missing=missing) if missing else None
        return Reply.of_card(broker.views.form_card(turn.language, parsed, note))
    return await _offer(turn, broker, wish)


@router.card_action("rooms.search", SearchForm)
async def search(turn: Turn, form: SearchForm, ctx: RoomsContext) -> Reply:
    """The submitted form."""
    try:
        broker, _ = _services(ctx)
        zone = ZoneInfo(broker.time_zone)
        day = datetime.fromisoformat(form.day).date()
        start = datetime.combine(day, time.fromisoformat(form.start), tzinfo=zone)
        end = datetime.combine(day, time.fromisoformat(form.end), tzinfo=zone)
    except ValueError:
        return Reply.of_card(error_card(turn.language, "rooms.error.invalid_date"))
    except BrokerError as error:
        return _refusal(turn, error)
    features = tuple(sorted({f for f in form.features.split(",") if f}))
    wish = Wish(start, end, form.attendees, features, form.reason, form.reason)
    return await _offer(turn, broker, wish)


async def _status(
    turn: Turn, broker: RoomBroker, request: RoomRequest, note: str, *, good: bool = True
) -> Reply:
    card = broker.views.status_card(request, await broker.rooms_by_mail(), turn.language)
    return Reply.of_card(with_note(card, note, good=good), replaces_card=True)


@router.card_action("rooms.choose", ChooseAction)
async def choose(turn: Turn, action: ChooseAction, ctx: RoomsContext) -> Reply:
    """The requester picks a room: booked at once, or sent for approval."""
    try:
        broker, decisions = _services(ctx)
        chosen = await broker.choose(action.request_id, _requester(turn).key, action.room)
        outcome = await decisions.after_choice(chosen)
    except BrokerError as error:
        return _refusal(turn, error)
    _count_booking(outcome)
    if outcome.state is RequestState.BOOKED:
        return await _status(turn, broker, outcome, t("rooms.note.booked", turn.language))
    if outcome.state is RequestState.FAILED:
        failed = t("rooms.note.failed", turn.language)
        return await _status(turn, broker, outcome, failed, good=False)
    if outcome.is_open and turn.reply_to_id:
        # Decided later (approval, or a retried booking): this card then shows the outcome.
        handle = {"reference": dict(turn.reference), "activity_id": turn.reply_to_id}
        key = requester_card_key(outcome.requester_key)
        await broker.requests.record_card(outcome.id, key, handle)
    return await _status(turn, broker, outcome, t("rooms.note.chosen", turn.language))


async def _decide(turn: Turn, action: DecisionAction, ctx: RoomsContext, approve: bool) -> Reply:
    try:
        _, decisions = _services(ctx)
        approver = _requester(turn).key
        decided = await decisions.decide(action.request_id, approver, action.version, approve)
        card = await decisions.approvers.card_for(decided, turn.language)
        _count_booking(decided)
    except BrokerError as error:
        return Reply.of_card(error_card(turn.language, f"rooms.error.{error.code}"))
    note = t("rooms.note.approved" if approve else "rooms.note.declined", turn.language)
    return Reply.of_card(with_note(card, note, good=True), replaces_card=True)


@router.card_action("rooms.approve", DecisionAction)
async def approve(turn: Turn, action: DecisionAction, ctx: RoomsContext) -> Reply:
    """An approver approves (first decision wins)."""
    return await _decide(turn, action, ctx, approve=True)


@router.card_action("rooms.decline", DecisionAction)
async def decline(turn: Turn, action: DecisionAction, ctx: RoomsContext) -> Reply:
    """An approver declines."""
    return await _decide(turn, action, ctx, approve=False)


@router.card_action("rooms.cancel", RequestAction)
async def cancel(turn: Turn, action: RequestAction, ctx: RoomsContext) -> Reply:
    """The requester cancels a request or booking (the Graph event is cancelled too)."""
    try:
        broker, decisions = _services(ctx)
        cancelled = await decisions.cancel(action.request_id, _requester(turn).key)
    except BrokerError as error:
        return Reply.of_card(error_card(turn.language, f"rooms.error.{error.code}"))
    if action.view == "status":
        return await _status(turn, broker, cancelled, t("rooms.note.cancelled", turn.language))
    listed = await _list(turn, ctx, approver=False)
    if listed.card is None:
        return listed
    what = broker.views.asked(cancelled, turn.language)
    note = t("rooms.note.cancelled_one", turn.language, what=what)
    return Reply.of_card(with_note(listed.card, note, good=True), replaces_card=True)


@router.card_action("rooms.list", ListPage)
async def list_page(turn: Turn, page: ListPage, ctx: RoomsContext) -> Reply:
    """A later page of "meine räume" or of the approver's inbox (read again: it is current)."""
    listed = await _list(turn, ctx, approver=page.view == "inbox", start=page.start)
    return Reply.of_card(listed.card, replaces_card=True) if listed.card else listed


async def _list(turn: Turn, ctx: RoomsContext, *, approver: bool, start: int = 0) -> Reply:
    try:
        broker, _ = _services(ctx)
        key = _requester(turn).key
    except BrokerError as error:
        return _refusal(turn, error)
    if approver:
        requests = await broker.requests.pending_for(key)
    else:
        # An offer nobody took is no booking: it lapses, and the offers card is in the chat.
        mine = await broker.requests.of_requester(key, broker.clock.now())
        requests = [request for request in mine if request.room is not None]
    title = "rooms.list.inbox" if approver else "rooms.list.mine"
    rooms = await broker.rooms_by_mail()
    card = broker.views.list_card(
        title, requests, rooms, turn.language, approver=approver, start=start
    )
    return Reply.of_card(card)


@router.command("meine räume", "meine raeume", "meine buchungen", "meine raumanfragen", "my rooms")
async def my_requests(turn: Turn, rest: str, ctx: RoomsContext) -> Reply:
    """The requester's current and upcoming requests, with "Stornieren"."""
    return await _list(turn, ctx, approver=False)


@router.command("raumanfragen", "offene raumanfragen", "room requests")
async def inbox(turn: Turn, rest: str, ctx: RoomsContext) -> Reply:
    """An approver's open requests."""
    return await _list(turn, ctx, approver=True)


@router.command("räume aktualisieren", "raeume aktualisieren", "refresh rooms")
async def refresh_rooms(turn: Turn, rest: str, ctx: RoomsContext) -> Reply:
    """Admins: read the room catalogue from Graph now."""
    if (turn.actor.aad_object_id or "") not in ctx.settings.admin_ids:
        return Reply.of_text(t("rooms.error.not_admin", turn.language))
    try:
        broker, _ = _services(ctx)
        count = await broker.refresh_catalogue()
    except BrokerError as error:
        return _refusal(turn, error)
    return Reply.of_text(t("rooms.reply.refreshed", turn.language, count=count))
