"""A recipient's language: pinned, else their Teams client's, else their profile's."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from botbuilder.schema import Activity, ChannelAccount, ConversationAccount

from bot.adapters.clock import ManualClock
from bot.domain.graph_types import AutomaticReplies, Person
from bot.teams.recipient_language import TeamsRecipientLanguages
from bot.teams.references import ReferenceRecorder
from devkit.fakes.memory import InMemoryConversationReferences

NOW = datetime(2027, 3, 1, 8, tzinfo=UTC)


class Profiles:
    """Only the preferred language matters here."""

    def __init__(self, languages: dict[str, str | None]) -> None:
        self._languages = languages

    async def get_person(self, user_id_or_mail: str) -> Person | None:
        if user_id_or_mail not in self._languages:
            return None
        language = self._languages[user_id_or_mail]
        return Person(user_id_or_mail, user_id_or_mail, "", preferred_language=language)

    async def get_manager(self, user_id_or_mail: str) -> Person | None:
        return None

    async def list_group_members(self, group_id: str) -> Sequence[Person]:
        return ()

    async def get_automatic_replies(self, user_id_or_mail: str) -> AutomaticReplies:
        raise NotImplementedError


def _activity(user: str, conversation: str, kind: str, locale: str | None) -> Activity:
    return Activity(
        type="message",
        id="1",
        locale=locale,
        channel_id="msteams",
        service_url="https://smba.example/",
        from_property=ChannelAccount(id=f"29:{user}", aad_object_id=user),
        recipient=ChannelAccount(id="28:bot"),
        conversation=ConversationAccount(id=conversation, conversation_type=kind),
    )


async def test_the_latest_teams_locale_wins_over_the_profile() -> None:
    references = InMemoryConversationReferences()
    recorder = ReferenceRecorder(references, ManualClock(NOW))
    languages = TeamsRecipientLanguages(references, Profiles({"kerstin": "de-DE"}), pinned=None)
    await recorder.remember(_activity("kerstin", "a:kerstin", "personal", "de-DE"))
    assert await languages.language_of("kerstin") == "de"
    # She switches her Teams client to English and writes again in the same chat.
    await recorder.remember(_activity("kerstin", "a:kerstin", "personal", "en-US"))
    assert await languages.language_of("kerstin") == "en"


async def test_a_chat_without_locale_falls_back_to_another_conversation_then_the_profile() -> None:
    references = InMemoryConversationReferences()
    recorder = ReferenceRecorder(references, ManualClock(NOW))
    profiles = Profiles({"birgit": "en-GB", "jana": "de-DE", "nobody": None})
    languages = TeamsRecipientLanguages(references, profiles, pinned=None, default="de")
    # A chat the bot opened itself carries no locale; Birgit wrote in a channel in English.
    await recorder.remember(_activity("birgit", "a:birgit", "personal", None))
    await recorder.remember(_activity("birgit", "19:team@thread", "channel", "en-GB"))
    assert await languages.language_of("birgit") == "en"
    # Never wrote to the bot: the Entra profile's preferred language, then the default.
    cold = TeamsRecipientLanguages(InMemoryConversationReferences(), profiles, pinned=None)
    assert await cold.language_of("birgit") == "en"
    assert await cold.language_of("jana") == "de"
    assert await cold.language_of("nobody") == "de"
    assert await cold.language_of("unknown") == "de"
    english_default = TeamsRecipientLanguages(
        InMemoryConversationReferences(), Profiles({"x": "fr-FR"}), pinned=None, default="en"
    )
    assert await english_default.language_of("x") == "en"  # no French catalogue


async def test_a_pinned_deployment_language_is_everyones() -> None:
    references = InMemoryConversationReferences()
    recorder = ReferenceRecorder(references, ManualClock(NOW))
    await recorder.remember(_activity("kerstin", "a:kerstin", "personal", "en-US"))
    languages = TeamsRecipientLanguages(references, Profiles({}), pinned="de")
    assert await languages.language_of("kerstin") == "de"
