"""One's own birthday and jubilee in the personal chat: the date, who may learn it, the jubilee
and network reminders, and the form (following colleagues is in dialogs/birthday_follows.py)."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from bot.conversation import ConversationKind, Reply, Turn
from bot.domain.birthdays.delivery import BirthdayDelivery
from bot.domain.birthdays.model import BirthdayError, BirthdayProfile, DayOfYear, Visibility
from bot.domain.birthdays.parse import read_day_month
from bot.domain.birthdays.service import BirthdayService
from bot.i18n import t
from cards.birthdays import audience, form_card, stored_day
from cards.builders import error_card
from dialogs.context import DialogContext
from dialogs.router import Router


@dataclass(frozen=True, slots=True)
class BirthdayDialogServices:
    """The opt-ins and follows, and the delivery that posts greetings."""

    service: BirthdayService
    delivery: BirthdayDelivery


BirthdayContext = DialogContext[BirthdayDialogServices]
router: Router[BirthdayDialogServices] = Router(BirthdayDialogServices)
_NETWORK = {"netzwerk", "network", "alle", "all", "kanal", "channel"}
_FOLLOWERS = {"folgende", "followers", "follower", "folgenden", "nur folgende"}
_ON, _OFF = {"an", "on", "ein", "ja", "yes"}, {"aus", "off", "nein", "no"}


class SaveForm(BaseModel):
    """The form's inputs; the day is checked against the month in the domain."""

    model_config = ConfigDict(extra="ignore")

    day: int = Field(ge=1, le=31)
    month: int = Field(ge=1, le=12)
    visibility: Visibility = Visibility.FOLLOWERS
    jubilee: bool = False
    remind_network: bool = False


def me_of(turn: Turn) -> tuple[str, str, str | None]:
    """The writer's Entra id, name and tenant; without an Entra id nothing can be kept."""
    if not turn.actor.aad_object_id:
        raise BirthdayError("no_user")
    return turn.actor.aad_object_id, turn.actor.name, turn.tenant_id


def refused(turn: Turn, error: BirthdayError, *, card: bool = False) -> Reply:
    """The domain's refusal in words (on a card click: as an error card)."""
    key = f"birthdays.error.{error.code}"
    if card:
        return Reply.of_card(error_card(turn.language, key))
    return Reply.of_text(t(key, turn.language))


def personal_only(turn: Turn) -> Reply | None:
    """None in the personal chat; elsewhere the answer that this belongs there."""
    if turn.conversation_kind is ConversationKind.PERSONAL:
        return None
    return Reply.of_text(t("birthdays.personal_only", turn.language))


async def _form(turn: Turn, ctx: BirthdayContext) -> Reply:
    key, _, _ = me_of(turn)
    service = ctx.services.service
    profile, lang = await service.repo.get(key), turn.language
    note = None if await service.in_network(key) else t("birthdays.form.not_in_team", lang)
    return Reply.of_card(form_card(profile, await service.following(key), lang, note=note))


async def _form_again(turn: Turn, ctx: BirthdayContext, entered: BirthdayProfile) -> Reply:
    """The form with what was entered (a day the month lacks) and why nothing was stored."""
    lang = turn.language
    assert entered.birthday is not None
    problem = t("birthdays.form.invalid_date", lang, day=stored_day(entered.birthday, lang))
    following = await ctx.services.service.following(entered.user_key)
    return Reply.of_card(form_card(entered, following, lang, problem=problem))


async def _saved(turn: Turn, ctx: BirthdayContext, profile: BirthdayProfile) -> Reply:
    lang = turn.language
    assert profile.birthday is not None
    day = stored_day(profile.birthday, lang)
    saved = t("birthdays.saved", lang, day=day, audience=audience(profile.visibility, lang))
    return await honestly(turn, ctx, profile.user_key, saved)


async def honestly(
    turn: Turn, ctx: BirthdayContext, user_key: str, said: str, *, reminded: bool = False
) -> Reply:
    """``said``, and for whom the bot knows no team with it: that the wish is kept, but that
    nothing is announced (no reminders, no greeting in a team's channel), or with
    ``reminded`` that they are not reminded, until they are in such a team (never in one,
    or left every one)."""
    if await ctx.services.service.in_network(user_key):
        return Reply.of_text(said)
    note = "birthdays.not_in_team_reminded" if reminded else "birthdays.not_in_team"
    return Reply.of_text(f"{said} {t(note, turn.language)}")


@router.command("mein geburtstag", "my birthday", "geburtstage", "birthdays")
async def my_birthday(turn: Turn, rest: str, ctx: BirthdayContext) -> Reply:
    """ "mein geburtstag 14.03." ("03/14" in en-US, "5. Mai") stores it; alone: the form."""
    if (elsewhere := personal_only(turn)) is not None:
        return elsewhere
    try:
        if not rest.strip():
            return await _form(turn, ctx)
        read = read_day_month(rest, turn.locale)
        if read is None:
            raise BirthdayError("unreadable_date")
        day, month = read
        profile = await ctx.services.service.set_birthday(*me_of(turn), day, month)
    except BirthdayError as error:
        return refused(turn, error)
    return await _saved(turn, ctx, profile)


