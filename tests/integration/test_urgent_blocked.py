"""Dringender Termin through the real endpoint, database (SQLite and PostgreSQL) and Graph
simulator, where the assistants' answers alone cannot settle it: a blocked person without an
assistant keeps every proposal off (the card names them), and an answer read late proposes
no slot that has begun (its "Einladen" books); a refused "Einladen" keeps the card; a submit
delivered twice starts one call; a day "working elsewhere" (home office) is no busy time."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import aiohttp

from tests.integration.test_urgent_endpoint import (  # noqa: F401 (fixture)
    ALBRECHT,
    JANA,
    SABINE,
    Stack,
    _actions,
    _meetings,
    stack,
)
from tests.support import activities

VOGT = "henrik.vogt@nordlicht-demo.de"  # no assistant reports to him


async def test_a_blocked_person_without_assistant_gets_no_proposal_over_their_time(
    stack: Stack,  # noqa: F811 (the fixture imported above)
) -> None:
    await stack.busy(ALBRECHT, "09:00", "17:00")
    await stack.busy(VOGT, "09:00", "17:00")
    await stack.say("Ich brauche heute noch 30 Minuten mit Dr. Albrecht und Henrik Vogt", JANA)
    card = json.dumps(stack.cards_to(JANA)[-1], ensure_ascii=False)
    assert "Dr. Katharina Albrecht, Henrik Vogt ist belegt" in card
    assert "Henrik Vogt hat keine Assistenz" in card
    ask = stack.cards_to(SABINE)[-1]
    yes = next(a for a in _actions(ask, "urgent.answer") if a["yes"])
    answer = {**yes, "free_from": "2026-03-02T14:00:00+00:00"}  # 15:00 in Berlin
    assert "Ihre Antwort: Ja, ab 15:00" in await stack.invoke("urgent.answer", answer, SABINE)
    updated = stack.asker_updates()[-1]
    text = json.dumps(updated, ensure_ascii=False)
    # Sabine freed Dr. Albrecht; nobody freed Henrik Vogt: no "Möglich", no button today.
    assert "Möglich:" not in text and "Henrik Vogt hat keine Assistenz" in text
    assert not any(o["start"].startswith("2026-03-02") for o in _actions(updated, "urgent.invite"))
    forged = {"call_id": yes["call_id"], "start": "2026-03-02T14:00:00+00:00"}
    assert "nicht (mehr) im Angebot" in await stack.invoke("urgent.invite", forged, JANA)
    assert not _meetings(await stack.calendar(VOGT))


async def test_an_answer_read_late_proposes_a_slot_that_has_not_begun(
    stack: Stack,  # noqa: F811 (the fixture imported above)
) -> None:
    await stack.busy(ALBRECHT, "09:00", "17:00")
    await stack.say("Ich brauche heute noch 30 Minuten mit Dr. Albrecht", JANA)
    ask = stack.cards_to(SABINE)[-1]
    yes = next(a for a in _actions(ask, "urgent.answer") if a["yes"])
    default = next(b for b in ask["body"] if b.get("type") == "Input.ChoiceSet")["value"]
    assert default == "2026-03-02T08:00:00+00:00"  # 09:00 in Berlin, when it was asked
    stack.clock.advance(timedelta(minutes=20))  # Sabine reads it at 09:20
    await stack.invoke("urgent.answer", {**yes, "free_from": default}, SABINE)
    updated = stack.asker_updates()[-1]
    assert "Möglich: heute 09:30–10:00" in json.dumps(updated, ensure_ascii=False)
    invite = _actions(updated, "urgent.invite")[0]
    assert datetime.fromisoformat(invite["start"]) >= stack.clock.now()
    booked = await stack.invoke("urgent.invite", invite, JANA)
    assert "Teams-Besprechung gebucht: heute 09:30–10:00" in booked
    meetings = _meetings(await stack.calendar(ALBRECHT))
    assert [m["start"]["dateTime"][:16] for m in meetings] == ["2026-03-02T08:30"]


async def test_a_refused_invite_keeps_the_askers_card_and_its_buttons(
    stack: Stack,  # noqa: F811 (the fixture imported above)
) -> None:
    await stack.say("Ich brauche heute noch 30 Minuten mit Dr. Albrecht", JANA)
    offers = _actions(stack.cards_to(JANA)[-1], "urgent.invite")
    assert offers[0]["start"] == "2026-03-02T10:00:00+00:00"  # 11:00, after the board meeting
    stack.clock.advance(timedelta(hours=2, minutes=5))  # 11:05: the first offer has begun
    response = await stack.invoke("urgent.invite", offers[0], JANA)
    assert "in der Vergangenheit" in response or "nicht (mehr) im Angebot" in response
    card = json.loads(response)["value"]
    left = _actions(card, "urgent.invite")
    assert left and all(o["start"] > offers[0]["start"] for o in left)
    assert _actions(card, "urgent.cancel")  # "Absagen" is still there


async def test_a_form_submit_delivered_twice_makes_one_call(
    stack: Stack,  # noqa: F811 (the fixture imported above)
) -> None:
    await stack.busy(ALBRECHT, "09:00", "17:00")
    form = {"minutes": 30, "names": "Dr. Albrecht", "deadline": "today"}
    submit = activities.as_user(activities.card_invoke(stack.sink.url, "urgent.form", form), *JANA)
    first = await stack.bot.post(submit)
    again = await stack.bot.post(submit)  # Teams re-delivers the same activity
    assert first.status == again.status == 200
    cards = [c for c in stack.cards_to(JANA) if _actions(c, "urgent.cancel")]
    assert len(cards) == 1  # one asker's card, one call
    assert len(stack.cards_to(SABINE)) == 2  # "hilfe" and one request to free time
    second = json.dumps(await again.json(), ensure_ascii=False)
    assert "läuft schon" in second and "urgent.cancel" in second  # the call's card, as it is
    call_id = _actions(cards[0], "urgent.cancel")[0]["call_id"]
    assert _actions(json.loads(second)["value"], "urgent.cancel")[0]["call_id"] == call_id
    pick = {"text": "30 Minuten mit Dr. Albrecht heute", "picks": {}}
    chosen = activities.as_user(activities.card_invoke(stack.sink.url, "urgent.pick", pick), *JANA)
    await stack.bot.post(chosen)
    await stack.bot.post(chosen)  # a double click on the same button
    assert len([c for c in stack.cards_to(JANA) if _actions(c, "urgent.cancel")]) == 2
    assert len(stack.cards_to(SABINE)) == 3


async def test_a_day_working_elsewhere_leaves_the_person_available(
    stack: Stack,  # noqa: F811 (the fixture imported above)
) -> None:
    body = {
        "subject": "Homeoffice",
        "showAs": "workingElsewhere",
        "start": {"dateTime": "2026-03-02T00:00:00", "timeZone": "Europe/Berlin"},
        "end": {"dateTime": "2026-03-03T00:00:00", "timeZone": "Europe/Berlin"},
    }
    async with aiohttp.ClientSession() as http:
        response = await http.post(
            f"{stack.graph}/users/{VOGT}/calendar/events",
            json=body,
            headers={"Authorization": "Bearer test"},
        )
        assert response.status == 201
    await stack.say("Ich brauche heute noch 30 Minuten mit Henrik Vogt", JANA)
    card = stack.cards_to(JANA)[-1]
    assert "Kein gemeinsamer Termin" not in json.dumps(card, ensure_ascii=False)
    offers = _actions(card, "urgent.invite")
    assert offers[0]["start"] == "2026-03-02T08:00:00+00:00"  # 09:00, at home or not
