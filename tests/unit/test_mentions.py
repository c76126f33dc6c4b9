"""@mentions in the text the dialogs see: the bot's is cut wherever it stands, a colleague's
stays as the name (bot/teams/mentions.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from botbuilder.schema import Activity

from bot.teams.fast_json import model_from_json
from bot.teams.translate import to_turn
from tests.support.activities import BOT_ID, channel_conversation, message

SERVICE = "https://smba.example/emea/"
BOT = {"type": "mention", "text": "<at>Assistenz-Bot</at>", "mentioned": {"id": BOT_ID}}


def _turn(text: str, *entities: dict[str, Any]) -> Any:
    activity = message(SERVICE, text, conversation=channel_conversation())
    activity.update(entities=list(entities))
    context = SimpleNamespace(activity=model_from_json(Activity, activity))
    return to_turn(context)  # type: ignore[arg-type]


def _colleague(name: str, tag: str | None = None) -> dict[str, Any]:
    return {"type": "mention", "text": tag or f"<at>{name}</at>",
            "mentioned": {"id": f"29:{name.lower()}", "name": name}}  # fmt: skip


def test_the_bots_mention_is_cut_wherever_it_stands() -> None:
    kerstin = _colleague("Kerstin Vogel")
    for text in (
        "<at>Assistenz-Bot</at> Weiß <at>Kerstin Vogel</at>, wie das geht?",
        "Weiß <at>Kerstin Vogel</at>, wie das geht? <at>Assistenz-Bot</at>",
        "Weiß <AT>Kerstin Vogel</AT>, <at>Assistenz-Bot</at> wie das geht?",
    ):
        turn = _turn(text, BOT, kerstin)
        assert turn.text == "Weiß Kerstin Vogel, wie das geht?", text
        assert turn.mentioned == ("Kerstin Vogel",)


def test_a_tag_no_colleagues_mention_explains_is_cut() -> None:
    # No entity (an older client), or the same tag text also naming the bot: cut as before.
    assert _turn("<at>Assistenz-Bot</at> hilfe").text == "hilfe"
    twice = _colleague("Assistenz-Bot")
    assert _turn("<at>Assistenz-Bot</at> hilfe", BOT, twice).text == "hilfe"
    # A mention of someone else with a shortened name, and markup in the name.
    birgit = _colleague("Birgit Fischer", "<at>Birgit</at>")
    turn = _turn("<at>Assistenz-Bot</at> Frag <at>Birgit</at> &amp; <at>Tom</at>.", BOT, birgit)
    assert turn.text == "Frag Birgit & ." and turn.mentioned == ("Birgit",)


def test_a_card_click_has_no_text_and_no_mentions() -> None:
    activity = message(SERVICE, "<at>Kerstin Vogel</at>", conversation=channel_conversation())
    activity.update(entities=[_colleague("Kerstin Vogel")], value={"verb": "x"})
    turn = to_turn(SimpleNamespace(activity=model_from_json(Activity, activity)))  # type: ignore[arg-type]
    assert turn.text == "" and turn.mentioned == ()
