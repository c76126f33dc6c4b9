"""Small talk through the routing dialogs: a greeting is welcomed, thanks get "Sehr gern", a
plea without a topic is asked what it is about, and small talk naming a department stays small
talk (nobody is asked)."""

from __future__ import annotations

import pytest

from bot.conversation import Actor, ConversationKind, Turn
from bot.domain.routing.smalltalk import is_greeting
from bot.settings import Settings
from dialogs.context import DialogContext
from dialogs.routing import router
from tests.unit.routing.test_routing_service import ASKER, make_world


def _turn(text: str, locale: str = "de-DE") -> Turn:
    return Turn(
        activity_id="1", conversation_id="a:personal", conversation_kind=ConversationKind.PERSONAL,
        tenant_id="t", actor=Actor(id="29:a", aad_object_id=ASKER, name="Katharina Albrecht"),
        locale=locale, text=text,
    )  # fmt: skip


async def _reply(text: str, locale: str = "de-DE") -> str:
    world = await make_world()
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    dialogs = router.bind(DialogContext(settings, world.clock, world.service))
    reply = await dialogs.dispatch(_turn(text, locale))
    assert reply.text is not None
    return reply.text


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("hallo", "de-DE", "Hallo! Schreiben Sie mir Ihre Frage – oder „hilfe“"),
        ("Guten Morgen zusammen!", "de-DE", "Hallo! Schreiben Sie mir Ihre Frage"),
        ("Moin 👋", "de-DE", "Hallo! Schreiben Sie mir Ihre Frage"),
        ("hello", "en-US", "Hello! Write me your question – or “help”"),
        ("Danke!", "de-DE", "Sehr gern!"),
        ("Hallo und danke für die schnelle Hilfe!", "de-DE", "Sehr gern!"),
        ("Danke an die Hygiene für die schnelle Hilfe!", "de-DE", "Sehr gern!"),
        ("Thanks a lot!", "en-US", "You're welcome!"),
        # A plea without a topic is asked what it is about, not thanked back.
        ("Kann mir jemand helfen?", "de-DE", "Gern! Worum geht es denn?"),
        ("Hallo, ich habe eine Frage", "de-DE", "Gern! Worum geht es denn?"),
        ("Ich brauche Hilfe!", "de-DE", "Gern! Worum geht es denn?"),
        ("Can someone help me?", "en-US", "Happy to help! What is it about?"),
        ("Danke, wer sonst noch?", "de-DE", "Sehr gern!"),
    ],
)
async def test_greetings_are_welcomed_and_thanks_get_you_are_welcome(
    text: str, locale: str, expected: str
) -> None:
    answer = await _reply(text, locale)
    assert answer.startswith(expected), answer


def test_a_greeting_thanks_nobody() -> None:
    assert is_greeting("Grüß Gott") and is_greeting("Good morning, everyone")
    assert not is_greeting("Vielen Dank, hallo Team") and not is_greeting("Schönes Wochenende")
