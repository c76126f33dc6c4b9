"""Teams' quoted replies ("Antworten" on a chat message): the quoted text is not the person's
own, and the quoted message's id says which card they answer."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from botbuilder.schema import Activity

from bot.teams.fast_json import model_from_json
from bot.teams.quotes import quoted_message_id, without_quotes
from bot.teams.translate import to_turn
from tests.support.activities import group_chat_conversation, message

SERVICE = "https://smba.example/emea/"
# As the Teams client sends a reply to the bot's card in a group chat (HTML text).
QUOTE = (
    '<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="1733500000000">'
    '<strong itemprop="mri" itemid="28:bot">Assistenz-Bot</strong>'
    '<span itemprop="time" itemid="1733500000000"></span>'
    '<p itemprop="preview">Neue Frage: Wer kann bei der Raumplanung helfen?</p></blockquote>'
)


def _turn(activity: dict[str, Any]) -> Any:
    context = SimpleNamespace(activity=model_from_json(Activity, activity))
    return to_turn(context)  # type: ignore[arg-type]


def _in_group_chat(text: str, entities: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    activity = message(SERVICE, text, conversation=group_chat_conversation())
    activity.update(textFormat="xml", entities=entities or [])
    return activity


def test_a_quoted_reply_names_the_card_and_keeps_only_the_own_text() -> None:
    turn = _turn(_in_group_chat(f"{QUOTE}<p><at>Assistenz-Bot</at> Im Raumtool, Reiter HH.</p>"))
    assert turn.quoted_message_id == "1733500000000"
    assert turn.text == "Im Raumtool, Reiter HH."


def test_the_quoted_reply_entity_names_the_card_too() -> None:
    entity = {"type": "quotedReply", "quotedReply": {"messageId": "1733500000001"}}
    turn = _turn(_in_group_chat('<quoted messageId="1733500000001"/>Im Raumtool.', [entity]))
    assert turn.quoted_message_id == "1733500000001" and turn.text == "Im Raumtool."


def test_only_a_mention_under_a_colleagues_message_hands_that_message_to_the_bot() -> None:
    # In a chat, Jana replies to Tom's question with just "@Assistenz-Bot": she passes it on.
    toms = (
        '<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="17335">'
        '<strong itemprop="mri" itemid="8:orgid:0000-tom">Tom Braun</strong>'
        '<span itemprop="time" itemid="17335"></span>'
        '<p itemprop="preview">Wer kennt sich mit SAP-Bestellungen aus?</p></blockquote>'
    )
    turn = _turn(_in_group_chat(f"{toms}<p><at>Assistenz-Bot</at></p>"))
    assert turn.text == "Wer kennt sich mit SAP-Bestellungen aus?"
    # With words of her own, only those count.
    turn = _turn(_in_group_chat(f"{toms}<p><at>Assistenz-Bot</at> Frage an dich</p>"))
    assert turn.text == "Frage an dich"
    # The bot's own card quoted with nothing else is nothing (never an answer made of the
    # question's own text).
    assert _turn(_in_group_chat(f"{QUOTE}<p><at>Assistenz-Bot</at></p>")).text == ""


def test_a_message_without_a_quote_quotes_nothing() -> None:
    # An ordinary blockquote (formatting) is the person's own text.
    turn = _turn(_in_group_chat("<blockquote>Zitat</blockquote> Wer hilft?"))
    assert turn.quoted_message_id is None and turn.text == "Zitat Wer hilft?"


@pytest.mark.parametrize(
    ("text", "left"),
    [
        (f"{QUOTE}Antwort", "Antwort"),
        (f"Vorher {QUOTE} nachher", "Vorher nachher"),
        (f"{QUOTE}{QUOTE}zwei", "zwei"),
        # Unclosed: the quote runs to the end, nothing of it is taken as the person's text.
        (f"eigen {QUOTE[: QUOTE.index('</blockquote>')]}", "eigen"),
        ('<BLOCKQUOTE ITEMTYPE="http://schema.skype.com/Reply" ITEMID="9">x</BLOCKQUOTE>y', "y"),
    ],
)
def test_without_quotes(text: str, left: str) -> None:
    assert " ".join(without_quotes(text).split()) == left
    assert "Raumplanung" not in without_quotes(text)


def test_quoted_message_id_reads_the_first_reply_quote() -> None:
    assert quoted_message_id(QUOTE, None) == "1733500000000"
    assert quoted_message_id("<blockquote>x</blockquote>", None) is None
    odd = [SimpleNamespace(type="quotedReply", additional_properties={"quotedReply": "x"})]
    assert quoted_message_id("text", odd) is None  # a malformed entity names nothing
