"""Dringender Termin in the personal chat: the request (text or form), the asker's card,
the assistants' answers, "Einladen" and "Absagen"."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import time

from bot.conversation import ConversationKind, Reply, Turn
from bot.domain.urgent import slots as slot_rules
from bot.domain.urgent.decisions import UrgentDecisions
from bot.domain.urgent.model import UrgentCall, UrgentError
from bot.domain.urgent.parse import UrgentParse, looks_like_urgent_call, names_of, parse_urgent
from bot.domain.urgent.people import Ambiguous
from bot.domain.urgent.service import Asker, UrgentService
from bot.i18n import t
from bot.observability import count
from cards.builders import error_card
from cards.elements import with_note
from cards.urgent import UrgentCards
from dialogs.context import DialogContext
from dialogs.router import Router
from dialogs.stammtisch_forms import top_level_place
from dialogs.urgent_payloads import AnswerAction, CallAction, InviteAction, PickAction, UrgentForm


@dataclass(frozen=True, slots=True)
class UrgentDialogServices:
    """What the urgent call dialogs use: the service, the decisions and the cards."""

    service: UrgentService
    decisions: UrgentDecisions
    cards: UrgentCards


UrgentContext = DialogContext[UrgentDialogServices]
router: Router[UrgentDialogServices] = Router(UrgentDialogServices)
_DEADLINES = {"today": (0, None), "tomorrow_noon": (1, time(12, 0)), "tomorrow": (1, None)}
# The form as the words parse_urgent reads, so that a choice among people of the same name
# ("urgent.pick" carries the text) reads the same request again, deadline included.
_DEADLINE_WORDS = {
    "today": "heute",
    "tomorrow_noon": "bis morgen 12 Uhr",
    "tomorrow": "bis morgen",
}


def _refusal(turn: Turn, error: UrgentError) -> Reply:
    return Reply.of_text(t(f"urgent.error.{error.code}", turn.language, **error.params))


def _asker(turn: Turn) -> Asker:
    if not turn.actor.aad_object_id:
        raise UrgentError("no_user")
    return Asker(turn.actor.aad_object_id, turn.actor.name, turn.tenant_id)


def _urgent_intent(turn: Turn, text: str) -> bool:
    # Everywhere the bot is addressed (in a channel only @mentioned): outside the personal
    # chat the asker is pointed there rather than the words being routed as a question.
    return looks_like_urgent_call(text)


def _elsewhere(turn: Turn) -> Reply | None:
    """Outside the personal chat a pointer to it: the executives' free/busy and the people
    asked are nobody else's business, so nothing is read, posted or sent there."""
    if turn.conversation_kind is ConversationKind.PERSONAL:
        return None
    return Reply.of_text(t("urgent.personal_only", turn.language))


def _once(turn: Turn, verb: str, data: object) -> str:
    """One submit of one card with the same content starts one call: a re-delivery or a
    double click of it carries the same card and data (a corrected form is another key)."""
    digest = hashlib.sha256(repr(data).encode()).hexdigest()[:32]
    return f"{verb}|{(turn.reply_to_id or turn.activity_id)[:200]}|{digest}"


async def _resubmitted(turn: Turn, ctx: UrgentContext) -> Reply:
    """The same submit again: the call it started, as it is now (its card stays the one that
    is updated live), or a note while the first submit is still at work."""
    calls = await ctx.services.service.calls.of_asker(_asker(turn).key)
    if not calls:
        return Reply.of_text(t("urgent.error.resubmitted", turn.language))
    return _card(turn, ctx, calls[0], "urgent.error.resubmitted", good=False)


async def _start(
    turn: Turn,
    ctx: UrgentContext,
    text: str,
    parsed: UrgentParse,
    picks: Mapping[str, str],
    once: str | None = None,
) -> Reply:
    """Check, read free/busy once, post the asker's one card, then ask the assistants."""
    if (elsewhere := _elsewhere(turn)) is not None:
        return elsewhere
    services = ctx.services
    try:
        started = await services.service.start(_asker(turn), parsed, picks, once)
    except UrgentError as error:
        if error.code == "resubmitted":
            return await _resubmitted(turn, ctx)
        return _refusal(turn, error)
    if isinstance(started, Ambiguous):
        card = services.cards.pick_card(
            text, started.name, started.candidates, picks, turn.language
        )
        return Reply.of_card(card)
    count("urgent.requested")
    now = services.service.clock.now()
    card = services.cards.asker_card(
        started, slot_rules.proposal(started, now), turn.language, now
    )
    handle = await services.service.notifier.post_card(top_level_place(turn), card)
    await services.decisions.posted(started.id, handle)
    return Reply()  # the card is posted (and updated live); nothing else to say


