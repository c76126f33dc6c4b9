"""Kaffee- und Mittags-Roulette in chat: opt in/out, preferences, and the cards' buttons."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from bot.conversation import ConversationKind, Reply, Turn
from bot.domain.roulette.model import RouletteError
from bot.domain.roulette.service import RouletteService
from bot.i18n import t
from cards.builders import error_card
from cards.elements import with_note
from cards.roulette import next_round_card, preferences_card
from dialogs.context import DialogContext
from dialogs.payload_types import RowId
from dialogs.router import Router

RouletteContext = DialogContext[RouletteService]
router: Router[RouletteService] = Router(RouletteService)


class NoPayload(BaseModel):
    """Join / off: who acts comes from the activity, nothing else travels."""

    model_config = ConfigDict(extra="ignore")


class PreferencesAction(BaseModel):
    """The preferences form: formats as the multi-select sends them ("coffee,lunch")."""

    model_config = ConfigDict(extra="ignore")

    formats: str = Field(default="", max_length=100)
    scope: str = Field(default="", max_length=20)


class OtherSlotAction(BaseModel):
    """ "Passt nicht – anderer Vorschlag": the group and the suggestion the card shows."""

    model_config = ConfigDict(extra="ignore")

    group_id: RowId
    index: int = Field(ge=0, le=20)


class MetAction(BaseModel):
    """The follow-up's answer."""

    model_config = ConfigDict(extra="ignore")

    group_id: RowId
    met: bool


def _me(turn: Turn) -> str:
    if not turn.actor.aad_object_id:
        raise RouletteError("no_user")
    return turn.actor.aad_object_id


def _refused(turn: Turn, error: RouletteError, *, card: bool) -> Reply:
    key = f"roulette.error.{error.code}"
    if card:
        return Reply.of_card(error_card(turn.language, key))
    return Reply.of_text(t(key, turn.language))


def _personal(turn: Turn) -> bool:
    return turn.conversation_kind is ConversationKind.PERSONAL


async def _join(turn: Turn, ctx: RouletteContext) -> Reply:
    me = _me(turn)
    joined = await ctx.services.opt_in(me, turn.actor.name, turn.tenant_id)
    card = preferences_card(joined, ctx.settings.roulette_interval_weeks, turn.language)
    return Reply.of_card(with_note(card, t("roulette.note.on", turn.language), good=True))


# The roulette's names as people type them: "Kaffee-Roulette", "Kaffeeroulette", "coffee roulette",
# and those of its title ("Kaffee- und Mittags-Roulette", "Coffee and lunch roulette") and
# parts of it ("Mittagsroulette", "lunch roulette", "roulette").
_BOTH = ("roulette", "lunch roulette", "lunch-roulette", "lunchroulette")
_GERMAN_NAMES = (
    "kaffee roulette", "kaffee-roulette", "kaffeeroulette", "mittags roulette",
    "mittags-roulette", "mittagsroulette", "kaffee- und mittags-roulette",
    "kaffee und mittags roulette", "kaffee- und mittagsroulette", *_BOTH,
)  # fmt: skip
_ENGLISH_NAMES = (
    "coffee roulette", "coffee-roulette", "coffeeroulette", "coffee and lunch roulette",
    "coffee and lunch-roulette", *_BOTH,
)  # fmt: skip


def _phrases(german: tuple[str, ...], english: tuple[str, ...]) -> tuple[str, ...]:
    """Each name, alone (no words given) or followed by one of its language's words."""

    def said(names: tuple[str, ...], words: tuple[str, ...]) -> list[str]:
        return [f"{name} {word}" for name in names for word in words] if words else list(names)

    return (*said(_GERMAN_NAMES, german), *said(_ENGLISH_NAMES, english))


