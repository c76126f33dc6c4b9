"""The one place where every feature's dialogs are collected and given their services."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from bot.conversation import Turn
from bot.domain.onboarding.service import OnboardingService
from bot.domain.ports import Clock
from bot.domain.roulette.service import RouletteService
from bot.domain.routing.service import RoutingService
from bot.settings import Settings
from bot.status import StatusService
from dialogs import admin as admin_dialog
from dialogs import birthday_follows as birthday_follows_dialog
from dialogs import birthdays as birthdays_dialog
from dialogs import experts as experts_dialog
from dialogs import help as help_dialog
from dialogs import onboarding as onboarding_dialog
from dialogs import privacy as privacy_dialog
from dialogs import rooms as rooms_dialog
from dialogs import roulette as roulette_dialog
from dialogs import routing as routing_dialog
from dialogs import routing_changes as routing_changes_dialog
from dialogs import routing_replies as routing_replies_dialog
from dialogs import shortcuts as shortcuts_dialog
from dialogs import stammtisch as stammtisch_dialog
from dialogs import stammtisch_votes as stammtisch_votes_dialog
from dialogs import urgent as urgent_dialog
from dialogs import who_knows as who_knows_dialog
from dialogs.context import DialogContext
from dialogs.dispatch import Dialogs
from dialogs.onboarding import JoinedMember
from dialogs.router import Router


@dataclass(frozen=True, slots=True)
class FeatureServices:
    """The services of every feature, as the composition root built them."""

    routing: RoutingService
    experts: experts_dialog.ExpertDialogServices
    stammtisch: stammtisch_dialog.StammtischDialogServices
    rooms: rooms_dialog.RoomDialogServices
    onboarding: OnboardingService
    roulette: RouletteService
    privacy: privacy_dialog.PrivacyDialogServices
    birthdays: birthdays_dialog.BirthdayDialogServices
    status: StatusService
    urgent: urgent_dialog.UrgentDialogServices


# Every feature's router with the services its handlers get (the second argument: the
# dialogs being built, which a help button uses to run another feature's command).
_FEATURES: tuple[tuple[Router[Any], Callable[[FeatureServices, Dialogs], object]], ...] = (
    (help_dialog.router, lambda services, dialogs: None),
    (shortcuts_dialog.router, lambda services, dialogs: dialogs),
    (admin_dialog.router, lambda services, dialogs: services.status),
    (experts_dialog.router, lambda services, dialogs: services.experts),
    (stammtisch_dialog.router, lambda services, dialogs: services.stammtisch),
    (stammtisch_votes_dialog.router, lambda services, dialogs: services.stammtisch),
    (rooms_dialog.router, lambda services, dialogs: services.rooms),
    (urgent_dialog.router, lambda services, dialogs: services.urgent),
    (onboarding_dialog.router, lambda services, dialogs: services.onboarding),
    (roulette_dialog.router, lambda services, dialogs: services.roulette),
    (privacy_dialog.router, lambda services, dialogs: services.privacy),
    (birthdays_dialog.router, lambda services, dialogs: services.birthdays),
    (birthday_follows_dialog.router, lambda services, dialogs: services.birthdays),
    (routing_dialog.router, lambda services, dialogs: services.routing),
    (routing_changes_dialog.router, lambda services, dialogs: services.routing),
    (routing_replies_dialog.router, lambda services, dialogs: services.routing),
)


def build_router() -> Router[Any]:
    """Every feature's commands and card verbs, unbound: what the app understands (for the
    manifest's command list and the checks over all cards)."""
    router: Router[Any] = Router()
    for feature, _ in _FEATURES:
        router.include(feature)
    return router


@dataclass(frozen=True, slots=True)
class BotDialogs:
    """What the Teams layer calls: chat and card dialogs, the "Wer weiß …?" search, and
    newcomers in a team."""

    dialogs: Dialogs
    who_knows: Callable[[Turn, Any], Awaitable[dict[str, Any]]]
    members_joined: Callable[[list[JoinedMember]], Awaitable[int]]


def build_dialogs(settings: Settings, clock: Clock, services: FeatureServices) -> BotDialogs:
    """Each feature's routes bound to exactly its own services (``Router.bind`` refuses the
    wrong ones, so a wiring mistake stops the start)."""
    dialogs = Dialogs()
    for router, services_of in _FEATURES:
        context = DialogContext(settings, clock, services_of(services, dialogs))
        dialogs.include(router.bind(context))
    routing = DialogContext(settings, clock, services.routing)
    return BotDialogs(
        dialogs=dialogs,
        who_knows=partial(who_knows_dialog.answer_query, ctx=routing),
        members_joined=partial(onboarding_dialog.members_joined, services.onboarding),
    )
