"""'Meine Daten' and 'Meine Daten löschen': only in the personal chat, erasure after a confirm."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from bot.conversation import ConversationKind, Reply, Turn
from bot.domain.privacy.service import OFFER_VALIDITY, PrivacyService
from bot.domain.rooms.decisions import RoomDecisions
from bot.domain.rooms.erasure import releases
from bot.domain.urgent import erasure as urgent_erasure
from bot.domain.urgent.decisions import UrgentDecisions
from bot.i18n import t
from cards.privacy import (
    BOOKINGS_CANCELLING,
    URGENT_MEETINGS_CANCELLING,
    confirm_card,
    erased_card,
    export_card,
    notice_card,
)
from dialogs.context import DialogContext
from dialogs.router import Router


@dataclass(frozen=True, slots=True)
class PrivacyDialogServices:
    """Export and erasure; the room decisions free the bookings of a person who erases, the
    urgent decisions cancel the meetings of their unconfirmed urgent calls."""

    privacy: PrivacyService
    room_decisions: RoomDecisions
    urgent_decisions: UrgentDecisions | None = None


PrivacyContext = DialogContext[PrivacyDialogServices]
router: Router[PrivacyDialogServices] = Router(PrivacyDialogServices)


class NoPayload(BaseModel):
    """A button without data."""

    model_config = ConfigDict(extra="forbid")


class ConfirmPayload(BaseModel):
    """The confirmation button: the one-time token of the offer (checked on the server)."""

    model_config = ConfigDict(extra="forbid")

    token: str = Field(min_length=20, max_length=200)


class PagePayload(BaseModel):
    """Which part of a large export to show."""

    model_config = ConfigDict(extra="forbid")

    page: int = Field(ge=0, le=10_000)


def _refusal(turn: Turn) -> Reply | None:
    # Personal data is shown and erased in the 1:1 chat only, never in a channel or group.
    if turn.conversation_kind is not ConversationKind.PERSONAL:
        key = "privacy.personal_only"
    elif not turn.actor.aad_object_id:
        key = "privacy.unknown_person"
    else:
        return None
    if turn.is_card_action:
        return Reply.of_card(notice_card(key, turn.language, good=False), replaces_card=True)
    return Reply.of_text(t(key, turn.language))


def _privacy(ctx: PrivacyContext) -> PrivacyService:
    return ctx.services.privacy


@router.command("meine daten", "my data")
async def my_data(turn: Turn, rest: str, ctx: PrivacyContext) -> Reply:
    """Answer with everything stored about the person: counts per kind and the full JSON."""
    if (refusal := _refusal(turn)) is not None:
        return refusal
    assert turn.actor.aad_object_id is not None
    data = await _privacy(ctx).export(turn.actor.aad_object_id)
    return Reply.of_card(export_card(data, turn.language))


@router.card_action("privacy.export_page", PagePayload)
async def export_page(turn: Turn, payload: PagePayload, ctx: PrivacyContext) -> Reply:
    """Another part of a large export (read again: it shows what is stored now)."""
    if (refusal := _refusal(turn)) is not None:
        return refusal
    assert turn.actor.aad_object_id is not None
    data = await _privacy(ctx).export(turn.actor.aad_object_id)
    return Reply.of_card(export_card(data, turn.language, payload.page), replaces_card=True)


@router.command("meine daten löschen", "meine daten loeschen", "delete my data")
async def erase_request(turn: Turn, rest: str, ctx: PrivacyContext) -> Reply:
    """Ask for confirmation; the card carries a one-time token stored (hashed) on the server."""
    if (refusal := _refusal(turn)) is not None:
        return refusal
    assert turn.actor.aad_object_id is not None
    token = await _privacy(ctx).offer_erasure(turn.actor.aad_object_id)
    minutes = int(OFFER_VALIDITY.total_seconds() // 60)
    card = confirm_card(token, minutes, turn.language)
    return Reply.of_card(card, replaces_card=turn.is_card_action)


@router.card_action("privacy.erase_request", NoPayload)
async def erase_request_button(turn: Turn, payload: NoPayload, ctx: PrivacyContext) -> Reply:
    """The "Meine Daten löschen …" button of the export card."""
    return await erase_request(turn, "", ctx)


@router.card_action("privacy.erase_confirm", ConfirmPayload)
async def erase_confirm(turn: Turn, payload: ConfirmPayload, ctx: PrivacyContext) -> Reply:
    """Erase the clicking person's data if the token is their valid, unused offer."""
    if (refusal := _refusal(turn)) is not None:
        return refusal
    assert turn.actor.aad_object_id is not None
    decisions, urgent = ctx.services.room_decisions, ctx.services.urgent_decisions
    # Stored with the erasure, in its transaction: the bookings are cancelled by jobs once it
    # went through, even if this process dies right after its commit.
    bookings = await releases(decisions, turn.actor.aad_object_id)
    # Read before the erasure (afterwards the calls no longer name the organiser's mailbox)
    # and stored with it: the meetings an attempt may have created are cancelled and the
    # assistants still asked are told it is off, by jobs, also after a crash.
    calls = await urgent_erasure.follow_ups(urgent, turn.actor.aad_object_id) if urgent else []
    then = [*bookings, *calls]
    counts = await _privacy(ctx).erase(turn.actor.aad_object_id, payload.token, then)
    if counts is None and await _privacy(ctx).erased_with(payload.token):
        # The same click again (double click, or Teams delivering it twice): it did erase.
        card = notice_card("privacy.already_erased", turn.language, good=True)
        return Reply.of_card(card, replaces_card=True)
    if counts is None:  # forged, someone else's, withdrawn or expired: nothing was changed
        card = notice_card("privacy.invalid_offer", turn.language, good=False)
        return Reply.of_card(card, replaces_card=True)
    if bookings:
        # Their cancellation runs after this answer: the card says it is under way, not
        # how it ended (should Graph refuse, the room's approvers are asked to do it).
        counts = {**counts, BOOKINGS_CANCELLING: len(bookings)}
    if meetings := urgent_erasure.cancelling(calls):
        # Looked for and cancelled after this answer: the card says it is under way.
        counts = {**counts, URGENT_MEETINGS_CANCELLING: meetings}
    return Reply.of_card(erased_card(counts, turn.language), replaces_card=True)


class CancelPayload(BaseModel):
    """ "Abbrechen": the offer's token (cards sent before it carried one have none)."""

    model_config = ConfigDict(extra="forbid")

    token: str | None = Field(default=None, min_length=20, max_length=200)


@router.card_action("privacy.erase_cancel", CancelPayload)
async def erase_cancel(turn: Turn, payload: CancelPayload, ctx: PrivacyContext) -> Reply:
    """Nothing is erased, and the offer is used up: the card's "Ja" no longer erases."""
    if payload.token is not None:
        await _privacy(ctx).withdraw_erasure(payload.token)
    card = notice_card("privacy.cancelled", turn.language, good=True)
    return Reply.of_card(card, replaces_card=True)
