"""Kaffee- und Mittags-Roulette in the real client: Sabine Krüger (the signed-in user) opts in
in her personal chat and saves her preferences → Jana Becker joins the team ("Mock an Activity
→ Add user": the bot learns the team and its roster) and takes part too (she never wrote to the
bot) → the round comes due (the bot's ManualClock is moved to the next round's Monday 09:00)
→ both get their introduction: Sabine's is shown in her chat with a suggested free time from
the Graph simulator's calendars, Jana's goes to the 1:1 chat the bot opens with her (read from
the Playground's log stream) → Sabine clicks "Passt nicht – anderer Vorschlag" and Jana is told
the new time."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest

from bot.app import RUNTIME
from bot.domain.roulette.schedule import round_at, round_start
from tests.e2e.conftest_stack import Stack
from tests.e2e.playground import PlaygroundPage, card_elements

pytestmark = pytest.mark.e2e

PageFactory = Callable[..., Awaitable[PlaygroundPage]]
SABINE = "c009aadc-479f-503c-b41a-60b0bbea7223"
JANA = "3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85"
ON = "Sie sind beim Kaffee- und Mittags-Roulette dabei."
SAVED = "Ihre Wünsche sind gespeichert"
INTRO = "Diesmal hat das Los entschieden:"
OTHER = "Der erste Vorschlag passte nicht. Hier ist ein neuer:"


async def test_a_roulette_round_introduces_sabine_and_jana(
    stack: Stack, new_playground_page: PageFactory
) -> None:
    page = await new_playground_page(stack.playground.url)
    await page.send("kaffee roulette an")
    await page.wait_for_text(ON)
    await page.click_card_button("Speichern", containing="Wie möchten Sie sich treffen?")
    await page.wait_for_text(SAVED)

    # Jana joins the team; the bot reads its roster and can reach her without a chat.
    await page.open_channel("General")
    await page.mock_activity_add_user(["Jana Becker"])
    await page.wait_for_bot_sent(name="getConversationMember")
    services = stack.bot.app[RUNTIME].services
    roulette = services.roulette.service
    sabine = await roulette.participant(SABINE)
    assert sabine is not None and sabine.site == "Hamburg", sabine
    await roulette.opt_in(JANA, "Jana Becker", sabine.tenant_id)

    # The next round's Monday 09:00 (every two weeks): the job runner pairs them.
    clock = stack.bot.clock
    zone = roulette.calendar.zone
    due = round_start(round_at(clock.now(), 2, zone) + 1, 2, zone)
    clock.advance(due - clock.now() + timedelta(minutes=1))
    await page.open_personal_chat()
    await page.wait_for_text(INTRO, timeout=30)
    card = page.card(containing=INTRO)
    await card.get_by_text("Sie treffen Jana Becker.").wait_for()
    await card.get_by_text("Vorschlag (alle sind frei):", exact=False).wait_for()
    await card.get_by_role("link", name="Gruppenchat öffnen").wait_for()

    hers = await page.wait_for_bot_sent(to=JANA, containing=INTRO, timeout=30)
    assert hers.activity["conversation"]["conversationType"] == "personal", hers.activity
    texts = [str(e.get("text")) for e in card_elements(hers.cards[0])]
    assert "Sie treffen Sabine Krüger." in texts, texts
    mine = await page.wait_for_bot_sent(to=SABINE, containing=INTRO)
    first = next(str(t) for t in (e.get("text") for e in card_elements(mine.cards[0]))
                 if str(t).startswith("Vorschlag"))  # fmt: skip

    # "Passt nicht – anderer Vorschlag": the card shows the next time, Jana is told.
    response = await page.click_card_button("Passt nicht – anderer Vorschlag", containing=INTRO)
    assert response is not None, response
    await page.wait_for_text("Neuer Vorschlag – die anderen bekommen ihn auch.")
    told = await page.wait_for_bot_sent(to=JANA, containing=OTHER, timeout=30)
    second = next(str(t) for t in (e.get("text") for e in card_elements(told.cards[0]))
                  if str(t).startswith("Vorschlag"))  # fmt: skip
    assert second != first, (first, second)
    assert len(page.bot_sent(containing=INTRO)) == 2  # one introduction each
