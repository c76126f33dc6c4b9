"""'Meine Daten' dialogs: personal chat only, export card, erasure only with a valid token."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.adapters.clock import ManualClock
from bot.conversation import Actor, ConversationKind, Reply, Turn
from bot.domain.ports import PlannedJob
from bot.domain.privacy.ports import Export
from bot.domain.privacy.retention import Cutoffs, Retention
from bot.domain.privacy.service import ERASED_MARK, OFFER_JOB, PrivacyService, offer_key
from bot.i18n import de, en
from bot.settings import Settings
from cards.privacy import PART_BYTES, export_card, json_parts
from devkit.fakes.memory_jobs import InMemoryJobQueue
from dialogs.context import DialogContext
from dialogs.dispatch import Dialogs
from dialogs.privacy import PrivacyDialogServices, router
from tests.unit.rooms.test_broker import make_world

NOW = datetime(2026, 6, 15, 10, 0, tzinfo=UTC)
ANNA, BERND = "anna-key", "bernd-key"


@pytest.fixture(autouse=True)
def privacy_strings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Until privacy_de/privacy_en are merged into de.py/en.py (then this does nothing)."""
    for catalogue, name in ((de.MESSAGES, "privacy_de"), (en.MESSAGES, "privacy_en")):
        try:
            extra = importlib.import_module(f"bot.i18n.{name}").MESSAGES
        except ModuleNotFoundError:
            continue
        for key, value in extra.items():
            monkeypatch.setitem(catalogue, key, value)
    yield


@dataclass
class FakePersonalData:
    """Anna's data in memory; an offer is valid as the SQL adapter checks it."""

    queue: InMemoryJobQueue
    data: dict[str, Export] = field(default_factory=dict)
    erased: list[str] = field(default_factory=list)

    async def export(self, user_key: str) -> Export:
        return self.data.get(user_key, {"experts": []})

    async def erase(self, user_key: str, now: datetime) -> dict[str, int]:
        self.erased.append(user_key)
        return {kind: len(rows) for kind, rows in self.data.pop(user_key, {}).items()}

    async def erase_confirmed(
        self, user_key: str, offer_key: str, now: datetime, then: Sequence[PlannedJob] = ()
    ) -> dict[str, int] | None:
        for job in self.queue.jobs.values():
            if (job.kind, job.dedup_key, job.done_at) == (OFFER_JOB, offer_key, None) and (
                job.due_at > now and job.payload.get("user_key") == user_key
            ):
                job.done_at = now
                job.payload = {ERASED_MARK: True}
                counts = await self.erase(user_key, now)
                for planned in then:
                    kind, payload, key = planned.kind, planned.payload, planned.dedup_key
                    await self.queue.schedule(kind, payload, now, key)
                return counts
        return None

    async def erased_with(self, offer_key: str) -> bool:
        return any(
            (job.kind, job.dedup_key) == (OFFER_JOB, offer_key)
            and job.done_at is not None
            and bool(job.payload.get(ERASED_MARK))
            for job in self.queue.jobs.values()
        )

    async def purge(self, cutoffs: Cutoffs) -> dict[str, int]:
        return {}


@pytest.fixture
async def world() -> tuple[Dialogs, FakePersonalData, ManualClock]:
    """The privacy dialogs bound to fakes (``ctx.dispatch`` answers a turn)."""
    clock, queue = ManualClock(NOW), InMemoryJobQueue()
    rooms = await make_world()
    stored = {"experts": [{"name": "Anna Auerbach"}], "questions": [{"text": "Concur?"}] * 2}
    data = FakePersonalData(queue, {ANNA: stored})
    service = PrivacyService(data, data, queue, clock, Retention())
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    services = PrivacyDialogServices(service, rooms.decisions)
    return router.bind(DialogContext(settings, clock, services)), data, clock


def _turn(
    text: str = "",
    verb: str | None = None,
    data: dict[str, Any] | None = None,
    user: str | None = ANNA,
    kind: ConversationKind = ConversationKind.PERSONAL,
) -> Turn:
    return Turn(
        activity_id="1", conversation_id="c", conversation_kind=kind, tenant_id="t",
        actor=Actor(id="29:x", aad_object_id=user, name="X"), locale="de-DE", text=text,
        card_verb=verb, card_data=data or {}, via_invoke=verb is not None,
    )  # fmt: skip


def _texts(reply: Reply) -> str:
    assert reply.card is not None
    return json.dumps(reply.card, ensure_ascii=False)


