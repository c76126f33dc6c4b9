"""Know-how routing in the real client: channel question → thread card → expert DM → take →
answer → closed; a similar question then gets the earlier answer offered; in a group chat the
expert answers with an @mention right there; an expert forwards a question to a colleague
picked in the card's typeahead."""

from __future__ import annotations

import os
import re
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from tests.e2e.conftest_stack import Stack
from tests.e2e.playground import PlaygroundPage

pytestmark = pytest.mark.e2e

PageFactory = Callable[..., Awaitable[PlaygroundPage]]
QUESTION = "Wer kennt sich mit Gremiensitzungen und Vorstandsterminen aus?"
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshot-clarify.png"


async def test_question_is_routed_taken_answered_and_offered_again(
    stack: Stack, new_playground_page: PageFactory
) -> None:
    # The signed-in user is Sabine Krüger, assistant to the board: the expert here.
    page = await new_playground_page(stack.playground.url)
    await page.open_channel("General")
    # A colleague (Jana Becker) asks in the channel; the Playground has one signed-in user,
    # so her post is sent as a custom activity with her as `from`.
    jana = page.user_account("Jana Becker")
    await page.mock_post_mentioning_bot(QUESTION, jana)
    await page.wait_for_text("Frage von Jana Becker")
    await page.wait_for_text("Status: Sabine Krüger ist angefragt.")

    await page.open_personal_chat()
    await page.wait_for_text("Jana Becker hat eine Frage für Sie")
    await page.click_card_button("Frage übernehmen", containing="hat eine Frage für Sie")
    await page.wait_for_text("Danke! Sie haben die Frage übernommen.")
    await page.click_card_button("Beantworten", containing="hat eine Frage für Sie",
                                 wait_for_bot=False)  # fmt: skip
    await page.fill_card_input("Ihre Antwort *", "Die Termine stehen im Gremienkalender.")
    await page.click_card_button("Antwort senden (beantwortet)")
    await page.wait_for_text("Danke für Ihre Antwort! Die Frage ist geschlossen.")

    await page.open_channel("General")
    await page.wait_for_text("Status: beantwortet von Sabine Krüger.")
    await page.wait_for_text("Die Termine stehen im Gremienkalender.")

    await page.mock_post_mentioning_bot(QUESTION, jana)
    await page.wait_for_text("Hilft Ihnen diese Antwort?")

    # Sabine is not the asker: her click on Jana's offer is refused and changes nothing.
    answer = await page.click_card_button("Ja, das hilft", containing="Hilft Ihnen diese Antwort?")
    assert "Über dieses Angebot entscheidet nur die Person" in str(answer)
    offer = page.card(containing="Hilft Ihnen diese Antwort?", button="Ja, das hilft")
    await offer.wait_for()  # the buttons are still there for Jana


async def test_an_ambiguous_question_asks_back_and_the_click_routes_it(
    stack: Stack, new_playground_page: PageFactory, tmp_path: Path
) -> None:
    # Sabine Krüger (signed in) asks about "Verträge": legal review, employment contracts or
    # framework agreements? The thread card asks her; her click asks Jana Becker (HR).
    page = await new_playground_page(stack.playground.url)
    await page.open_channel("General")
    await page.post_in_channel_with_mention(page.bot_name, "Wer kennt sich mit Verträgen aus?")
    await page.wait_for_text("Damit ich die richtige Assistenz frage: Worum geht es?")
    assert await page.count_text("etwas schiefgegangen") == 0
    for choice in ("Vertragsprüfung", "Rahmenverträge", "Etwas anderes"):
        await page.card(containing="Worum geht es?", button=choice).wait_for()
    # The card says when the leading choice is asked without a click, in the client's own
    # date and time format (Adaptive Cards DATE()/TIME(), rendered by the client).
    await page.wait_for_text(re.compile(r"Ohne Auswahl frage ich am .+ um .*\d.* die Assistenz"))
    assert await page.count_text("{{DATE(") == 0 and await page.count_text("{{TIME(") == 0
    # UPDATE_SCREENSHOT=1 refreshes the README's picture of the question asked back.
    target = SCREENSHOT if os.environ.get("UPDATE_SCREENSHOT") else tmp_path / "clarify.png"
    await page.screenshot(target, full_page=False)
    answer = await page.click_card_button("Arbeitsverträge", containing="Worum geht es?")
    assert "ich frage jetzt die passende Assistenz" in str(answer)
    dm = await page.wait_for_bot_sent(to="Jana Becker", containing="Frage übernehmen")
    assert dm.recipient.get("aadObjectId") == page.user_account("Jana Becker")["aadObjectId"]
    await page.wait_for_text("Status: Jana Becker ist angefragt.")


async def test_the_expert_answers_in_the_group_chat_with_a_mention(
    stack: Stack, new_playground_page: PageFactory
) -> None:
    # A group chat has no threads: Sabine (signed in, the expert asked) answers Jana's
    # question right in the chat, @mentioning the bot. It might be a new question of hers,
    # so the bot asks once; her click closes the question.
    page = await new_playground_page(stack.playground.url)
    await page.open_group_chat()
    await page.mock_post_mentioning_bot(QUESTION, page.user_account("Jana Becker"))
    await page.wait_for_text("Frage von Jana Becker")
    await page.wait_for_text("Status: Sabine Krüger ist angefragt.")
    await page.send("Die Termine stehen im Gremienkalender.", mention=page.bot_name)
    await page.wait_for_text("Ist das Ihre Antwort?")
    await page.click_card_button("Ja, als Antwort senden", containing="Ist das Ihre Antwort?")
    await page.wait_for_text("Danke für Ihre Antwort! Die Frage ist geschlossen.")
    await page.wait_for_text("Status: beantwortet von Sabine Krüger.")
    assert await page.count_text("Frage von Sabine Krüger") == 0  # not a question of her own


async def test_the_expert_forwards_the_question_to_a_colleague(
    stack: Stack, new_playground_page: PageFactory
) -> None:
    # Sabine (signed in, the expert asked) knows who fits better: "Weiterleiten an …" with the
    # colleague picked in the card's typeahead. Katrin Weber gets the question by DM; the thread
    # card in the channel says so.
    page = await new_playground_page(stack.playground.url)
    await page.open_channel("General")
    await page.mock_post_mentioning_bot(QUESTION, page.user_account("Jana Becker"))
    await page.wait_for_text("Status: Sabine Krüger ist angefragt.")

    await page.open_personal_chat()
    await page.wait_for_text("Jana Becker hat eine Frage für Sie")
    await page.click_card_button("Weiterleiten an …", containing="hat eine Frage für Sie",
                                 wait_for_bot=False)  # fmt: skip
    await page.select_card_choice("An wen soll die Frage gehen? *", "Katrin Weber",
                                  containing="hat eine Frage für Sie", typed="Katr")  # fmt: skip
    await page.click_card_button("Weiterleiten", containing="hat eine Frage für Sie")
    await page.wait_for_text("Danke – die Frage ist weitergeleitet.")
    dm = await page.wait_for_bot_sent(to="Katrin Weber", containing="Frage übernehmen")
    assert "weitergeleitet von Sabine Krüger" in dm.text()

    await page.open_channel("General")
    await page.wait_for_text("Status: Katrin Weber ist angefragt.")
