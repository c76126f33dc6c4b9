"""Reaching people the bot shares no team with: install its personal app for them first.

Teams lets a bot open a 1:1 chat only with people who have its app, personally or through a
team. For everybody else (a room requester from anywhere in the company, a newcomer from the
Entra group, an approver configured by id) the app is installed in their personal scope; the
installation's chat is then the conversation to message.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol


class InstallOutcome(StrEnum):
    """What an attempt to install the personal app for one person ended with."""

    INSTALLED = "installed"
    ALREADY_INSTALLED = "already_installed"
    # App permission policy or tenant settings block the app for this person: retrying is
    # pointless until an admin changes the policy.
    FORBIDDEN = "forbidden"
    # No such user (or no Teams for them), or the configured catalogue app does not exist.
    NOT_FOUND = "not_found"
    # Still throttled after the Graph client's own retries: try again later.
    THROTTLED = "throttled"

    @property
    def has_app(self) -> bool:
        """True when the person now has the app, so a DM can reach them."""
        return self in (InstallOutcome.INSTALLED, InstallOutcome.ALREADY_INSTALLED)


class PersonalAppInstaller(Protocol):
    """Installs the bot's own Teams app for a person and finds the resulting 1:1 chat.

    `user_id` is an Entra object id (a UPN works too). Failures other than the outcomes
    above (a server error after retries, a throttled read) propagate as exceptions.
    """

    async def install_for(self, user_id: str) -> InstallOutcome:
        """Install the app in the person's personal scope; idempotent."""
        ...

    async def personal_chat_id(self, user_id: str) -> str | None:
        """The chat id (`19:…@unq.gbl.spaces`) between the person and the bot, or None when the
        app is not installed for them (or the person is unknown)."""
        ...
