"""The one place where every feature's router is collected."""

from __future__ import annotations

from dialogs import admin as admin_dialog
from dialogs import experts as experts_dialog
from dialogs import help as help_dialog
from dialogs import onboarding as onboarding_dialog
from dialogs import privacy as privacy_dialog
from dialogs import rooms as rooms_dialog
from dialogs import routing as routing_dialog
from dialogs import routing_changes as routing_changes_dialog
from dialogs import shortcuts as shortcuts_dialog
from dialogs import stammtisch as stammtisch_dialog
from dialogs import stammtisch_votes as stammtisch_votes_dialog
from dialogs.router import Router


def build_router() -> Router:
    """Return the router with every feature's commands and card verbs."""
    router = Router()
    router.include(help_dialog.router)
    router.include(shortcuts_dialog.router)
    router.include(admin_dialog.router)
    router.include(experts_dialog.router)
    router.include(stammtisch_dialog.router)
    router.include(stammtisch_votes_dialog.router)
    router.include(rooms_dialog.router)
    router.include(onboarding_dialog.router)
    router.include(privacy_dialog.router)
    router.include(routing_dialog.router)
    router.include(routing_changes_dialog.router)
    return router
