"""Buddy onboarding in chat: newcomers (from the Teams layer), volunteers, check-ins, admins."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from bot.conversation import ConversationKind, Reply, Turn
from bot.domain.onboarding.model import OnboardingError, OnboardingState
from bot.domain.onboarding.service import OnboardingService
from bot.i18n import t
from bot.i18n.formats import full_date
from cards.builders import error_card
from cards.onboarding import VOLUNTEER_DATASET, OnboardingCards
from dialogs.context import DialogContext
from dialogs.onboarding_payloads import AssignAction, CheckInAction, OnboardingAction, OverviewPage
from dialogs.router import Router
from dialogs.search import Choice, SearchQuery, matches, page

OnboardingContext = DialogContext[OnboardingService]
router: Router[OnboardingService] = Router(OnboardingService)
_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})?")


@dataclass(frozen=True, slots=True)
class JoinedMember:
    """A person added to a team, as the Teams layer resolved them."""

    key: str  # Entra object id
    name: str
    tenant_id: str | None
    teams_id: str = ""


async def members_joined(service: OnboardingService, members: list[JoinedMember]) -> int:
    """Start onboarding for each newcomer (once per person); returns how many started."""
    started = 0
    for member in members:
        if member.key and await service.member_joined(
            member.key, member.name, member.tenant_id, "team"
        ):
            started += 1
    return started


def _service(ctx: OnboardingContext, turn: Turn) -> tuple[OnboardingService, str]:
    if not turn.actor.aad_object_id:
        raise OnboardingError("no_user")
    return ctx.services, turn.actor.aad_object_id


def _refused(turn: Turn, error: OnboardingError, card: bool) -> Reply:
    key = f"onboarding.error.{error.code}"
    return (
        Reply.of_card(error_card(turn.language, key))
        if card
        else Reply.of_text(t(key, turn.language))
    )


@router.card_action("onboarding.opt_out", OnboardingAction)
async def opt_out(turn: Turn, action: OnboardingAction, ctx: OnboardingContext) -> Reply:
    """The newcomer declines the buddy."""
    try:
        service, me = _service(ctx, turn)
        await service.opt_out(action.onboarding_id, me)
    except OnboardingError as error:
        return _refused(turn, error, card=True)
    return Reply.of_text(t("onboarding.note.opted_out", turn.language))


@router.card_action("onboarding.assign", AssignAction)
async def assign(turn: Turn, action: AssignAction, ctx: OnboardingContext) -> Reply:
    """An admin picks or overrides the buddy."""
    try:
        service, me = _service(ctx, turn)
        assignment = await service.admin_assign(action.onboarding_id, me, action.buddy_key)
    except OnboardingError as error:
        return _refused(turn, error, card=True)
    paired = assignment.onboarding
    if not assignment.changed:  # nothing was sent: say so rather than "both are informed"
        names = {"buddy": paired.buddy_name, "name": paired.newcomer_name}
        return Reply.of_text(t("onboarding.note.already_buddy", turn.language, **names))
    return Reply.of_text(t("onboarding.note.assigned", turn.language, buddy=paired.buddy_name))


@router.card_action("onboarding.check_in", CheckInAction)
async def check_in(turn: Turn, action: CheckInAction, ctx: OnboardingContext) -> Reply:
    """ "Haben Sie sich getroffen?" answered."""
    try:
        service, me = _service(ctx, turn)
        await service.answer_check_in(action.onboarding_id, action.days, me, action.answer)
    except OnboardingError as error:
        return _refused(turn, error, card=True)
    key = (
        "onboarding.note.check_in_help" if action.answer == "hilfe" else "onboarding.note.check_in"
    )
    return Reply.of_text(t(key, turn.language))


# How people say it: "Ich werde gerne Buddy!", "Ich möchte Buddy werden", "I'd like to be a
# buddy" ("!" and the apostrophe are dropped by command_words; umlauts typed or written out).
VOLUNTEER_PHRASES = (
    "ich werde gern buddy",
    "ich werde gerne buddy",
    "ich werde buddy",
    "buddy werden",
    *(
        f"ich {want} {gladly}buddy werden"
        for want in ("möchte", "moechte", "würde", "wuerde", "will")
        for gladly in ("", "gern ", "gerne ")
    ),
    *(
        f"ich {would} {gladly} buddy"
        for would in ("wäre", "waere")
        for gladly in ("gern", "gerne")
    ),
    "become a buddy",
    *(
        f"{who} {verb} a buddy"
        for who in ("i'd like to", "i would like to", "i want to", "i'd love to")
        for verb in ("be", "become")
    ),
    "i'll be a buddy",
    "volunteer as a buddy",
    "volunteer as buddy",
)


@router.command(*VOLUNTEER_PHRASES)
async def volunteer(turn: Turn, rest: str, ctx: OnboardingContext) -> Reply:
    """Opt in as a buddy; a number sets how many newcomers at a time (default 1)."""
    try:
        service, me = _service(ctx, turn)
        digits = re.search(r"[-−–]?\d+", rest)  # "-2" is refused, not read as 2
        capacity = int(digits.group()) if digits else None
        profile = await service.volunteer(me, turn.actor.name, capacity=capacity)
    except OnboardingError as error:
        return _refused(turn, error, card=False)
    return _volunteer_reply(turn, profile.capacity)


def _volunteer_reply(turn: Turn, capacity: int) -> Reply:
    key = "onboarding.reply.volunteer.one" if capacity == 1 else "onboarding.reply.volunteer"
    return Reply.of_text(t(key, turn.language, capacity=capacity))


def _pause_until(rest: str, today: date, zone: ZoneInfo) -> datetime:
    match = _DATE.search(rest)
    if match is None:
        raise OnboardingError("pause_date")
    day, month, year = int(match[1]), int(match[2]), int(match[3] or today.year)
    try:
        until = date(year, month, day)
    except ValueError as error:
        raise OnboardingError("pause_date") from error
    if until < today and match[3] is None:
        until = until.replace(year=until.year + 1)  # "31.01." in December means next year
    return datetime.combine(until, time(23, 59), tzinfo=zone)


@router.command("buddy pause", "buddy pause bis")
async def pause(turn: Turn, rest: str, ctx: OnboardingContext) -> Reply:
    """ "buddy pause bis 31.12." – no new newcomers until then."""
    try:
        service, me = _service(ctx, turn)
        zone = ZoneInfo(ctx.settings.time_zone)
        until = _pause_until(rest, ctx.clock.now().astimezone(zone).date(), zone)
        await service.pause(me, until)
    except OnboardingError as error:
        return _refused(turn, error, card=False)
    return Reply.of_text(
        t("onboarding.reply.paused", turn.language, until=full_date(until.date(), turn.language))
    )


@router.command("buddy stopp", "buddy stop")
async def stop(turn: Turn, rest: str, ctx: OnboardingContext) -> Reply:
    """No longer a volunteer."""
    try:
        service, me = _service(ctx, turn)
        await service.stop(me)
    except OnboardingError as error:
        return _refused(turn, error, card=False)
    return Reply.of_text(t("onboarding.reply.stopped", turn.language))


@router.command("willkommen offen", "onboarding status")
async def overview(turn: Turn, rest: str, ctx: OnboardingContext) -> Reply:
    """Admins: recent onboardings and the welcomes not delivered yet."""
    return await _overview(turn, ctx, 0)


@router.card_action("onboarding.overview", OverviewPage)
async def overview_page(turn: Turn, payload: OverviewPage, ctx: OnboardingContext) -> Reply:
    """A later page of the admins' overview (read again: it shows the current state)."""
    reply = await _overview(turn, ctx, payload.start)
    return Reply.of_card(reply.card, replaces_card=True) if reply.card else reply


