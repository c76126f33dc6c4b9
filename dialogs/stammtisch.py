"""The Stammtisch in chat: start a poll, set the monthly rule, vote, organise."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any

from bot.conversation import ConversationKind, Reply, Turn
from bot.domain.stammtisch.lifecycle import PollLifecycle
from bot.domain.stammtisch.model import Poll, PollError, Rule
from bot.domain.stammtisch.service import StammtischService
from bot.i18n import t
from cards.builders import error_card
from cards.elements import with_note
from cards.stammtisch_format import moment, month_label
from dialogs.context import DialogContext
from dialogs.router import Router
from dialogs.stammtisch_forms import (
    ExportPage,
    PollAction,
    RuleForm,
    passed_note,
    rule_problems,
    top_level_place,
)


@dataclass(frozen=True, slots=True)
class StammtischDialogServices:
    """What the Stammtisch dialogs use: polls and their end (close, extend, cancel)."""

    polls: StammtischService
    lifecycle: PollLifecycle


StammtischContext = DialogContext[StammtischDialogServices]
router: Router[StammtischDialogServices] = Router(StammtischDialogServices)


def _team_key(turn: Turn) -> str:
    return turn.team_id or turn.conversation_without_thread


def services_of(ctx: StammtischContext) -> tuple[StammtischService, PollLifecycle]:
    """The poll service and the lifecycle (shared with the voting dialogs)."""
    return ctx.services.polls, ctx.services.lifecycle


def refusal(turn: Turn, error: PollError) -> Reply:
    return Reply.of_text(t(f"stammtisch.error.{error.code}", turn.language))


async def _rule_for(turn: Turn, service: StammtischService) -> Rule:
    stored = await service.repo.get_rule(_team_key(turn))
    actor = turn.actor
    base = stored or Rule(
        team_key=_team_key(turn),
        place=top_level_place(turn),
        organiser_key=actor.aad_object_id or "",
        organiser_name=actor.name[:200],
        tenant_id=turn.tenant_id,
        language=turn.language,
    )
    # Whoever starts or sets the rule organises from now on; the poll goes where they wrote.
    return replace(
        base,
        place=top_level_place(turn),
        organiser_key=actor.aad_object_id or "",
        organiser_name=actor.name[:200],
        tenant_id=turn.tenant_id or base.tenant_id,
    )


def _in_team(turn: Turn, service: StammtischService) -> PollError | None:
    if turn.conversation_kind is ConversationKind.PERSONAL:
        # Only who may start a poll is told to write "stammtisch neu" in the channel.
        may_start = service.may_organise(turn.actor.aad_object_id or "")
        return PollError("not_here" if may_start else "member_not_here")
    if not turn.actor.aad_object_id:
        return PollError("no_user")
    return None


@router.command("stammtisch neu", "stammtisch new", "stammtisch start")
async def start_poll(turn: Turn, rest: str, ctx: StammtischContext) -> Reply:
    """Start this month's poll by hand (for the following month)."""
    try:
        service, _ = services_of(ctx)
        if (problem := _in_team(turn, service)) is not None:
            raise problem
        if not service.may_organise(turn.actor.aad_object_id or ""):
            raise PollError("not_organiser")
        poll, created = await service.start(await _rule_for(turn, service))
    except PollError as error:
        return refusal(turn, error)
    if created:
        return Reply()  # the poll card was posted by the service
    return Reply.of_text(t("stammtisch.reply.exists", turn.language, month=_month(poll, turn)))


def _month(poll: Poll, turn: Turn) -> str:
    return month_label(poll.month, turn.language)


@router.command("stammtisch regel", "stammtisch rule")
async def show_rule(turn: Turn, rest: str, ctx: StammtischContext) -> Reply:
    """The organiser's rule form."""
    try:
        service, _ = services_of(ctx)
        if (problem := _in_team(turn, service)) is not None:
            raise problem
    except PollError as error:
        return refusal(turn, error)
    stored = await service.repo.get_rule(_team_key(turn))
    return Reply.of_card(service.views.rule_card(stored, turn.language))


@router.card_action("stammtisch.rule", RuleForm)
async def save_rule(turn: Turn, form: RuleForm, ctx: StammtischContext) -> Reply:
    """Store the rule; contradictions come back on the form, nothing is stored."""
    try:
        service, _ = services_of(ctx)
        if (problem := _in_team(turn, service)) is not None:
            raise problem
        problems = rule_problems(form)
        if problems:
            reasons = ", ".join(t(f"stammtisch.rule.problem.{p}", turn.language) for p in problems)
            note = t("stammtisch.error.rule", turn.language, reason=reasons)
            stored = await service.repo.get_rule(_team_key(turn))
            return Reply.of_card(
                service.views.rule_card(stored, turn.language, note), replaces_card=True
            )
        rule = replace(
            await _rule_for(turn, service),
            post_week=form.post_week,
            post_weekday=form.post_weekday,
            deadline_weekday=form.deadline_weekday,
            candidate_weekdays=form.weekday_list(),
            candidate_count=form.count,
            places=form.place_list(),
            active=form.active,
            language=turn.language,
        )
        times = form.times()
        rule = replace(
            rule,
            post_time=times["post_time"],
            deadline_time=times["deadline_time"],
            lunch_start=times["lunch_start"],
            lunch_end=times["lunch_end"],
        )
        due = await service.save_rule(rule)
        passed = await service.passed_posting(rule)
    except PollError as error:
        return refusal(turn, error)
    if not rule.active:
        return Reply.of_text(t("stammtisch.reply.rule_off", turn.language))
    when = moment(due, service.calendar.zone, turn.language)
    saved = t("stammtisch.reply.rule_saved", turn.language, when=when)
    if passed is not None:
        saved += " " + passed_note(*passed, service.calendar.zone, turn.language)
    return Reply.of_text(saved)


