"""Votes on the Stammtisch poll: one click per date, the place wish, the old form, and the
organisers' table of them ("stammtisch ergebnis")."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from bot.conversation import ConversationKind, Reply, Turn
from bot.domain.stammtisch.model import PollError
from bot.domain.stammtisch.poll import Answer
from bot.domain.stammtisch.service import Voter
from bot.i18n import t
from bot.observability import count
from cards.builders import error_card
from dialogs.router import Router
from dialogs.stammtisch import (
    StammtischContext,
    StammtischDialogServices,
    card_reply,
    check_access,
    latest,
    refusal,
    services_of,
)
from dialogs.stammtisch_forms import AnswerAction, PlaceForm, VoteForm

router: Router[StammtischDialogServices] = Router(StammtischDialogServices)


async def _cast(
    turn: Turn,
    ctx: StammtischContext,
    poll_id: int,
    answers: Mapping[date, Answer],
    place: str | None,
) -> Reply:
    """Store a ballot (merged into the member's earlier vote) and show them their own view."""
    actor = turn.actor
    try:
        if not actor.aad_object_id:
            raise PollError("no_user")
        service, _ = services_of(ctx)
        voter = Voter(actor.aad_object_id, actor.name[:200] or "?", actor.id)
        await check_access(turn, ctx, poll_id)
        poll, _ = await service.vote(poll_id, voter, answers, place)
    except PollError as error:
        if error.code == "not_member":  # an outsider sees nothing of the poll
            return Reply.of_card(error_card(turn.language, "stammtisch.error.not_member"))
        note = t(f"stammtisch.error.{error.code}", turn.language)
        return await card_reply(turn, ctx, poll_id, note, good=False)
    count("stammtisch.votes")
    note = t("stammtisch.note.voted", turn.language)
    return await card_reply(turn, ctx, poll_id, note, poll=poll)


@router.card_action("stammtisch.answer", AnswerAction)
async def answer(turn: Turn, action: AnswerAction, ctx: StammtischContext) -> Reply:
    """One click on Ja / Vielleicht / Nein of one date; the other dates keep their answer."""
    return await _cast(turn, ctx, action.poll_id, {action.day: action.answer}, None)


@router.card_action("stammtisch.place", PlaceForm)
async def place(turn: Turn, form: PlaceForm, ctx: StammtischContext) -> Reply:
    """ "Ort speichern": the place wish alone (it amends an earlier vote)."""
    return await _cast(turn, ctx, form.poll_id, {}, form.place)


@router.card_action("stammtisch.vote", VoteForm)
async def vote(turn: Turn, form: VoteForm, ctx: StammtischContext) -> Reply:
    """ "Abstimmen" of cards posted before the one-click buttons: dates left empty keep
    their earlier answer."""
    return await _cast(turn, ctx, form.poll_id, form.answers(), form.place)


@router.command("stammtisch ergebnis", "stammtisch export", "stammtisch results")
async def results(turn: Turn, rest: str, ctx: StammtischContext) -> Reply:
    """Organisers: the current poll's votes and non-voters as a table, sent personally."""
    service, lifecycle = services_of(ctx)
    if turn.conversation_kind is ConversationKind.PERSONAL:
        # Polls belong to a channel or group chat, and which one is meant is not known here:
        # an organiser is told where to ask (the table then comes here), a member where the
        # poll and its result are.
        organiser = service.may_organise(turn.actor.aad_object_id or "")
        key = "results_in_channel" if organiser else "results_members"
        return Reply.of_text(t(f"stammtisch.reply.{key}", turn.language))
    try:
        poll = await latest(turn, ctx)
        table = await lifecycle.export(poll.id, turn.actor.aad_object_id or "")
    except PollError as error:
        return refusal(turn, error)
    # Who voted what (and who did not) is for the organiser, not for the whole channel.
    notifier = lifecycle.service.notifier
    if await notifier.send_direct(turn.actor.aad_object_id or "", table, turn.tenant_id):
        return Reply.of_text(t("stammtisch.reply.export_sent", turn.language))
    return Reply.of_text(t("stammtisch.reply.export_undeliverable", turn.language))