async def _admin(ctx: OnboardingContext, turn: Turn) -> OnboardingService:
    service, me = _service(ctx, turn)
    if me not in service.policy.admins:
        raise OnboardingError("not_admin")
    return service


@router.search(VOLUNTEER_DATASET)
async def volunteers(turn: Turn, query: SearchQuery, ctx: OnboardingContext) -> list[Choice]:
    """The buddy typeahead of the admins' cards: pickable volunteers whose name has every typed
    word. Others get nothing (the volunteer list is for admins)."""
    try:
        service = await _admin(ctx, turn)
    except OnboardingError:
        return []
    found = (
        Choice(title=v.name, value=v.user_key)
        for v in await service.pickable_volunteers()
        if matches(query.query_text, v.name)
    )
    return page(query, found)


async def _overview(turn: Turn, ctx: OnboardingContext, start: int) -> Reply:
    try:
        service = await _admin(ctx, turn)
        # It names newcomers and how they are doing: personal data, like "meine daten".
        if turn.conversation_kind is not ConversationKind.PERSONAL:
            raise OnboardingError("personal_only")
    except OnboardingError as error:
        return _refused(turn, error, card=False)
    recent = await service.recent_onboardings(30)
    waiting = [
        (o.newcomer_name, t("onboarding.overview.not_yet", turn.language))
        for o in recent
        if o.welcomed_at is None and o.state is not OnboardingState.LEFT
    ]
    active = await service.pickable_volunteers()
    cards = OnboardingCards()
    return Reply.of_card(cards.overview_card(recent, waiting, active, start, turn.language))


@router.command("buddy")
async def buddy_status(turn: Turn, rest: str, ctx: OnboardingContext) -> Reply:
    """Where the writer stands as a buddy volunteer, and the buddy commands."""
    try:
        service, me = _service(ctx, turn)
    except OnboardingError as error:
        return _refused(turn, error, card=False)
    profile = await service.repo.get_volunteer(me)
    if profile is None or profile.stopped:
        return Reply.of_text(t("onboarding.reply.not_volunteer", turn.language))
    if profile.paused_until is not None and profile.paused_until > ctx.clock.now():
        zone = ZoneInfo(ctx.settings.time_zone)
        until = full_date(profile.paused_until.astimezone(zone).date(), turn.language)
        return Reply.of_text(t("onboarding.reply.status_paused", turn.language, until=until))
    return _volunteer_reply(turn, profile.capacity)
