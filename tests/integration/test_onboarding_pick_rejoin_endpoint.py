"""A newcomer whose buddy the admins were asked to pick leaves the team and is added again
soon, through the real endpoint and database (SQLite and PostgreSQL).

Before, the rejoin resumed the onboarding, but the admins' pick was never asked again (its
job's key was used up by the first ask): the newcomer stayed without a buddy for good. Now the
admins get the pick card again, once each, also when Teams delivers the join twice; if a
volunteer is free by then, the newcomer gets that buddy instead and the admins are not asked.
An admin who clicks the old pick card while the newcomer is away is told so, and nothing
changes."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from bot.domain.onboarding.model import OnboardingState
from tests.conftest import RunningBot
from tests.integration.test_onboarding_admin_pick_endpoint import (
    AYLIN,
    EMILY,
    SABINE,
    Day,
    welcomed_day,
)
from tests.integration.test_onboarding_departure_endpoint import melanie_leaves
from tests.integration.test_onboarding_endpoint import JANA, MELANIE, cards_to, member_added
from tests.support.connector_sink import ConnectorSink

PICK_TITLES = ("Kein Buddy für Melanie Schäfer gefunden", "No buddy found for Melanie Schäfer")


def picks(day: Day, admin: tuple[str, str]) -> list[str]:
    """The admin pick cards about Melanie that ``admin`` got."""
    return [c for c in cards_to(day.sink, admin) if any(t in c for t in PICK_TITLES)]


async def _away_click(day: Day, buddy: tuple[str, str]) -> None:
    """An admin picks ``buddy`` on the old pick card while Melanie is away: told so, and
    nothing changes (stored, planned or sent)."""
    stored, sent, jobs = await day.stored(), len(day.sink.sent), await day.job_keys()
    assert stored.state is OnboardingState.LEFT
    data = {"onboarding_id": day.onboarding.id, "buddy_key": buddy[0]}
    reply = await day.click("onboarding.assign", data, AYLIN)
    assert "zurzeit nicht im Team" in reply and "Es wurde nichts geändert" in reply, reply
    assert "ist jetzt Buddy" not in reply
    english = await day.click("onboarding.assign", data, EMILY, "en-US")
    assert "not in the team at the moment" in english and "Nothing was changed" in english
    assert await day.stored() == stored
    assert len(day.sink.sent) == sent and await day.job_keys() == jobs


async def _rejoin(day: Day, melanie: list[dict[str, str]]) -> None:
    day.bot.clock.advance(timedelta(hours=2))  # the admin notices the slip
    day.sink.members += melanie
    for _ in range(2):  # Teams delivers the join twice
        again = member_added(day.sink, f"29:{MELANIE[0]}")
        assert (await day.bot.post(again)).status in (200, 201)
        await day.settle()


async def test_the_admins_are_asked_again_after_a_quick_rejoin(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with welcomed_day(bot_factory, sink, database_url, volunteers=()) as day:
        assert [len(picks(day, admin)) for admin in (AYLIN, EMILY)] == [1, 1]
        melanie = [m for m in sink.members if m["aadObjectId"] == MELANIE[0]]
        await melanie_leaves(day)
        await _away_click(day, JANA)

        to_melanie = len(cards_to(sink, MELANIE))
        await _rejoin(day, melanie)
        resumed = await day.stored()
        assert resumed.state is OnboardingState.UNPAIRED and resumed.buddy_key is None
        assert [len(picks(day, admin)) for admin in (AYLIN, EMILY)] == [2, 2]
        assert "No buddy found for Melanie" in picks(day, EMILY)[-1]  # in her language
        assert cards_to(sink, MELANIE)[to_melanie:] == []  # welcomed before she left

        # Later runs of every job ask nobody a third time.
        for _ in range(3):
            day.bot.clock.advance(timedelta(hours=1))
            await day.settle()
        assert [len(picks(day, admin)) for admin in (AYLIN, EMILY)] == [2, 2]

        # The pick asked again works: a volunteer now, chosen by an admin.
        await day.say("ich werde gern buddy", SABINE)
        paired = await day.stored()
        assert paired.state is OnboardingState.PAIRED and paired.buddy_key == SABINE[0]
        assert any("Ihr Buddy ist jetzt Sabine Krüger" in c for c in cards_to(sink, MELANIE))


async def test_a_volunteer_free_by_the_rejoin_becomes_the_buddy(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    async with welcomed_day(bot_factory, sink, database_url, volunteers=()) as day:
        melanie = [m for m in sink.members if m["aadObjectId"] == MELANIE[0]]
        await melanie_leaves(day)
        await day.say("ich werde gern buddy", SABINE)  # while Melanie is away
        assert (await day.stored()).state is OnboardingState.LEFT
        await _away_click(day, SABINE)

        to_melanie = len(cards_to(sink, MELANIE))
        await _rejoin(day, melanie)
        resumed = await day.stored()
        assert resumed.state is OnboardingState.PAIRED and resumed.buddy_key == SABINE[0]
        [note] = cards_to(sink, MELANIE)[to_melanie:]
        assert "Ihr Buddy ist jetzt Sabine Krüger" in note and "Willkommen" not in note
        assert len([c for c in cards_to(sink, SABINE) if "Sie sind Buddy für Melanie" in c]) == 1
        assert [len(picks(day, admin)) for admin in (AYLIN, EMILY)] == [1, 1]  # not asked
