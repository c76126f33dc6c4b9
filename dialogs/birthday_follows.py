"""Other people's birthdays in the personal chat: following and unfollowing colleagues (with
the picker when a name matches several) and "Gratulieren" on a reminder."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from bot.conversation import Reply, Turn
from bot.domain.birthdays.model import BirthdayError, Follow
from bot.domain.birthdays.ports import Colleague
from bot.domain.spelling import fold
from bot.domain.urgent.parse import clean_name
from bot.i18n import t
from cards.birthdays import PICK_LIMIT, pick_card
from dialogs.birthdays import (
    BirthdayContext,
    BirthdayDialogServices,
    honestly,
    me_of,
    personal_only,
    refused,
)
from dialogs.router import Router

router: Router[BirthdayDialogServices] = Router(BirthdayDialogServices)


class PickAction(BaseModel):
    """A colleague picked on the disambiguation card (checked against the roster)."""

    model_config = ConfigDict(extra="ignore")

    person_key: str = Field(min_length=1, max_length=200)


class CongratulateAction(PickAction):
    """ "Gratulieren" on a reminder: whose birthday, which day."""

    day: date


@router.command("folge", "follow")
async def follow(turn: Turn, rest: str, ctx: BirthdayContext) -> Reply:
    """ "folge <Name>": one match is followed, several get a picker."""
    if (elsewhere := personal_only(turn)) is not None:
        return elsewhere
    name = rest.strip(" !?,;:")  # "folge Jana Becker!": the sentence's end is no part of it
    wanted = clean_name(name)  # "Frau Schröder" is found as "Schröder"
    if not wanted:
        return Reply.of_text(t("birthdays.name_missing", turn.language))
    try:
        me = me_of(turn)
        named = await ctx.services.service.find(wanted)
        if not (found := [c for c in named if c.key != me[0]]) and named:
            raise BirthdayError("self")  # only themselves: in the network, but not followable
        if not found:
            return Reply.of_text(t("birthdays.nobody_found", turn.language, name=name))
        if len(found) > 1:
            return Reply.of_card(pick_card(name, found, "birthdays.follow", turn.language))
        followed = await ctx.services.service.follow(me[0], me[2], found[0].key)
    except BirthdayError as error:
        return refused(turn, error)
    said = t("birthdays.followed", turn.language, name=followed.name)
    return await honestly(turn, ctx, me[0], said, reminded=True)


@router.command("entfolgen", "nicht mehr folgen", "unfollow")
async def unfollow(turn: Turn, rest: str, ctx: BirthdayContext) -> Reply:
    """ "entfolgen <Name>" among the people one follows."""
    if (elsewhere := personal_only(turn)) is not None:
        return elsewhere
    rest = rest.strip(" !?,;:")  # "entfolgen Jana!": the sentence's end is no part of it
    words = fold(clean_name(rest)).split()  # "Schroeder" is "Schröder", as for "folge"
    try:
        me = me_of(turn)
        mine = await ctx.services.service.following(me[0])
    except BirthdayError as error:
        return refused(turn, error)
    if not words:  # "entfolgen" alone: whom they could unfollow, nothing changes
        return _whom_to_unfollow(turn, mine)
    found = [f for f in mine if all(w in fold(f.followed_name) for w in words)]
    if not found:
        return Reply.of_text(t("birthdays.not_followed", turn.language))
    if len(found) > 1:
        picks = [Colleague(f.followed_key, f.followed_name) for f in found]
        return Reply.of_card(pick_card(rest.strip(), picks, "birthdays.unfollow", turn.language))
    await ctx.services.service.unfollow(me[0], found[0].followed_key)
    return Reply.of_text(t("birthdays.unfollowed", turn.language, name=found[0].followed_name))


def _whom_to_unfollow(turn: Turn, mine: Sequence[Follow]) -> Reply:
    """The people one follows (the first ``PICK_LIMIT``) and how to write "entfolgen"."""
    lang = turn.language
    if not mine:
        return Reply.of_text(t("birthdays.unfollow_nobody", lang))
    names = ", ".join(f.followed_name for f in mine[:PICK_LIMIT])
    if len(mine) > PICK_LIMIT:
        names = t("birthdays.and_more", lang, names=names, more=len(mine) - PICK_LIMIT)
    return Reply.of_text(
        t("birthdays.unfollow_whom", lang, names=names, example=mine[0].followed_name)
    )


@router.card_action("birthdays.follow", PickAction)
async def follow_picked(turn: Turn, action: PickAction, ctx: BirthdayContext) -> Reply:
    """The picker's choice; the key must name a colleague of the network."""
    try:
        me = me_of(turn)
        followed = await ctx.services.service.follow(me[0], me[2], action.person_key)
    except BirthdayError as error:
        return refused(turn, error, card=True)
    said = t("birthdays.followed", turn.language, name=followed.name)
    return await honestly(turn, ctx, me[0], said, reminded=True)


@router.card_action("birthdays.unfollow", PickAction)
async def unfollow_picked(turn: Turn, action: PickAction, ctx: BirthdayContext) -> Reply:
    """The picker's choice among the people one follows."""
    try:
        me = me_of(turn)
    except BirthdayError as error:
        return refused(turn, error, card=True)
    mine = {f.followed_key: f for f in await ctx.services.service.following(me[0])}
    gone = mine.get(action.person_key)
    if gone is None or not await ctx.services.service.unfollow(me[0], action.person_key):
        return Reply.of_text(t("birthdays.not_followed", turn.language))
    return Reply.of_text(t("birthdays.unfollowed", turn.language, name=gone.followed_name))


@router.card_action("birthdays.congratulate", CongratulateAction)
async def congratulate(turn: Turn, action: CongratulateAction, ctx: BirthdayContext) -> Reply:
    """ "Gratulieren": a greeting in the network channel (checked again on the server)."""
    try:
        me = me_of(turn)
        posted = await ctx.services.delivery.congratulate(
            me[0], me[1], action.person_key, action.day
        )
    except BirthdayError as error:
        return refused(turn, error, card=True)
    key = "birthdays.congratulated" if posted else "birthdays.already_congratulated"
    return Reply.of_text(t(key, turn.language))
