"""Who was added to a team: Teams sends only ids in membersAdded, so look the member up."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import structlog
from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsInfo
from botbuilder.schema import Activity

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class Newcomer:
    """The member's Entra id and name, and the activity as if they had written it."""

    key: str
    name: str
    activity: Activity


async def member_account(turn_context: TurnContext, member: Any) -> Any:
    """Resolve a membersAdded entry (GET …/members/{id}): Teams sends no name or Entra id."""
    try:
        return await TeamsInfo.get_member(turn_context, member.id)
    except Exception as error:
        # The roster call can fail (throttling, guest accounts); the id may still carry it.
        log.warning("member_lookup_failed", error=type(error).__name__)
        return member


def newcomer_details(turn_context: TurnContext, member: Any, account: Any) -> Newcomer | None:
    """The newcomer behind a looked-up account; None without an Entra id."""
    key = getattr(account, "aad_object_id", None) or getattr(member, "aad_object_id", None)
    if not key:
        return None
    name = getattr(account, "name", None) or ""
    # A reference whose user is the newcomer: the notifier can open a 1:1 chat from it.
    as_member = copy.copy(turn_context.activity)
    as_member.from_property = account
    # The event's locale is that of whoever's client added them: stored with the newcomer's
    # reference it would outrank their Entra language (the welcome must be in theirs).
    as_member.locale = None
    return Newcomer(str(key), name, as_member)
