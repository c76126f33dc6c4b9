"""Room broker storage contract: fake, SQLite and PostgreSQL behave the same, also when racing."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.adapters.db.rooms import SqlRoomCatalogue, SqlRoomRequestRepository
from bot.domain.graph_types import Room
from bot.domain.rooms.model import AuditEntry, RequestState, RoomRequest
from bot.domain.rooms.ports import RoomCatalogue, RoomRequestRepository
from devkit.fakes.memory_rooms import InMemoryRoomCatalogue, InMemoryRoomRequestRepository
from tests.support.databases import contract_store

T0 = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)
PLACE = {"conversation_id": "a:1on1", "service_url": "https://smba.example/", "kind": "personal"}
HANDLE = {"conversation_id": "a:approver", "activity_id": "1:card"}


@pytest.fixture
async def catalogue(backend_url: str | None) -> AsyncIterator[RoomCatalogue]:
    async with contract_store(backend_url, InMemoryRoomCatalogue, SqlRoomCatalogue) as store:
        yield store


@pytest.fixture
async def repo(backend_url: str | None) -> AsyncIterator[RoomRequestRepository]:
    async with contract_store(
        backend_url, InMemoryRoomRequestRepository, SqlRoomRequestRepository
    ) as store:
        yield store


def room(mailbox: str, name: str, **changes: object) -> Room:
    return replace(Room(f"id-{mailbox}", f"{mailbox}@example.com", name), **changes)  # type: ignore[arg-type]


FULL_ROOM = room(
    "vorstand", "Vorstandsetage 7.01", capacity=12, building="Haus A", city="Leipzig",
    floor_number=7, floor_label="7. OG", tags=("restricted", "beamer"),
    is_wheelchair_accessible=True,
    video_device_name="Teams Room", audio_device_name="Poly", display_device_name="85 Zoll",
    booking_type="reserved",
)  # fmt: skip


def new_request(
    requester: str = "req-1", start: datetime = T0 + timedelta(days=1), **changes: object
) -> RoomRequest:
    request = RoomRequest(
        id=0,
        requester_key=requester,
        requester_name="Rita Requester",
        tenant_id="tenant-1",
        place=PLACE,
        text="Morgen 10–11 Uhr für 8 Personen mit Beamer",
        start=start,
        end=start + timedelta(hours=1),
        attendees=8,
        features=("beamer",),
        created_at=T0,
    )
    return replace(request, **changes)  # type: ignore[arg-type]


def pending(request: RoomRequest, *approvers: str) -> RoomRequest:
    return replace(
        request, state=RequestState.PENDING, room=FULL_ROOM.email, approvers=approvers,
        reason="Vorstandsbesuch", version=request.version + 1,
    )  # fmt: skip


async def test_an_empty_catalogue_was_never_synced(catalogue: RoomCatalogue) -> None:
    assert await catalogue.list_rooms() == []
    assert await catalogue.synced_at() is None


async def test_replace_all_stores_exactly_the_rooms_of_the_last_sync(
    catalogue: RoomCatalogue,
) -> None:
    gone = room("keller", "Kellerraum")
    await catalogue.replace_all([room("b", "Besprechung 2"), gone, FULL_ROOM], T0)
    assert await catalogue.synced_at() == T0
    later = T0 + timedelta(hours=6)
    renamed = room("b", "besprechung 1", capacity=6)
    await catalogue.replace_all([FULL_ROOM, renamed, room("a", "Atrium")], later)
    rooms = await catalogue.list_rooms()
    assert rooms == [room("a", "Atrium"), renamed, FULL_ROOM]  # the cellar left Graph
    synced = await catalogue.synced_at()
    assert synced == later and synced is not None and synced.utcoffset() == timedelta(0)


async def test_replace_all_keeps_the_last_room_per_mailbox_and_can_empty_it(
    catalogue: RoomCatalogue,
) -> None:
    await catalogue.replace_all([room("a", "Alt"), room("a", "Neu", capacity=4)], T0)
    assert await catalogue.list_rooms() == [room("a", "Neu", capacity=4)]
    await catalogue.replace_all([], T0 + timedelta(hours=1))
    assert await catalogue.list_rooms() == []
    assert await catalogue.synced_at() is None  # the sync time is stored with the rooms


async def test_add_get_roundtrip(repo: RoomRequestRepository) -> None:
    full = new_request(
        features=("beamer", "video"), options=("a@example.com", "b@example.com"),
        approvers=("appr-1", "appr-2"), room="a@example.com", decided_by="appr-1",
        decided_at=T0 + timedelta(hours=2), reason="Kundentermin", event_id="AAMkEvent=",
        cards={"appr-1": HANDLE}, state=RequestState.BOOKED, version=7,
    )  # fmt: skip
    stored = await repo.add(full)
    assert stored == replace(full, id=stored.id, version=1) and stored.id > 0
    loaded = await repo.get(stored.id)
    assert loaded == stored
    assert isinstance(loaded.features, tuple) and isinstance(loaded.approvers, tuple)
    assert loaded.start.utcoffset() == timedelta(0) and loaded.decided_at is not None
    assert loaded.decided_at.utcoffset() == timedelta(0)
    plain = await repo.add(new_request(tenant_id=None, features=()))
    assert await repo.get(plain.id) == plain and plain.id != stored.id
    assert await repo.get(plain.id + 100) is None


async def test_save_requires_the_previous_version(repo: RoomRequestRepository) -> None:
    stored = await repo.add(new_request())
    assert await repo.save(pending(stored, "appr-1"))
    cancelled = replace(stored, state=RequestState.CANCELLED, version=2)
    assert not await repo.save(cancelled)  # loaded before the request went pending
    assert not await repo.save(replace(pending(stored), id=stored.id + 100))
    assert await repo.get(stored.id) == pending(stored, "appr-1")


async def test_cards_keep_the_version_and_survive_a_later_save(
    repo: RoomRequestRepository,
) -> None:
    stored = await repo.add(new_request())
    waiting = pending(stored, "appr-1", "appr-2")
    assert await repo.save(waiting)
    await repo.record_card(stored.id, "appr-1", HANDLE)
    await repo.record_card(stored.id, "appr-2", {"activity_id": "2"})
    cards = {"appr-1": HANDLE, "appr-2": {"activity_id": "2"}}
    assert await repo.get(stored.id) == replace(waiting, cards=cards)
    # Decided on a copy loaded before the cards were recorded (and one with cards of its own).
    approved = replace(waiting, state=RequestState.BOOKING, decided_by="appr-2", version=3)
    assert await repo.save(approved)
    assert not await repo.save(replace(approved, cards={"x": {}}, version=3))
    assert await repo.save(replace(approved, cards={"x": {}}, version=4))
    assert await repo.get(stored.id) == replace(approved, cards=cards, version=4)
    await repo.record_card(stored.id + 100, "appr-1", HANDLE)  # unknown requests are ignored


async def test_cards_recorded_at_once_are_all_kept(repo: RoomRequestRepository) -> None:
    stored = await repo.add(new_request())
    keys = [f"appr-{i}" for i in range(10)]
    await asyncio.gather(*(repo.record_card(stored.id, key, {"id": key}) for key in keys))
    loaded = await repo.get(stored.id)
    assert loaded is not None and loaded.version == 1
    assert loaded.cards == {key: {"id": key} for key in keys}


async def test_ten_concurrent_decisions_on_one_version_let_exactly_one_win(
    repo: RoomRequestRepository,
) -> None:
    stored = await repo.add(new_request())
    decisions = [pending(stored, f"appr-{i}") for i in range(10)]
    results = await asyncio.gather(*(repo.save(decision) for decision in decisions))
    assert results.count(True) == 1
    winner = decisions[results.index(True)]
    assert await repo.get(stored.id) == winner


async def test_pending_for_lists_the_approvers_pending_requests_oldest_first(
    repo: RoomRequestRepository,
) -> None:
    async def put(request: RoomRequest, *approvers: str) -> RoomRequest:
        stored = await repo.add(request)
        assert await repo.save(pending(stored, *approvers))
        return pending(stored, *approvers)

    newer = await put(new_request(created_at=T0 + timedelta(minutes=5)), "appr-1", "appr-2")
    older = await put(new_request(created_at=T0), "appr-1")
    other = await put(new_request(created_at=T0 + timedelta(minutes=1)), "appr-2")
    decided = await put(new_request(), "appr-1")
    assert await repo.save(replace(decided, state=RequestState.DECLINED, version=3))
    await repo.add(new_request(approvers=("appr-1",)))  # offered, not pending yet
    assert await repo.pending_for("appr-1") == [older, newer]
    assert await repo.pending_for("appr-2") == [other, newer]
    assert await repo.pending_for("appr-") == []  # list membership, not a substring
    assert await repo.pending_for("nobody") == []


async def test_holding_lists_chosen_rooms_held_at_an_overlapping_time(
    repo: RoomRequestRepository,
) -> None:
    start = T0 + timedelta(days=1)  # new_request: 1 h from start

    async def put(state: RequestState, at: datetime = start) -> RoomRequest:
        stored = await repo.add(new_request(start=at))
        chosen = replace(stored, state=state, room=FULL_ROOM.email, version=2)
        assert await repo.save(chosen)
        return chosen

    held = [await put(state) for state in (RequestState.PENDING, RequestState.BOOKING,
                                           RequestState.BOOKED)]  # fmt: skip
    for state in (RequestState.DECLINED, RequestState.CANCELLED, RequestState.CONFLICT,
                  RequestState.EXPIRED):  # fmt: skip
        await put(state)
    await repo.add(new_request(start=start))  # offered: no room chosen yet
    before = await put(RequestState.BOOKED, start - timedelta(hours=1))  # ends at start
    later = await put(RequestState.BOOKED, start + timedelta(minutes=59))
    window = (start, start + timedelta(hours=1))
    assert await repo.holding(*window) == [*held, later]
    assert await repo.holding(start - timedelta(minutes=30), start) == [before]
    assert await repo.holding(start + timedelta(days=1), start + timedelta(days=2)) == []


async def test_of_requester_lists_requests_ending_after_since_by_start(
    repo: RoomRequestRepository,
) -> None:
    since = T0 + timedelta(days=1)
    late = await repo.add(new_request(start=since + timedelta(hours=5)))
    ended = await repo.add(new_request(start=since - timedelta(hours=1)))  # ends at since
    running = await repo.add(new_request(start=since - timedelta(minutes=30)))
    await repo.add(new_request("req-2", start=since + timedelta(hours=1)))
    soon = await repo.add(new_request(start=since + timedelta(hours=1)))
    assert await repo.of_requester("req-1", since) == [running, soon, late]
    assert ended not in await repo.of_requester("req-1", since)
    assert len(await repo.of_requester("req-1", T0)) == 4
    assert await repo.of_requester("nobody", T0) == []


async def test_audit_is_appended_and_read_oldest_first(repo: RoomRequestRepository) -> None:
    first = await repo.add(new_request())
    other = await repo.add(new_request())
    requested = AuditEntry(first.id, T0, "req-1", "requested", "8 Personen")
    chose = AuditEntry(first.id, T0 + timedelta(minutes=1), "req-1", "chose", "a@example.com")
    approved = AuditEntry(first.id, T0 + timedelta(minutes=1), "appr-1", "approved")
    booked = AuditEntry(first.id, T0 + timedelta(minutes=2), "system", "booked")
    for entry in (requested, booked, chose, approved):  # booked arrives out of order
        await repo.add_audit(entry)
    await repo.add_audit(AuditEntry(other.id, T0, "req-1", "requested"))
    assert await repo.audit_of(first.id) == [requested, chose, approved, booked]
    assert await repo.audit_of(other.id) == [AuditEntry(other.id, T0, "req-1", "requested")]
    assert await repo.audit_of(other.id + 100) == []