@router.command(*_phrases(("an", "ein", "mitmachen", "starten"), ("on", "join")))
async def turn_on(turn: Turn, rest: str, ctx: RouletteContext) -> Reply:
    """Opt in; the preferences card shows what is set."""
    if not _personal(turn):
        return Reply.of_text(t("roulette.personal_only", turn.language))
    try:
        return await _join(turn, ctx)
    except RouletteError as error:
        return _refused(turn, error, card=False)


@router.command(*_phrases(("aus", "stopp", "beenden"), ("off", "stop", "leave")))
async def turn_off(turn: Turn, rest: str, ctx: RouletteContext) -> Reply:
    """Opt out: no further rounds, preferences deleted."""
    try:
        left = await ctx.services.opt_out(_me(turn))
    except RouletteError as error:
        return _refused(turn, error, card=False)
    key = "roulette.note.off" if left else "roulette.note.was_off"
    return Reply.of_text(t(key, turn.language))


@router.command(*_phrases((), ()))
async def show(turn: Turn, rest: str, ctx: RouletteContext) -> Reply:
    """The current state: the preferences, or an invitation to join."""
    if not _personal(turn):
        return Reply.of_text(t("roulette.personal_only", turn.language))
    try:
        current = await ctx.services.participant(_me(turn))
    except RouletteError as error:
        return _refused(turn, error, card=False)
    weeks = ctx.settings.roulette_interval_weeks
    return Reply.of_card(preferences_card(current, weeks, turn.language))


@router.card_action("roulette.join", NoPayload)
async def join(turn: Turn, action: NoPayload, ctx: RouletteContext) -> Reply:
    """The card's "Mitmachen"."""
    try:
        reply = await _join(turn, ctx)
    except RouletteError as error:
        return _refused(turn, error, card=True)
    return Reply.of_card(reply.card or {}, replaces_card=True)


@router.card_action("roulette.save", PreferencesAction)
async def save(turn: Turn, action: PreferencesAction, ctx: RouletteContext) -> Reply:
    """Store formats and scope."""
    formats = [f.strip() for f in action.formats.split(",") if f.strip()]
    try:
        updated = await ctx.services.set_preferences(_me(turn), formats, action.scope)
    except RouletteError as error:
        return _refused(turn, error, card=True)
    card = preferences_card(updated, ctx.settings.roulette_interval_weeks, turn.language)
    note = t("roulette.note.saved", turn.language)
    return Reply.of_card(with_note(card, note, good=True), replaces_card=True)


@router.card_action("roulette.off", NoPayload)
async def off(turn: Turn, action: NoPayload, ctx: RouletteContext) -> Reply:
    """The card's "Roulette aus"."""
    try:
        left = await ctx.services.opt_out(_me(turn))
    except RouletteError as error:
        return _refused(turn, error, card=True)
    card = preferences_card(None, ctx.settings.roulette_interval_weeks, turn.language)
    note = t("roulette.note.off" if left else "roulette.note.was_off", turn.language)
    return Reply.of_card(with_note(card, note, good=True), replaces_card=True)


@router.card_action("roulette.other", OtherSlotAction)
async def other_slot(turn: Turn, action: OtherSlotAction, ctx: RouletteContext) -> Reply:
    """The next common free time; stale or foreign cards are refused and change nothing."""
    service = ctx.services
    try:
        me = _me(turn)
        group = await service.other_slot(action.group_id, action.index, me)
    except RouletteError as error:
        return _refused(turn, error, card=True)
    card = service.views.intro_card(group, me, await service.mails(group), turn.language)
    note = t("roulette.note.other", turn.language)
    return Reply.of_card(with_note(card, note, good=True), replaces_card=True)


@router.card_action("roulette.met", MetAction)
async def met(turn: Turn, action: MetAction, ctx: RouletteContext) -> Reply:
    """The follow-up's answer: counted for the round only; the next round is offered."""
    try:
        await ctx.services.answer_follow_up(action.group_id, _me(turn), action.met)
    except RouletteError as error:
        return _refused(turn, error, card=True)
    return Reply.of_card(next_round_card(action.met, turn.language), replaces_card=True)
