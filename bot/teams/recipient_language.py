"""The language a person reads the bot in: their Teams client's, else their profile's."""

from __future__ import annotations

from bot.domain.ports import ConversationReferences, Directory
from bot.i18n import language_of


class TeamsRecipientLanguages:
    """Resolves a recipient's language for messages they did not ask for (approvals,
    reminders, outcomes decided by someone else).

    In order: the deployment's pinned language (``BOT_LANGUAGE`` de/en); the locale of the
    person's latest activity with the bot (Teams sends the client's UI language with each
    one, and it is kept in the stored conversation reference); the preferred language of
    their Entra profile (someone who never wrote to the bot); the default.
    """

    def __init__(
        self,
        references: ConversationReferences,
        directory: Directory,
        *,
        pinned: str | None,
        default: str = "de",
    ) -> None:
        self._references, self._directory = references, directory
        self._pinned, self._default = pinned, default

    async def language_of(self, user_key: str) -> str:
        """``de`` or ``en`` for the person with this Entra object id."""
        if self._pinned:
            return self._pinned
        # A chat the bot opened itself carries no locale until the person writes there.
        for find in (self._references.personal_for_user, self._references.any_for_user):
            stored = await find(user_key)
            locale = stored.reference.get("locale") if stored else None
            if isinstance(locale, str) and locale:
                return language_of(locale, self._default)
        person = await self._directory.get_person(user_key)
        return language_of(person.preferred_language if person else None, self._default)