@router.intent(_urgent_intent)
@router.command("dringender termin", "dringend", "urgent call", "urgent")
async def request_call(turn: Turn, text: str, ctx: UrgentContext) -> Reply:
    """ "Ich brauche heute noch 30 Minuten mit Dr. Albrecht und Herrn Meyer"; the form when
    the command comes alone; outside the personal chat a pointer to it."""
    if (elsewhere := _elsewhere(turn)) is not None:
        return elsewhere
    if not text.strip():
        return Reply.of_card(ctx.services.cards.form_card(turn.language))
    return await _start(turn, ctx, text, parse_urgent(text), {})


@router.card_action("urgent.form", UrgentForm)
async def form(turn: Turn, data: UrgentForm, ctx: UrgentContext) -> Reply:
    """The submitted form."""
    days_ahead, until = _DEADLINES[data.deadline]
    names = names_of(data.names)
    text = f"{data.minutes} min mit {data.names} {_DEADLINE_WORDS[data.deadline]}"
    parsed = replace(parse_urgent(text), names=names, days_ahead=days_ahead, until=until)
    parsed = replace(parsed, problems=tuple(p for p in parsed.problems if p != "no_names"))
    if not names:
        parsed = replace(parsed, problems=("no_names", *parsed.problems))
    return await _start(turn, ctx, text, parsed, {}, _once(turn, "urgent.form", data))


@router.card_action("urgent.pick", PickAction)
async def pick(turn: Turn, data: PickAction, ctx: UrgentContext) -> Reply:
    """A person chosen for an ambiguous name: the request goes on (checked again)."""
    once = _once(turn, "urgent.pick", data)
    return await _start(turn, ctx, data.text, parse_urgent(data.text), data.picks, once)


def _card(
    turn: Turn, ctx: UrgentContext, call: UrgentCall, note: str, *, good: bool = True
) -> Reply:
    cards, now = ctx.services.cards, ctx.services.service.clock.now()
    built = cards.asker_card(call, slot_rules.proposal(call, now), turn.language, now)
    return Reply.of_card(with_note(built, t(note, turn.language), good=good), replaces_card=True)


async def _refused_invite(
    turn: Turn, ctx: UrgentContext, call_id: int, error: UrgentError
) -> Reply:
    """A refused "Einladen" answers with the asker's card as it is now (its buttons kept,
    the slots still bookable) and the reason on top, not a bare error card in its place."""
    call = await ctx.services.service.calls.get(call_id)
    if call is None or call.asker_key != turn.actor.aad_object_id:
        return Reply.of_card(error_card(turn.language, f"urgent.error.{error.code}"))
    return _card(turn, ctx, call, f"urgent.error.{error.code}", good=False)


@router.card_action("urgent.invite", InviteAction)
async def invite(turn: Turn, data: InviteAction, ctx: UrgentContext) -> Reply:
    """ "Einladen": one Teams meeting with everyone (the asker's click, nobody else's)."""
    try:
        call = await ctx.services.decisions.invite(data.call_id, _asker(turn).key, data.start)
    except UrgentError as error:
        return await _refused_invite(turn, ctx, data.call_id, error)
    count("urgent.booked")
    return _card(turn, ctx, call, "urgent.note.invited")


@router.card_action("urgent.answer", AnswerAction)
async def answer(turn: Turn, data: AnswerAction, ctx: UrgentContext) -> Reply:
    """An assistant's answer; the asker's card shows it at once."""
    services = ctx.services
    free_from = data.free_from if data.yes else None
    if data.yes and free_from is None:
        return Reply.of_card(error_card(turn.language, "urgent.error.forged"))
    try:
        me = _asker(turn).key
        call = await services.decisions.answer(data.call_id, me, data.for_key, free_from)
    except UrgentError as error:
        return Reply.of_card(error_card(turn.language, f"urgent.error.{error.code}"))
    ask = next(a for a in call.asks if a.assistant_key == me and a.for_key == data.for_key)
    built = services.cards.assistant_card(call, ask, turn.language, services.service.clock.now())
    note = t("urgent.note.answered", turn.language)
    return Reply.of_card(with_note(built, note, good=True), replaces_card=True)


@router.card_action("urgent.cancel", CallAction)
async def cancel(turn: Turn, data: CallAction, ctx: UrgentContext) -> Reply:
    """ "Absagen": a booked meeting is cancelled in Graph, the assistants' cards say so."""
    try:
        call = await ctx.services.decisions.cancel(data.call_id, _asker(turn).key)
    except UrgentError as error:
        return Reply.of_card(error_card(turn.language, f"urgent.error.{error.code}"))
    return _card(turn, ctx, call, "urgent.note.cancelled")
