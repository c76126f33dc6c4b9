"""Birthdays and jubilees in the personal chat: one's own opt-ins, follows, "Gratulieren"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from bot.conversation import ConversationKind, Reply, Turn
from bot.domain.birthdays.delivery import BirthdayDelivery
from bot.domain.birthdays.model import BirthdayError, BirthdayProfile, Visibility
from bot.domain.birthdays.parse import read_day_month
from bot.domain.birthdays.ports import Colleague
from bot.domain.birthdays.service import BirthdayService
from bot.domain.spelling import fold
from bot.domain.urgent.parse import clean_name
from bot.i18n import t
from cards.birthdays import audience, form_card, pick_card, stored_day
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


class PickAction(BaseModel):
    """A colleague picked on the disambiguation card (checked against the roster)."""

    model_config = ConfigDict(extra="ignore")

    person_key: str = Field(min_length=1, max_length=200)


class CongratulateAction(PickAction):
    """ "Gratulieren" on a reminder: whose birthday, which day."""

    day: date


def _me(turn: Turn) -> tuple[str, str, str | None]:
    if not turn.actor.aad_object_id:
        raise BirthdayError("no_user")
    return turn.actor.aad_object_id, turn.actor.name, turn.tenant_id


def _refused(turn: Turn, error: BirthdayError, *, card: bool = False) -> Reply:
    key = f"birthdays.error.{error.code}"
    if card:
        return Reply.of_card(error_card(turn.language, key))
    return Reply.of_text(t(key, turn.language))


def _personal(turn: Turn) -> Reply | None:
    if turn.conversation_kind is ConversationKind.PERSONAL:
        return None
    return Reply.of_text(t("birthdays.personal_only", turn.language))


async def _form(turn: Turn, ctx: BirthdayContext) -> Reply:
    key, _, _ = _me(turn)
    service = ctx.services.service
    profile = await service.repo.get(key)
    return Reply.of_card(form_card(profile, await service.following(key), turn.language))


def _saved(turn: Turn, profile: BirthdayProfile) -> Reply:
    lang = turn.language
    assert profile.birthday is not None
    day = stored_day(profile.birthday, lang)
    return Reply.of_text(
        t("birthdays.saved", lang, day=day, audience=audience(profile.visibility, lang))
    )


@router.command("mein geburtstag", "my birthday", "geburtstage", "birthdays")
async def my_birthday(turn: Turn, rest: str, ctx: BirthdayContext) -> Reply:
    """ "mein geburtstag 14.03." ("03/14" in en-US, "5. Mai") stores it; alone: the form."""
    if (elsewhere := _personal(turn)) is not None:
        return elsewhere
    try:
        if not rest.strip():
            return await _form(turn, ctx)
        read = read_day_month(rest, turn.locale)
        if read is None:
            raise BirthdayError("unreadable_date")
        day, month = read
        profile = await ctx.services.service.set_birthday(*_me(turn), day, month)
    except BirthdayError as error:
        return _refused(turn, error)
    return _saved(turn, profile)


@router.command(
    "mein geburtstag löschen", "mein geburtstag loeschen", "my birthday delete",
    "delete my birthday",
)  # fmt: skip
async def delete_birthday(turn: Turn, rest: str, ctx: BirthdayContext) -> Reply:
    """Forget the birthday."""
    if (elsewhere := _personal(turn)) is not None:
        return elsewhere
    try:
        deleted = await ctx.services.service.delete_birthday(_me(turn)[0])
    except BirthdayError as error:
        return _refused(turn, error)
    key = "birthdays.deleted" if deleted else "birthdays.nothing_deleted"
    return Reply.of_text(t(key, turn.language))


@router.command("geburtstag sichtbar für", "geburtstag sichtbar fuer", "birthday visible to")
async def visibility(turn: Turn, rest: str, ctx: BirthdayContext) -> Reply:
    """Who may learn the birthday: the network, or only followers."""
    if (elsewhere := _personal(turn)) is not None:
        return elsewhere
    word = " ".join(rest.casefold().split()).strip(" .!")
    if word not in _NETWORK | _FOLLOWERS:
        return Reply.of_text(t("birthdays.visibility_help", turn.language))
    chosen = Visibility.NETWORK if word in _NETWORK else Visibility.FOLLOWERS
    try:
        await ctx.services.service.set_visibility(*_me(turn), chosen)
    except BirthdayError as error:
        return _refused(turn, error)
    lang = turn.language
    return Reply.of_text(t("birthdays.visibility_saved", lang, audience=audience(chosen, lang)))


def _switch(rest: str) -> bool | None:
    word = rest.casefold().strip(" .!")
    return True if word in _ON else False if word in _OFF else None


@router.command("dienstjubiläum", "dienstjubilaeum", "service jubilee", "work anniversary")
async def jubilee(turn: Turn, rest: str, ctx: BirthdayContext) -> Reply:
    """ "dienstjubiläum an/aus": the hire date counts only after this opt-in."""
    if (elsewhere := _personal(turn)) is not None:
        return elsewhere
    on = _switch(rest)
    if on is None:
        return Reply.of_text(t("birthdays.jubilee_help", turn.language))
    try:
        await ctx.services.service.set_jubilee(*_me(turn), on)
    except BirthdayError as error:
        return _refused(turn, error)
    return Reply.of_text(
        t("birthdays.jubilee_on" if on else "birthdays.jubilee_off", turn.language)
    )


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
    if (elsewhere := _personal(turn)) is not None:
        return elsewhere
    try:
        await ctx.services.service.set_remind_network(*_me(turn), on)
    except BirthdayError as error:
        return _refused(turn, error)
    return Reply.of_text(
        t("birthdays.network_on" if on else "birthdays.network_off", turn.language)
    )


@router.card_action("birthdays.save", SaveForm)
async def save(turn: Turn, form: SaveForm, ctx: BirthdayContext) -> Reply:
    """The form: everything at once; an impossible date (31.02.) stores nothing."""
    try:
        me = _me(turn)
        choices = BirthdayProfile(
            me[0], me[1], visibility=form.visibility, jubilee=form.jubilee,
            remind_network=form.remind_network,
        )  # fmt: skip
        profile = await ctx.services.service.save_form(me, form.day, form.month, choices)
    except BirthdayError as error:
        return _refused(turn, error, card=True)
    return _saved(turn, profile)


@router.command("folge", "follow")
async def follow(turn: Turn, rest: str, ctx: BirthdayContext) -> Reply:
    """ "folge <Name>": one match is followed, several get a picker."""
    if (elsewhere := _personal(turn)) is not None:
        return elsewhere
    name = rest.strip(" !?,;:")  # "folge Jana Becker!": the sentence's end is no part of it
    wanted = clean_name(name)  # "Frau Schröder" is found as "Schröder"
    if not wanted:
        return Reply.of_text(t("birthdays.name_missing", turn.language))
    try:
        me = _me(turn)
        named = await ctx.services.service.find(wanted)
        if not (found := [c for c in named if c.key != me[0]]) and named:
            raise BirthdayError("self")  # only themselves: in the network, but not followable
        if not found:
            return Reply.of_text(t("birthdays.nobody_found", turn.language, name=name))
        if len(found) > 1:
            return Reply.of_card(pick_card(name, found, "birthdays.follow", turn.language))
        followed = await ctx.services.service.follow(me[0], me[2], found[0].key)
    except BirthdayError as error:
        return _refused(turn, error)
    return Reply.of_text(t("birthdays.followed", turn.language, name=followed.name))


@router.command("entfolgen", "nicht mehr folgen", "unfollow")
async def unfollow(turn: Turn, rest: str, ctx: BirthdayContext) -> Reply:
    """ "entfolgen <Name>" among the people one follows."""
    if (elsewhere := _personal(turn)) is not None:
        return elsewhere
    rest = rest.strip(" !?,;:")  # "entfolgen Jana!": the sentence's end is no part of it
    words = fold(clean_name(rest)).split()  # "Schroeder" is "Schröder", as for "folge"
    try:
        me = _me(turn)
        mine = await ctx.services.service.following(me[0])
    except BirthdayError as error:
        return _refused(turn, error)
    found = [f for f in mine if words and all(w in fold(f.followed_name) for w in words)]
    if not found:
        return Reply.of_text(t("birthdays.not_followed", turn.language))
    if len(found) > 1:
        picks = [Colleague(f.followed_key, f.followed_name) for f in found]
        return Reply.of_card(pick_card(rest.strip(), picks, "birthdays.unfollow", turn.language))
    await ctx.services.service.unfollow(me[0], found[0].followed_key)
    return Reply.of_text(t("birthdays.unfollowed", turn.language, name=found[0].followed_name))


@router.card_action("birthdays.follow", PickAction)
async def follow_picked(turn: Turn, action: PickAction, ctx: BirthdayContext) -> Reply:
    """The picker's choice; the key must name a colleague of the network."""
    try:
        me = _me(turn)
        followed = await ctx.services.service.follow(me[0], me[2], action.person_key)
    except BirthdayError as error:
        return _refused(turn, error, card=True)
    return Reply.of_text(t("birthdays.followed", turn.language, name=followed.name))


@router.card_action("birthdays.unfollow", PickAction)
async def unfollow_picked(turn: Turn, action: PickAction, ctx: BirthdayContext) -> Reply:
    """The picker's choice among the people one follows."""
    try:
        me = _me(turn)
    except BirthdayError as error:
        return _refused(turn, error, card=True)
    mine = {f.followed_key: f for f in await ctx.services.service.following(me[0])}
    gone = mine.get(action.person_key)
    if gone is None or not await ctx.services.service.unfollow(me[0], action.person_key):
        return Reply.of_text(t("birthdays.not_followed", turn.language))
    return Reply.of_text(t("birthdays.unfollowed", turn.language, name=gone.followed_name))


@router.card_action("birthdays.congratulate", CongratulateAction)
async def congratulate(turn: Turn, action: CongratulateAction, ctx: BirthdayContext) -> Reply:
    """ "Gratulieren": a greeting in the network channel (checked again on the server)."""
    try:
        me = _me(turn)
        posted = await ctx.services.delivery.congratulate(
            me[0], me[1], action.person_key, action.day
        )
    except BirthdayError as error:
        return _refused(turn, error, card=True)
    key = "birthdays.congratulated" if posted else "birthdays.already_congratulated"
    return Reply.of_text(t(key, turn.language))