async def card_reply(
    turn: Turn,
    ctx: StammtischContext,
    poll_id: int,
    note: str | None,
    good: bool = True,
    poll: Poll | None = None,
) -> Reply:
    """The clicker's own view of the poll (replacing the card they clicked), with a note.

    Only for Universal Actions: a message-borne action (Action.Submit, a mocked activity)
    would replace the shared card for everyone, so it gets the note as text instead.
    """
    if not turn.via_invoke:
        return Reply.of_text(note or t("stammtisch.note.voted", turn.language))
    service, _ = services_of(ctx)
    try:
        card = await service.personal_card(poll_id, turn.actor.aad_object_id or "", poll=poll)
    except PollError:
        return Reply.of_card(error_card(turn.language, "stammtisch.error.unknown"))
    if note:
        card = with_note(card, note, good=good)
    return Reply.of_card(card, replaces_card=True)


@router.card_action("stammtisch.refresh", PollAction)
async def refresh(turn: Turn, action: PollAction, ctx: StammtischContext) -> Reply:
    """Teams asks for a listed member's own view of the card."""
    try:
        await check_access(turn, ctx, action.poll_id)
    except PollError as error:
        return Reply.of_card(error_card(turn.language, f"stammtisch.error.{error.code}"))
    return await card_reply(turn, ctx, action.poll_id, None)


async def check_access(turn: Turn, ctx: StammtischContext, poll_id: int) -> None:
    service, _ = services_of(ctx)
    poll = await service.get(poll_id)
    await service.check_access(poll, turn.actor.aad_object_id or "", _team_key(turn))


OrganiserStep = Callable[[PollLifecycle, int, str], Awaitable[Any]]


async def _organise(
    turn: Turn, ctx: StammtischContext, poll_id: int, step: OrganiserStep, note_key: str
) -> Reply:
    try:
        _, lifecycle = services_of(ctx)
        done = await step(lifecycle, poll_id, turn.actor.aad_object_id or "")
    except PollError as error:
        # Not the vote's "closed": nobody voted (a second close click, an extend too late).
        code = "already_closed" if error.code == "closed" else error.code
        note = t(f"stammtisch.error.{code}", turn.language)
        return await card_reply(turn, ctx, poll_id, note, good=False)
    params = {}
    if isinstance(done, Poll):
        zone = ctx.services.polls.calendar.zone
        params["deadline"] = moment(done.deadline, zone, turn.language)
    return await card_reply(turn, ctx, poll_id, t(note_key, turn.language, **params))


@router.card_action("stammtisch.close", PollAction)
async def close(turn: Turn, action: PollAction, ctx: StammtischContext) -> Reply:
    """Organiser: close now and announce the result."""
    return await _organise(
        turn, ctx, action.poll_id, PollLifecycle.close, "stammtisch.note.closed"
    )


@router.card_action("stammtisch.extend", PollAction)
async def extend(turn: Turn, action: PollAction, ctx: StammtischContext) -> Reply:
    """Organiser: more time to vote; a re-delivered click extends once (its activity id)."""
    click = f"{turn.actor.aad_object_id or ''}|{turn.activity_id[:90]}" if turn.activity_id else ""

    async def step(lifecycle: PollLifecycle, poll_id: int, by: str) -> Poll:
        return await lifecycle.extend(poll_id, by, click)

    return await _organise(turn, ctx, action.poll_id, step, "stammtisch.note.extended")


@router.card_action("stammtisch.cancel", PollAction)
async def cancel(turn: Turn, action: PollAction, ctx: StammtischContext) -> Reply:
    """Organiser: call the Stammtisch off (the invitation is cancelled)."""
    return await _organise(
        turn, ctx, action.poll_id, PollLifecycle.cancel, "stammtisch.note.cancelled"
    )


@router.card_action("stammtisch.export", ExportPage)
async def export(turn: Turn, action: ExportPage, ctx: StammtischContext) -> Reply:
    """Organiser: every vote and the non-voters, as a table card (a page of it)."""
    try:
        _, lifecycle = services_of(ctx)
        await check_access(turn, ctx, action.poll_id)
        table = await lifecycle.export(
            action.poll_id, turn.actor.aad_object_id or "", action.start
        )
    except PollError as error:
        if error.code == "not_member":
            return Reply.of_card(error_card(turn.language, "stammtisch.error.not_member"))
        note = t(f"stammtisch.error.{error.code}", turn.language)
        return await card_reply(turn, ctx, action.poll_id, note, good=False)
    return Reply.of_card(table, replaces_card=turn.via_invoke)


async def latest(turn: Turn, ctx: StammtischContext) -> Poll:
    """The newest poll of the conversation, or the PollError that says where polls are."""
    service, _ = services_of(ctx)
    poll = await service.repo.latest_poll(_team_key(turn))
    if poll is None:
        # Only who may start one here is told "stammtisch neu" (refused to everyone else).
        if turn.conversation_kind is ConversationKind.PERSONAL:
            raise PollError("no_poll_personal")
        key = turn.actor.aad_object_id or ""
        may_start = bool(key) and service.may_organise(key)
        raise PollError("no_poll" if may_start else "no_poll_organisers")
    return poll


@router.command("stammtisch")
async def current(turn: Turn, rest: str, ctx: StammtischContext) -> Reply:
    """The team's current poll, as the writer sees it."""
    try:
        poll = await latest(turn, ctx)
        service, _ = services_of(ctx)
        return Reply.of_card(await service.personal_card(poll.id, turn.actor.aad_object_id or ""))
    except PollError as error:
        return refusal(turn, error)
