"""A participant who left every team with the bot (membersRemoved), through the real endpoint
(SQLite and PostgreSQL): the participation ends with the removal (the admins' "bot status" no
longer counts them), "kaffee roulette" says it has ended instead of "Sie sind dabei", and the
old card's "Speichern" is refused."""

from __future__ import annotations

import json

from bot.app import RUNTIME
from tests.integration.test_day_one import DayOne, day_one, who
from tests.support import activities

__all__ = ["day_one"]  # the fixture: the app installed in a team, its roster read
RALF = "Ralf Meyer"


async def _leaves_every_team(day_one: DayOne, name: str) -> str:
    """``name`` leaves the team, the only one with the bot; their user key."""
    key = who(name)[0]
    day_one.sink.members = [m for m in day_one.sink.members if m["aadObjectId"] != key]
    await day_one.post(activities.members_removed(day_one.sink.url, key))
    await day_one.settle()
    return key


async def test_who_left_every_team_is_shown_as_no_longer_taking_part(day_one: DayOne) -> None:
    sink = day_one.sink
    await day_one.say("kaffee roulette an", RALF)
    assert "Sie sind dabei" in day_one.cards_to(RALF)[-1]
    ralf = await _leaves_every_team(day_one, RALF)

    await day_one.say("kaffee roulette", RALF)
    shown = sink.texts()[-1] + json.dumps(sink.sent[-1].get("attachments"), ensure_ascii=False)
    assert "Sie sind dabei" not in shown and "nicht (mehr) am Roulette teil" in shown, shown
    assert "Mitmachen" not in shown  # they cannot join while in no team
    roulette = day_one.bot.app[RUNTIME].services.roulette.service
    assert await roulette.repo.get_participant(ralf) is None
    save = activities.card_invoke(sink.url, "roulette.save", {"formats": "lunch", "scope": "all"})
    response = await day_one.bot.post(activities.as_user(save, *who(RALF)))
    assert "Sie sind dabei" not in json.dumps(await response.json(), ensure_ascii=False)
    assert await roulette.repo.get_participant(ralf) is None


def _participants_in_status(day_one: DayOne) -> str:
    """The admins' "bot status": how many take part in the roulette."""
    card = day_one.sink.sent[-1]["attachments"][0]["content"]
    facts = [
        fact
        for element in json.loads(json.dumps(card))["body"]
        for fact in element.get("facts", [])
    ]
    [count] = [f["value"] for f in facts if f["title"] == "Kaffee-Roulette: Teilnehmende"]
    return str(count)


async def test_the_participation_ends_with_membersremoved_before_anyone_looks(
    day_one: DayOne,
) -> None:
    for name in (RALF, "Jana Becker"):
        await day_one.say("kaffee roulette an", name)
    await day_one.say("bot status", "Sabine Krüger")
    assert _participants_in_status(day_one) == "2"
    ralf = await _leaves_every_team(day_one, RALF)

    # Nobody asked about Ralf's participation: the removal itself ended it.
    roulette = day_one.bot.app[RUNTIME].services.roulette.service
    assert await roulette.repo.get_participant(ralf) is None
    await day_one.say("bot status", "Sabine Krüger")
    assert _participants_in_status(day_one) == "1"
    assert await roulette.repo.get_participant(who("Jana Becker")[0]) is not None