@router.command(
    "mein geburtstag löschen", "mein geburtstag loeschen", "my birthday delete",
    "delete my birthday",
)  # fmt: skip
async def delete_birthday(turn: Turn, rest: str, ctx: BirthdayContext) -> Reply:
    """Forget the birthday."""
    if (elsewhere := personal_only(turn)) is not None:
        return elsewhere
    try:
        deleted = await ctx.services.service.delete_birthday(me_of(turn)[0])
    except BirthdayError as error:
        return refused(turn, error)
    key = "birthdays.deleted" if deleted else "birthdays.nothing_deleted"
    return Reply.of_text(t(key, turn.language))


@router.command("geburtstag sichtbar für", "geburtstag sichtbar fuer", "birthday visible to")
async def visibility(turn: Turn, rest: str, ctx: BirthdayContext) -> Reply:
    """Who may learn the birthday: the network, or only followers."""
    if (elsewhere := personal_only(turn)) is not None:
        return elsewhere
    word = " ".join(rest.casefold().split()).strip(" .!")
    if word not in _NETWORK | _FOLLOWERS:
        return Reply.of_text(t("birthdays.visibility_help", turn.language))
    chosen = Visibility.NETWORK if word in _NETWORK else Visibility.FOLLOWERS
    try:
        profile = await ctx.services.service.set_visibility(*me_of(turn), chosen)
    except BirthdayError as error:
        return refused(turn, error)
    lang = turn.language
    said = t("birthdays.visibility_saved", lang, audience=audience(chosen, lang))
    return await honestly(turn, ctx, profile.user_key, said)


def _switch(rest: str) -> bool | None:
    word = rest.casefold().strip(" .!")
    return True if word in _ON else False if word in _OFF else None


@router.command("dienstjubiläum", "dienstjubilaeum", "service jubilee", "work anniversary")
async def jubilee(turn: Turn, rest: str, ctx: BirthdayContext) -> Reply:
    """ "dienstjubiläum an/aus": the hire date counts only after this opt-in."""
    if (elsewhere := personal_only(turn)) is not None:
        return elsewhere
    on = _switch(rest)
    if on is None:
        return Reply.of_text(t("birthdays.jubilee_help", turn.language))
    try:
        me = me_of(turn)
        await ctx.services.service.set_jubilee(*me, on)
    except BirthdayError as error:
        return refused(turn, error)
    lang = turn.language
    if not on:
        return Reply.of_text(t("birthdays.jubilee_off", lang))
    if not await ctx.services.service.in_network(me[0]):  # kept, but announced to no one
        kept = t("birthdays.jubilee_on_kept", lang)
        return Reply.of_text(f"{kept} {t('birthdays.not_in_team', lang)}")
    if await ctx.services.service.hire_date_missing(me[0]):  # kept, but said honestly
        return Reply.of_text(
            t("birthdays.jubilee_on_kept", lang) + " " + t("birthdays.no_hire_date", lang)
        )
    return Reply.of_text(t("birthdays.jubilee_on", lang))


@router.command(
    "erinnere mich an geburtstage im netzwerk",
    "erinnere mich an geburtstage",
    "remind me of birthdays in the network",
    "remind me of birthdays",
)
async def remind_network(turn: Turn, rest: str, ctx: BirthdayContext) -> Reply:
    """Reminders of every birthday shared with the network."""
    return await _network(turn, ctx, on=True)


@router.command("keine geburtstagserinnerungen", "no birthday reminders")
async def stop_network(turn: Turn, rest: str, ctx: BirthdayContext) -> Reply:
    """No more reminders of network birthdays (follows stay)."""
    return await _network(turn, ctx, on=False)


async def _network(turn: Turn, ctx: BirthdayContext, *, on: bool) -> Reply:
    if (elsewhere := personal_only(turn)) is not None:
        return elsewhere
    try:
        me = me_of(turn)
        await ctx.services.service.set_remind_network(*me, on)
    except BirthdayError as error:
        return refused(turn, error)
    if not on:
        return Reply.of_text(t("birthdays.network_off", turn.language))
    return await honestly(turn, ctx, me[0], t("birthdays.network_on", turn.language),
                           reminded=True)  # fmt: skip


@router.card_action("birthdays.save", SaveForm)
async def save(turn: Turn, form: SaveForm, ctx: BirthdayContext) -> Reply:
    """The form: everything at once; an impossible date (31.02.) stores nothing and shows the
    form again with what was entered."""
    try:
        me = me_of(turn)
    except BirthdayError as error:
        return refused(turn, error, card=True)
    entered = BirthdayProfile(
        me[0], me[1], birthday=DayOfYear(form.day, form.month), visibility=form.visibility,
        jubilee=form.jubilee, remind_network=form.remind_network,
    )  # fmt: skip
    service = ctx.services.service
    before = await service.repo.get(me[0])
    try:
        profile = await service.save_form(me, form.day, form.month, entered)
    except BirthdayError as error:
        if error.code == "invalid_date":
            return await _form_again(turn, ctx, entered)
        return refused(turn, error, card=True)
    saved = await _saved(turn, ctx, profile)
    # The missing hire date is said when the jubilee is switched on, not on every later save
    # that leaves it on (a changed day or visibility): it was said then, and nothing changed.
    switched_on = profile.jubilee and not (before is not None and before.jubilee)
    if switched_on and await service.hire_date_missing(me[0]):
        return Reply.of_text(f"{saved.text} {t('birthdays.no_hire_date', turn.language)}")
    return saved
