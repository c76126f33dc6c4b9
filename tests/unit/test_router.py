"""Router: command matching, typed card payloads, friendly errors."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict

from bot.adapters.clock import ManualClock
from bot.conversation import MAX_TEXT_CHARS, Actor, ConversationKind, Reply, Turn
from bot.settings import Settings
from dialogs import help as help_dialog
from dialogs import rooms as rooms_dialog
from dialogs import routing as routing_dialog
from dialogs.context import DialogContext
from dialogs.payload_types import DB_INTEGER_MAX
from dialogs.registry import build_router
from dialogs.rooms import RoomDialogServices
from dialogs.router import Router, command_words
from tests.unit.rooms.test_broker import make_world

CTX = DialogContext(Settings(_env_file=None), ManualClock(), None)  # type: ignore[call-arg]


def _turn(text: str = "", verb: str | None = None, data: dict[str, Any] | None = None) -> Turn:
    return Turn(
        activity_id="1",
        conversation_id="c",
        conversation_kind=ConversationKind.PERSONAL,
        tenant_id="t",
        actor=Actor(id="29:u", aad_object_id="u", name="U"),
        locale="de-DE",
        text=text,
        card_verb=verb,
        card_data=data or {},
    )


class VotePayload(BaseModel):
    model_config = ConfigDict(extra="forbid")
    poll_id: int
    choice: str


def _router() -> tuple[Router, list[Any]]:
    calls: list[Any] = []
    router = Router()

    @router.command("meine daten")
    async def data(turn: Turn, rest: str, ctx: DialogContext) -> Reply:
        calls.append(("meine daten", rest))
        return Reply.of_text("data")

    @router.command("meine daten löschen")
    async def delete(turn: Turn, rest: str, ctx: DialogContext) -> Reply:
        calls.append(("löschen", rest))
        return Reply.of_text("delete")

    @router.card_action("lunch.vote", VotePayload)
    async def vote(turn: Turn, payload: VotePayload, ctx: DialogContext) -> Reply:
        calls.append(payload)
        return Reply.of_text("voted")

    return router, calls


def test_command_words_drop_punctuation_and_case() -> None:
    assert command_words("  Hilfe!! ") == ["hilfe"]
    assert command_words("Meine Daten, bitte.") == ["meine", "daten", "bitte"]


async def test_longest_command_wins_and_rest_is_passed() -> None:
    router, calls = _router()
    await router.bind(CTX).dispatch(_turn("Meine Daten löschen sofort"))
    await router.bind(CTX).dispatch(_turn("meine daten"))
    assert calls == [("löschen", "sofort"), ("meine daten", "")]


async def test_typed_payload_reaches_handler() -> None:
    router, calls = _router()
    reply = await router.bind(CTX).dispatch(
        _turn(verb="lunch.vote", data={"poll_id": 3, "choice": "ja"})
    )
    assert reply.text == "voted" and calls == [VotePayload(poll_id=3, choice="ja")]


@pytest.mark.parametrize(
    "data",
    [{}, {"poll_id": "x", "choice": "ja"}, {"poll_id": 1, "choice": "ja", "admin": True}],
)
async def test_malformed_payload_gets_error_card_and_no_call(data: dict[str, Any]) -> None:
    router, calls = _router()
    reply = await router.bind(CTX).dispatch(_turn(verb="lunch.vote", data=data))
    assert calls == []
    assert reply.card is not None and "ungültig" in reply.card["body"][1]["text"]


async def test_unknown_verb_gets_error_card() -> None:
    router, _ = _router()
    reply = await router.bind(CTX).dispatch(_turn(verb="lunch.hack", data={}))
    assert reply.card is not None and "kenne ich nicht" in reply.card["body"][1]["text"]


def test_duplicate_registration_is_rejected() -> None:
    router, _ = _router()
    with pytest.raises(ValueError, match="twice"):
        router.command("meine daten")(lambda *a: None)  # type: ignore[arg-type,return-value]
    with pytest.raises(ValueError, match="namespaced"):
        router.card_action("vote", VotePayload)


async def test_help_and_unknown_text() -> None:
    dialogs = help_dialog.router.bind(CTX)  # no feature takes free text here
    help_reply = await dialogs.dispatch(_turn("hilfe"))
    assert help_reply.card is not None
    unknown = await dialogs.dispatch(_turn("blubb"))
    assert unknown.text is not None and "nicht verstanden" in unknown.text
    empty = await dialogs.dispatch(_turn("   "))
    assert empty.text is not None and "leer" in empty.text


@pytest.mark.parametrize("text", ["👍", "🙂🙂", " 🎉 ! "])
async def test_an_emoji_alone_gets_a_friendly_pointer_to_help(text: str) -> None:
    reply = await help_dialog.router.bind(CTX).dispatch(_turn(text))
    assert reply.text is not None and "leer" not in reply.text
    assert "Danke!" in reply.text and "„hilfe“" in reply.text


@pytest.mark.parametrize("text", ["?", " ??? ", "?!"])
async def test_a_question_mark_alone_gets_the_help_hint_not_thanks(text: str) -> None:
    reply = await help_dialog.router.bind(CTX).dispatch(_turn(text))
    assert reply.text is not None and "Danke" not in reply.text
    assert reply.text.startswith("Wobei kann ich helfen?") and "„hilfe“" in reply.text


def test_dialogs_get_exactly_their_features_services_or_the_start_stops() -> None:
    with pytest.raises(TypeError, match="RoomDialogServices"):
        rooms_dialog.router.bind(CTX)  # nothing given: not a silent "unknown command" later
    with pytest.raises(TypeError, match="RoutingService"):
        routing_dialog.router.bind(replace(CTX, services=object()))


def test_expert_pool_follows_the_team_configuration() -> None:
    from dialogs.routing import pool_of

    settings = Settings(_env_file=None, routing_pools={"19:team-b": "pool-b"})  # type: ignore[call-arg]
    ctx = DialogContext(settings, ManualClock(), None)
    assert pool_of(replace(_turn("x"), team_id="19:team-b"), ctx) == "pool-b"
    assert pool_of(replace(_turn("x"), team_id="19:team-a"), ctx) == "default"
    assert pool_of(_turn("x"), ctx) == "default"


async def test_intents_come_before_the_fallback_but_not_in_channel_threads() -> None:
    world = await make_world()
    seen: list[str] = []
    fallback_only: Router[None] = Router()

    @fallback_only.fallback
    async def fallback(turn: Turn, text: str, ctx: DialogContext[None]) -> Reply:
        seen.append("fallback")
        return Reply.of_text("fallback")

    services = RoomDialogServices(world.broker, world.decisions)
    dialogs = rooms_dialog.router.bind(replace(CTX, clock=world.clock, services=services))
    dialogs.include(fallback_only.bind(CTX))
    request = _turn("Ich brauche morgen einen Raum für 4 Personen")
    reply = await dialogs.dispatch(request)
    assert seen == [] and reply.card is not None  # the rooms free tomorrow
    # As the Teams layer tells a reply in a channel thread.
    in_thread = replace(
        request,
        conversation_id="19:x@thread.tacv2;messageid=42",
        channel_conversation_id="19:x@thread.tacv2",
        thread_root_id="42",
    )
    await dialogs.dispatch(in_thread)
    assert seen == ["fallback"]


def test_every_integer_in_a_card_payload_fits_the_database_integer() -> None:
    # An unbounded id from a forged card reached the driver and raised there (OverflowError).
    for verb, payload in build_router().card_payloads().items():
        properties = payload.model_json_schema().get("properties", {})
        for name, schema in properties.items():
            if schema.get("type") == "integer":
                assert schema.get("maximum", DB_INTEGER_MAX + 1) <= DB_INTEGER_MAX, (verb, name)
                assert schema.get("exclusiveMinimum", schema.get("minimum", -1)) >= 0, (verb, name)


def _recording_router() -> tuple[Router, list[str]]:
    router, calls = _router()

    @router.fallback
    async def fallback(turn: Turn, text: str, ctx: DialogContext) -> Reply:
        calls.append(("fallback", len(text)))
        return Reply.of_text("fallback")

    return router, calls


async def test_text_longer_than_teams_allows_gets_a_hint_and_reaches_no_handler() -> None:
    router, calls = _recording_router()
    reply = await router.bind(CTX).dispatch(_turn("meine daten " + "x" * MAX_TEXT_CHARS))
    assert reply.text is not None and "zu lang" in reply.text and str(MAX_TEXT_CHARS) in reply.text
    english = await router.bind(CTX).dispatch(
        replace(_turn("y" * (MAX_TEXT_CHARS + 1)), locale="en")
    )
    assert english.text is not None and "too long" in english.text
    assert calls == []


async def test_long_text_is_matched_in_linear_time() -> None:
    router, calls = _recording_router()
    many_words = "wort " * (MAX_TEXT_CHARS // 5)
    await router.bind(CTX).dispatch(_turn("Meine Daten löschen " + many_words[:-20]))
    await router.bind(CTX).dispatch(_turn(many_words))
    assert [name for name, _ in calls] == ["löschen", "fallback"]
    # The time it takes is held by the endpoint test (/healthz stays responsive meanwhile);
    # a timed assertion here would fail on a busy machine.
