"""The "Meine Themen" profile card: show, validate, save for the clicking person only."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.adapters.clock import ManualClock
from bot.conversation import Actor, ConversationKind, Reply, Turn
from bot.domain.routing.experts import DEFAULT_POOL, ExpertRecord
from bot.domain.routing.router_cache import RouterCache
from bot.settings import Settings
from devkit.fakes.memory_experts import InMemoryExpertRepository
from devkit.fakes.memory_questions import InMemoryQuestionRepository
from dialogs.context import DialogContext
from dialogs.dispatch import Dialogs
from dialogs.experts import ExpertDialogServices, router

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # Monday, 09:00 in Berlin
ME = ExpertRecord(
    pool_id=DEFAULT_POOL, user_key="me", name="Sabine Krüger", department="Vorstand",
    languages=("de",), topics=("Concur", "Reisekosten"), about="Hallo",
)  # fmt: skip
OTHERS = [
    ExpertRecord(pool_id=DEFAULT_POOL, user_key="bea", name="Bea Adam", department="Einkauf"),
    ExpertRecord(pool_id=DEFAULT_POOL, user_key="carl", name="Carl Zander"),
    ExpertRecord(pool_id="team-x", user_key="xena", name="Xena Team-X"),
]


def _ctx(*records: ExpertRecord) -> tuple[Dialogs, InMemoryExpertRepository]:
    """The expert dialogs bound to an in-memory directory (``ctx.dispatch`` answers a turn)."""
    repo = InMemoryExpertRepository([ME, *OTHERS, *records])
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    clock = ManualClock(NOW)
    routers = RouterCache(repo, InMemoryQuestionRepository(), clock)
    services = ExpertDialogServices(repo, routers)
    return router.bind(DialogContext(settings, clock, services)), repo


def _turn(
    text: str = "",
    data: dict[str, Any] | None = None,
    user: str | None = "me",
    kind: ConversationKind = ConversationKind.PERSONAL,
    locale: str = "de-DE",
) -> Turn:
    return Turn(
        activity_id="1", conversation_id="c", conversation_kind=kind, tenant_id="t",
        actor=Actor(id="29:x", aad_object_id=user, name="X"), locale=locale, text=text,
        card_verb="experts.save_profile" if data is not None else None, card_data=data or {},
    )  # fmt: skip


def _inputs(reply: Reply) -> dict[str, dict[str, Any]]:
    assert reply.card is not None
    return {b["id"]: b for b in reply.card["body"] if "id" in b}


def _texts(reply: Reply) -> str:
    assert reply.card is not None
    return "\n".join(b.get("text", "") for b in reply.card["body"])


def _save(**inputs: str) -> dict[str, Any]:
    values = {"topics": "Concur, Reisekosten", "languages": "de", "deputy": "",
              "paused_until": "", "about": "Hallo"}  # fmt: skip
    return {"pool_id": DEFAULT_POOL, **values, **inputs}


async def test_the_card_is_prefilled_for_the_expert() -> None:
    ctx, _ = _ctx(replace(ME, user_key="me", pool_id="team-x", name="Sabine (team)"))
    reply = await ctx.dispatch(_turn("Meine Themen"))
    card = reply.card
    assert card is not None and card["version"] == "1.5" and "${" not in json.dumps(card)
    inputs = _inputs(reply)
    assert inputs["topics"]["value"] == "Concur, Reisekosten"
    assert inputs["languages"]["value"] == "de" and inputs["languages"]["isMultiSelect"]
    deputies = [c["value"] for c in inputs["deputy"]["choices"]]
    assert deputies == ["bea", "carl"]  # same pool, not oneself, by name
    assert inputs["paused_until"]["value"] == "" and inputs["paused_until"]["min"] == "2026-03-02"
    assert inputs["paused_until"]["max"] == "2027-03-02"
    [action] = card["actions"]
    assert action["type"] == "Action.Execute" and action["verb"] == "experts.save_profile"
    assert action["data"] == {"pool_id": DEFAULT_POOL}  # the default pool is preferred


async def test_english_command_gives_english_card() -> None:
    ctx, _ = _ctx()
    reply = await ctx.dispatch(_turn("my topics", locale="en-US"))
    assert reply.card is not None and reply.card["body"][0]["text"] == "My topics"


async def test_a_non_expert_is_told_how_to_become_one() -> None:
    ctx, _ = _ctx()
    reply = await ctx.dispatch(_turn("meine themen", user="stranger"))
    assert "Administrator" in _texts(reply) and not _inputs(reply)
    reply = await ctx.dispatch(_turn("meine themen", user=None))
    assert "noch nicht im Experten-Verzeichnis" in _texts(reply)


async def test_in_a_channel_the_form_is_offered_only_in_the_personal_chat() -> None:
    ctx, _ = _ctx()
    reply = await ctx.dispatch(_turn("meine themen", kind=ConversationKind.CHANNEL))
    assert reply.card is None and reply.text is not None and "persönlichen Chat" in reply.text


async def test_saving_updates_the_clicking_expert_as_profile() -> None:
    ctx, repo = _ctx()
    data = _save(topics="SAP Concur; Visum\nDienstwagen, visum", languages="de,en",
                 deputy="bea", paused_until="2026-03-10", about=" Fragen Sie mich. ")  # fmt: skip
    reply = await ctx.dispatch(_turn(data=data))
    saved = await repo.get(DEFAULT_POOL, "me")
    assert saved == replace(
        ME, topics=("SAP Concur", "Visum", "Dienstwagen"), languages=("de", "en"),
        deputy_key="bea", about="Fragen Sie mich.", source="profile",
        paused_until=datetime(2026, 3, 10, 23, 0, tzinfo=UTC),  # midnight after 10.03. Berlin
    )  # fmt: skip
    assert reply.replaces_card and "Gespeichert" in _texts(reply)
    inputs = _inputs(reply)
    assert inputs["paused_until"]["value"] == "2026-03-10"
    assert inputs["deputy"]["value"] == "bea"
    assert inputs["topics"]["value"] == "SAP Concur, Visum, Dienstwagen"


async def test_clearing_the_pause_and_deputy() -> None:
    ctx, repo = _ctx(replace(ME, pool_id="p2"))
    await repo.upsert(replace(ME, deputy_key="bea", paused_until=NOW + timedelta(days=3)))
    await ctx.dispatch(_turn(data=_save()))
    saved = await repo.get(DEFAULT_POOL, "me")
    assert saved is not None and saved.deputy_key is None and saved.paused_until is None


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        (
            {"topics": ",".join(f"T{i}" for i in range(31))},
            "höchstens 30 Themen angeben (es sind 31)",
        ),
        ({"topics": "x" * 81}, "ist zu lang (höchstens 80 Zeichen)"),
        ({"languages": "de,xx"}, "Die Sprache „xx“ kenne ich nicht"),
        ({"deputy": "me"}, "nicht Ihre eigene Vertretung"),
        ({"deputy": "xena"}, "gehört nicht (mehr) zu diesem Netzwerk"),
        ({"deputy": "nobody"}, "gehört nicht (mehr) zu diesem Netzwerk"),
        ({"paused_until": "2026-03-01"}, "in der Vergangenheit"),
        ({"paused_until": "2027-03-03"}, "höchstens ein Jahr voraus (bis 02.03.2027)"),
        ({"paused_until": "10.03.2026"}, "kein gültiges Datum"),
        ({"about": "x" * 1001}, "höchstens 1000 Zeichen"),
    ],
)
async def test_invalid_input_is_explained_and_nothing_changes(
    inputs: dict[str, str], message: str
) -> None:
    ctx, repo = _ctx()
    reply = await ctx.dispatch(_turn(data=_save(**inputs)))
    assert reply.replaces_card
    text = _texts(reply)
    assert "es wurde nichts gespeichert" in text and message in text, text
    assert await repo.get(DEFAULT_POOL, "me") == ME
    # The form keeps what the person typed, so they can correct it.
    field, value = next(iter(inputs.items()))
    if field not in ("deputy", "languages"):  # choice sets can only hold offered values
        assert _inputs(reply)[field]["value"] == value


async def test_today_is_a_valid_pause_and_all_errors_are_listed() -> None:
    ctx, repo = _ctx()
    await ctx.dispatch(_turn(data=_save(paused_until="2026-03-02")))
    saved = await repo.get(DEFAULT_POOL, "me")
    assert saved is not None and saved.paused_until == datetime(2026, 3, 2, 23, tzinfo=UTC)
    reply = await ctx.dispatch(_turn(data=_save(languages="xx", deputy="me")))
    assert "„xx“" in _texts(reply) and "eigene Vertretung" in _texts(reply)


async def test_the_payload_cannot_name_another_person() -> None:
    ctx, repo = _ctx()
    reply = await ctx.dispatch(_turn(data={**_save(topics="X"), "user_key": "bea"}))
    assert "ungültig" in _texts(reply)  # the router's bad-payload card
    assert await repo.get(DEFAULT_POOL, "bea") == OTHERS[0]
    assert await repo.get(DEFAULT_POOL, "me") == ME


async def test_a_non_member_of_the_pool_cannot_save() -> None:
    ctx, repo = _ctx()
    reply = await ctx.dispatch(_turn(data={**_save(), "pool_id": "team-x"}))
    assert reply.replaces_card and "Administrator" in _texts(reply)
    assert await repo.pools_of("me") == [DEFAULT_POOL]
    reply = await ctx.dispatch(_turn(data=_save(), user="stranger"))
    assert "Administrator" in _texts(reply) and await repo.pools_of("stranger") == []


async def test_a_deputy_who_left_the_pool_is_not_prefilled() -> None:
    ctx, repo = _ctx()
    await repo.upsert(replace(ME, deputy_key="gone"))
    reply = await ctx.dispatch(_turn("meine themen"))
    assert _inputs(reply)["deputy"]["value"] == ""


def _many(count: int) -> list[ExpertRecord]:
    names = ("Александра Кузнецова", "欧阳娜娜", "Maximiliane Lüdenscheidt")
    return [
        ExpertRecord(pool_id=DEFAULT_POOL, user_key=f"e-{n:03d}", name=f"{names[n % 3]} {n:03d}",
                     department="Zentralbereich Kommunikation")
        for n in range(count)
    ]  # fmt: skip


async def _search(ctx: Dialogs, value: Any, user: str | None = "me") -> list[Any]:
    return await ctx.answer_search(_turn(user=user), value)


async def test_the_deputy_is_found_by_typeahead_in_a_pool_of_hundreds() -> None:
    ctx, _ = _ctx(*_many(300))
    card = (await ctx.dispatch(_turn("Meine Themen"))).card
    assert card is not None
    deputy = _inputs(Reply.of_card(card))["deputy"]
    assert deputy["style"] == "filtered"
    assert deputy["choices.data"] == {"type": "Data.Query", "dataset": "experts.deputies"}
    assert 10 < len(deputy["choices"]) < 300  # the first ones, for clients without typeahead

    query = {"dataset": "experts.deputies", "queryText": "КУЗНЕЦОВА 29",
             "queryOptions": {"skip": 0, "top": 15}}  # fmt: skip
    found = await _search(ctx, query)
    assert [c["value"] for c in found] == ["e-129", "e-291", "e-294", "e-297"]  # any case
    assert found[0]["title"] == "Александра Кузнецова 129 – Zentralbereich Kommunikation"
    everyone = await _search(ctx, {**query, "queryText": ""})
    assert len(everyone) == 15 and "me" not in [c["value"] for c in everyone]
    later = await _search(ctx, {**query, "queryText": "", "queryOptions": {"skip": 15, "top": 99}})
    assert len(later) == 15 and later[0] not in everyone
    assert await _search(ctx, {**query, "queryText": "Sabine"}) == []  # not oneself
    assert await _search(ctx, {**query, "queryText": "Xena"}) == []  # another pool


@pytest.mark.parametrize(
    "value",
    [
        None,
        "kuz",
        {"queryText": "kuz"},
        {"dataset": "rooms.everything", "queryText": "kuz"},
        {"dataset": "experts.deputies", "queryText": "k" * 201},
        {"dataset": "experts.deputies", "queryOptions": {"skip": 10**12}},
    ],
)
async def test_forged_or_unknown_searches_find_nothing(value: Any) -> None:
    ctx, _ = _ctx(*_many(30))
    assert await _search(ctx, value) == []


async def test_only_experts_can_search_deputies() -> None:
    ctx, _ = _ctx(*_many(30))
    query = {"dataset": "experts.deputies", "queryText": ""}
    assert await _search(ctx, query, user="stranger") == []
    assert await _search(ctx, query, user=None) == []
    assert len(await _search(ctx, query)) == 15


async def test_the_chosen_deputy_is_among_the_shown_choices() -> None:
    late = _many(300)[-1]
    ctx, repo = _ctx(*_many(300))
    await repo.upsert(replace(ME, deputy_key=late.user_key))
    deputy = _inputs(await ctx.dispatch(_turn("Meine Themen")))["deputy"]
    assert deputy["value"] == late.user_key
    assert deputy["choices"][0]["value"] == late.user_key


async def test_forwarding_finds_colleagues_of_every_pool_of_the_searcher() -> None:
    ctx, repo = _ctx(*_many(300))
    await repo.upsert(replace(ME, pool_id="team-x", name="Sabine (team)"))
    query = {"dataset": "experts.colleagues", "queryText": "a"}
    found = [c["value"] for c in await _search(ctx, {**query, "queryText": "xena"})]
    assert found == ["xena"]  # her other pool
    assert await _search(ctx, {**query, "queryText": "sabine"}) == []  # never oneself
    assert len(await _search(ctx, {**query, "queryText": ""})) == 15
    assert await _search(ctx, query, user="stranger") == []
