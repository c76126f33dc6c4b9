"""Signing up as a buddy the way people say it (German with and without umlauts, English),
and English guidance naming the English commands."""

from __future__ import annotations

import re

import pytest

from bot.conversation import Actor, ConversationKind, Turn
from bot.i18n.en import MESSAGES as EN
from bot.settings import Settings
from dialogs.context import DialogContext
from dialogs.onboarding import router
from dialogs.registry import build_router
from tests.unit.onboarding.test_onboarding_service import JANA, make_world


def _turn(text: str, locale: str) -> Turn:
    return Turn(
        activity_id="1", conversation_id="a:personal", conversation_kind=ConversationKind.PERSONAL,
        tenant_id="t", actor=Actor(id="29:j", aad_object_id=JANA, name="Jana Becker"),
        locale=locale, text=text,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "locale", "said"),
    [
        ("Ich werde gerne Buddy!", "de-DE", "als Buddy gemeldet"),
        ("ich möchte gern Buddy werden", "de-DE", "als Buddy gemeldet"),
        ("Ich moechte Buddy werden.", "de-DE", "als Buddy gemeldet"),
        ("Ich wäre gerne Buddy", "de-DE", "als Buddy gemeldet"),
        ("I'd like to be a buddy", "en-US", "buddy volunteer"),
        ("I’d like to become a buddy!", "en-US", "buddy volunteer"),
        ("I want to be a buddy", "en-US", "buddy volunteer"),
    ],
)
async def test_the_usual_wordings_sign_up_as_a_buddy(text: str, locale: str, said: str) -> None:
    world = make_world()
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    dialogs = router.bind(DialogContext(settings, world.clock, world.service))
    reply = await dialogs.dispatch(_turn(text, locale))
    assert reply.text is not None and said in reply.text
    profile = await world.service.repo.get_volunteer(JANA)
    assert profile is not None and not profile.stopped


GERMAN_ONLY = ("ich werde gern buddy", "buddy stopp", "buddy pause bis", "stammtisch neu",
               "stammtisch ergebnis", "kaffee roulette", "„")  # fmt: skip
FEATURES = ("onboarding.", "stammtisch.", "roulette.", "help.stammtisch", "help.buddy")


def test_english_guidance_names_english_commands_the_bot_understands() -> None:
    commands = build_router()
    for key, text in EN.items():
        if not key.startswith(FEATURES):
            continue
        assert not any(german in text for german in GERMAN_ONLY), key
        for quoted in re.findall(r"“([^”]+)”", text):
            first = quoted.split()[0]
            if first in ("become", "buddy", "stammtisch", "coffee"):
                # "buddy pause until 31.12." is the command "buddy pause" with its date.
                words = quoted.split()
                assert any(
                    commands.understands(" ".join(words[:n])) for n in range(len(words), 0, -1)
                ), (key, quoted)
