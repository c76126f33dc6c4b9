"""Directory file parsing, the import merge rule, and seeding an expert pool from Graph."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.domain.graph_types import Person
from bot.domain.routing.directory_import import (
    DirectoryError,
    merge_import,
    parse_directory,
    record_from_person,
)
from bot.domain.routing.expert_service import import_directory, seed_from_graph
from bot.domain.routing.experts import DEFAULT_POOL, ExpertRecord
from devkit.demo.organisation import load_demo_organisation
from devkit.fakes.graph import FakeDirectory
from devkit.fakes.memory_experts import InMemoryExpertRepository

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
DEV_DIRECTORY = Path("/work/shared/datasets/routing-dev/directory.json")
NETWORK_GROUP = "6f3f5768-dc66-58e8-9a1a-7cb3acd78e08"  # "Assistenz-Netzwerk" in the demo org


def _entry(**fields: Any) -> dict[str, Any]:
    return {"id": "s.brandt", "name": "Sabine Brandt", **fields}


def _problems(data: Any) -> tuple[str, ...]:
    with pytest.raises(DirectoryError) as caught:
        parse_directory(data)
    return caught.value.problems


@pytest.mark.skipif(not DEV_DIRECTORY.exists(), reason="routing dev set not present")
def test_the_routing_dev_directory_parses() -> None:
    records = parse_directory(json.loads(DEV_DIRECTORY.read_text("utf-8")), pool_id="hr")
    assert len(records) == 31
    first = records[0]
    assert (first.pool_id, first.user_key, first.source) == ("hr", "s.brandt", "directory")
    assert first.languages == ("de", "en") and "Elternzeit" in first.topics


def test_minimal_entries_get_defaults_and_clean_topics() -> None:
    [record] = parse_directory(
        {"experts": [_entry(topics=[" Reise kosten ", "", "reise kosten", "Concur"])]}
    )
    assert record == ExpertRecord(
        pool_id=DEFAULT_POOL, user_key="s.brandt", name="Sabine Brandt",
        topics=("Reise kosten", "Concur"),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ([], "JSON-Objekt"),
        ({"organization": "X"}, "„experts“ fehlt"),
        ({"experts": {}}, "muss eine Liste sein"),
        ({"experts": ["x"]}, "Eintrag 1: muss ein JSON-Objekt sein"),
        ({"experts": [{"name": "A"}]}, "Pflichtfeld „id“ fehlt"),
        ({"experts": [_entry(name=" ")]}, "Pflichtfeld „name“ fehlt oder ist leer"),
        ({"experts": [_entry(email=3)]}, "„email“ muss ein Text sein"),
        ({"experts": [_entry(topics="Concur")]}, "„topics“ muss eine Liste von Texten sein"),
        ({"experts": [_entry(languages=["kl"])]}, "unbekannte Sprache „kl“"),
        ({"experts": [_entry(topics=[f"T{i}" for i in range(31)])]}, "höchstens 30 Themen"),
        ({"experts": [_entry(topics=["x" * 81])]}, "länger als 80 Zeichen"),
        ({"experts": [_entry(name="x" * 201)]}, "„name“ ist länger als 200 Zeichen"),
        ({"experts": [_entry(topic=["Concur"])]}, "unbekanntes Feld „topic“"),
        ({"experts": [_entry(), _entry()]}, "Eintrag 2: die id „s.brandt“ kommt schon in"),
    ],
)
def test_invalid_files_are_explained_in_german(data: Any, expected: str) -> None:
    problems = _problems(data)
    assert any(expected in problem for problem in problems), problems


def test_all_problems_are_reported_and_named_by_entry() -> None:
    problems = _problems({"experts": [_entry(id="a", email=1), _entry(id="b", languages=[2])]})
    assert problems == (
        "Eintrag 1 („a“): „email“ muss ein Text sein.",
        "Eintrag 2 („b“): „languages“ muss eine Liste von Texten sein.",
    )
    assert str(DirectoryError(list(problems))).startswith("Die Verzeichnisdatei ist ungültig:")


def test_record_from_person_maps_graph_fields() -> None:
    person = Person(
        id="oid-1", display_name="Sabine Krüger", mail="sabine@x.de", department="Vorstand",
        job_title="Assistentin", office_location="Hamburg, 6. OG", preferred_language="en-US",
    )  # fmt: skip
    assert record_from_person(person, "team") == ExpertRecord(
        pool_id="team", user_key="oid-1", name="Sabine Krüger", email="sabine@x.de",
        department="Vorstand", title="Assistentin", location="Hamburg, 6. OG",
        languages=("en",), source="graph",
    )  # fmt: skip
    bare = record_from_person(Person(id="oid-2", display_name="B", mail=""))
    assert bare.email is None and bare.languages == () and bare.pool_id == DEFAULT_POOL


PROFILE = ExpertRecord(
    pool_id="p", user_key="u", name="Alt", email="alt@x.de", department="Einkauf",
    title="Assistenz", location="Köln", languages=("de", "fr"), topics=("Concur",),
    about="Ich helfe gern.", deputy_key="v", paused_until=NOW, source="profile",
)  # fmt: skip


def test_merge_refreshes_directory_data_but_keeps_the_profile() -> None:
    imported = ExpertRecord(
        pool_id="p", user_key="u", name="Neu", email="neu@x.de", department="Vertrieb",
        title="Teamassistenz", location="Hamburg", languages=("en",), topics=("SAP",),
        about="Directory text",
    )  # fmt: skip
    merged = merge_import(PROFILE, imported)
    assert merged == replace(
        PROFILE, name="Neu", email="neu@x.de", department="Vertrieb", title="Teamassistenz",
        location="Hamburg",
    )  # fmt: skip


def test_merge_without_profile_takes_imported_values_but_never_blanks() -> None:
    directory = replace(PROFILE, source="directory", deputy_key=None, paused_until=None)
    seeded = merge_import(directory, record_from_person(Person("u", "Neu", ""), "p"))
    assert seeded == replace(directory, name="Neu", source="graph")
    refreshed = merge_import(directory, replace(directory, topics=("SAP",), location=""))
    assert refreshed.topics == ("SAP",) and refreshed.location == "Köln"
    assert merge_import(None, directory) is directory


async def test_import_directory_counts_and_keeps_profiles() -> None:
    repo = InMemoryExpertRepository([PROFILE])
    records = [
        replace(PROFILE, name="Neu", topics=("X",), source="directory"),
        ExpertRecord(pool_id="p", user_key="w", name="Wera", topics=("Visum",)),
        ExpertRecord(pool_id="q", user_key="u", name="Alt"),
    ]
    summary = await import_directory(repo, records, NOW)
    assert (summary.added, summary.updated, summary.unchanged, summary.at) == (2, 1, 0, NOW)
    assert await repo.get("p", "u") == replace(PROFILE, name="Neu")
    again = await import_directory(repo, records, NOW)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)


async def test_seed_from_graph_makes_group_members_experts() -> None:
    org = load_demo_organisation()
    members = org.transitive_people(NETWORK_GROUP)
    repo = InMemoryExpertRepository()
    summary = await seed_from_graph(repo, FakeDirectory(org), NETWORK_GROUP, "netz", NOW)
    assert summary.added == len(members) == 12 and summary.updated == 0
    pool = await repo.list_pool("netz")
    assert {r.user_key for r in pool} == {p.id for p in members}
    sabine = await repo.get("netz", "c009aadc-479f-503c-b41a-60b0bbea7223")
    assert sabine is not None and sabine.department == "Vorstand" and sabine.source == "graph"


async def test_seeding_again_keeps_profile_data() -> None:
    org = load_demo_organisation()
    repo = InMemoryExpertRepository()
    await seed_from_graph(repo, FakeDirectory(org), NETWORK_GROUP, "netz", NOW)
    key = "c009aadc-479f-503c-b41a-60b0bbea7223"
    stored = await repo.get("netz", key)
    assert stored is not None
    edited = replace(stored, name="Alter Name", topics=("Vorstandssitzungen",), source="profile")
    await repo.upsert(edited)
    summary = await seed_from_graph(repo, FakeDirectory(org), NETWORK_GROUP, "netz", NOW)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 11)
    assert await repo.get("netz", key) == replace(edited, name=stored.name)


async def test_unknown_group_seeds_nothing() -> None:
    repo = InMemoryExpertRepository()
    summary = await seed_from_graph(
        repo, FakeDirectory(load_demo_organisation()), "no-such-group", "netz", NOW
    )
    assert (summary.added, summary.updated) == (0, 0) and await repo.list_pool("netz") == []
