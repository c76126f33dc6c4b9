"""Roulette dialogs over fakes: opt in/out only in the personal chat, the preferences form,
the cards' buttons, and forged, foreign or stale card data answered without a change."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.conversation import Actor, ConversationKind, Reply, Turn
from bot.settings import Settings
from dialogs.context import DialogContext
from dialogs.dispatch import Dialogs
from dialogs.roulette import router
from tests.unit.roulette.test_service import (
    AYLIN,
    SABINE,
    World,
    make_world,
    paired_in_round_57,
)


def bound(world: World) -> Dialogs:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    return router.bind(DialogContext(settings, world.clock, world.service))


def turn(
    text: str = "",
    verb: str | None = None,
    data: dict[str, Any] | None = None,
    user: str | None = SABINE,
    kind: ConversationKind = ConversationKind.PERSONAL,
    locale: str = "de-DE",
) -> Turn:
    return Turn(
        activity_id="1", conversation_id="c", conversation_kind=kind, tenant_id="t1",
        actor=Actor(id="29:x", aad_object_id=user, name="Sabine Krüger"), locale=locale,
        text=text, card_verb=verb, card_data=data or {}, via_invoke=verb is not None,
    )  # fmt: skip


def shown(reply: Reply) -> str:
    return json.dumps(reply.card if reply.card is not None else reply.text, ensure_ascii=False)


async def test_opt_in_and_out_in_the_personal_chat_only() -> None:
    world = make_world()
    dialogs = bound(world)
    refused = await dialogs.dispatch(turn("kaffee roulette an", kind=ConversationKind.CHANNEL))
    assert "persönlichen Chat" in shown(refused)
    assert await world.service.participant(SABINE) is None
    state = await dialogs.dispatch(turn("kaffee roulette"))
    assert "nicht am Roulette teil" in shown(state) and "roulette.join" in shown(state)
    on = await dialogs.dispatch(turn("Coffee roulette on", locale="en-US"))
    assert "You are taking part (site: Hamburg)" in shown(on) and '"value": "coffee"' in shown(on)
    assert await world.service.participant(SABINE) is not None
    off = await dialogs.dispatch(turn("kaffee roulette aus"))
    assert "nicht mehr beim Roulette" in shown(off)
    again = await dialogs.dispatch(turn("kaffee roulette aus"))
    assert "waren nicht beim Roulette" in shown(again)
    nobody = await dialogs.dispatch(turn("kaffee roulette an", user=None))
    assert "nicht zuordnen" in shown(nobody)


async def test_the_preferences_form_saves_what_was_ticked() -> None:
    world = make_world()
    dialogs = bound(world)
    await dialogs.dispatch(turn("kaffee roulette an"))
    saved = await dialogs.dispatch(
        turn(verb="roulette.save", data={"formats": "lunch,virtual", "scope": "site"})
    )
    assert saved.replaces_card and "gespeichert" in shown(saved)
    participant = await world.service.participant(SABINE)
    assert participant is not None
    assert (participant.formats, participant.scope) == (("lunch", "virtual"), "site")
    empty = await dialogs.dispatch(turn(verb="roulette.save", data={"scope": "site"}))
    assert "mindestens eine Art" in shown(empty)
    stranger = await dialogs.dispatch(
        turn(verb="roulette.save", data={"formats": "coffee", "scope": "all"}, user=AYLIN)
    )
    assert "nicht am Roulette teil" in shown(stranger)


async def test_forged_foreign_and_stale_buttons_change_nothing() -> None:
    world = make_world()
    dialogs = bound(world)
    group = await paired_in_round_57(world)
    forged = await dialogs.dispatch(turn(verb="roulette.other", data={"group_id": -3}))
    assert "ungültig" in shown(forged)
    foreign = await dialogs.dispatch(
        turn(verb="roulette.other", data={"group_id": group.id, "index": 0}, user="someone")
    )
    assert "gehört nicht" in shown(foreign)
    moved = await dialogs.dispatch(
        turn(verb="roulette.other", data={"group_id": group.id, "index": 0})
    )
    assert moved.replaces_card and "Neuer Vorschlag" in shown(moved)
    stale = await dialogs.dispatch(
        turn(verb="roulette.other", data={"group_id": group.id, "index": 0}, user=AYLIN)
    )
    assert "nicht mehr aktuell" in shown(stale)
    current = await world.service.repo.get_group(group.id)
    assert current is not None and current.slot_index == 1
    answered = await dialogs.dispatch(
        turn(verb="roulette.met", data={"group_id": group.id, "met": True})
    )
    assert "nächsten Runde wieder dabei" in shown(answered)
    stats = await world.service.repo.get_round(57)
    assert stats is not None and (stats.met_yes, stats.met_no) == (1, 0)


@pytest.mark.parametrize(
    ("on", "show", "off", "locale"),
    [
        ("Kaffeeroulette an!", "kaffeeroulette", "Kaffee-Roulette aus", "de-DE"),
        ("kaffee roulette mitmachen", "Kaffee-Roulette", "kaffeeroulette stopp", "de-DE"),
        ("coffee-roulette join", "coffeeroulette", "coffee roulette leave", "en-US"),
    ],
)
async def test_the_usual_spellings_opt_in_show_and_opt_out(
    on: str, show: str, off: str, locale: str
) -> None:
    world = make_world()
    dialogs = bound(world)
    await dialogs.dispatch(turn(on, locale=locale))
    assert await world.service.participant(SABINE) is not None
    state = await dialogs.dispatch(turn(show, locale=locale))
    assert state.card is not None and "roulette.off" in shown(state)
    await dialogs.dispatch(turn(off, locale=locale))
    assert await world.service.participant(SABINE) is None