def _token(reply: Reply) -> str:
    assert reply.card is not None
    [confirm] = [a for a in reply.card["actions"] if a["verb"] == "privacy.erase_confirm"]
    token: str = confirm["data"]["token"]
    return token


async def test_my_data_shows_counts_and_the_json(world: Any) -> None:
    ctx, _data, _clock = world
    reply = await ctx.dispatch(_turn("Meine Daten"))
    assert reply.card is not None and "Ihre gespeicherten Daten" in _texts(reply)
    facts = next(b for b in reply.card["body"] if b["type"] == "FactSet")["facts"]
    assert facts == [{"title": "Expertenprofil", "value": "1"}, {"title": "Fragen", "value": "2"}]
    show = next(a for a in reply.card["actions"] if a["type"] == "Action.ShowCard")
    [block] = show["card"]["body"]
    assert block["fontType"] == "Monospace"
    assert json.loads(block["text"])["experts"] == [{"name": "Anna Auerbach"}]


@pytest.mark.parametrize("kind", [ConversationKind.CHANNEL, ConversationKind.GROUP_CHAT])
async def test_personal_data_is_never_shown_or_erased_outside_the_personal_chat(
    world: Any, kind: ConversationKind
) -> None:
    ctx, data, _clock = world
    for text in ("meine daten", "meine daten löschen", "delete my data"):
        reply = await ctx.dispatch(_turn(text, kind=kind))
        assert reply.card is None and "nur in unserem persönlichen Chat" in (reply.text or "")
    token = _token(await ctx.dispatch(_turn("meine daten löschen")))
    verb = "privacy.erase_confirm"
    reply = await ctx.dispatch(_turn(verb=verb, data={"token": token}, kind=kind))
    assert "nur in unserem persönlichen Chat" in _texts(reply) and data.erased == []


async def test_erasure_needs_confirmation_with_a_valid_token(world: Any) -> None:
    ctx, data, _clock = world
    reply = await ctx.dispatch(_turn("Meine Daten löschen"))
    assert "Meine Daten löschen?" in _texts(reply) and data.erased == []
    token = _token(reply)
    [offer] = data.queue.jobs.values()
    assert (offer.dedup_key, offer.payload, offer.due_at) == (
        offer_key(token),
        {"user_key": ANNA},
        NOW + timedelta(minutes=15),
    )
    assert token not in json.dumps(offer.payload) + str(offer.dedup_key)  # only the hash
    confirm = _turn(verb="privacy.erase_confirm", data={"token": token})
    done = await ctx.dispatch(confirm)
    assert done.replaces_card and "Ihre Daten sind gelöscht" in _texts(done)
    assert data.erased == [ANNA]
    again = await ctx.dispatch(confirm)  # a token works once; the repeated click is told so
    assert "schon gelöscht worden" in _texts(again) and data.erased == [ANNA]


@pytest.mark.parametrize("case", ["forged", "someone_else", "expired", "missing"])
async def test_a_forged_or_stale_confirmation_erases_nothing(world: Any, case: str) -> None:
    ctx, data, clock = world
    token = _token(await ctx.dispatch(_turn("meine daten löschen")))
    user, payload = ANNA, {"token": token}
    if case == "forged":
        payload = {"token": "x" * 43}
    elif case == "someone_else":
        user = BERND  # Bernd clicks (or replays) Anna's confirmation
    elif case == "expired":
        clock.advance(timedelta(minutes=16))
    else:
        payload = {}
    reply = await ctx.dispatch(_turn(verb="privacy.erase_confirm", data=payload, user=user))
    expected = "ungültig" if case != "missing" else "ungültig oder unvollständig"
    assert expected in _texts(reply)
    assert data.erased == [] and ANNA in data.data


async def test_cancel_and_the_button_on_the_export_card(world: Any) -> None:
    ctx, data, _clock = world
    reply = await ctx.dispatch(_turn(verb="privacy.erase_request"))
    assert reply.replaces_card and "Meine Daten löschen?" in _texts(reply)
    cancelled = await ctx.dispatch(_turn(verb="privacy.erase_cancel"))
    assert "Abgebrochen – es wurde nichts gelöscht." in _texts(cancelled)
    assert data.erased == []


