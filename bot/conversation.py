"""Framework-free turn and reply types shared by the Teams layer and the dialogs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

# Teams refuses messages over about 28 KB, so no real message text is longer; the router answers
# longer text with a hint instead of routing it (a question that long helps no expert either).
MAX_TEXT_CHARS = 28_000


class ConversationKind(StrEnum):
    """Where a message was written in Teams."""

    PERSONAL = "personal"
    GROUP_CHAT = "groupChat"
    CHANNEL = "channel"


@dataclass(frozen=True, slots=True)
class Actor:
    """The person who caused the turn."""

    id: str
    aad_object_id: str | None
    name: str


@dataclass(frozen=True, slots=True)
class Turn:
    """One incoming user action, already stripped of Teams specifics."""

    activity_id: str
    conversation_id: str
    conversation_kind: ConversationKind
    tenant_id: str | None
    actor: Actor
    locale: str
    text: str = ""
    # The colleagues @mentioned in ``text``: their names stay in it ("Weiß Kerstin Vogel,
    # wie …"), where they are no content of a social message ("Jana Becker danke!").
    mentioned: tuple[str, ...] = ()
    card_verb: str | None = None
    card_data: dict[str, Any] = field(default_factory=dict)
    reply_to_id: str | None = None
    # The message this one quotes (Teams' "Antworten" on a chat message), if any.
    quoted_message_id: str | None = None
    team_id: str | None = None
    channel_id: str | None = None
    # The team's Microsoft 365 group: Teams deep links into a channel need it.
    team_group_id: str | None = None
    # The serialised conversation reference: where proactive follow-ups to this turn go.
    # A Mapping, so that the Teams layer can build it only when a handler reads it.
    reference: Mapping[str, Any] = field(default_factory=dict)
    # Where a new post in this conversation goes (in a channel: a new thread, not a reply);
    # the Teams layer builds it, so that no dialog rewrites a reference.
    top_level_reference: Mapping[str, Any] = field(default_factory=dict)
    # Channel threads as facts, so that no dialog parses a Teams conversation id: the root
    # message of the thread this turn replies in (None for a new post or a chat), and the
    # conversation id without that thread (None when the Teams layer did not say).
    thread_root_id: str | None = None
    channel_conversation_id: str | None = None
    # A Teams link that opens this very message (channel or group chat; the Teams layer builds
    # it): cards point people back to where a question was asked. None in a personal chat.
    message_link: str | None = None
    # True for Universal Actions (invoke): only then does a reply card replace the clicked
    # card for the clicker alone; an Action.Submit reply would replace it for everyone.
    via_invoke: bool = False

    @property
    def is_card_action(self) -> bool:
        """True for Action.Execute / Action.Submit turns."""
        return self.card_verb is not None

    def without_mentioned(self, text: str) -> str:
        """``text`` without the names of the colleagues it @mentions."""
        for name in self.mentioned:
            text = text.replace(name, " ")
        return text

    @property
    def in_thread(self) -> bool:
        """True for a reply inside a channel thread (discussion, or an answer to a question).
        Teams names a new post's own id as its thread root: that post starts the thread."""
        return self.thread_root_id is not None and self.thread_root_id != self.activity_id

    @property
    def conversation_without_thread(self) -> str:
        """The conversation a thread belongs to (the channel); else the conversation itself."""
        return self.channel_conversation_id or self.conversation_id

    @property
    def language(self) -> str:
        """Two-letter language of the turn ("de" unless the locale says English)."""
        return "en" if self.locale.lower().startswith("en") else "de"


@dataclass(frozen=True, slots=True)
class Reply:
    """What a handler answers: plain text, an Adaptive Card, or both."""

    text: str | None = None
    card: dict[str, Any] | None = None
    # Universal Actions: when true the card replaces the card the user clicked on.
    replaces_card: bool = False

    @classmethod
    def of_text(cls, text: str) -> Reply:
        """A plain text reply."""
        return cls(text=text)

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to send (the handler already posted proactively)."""
        return self.text is None and self.card is None

    @classmethod
    def of_card(cls, card: dict[str, Any], *, replaces_card: bool = False) -> Reply:
        """An Adaptive Card reply."""
        return cls(card=card, replaces_card=replaces_card)