async def test_cancel_uses_the_offer_up(world: Any) -> None:
    """After "Abbrechen", the same card's "Ja, endgültig löschen" (another device, an old
    copy) erases nothing; a new request works again."""
    ctx, data, _clock = world
    offer = await ctx.dispatch(_turn("meine daten löschen"))
    assert offer.card is not None
    [cancel] = [a for a in offer.card["actions"] if a["verb"] == "privacy.erase_cancel"]
    assert cancel["data"] == {"token": _token(offer)}
    await ctx.dispatch(_turn(verb="privacy.erase_cancel", data=cancel["data"]))
    late = await ctx.dispatch(_turn(verb="privacy.erase_confirm", data={"token": _token(offer)}))
    assert "ungültig" in _texts(late) and data.erased == [] and ANNA in data.data
    again = _token(await ctx.dispatch(_turn("meine daten löschen")))
    await ctx.dispatch(_turn(verb="privacy.erase_confirm", data={"token": again}))
    assert data.erased == [ANNA]


async def test_someone_without_entra_id_is_not_served(world: Any) -> None:
    ctx, _data, _clock = world
    reply = await ctx.dispatch(_turn("meine daten", user=None))
    assert "nicht eindeutig erkennen" in (reply.text or "")


def test_a_huge_export_comes_in_parts_each_within_the_teams_message_limit() -> None:
    # Umlauts and emoji: a character cap would let the bytes on the wire grow past 28 KB.
    data = {"questions": [{"text": f"Frage {i}: Grüße 🎉 " + "ä" * 150} for i in range(400)]}
    full = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    first = export_card(data, "de")
    show = next(a for a in first["actions"] if a["type"] == "Action.ShowCard")
    assert "Teil 1 von" in show["card"]["body"][0]["text"]
    pages = int(show["card"]["body"][0]["text"].rsplit(" ", 1)[1])
    assert pages > 2 and f"in {pages} Teilen" in json.dumps(first, ensure_ascii=False)
    parts, cards = [show["card"]["body"][1]["text"]], [first]
    for page in range(1, pages):
        later = export_card(data, "de", page)
        assert later["body"][1]["text"] == f"Teil {page + 1} von {pages}"
        verbs = [(a["title"], a["data"]["page"]) for a in later.get("actions", [])]
        assert ("Vorheriger Teil", page - 1) in verbs
        assert (("Nächster Teil", page + 1) in verbs) == (page + 1 < pages)
        parts.append(later["body"][2]["text"])
        cards.append(later)
    assert "".join(parts) == full  # nothing lost, nothing cut off
    for card in cards:  # as sent, with or without escaping non-ASCII characters
        assert len(json.dumps(card).encode()) < 28_000
        assert len(json.dumps(card, ensure_ascii=False).encode("utf-8")) < 28_000


def test_json_parts_cut_an_overlong_line_without_losing_a_character() -> None:
    line = "😀" * (PART_BYTES // 4)  # one line of 48 KB when escaped
    parts = json_parts(line + "\nEnde")
    assert len(parts) > 1 and "".join(parts) == line + "\nEnde"
    assert all(len(json.dumps(p)) - 2 <= PART_BYTES for p in parts)


async def test_the_next_part_button_shows_that_part(world: Any) -> None:
    ctx, data, _clock = world
    data.data[ANNA] = {"questions": [{"text": "ü" * 200}] * 300}
    reply = await ctx.dispatch(_turn(verb="privacy.export_page", data={"page": 1}))
    assert reply.replaces_card and "Teil 2 von" in _texts(reply)
    refused = await ctx.dispatch(
        _turn(verb="privacy.export_page", data={"page": 1}, kind=ConversationKind.CHANNEL)
    )
    assert "persönlichen Chat" in _texts(refused)


def test_the_export_says_in_words_which_teams_and_whether_messages_arrive() -> None:
    memberships = [
        {"team": "Assistenz-Netzwerk", "removed_at": None, "app_removed_at": None},
        {"team": "Vorstandsbüro", "removed_at": "2026-06-12T10:00:00+00:00",
         "app_removed_at": None},
        {"team": "Alt", "removed_at": None, "app_removed_at": "2026-06-01T10:00:00+00:00"},
    ]  # fmt: skip
    reach = [{"reachable": False, "reason": "install_forbidden", "name": ""}]
    data = {"team_members": memberships, "member_reach": reach}
    body = json.dumps(export_card(data, "de")["body"], ensure_ascii=False)
    assert "Teams, in denen ich installiert bin: Assistenz-Netzwerk." in body
    assert "Früher Mitglied (wird nach Ablauf der Aufbewahrungsfrist gelöscht): Alt, " in body
    assert "Grund: App-Installation durch Richtlinie verboten." in body
    english = json.dumps(export_card({**data, "member_reach": [
        {"reachable": True, "reason": "roster", "name": "Anna"}]}, "en")["body"])  # fmt: skip
    assert "My last message to you arrived." in english and "install_forbidden" not in english
