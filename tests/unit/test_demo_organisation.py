"""The demo organisation is coherent, and the Playground config matches it."""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from devkit.demo import (
    PLAYGROUND_CONFIG_PATH,
    DemoOrganisation,
    expand_calendar_seeds,
    load_demo_organisation,
)

ROOT = Path(__file__).resolve().parents[2]
PLAYGROUND_JS = ROOT / "node_modules/@microsoft/m365agentsplayground/dist/index.js"


@pytest.fixture(scope="module")
def org() -> DemoOrganisation:
    return load_demo_organisation()


@pytest.fixture(scope="module")
def playground() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(PLAYGROUND_CONFIG_PATH.read_text("utf-8"))
    return loaded


def _is_guid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def test_counts_and_shape(org: DemoOrganisation) -> None:
    assert org.name == "Nordlicht Demo GmbH" and _is_guid(org.tenant_id)
    assert len(org.people) >= 30
    assert len({p.department for p in org.people}) >= 10
    assert {s.name for s in org.sites} == {"Hamburg, Haus Alster", "Köln, Deutz-Campus"}
    assert 10 <= len(org.rooms) <= 14
    assert 3 <= sum(r.restricted for r in org.rooms) <= 4
    languages = Counter(p.preferred_language for p in org.people)
    assert set(languages) == {"de-DE", "en-US"} and languages["de-DE"] > 3 * languages["en-US"]
    statuses = sorted(p.automatic_replies.status for p in org.people if p.automatic_replies)
    assert statuses == ["alwaysEnabled", "scheduled"]


def test_ids_and_mails_are_unique_guids(org: DemoOrganisation) -> None:
    ids = [p.id for p in org.people] + [g.id for g in org.groups] + [r.id for r in org.rooms]
    assert all(_is_guid(i) for i in ids) and len(set(ids)) == len(ids)
    mails = [p.mail for p in org.people] + [r.email_address for r in org.rooms]
    assert len(set(mails)) == len(mails)
    assert all(m.endswith("@nordlicht-demo.de") and m == m.lower() for m in mails)


def test_locations_belong_to_sites(org: DemoOrganisation) -> None:
    sites = tuple(s.name for s in org.sites)
    assert all(p.office_location.startswith(sites) for p in org.people)
    assert all(r.building in sites for r in org.rooms)
    assert {r.building for r in org.rooms} == set(sites)


def test_restricted_rooms_have_existing_assistant_owners(org: DemoOrganisation) -> None:
    for room in org.rooms:
        if not room.restricted:
            assert room.owners == (), room.display_name
            continue
        assert room.owners, room.display_name
        for owner in room.owners:
            person = org.person(owner)
            assert person is not None and person.is_assistant, (room.display_name, owner)


def test_groups_team_and_network(org: DemoOrganisation) -> None:
    for group in org.groups:
        for member in group.members:
            assert org.person(member) or org.group(member), (group.display_name, member)
    network = org.group(org.team.group_id)
    assert network is not None and network.display_name == "Assistenz-Netzwerk"
    members = org.transitive_people(network.id)
    assistants = [p for p in org.people if p.is_assistant]
    assert all(p.is_assistant for p in members)
    assert len(members) > len(assistants) / 2 and len(members) < len(assistants)
    assert org.team.name == "Assistenz-Netzwerk"
    assert [c.name for c in org.team.channels] == ["General", "Stammtisch"]
    assert org.team.channels[0].id == org.team.id  # Teams: General has the team's id


def test_calendar_seeds_reference_real_mailboxes(org: DemoOrganisation) -> None:
    for seed in org.calendar_seeds:
        assert org.room(seed.mailbox) is not None, seed.mailbox
        assert org.person(seed.organizer) is not None, seed.organizer
        assert seed.start < seed.end and (seed.weekdays or seed.day_offset is not None)
    monday = date(2026, 3, 2)
    occurrences = expand_calendar_seeds(org, monday, days_before=0, days_after=6)
    assert len({o.mailbox for o in occurrences}) >= 8
    assert len({o.key for o in occurrences}) == len(occurrences)


def test_playground_matches_organisation(
    org: DemoOrganisation, playground: dict[str, Any]
) -> None:
    assert playground["tenantId"] == org.tenant_id
    assert playground["bot"] == {"id": org.bot.id, "name": org.bot.name}
    accounts = [playground["currentUser"], *playground["users"]]
    assert len(playground["users"]) == 5  # the Playground requires exactly five
    network = {p.id for p in org.transitive_people(org.team.group_id)}
    for account in accounts:
        person = org.person(account["aadObjectId"])
        assert person is not None, account["name"]
        assert account["id"] == f"29:{person.id}"
        assert (account["name"], account["email"], account["userPrincipleName"]) == (
            person.display_name,
            person.mail,
            person.user_principal_name,
        )
        assert (account["givenName"], account["surname"]) == (person.given_name, person.surname)
        assert person.id in network  # Playground team members = Entra group members
    team = playground["team"]
    assert (team["id"], team["name"], team["aadGroupId"]) == (
        org.team.id,
        org.team.name,
        org.team.group_id,
    )
    assert team["channels"] == [{"id": c.id, "name": c.name} for c in org.team.channels[1:]]


def _bundled_schema() -> dict[str, Any]:
    source = PLAYGROUND_JS.read_text("utf-8")
    match = re.search(
        r"JSON\.parse\('(\{\"\$id\":\"https://aka\.ms/teams-app-test-tool-config/(?:[^'\\]|\\.)*)'\)",
        source,
    )
    assert match, "config schema not found in the Playground bundle"
    text = re.sub(r"\\(.)", lambda m: m.group(1) if m.group(1) in "'\\" else m.group(0), match[1])
    schema: dict[str, Any] = json.loads(text)
    return schema


@pytest.mark.skipif(not PLAYGROUND_JS.exists(), reason="Agents Playground not installed")
def test_playground_config_satisfies_bundled_schema(playground: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(playground, _bundled_schema())
    chat_ids = [playground["personalChat"]["id"], playground["groupChat"]["id"]]
    chat_ids += [playground["team"]["id"], *(c["id"] for c in playground["team"]["channels"])]
    assert len(set(chat_ids)) == len(chat_ids)  # the Playground's own uniqueness rule


def test_managers_exist_and_assistants_report_to_their_executive(org: DemoOrganisation) -> None:
    for person in org.people:
        manager = org.person(person.manager) if person.manager else None
        assert (manager is None) == (person.manager is None), person.display_name
        if person.is_assistant:
            assert manager is not None and not manager.is_assistant, person.display_name
            assert manager.department == person.department
    assert any(p.manager and not p.is_assistant for p in org.people)
    assert any(p.manager is None for p in org.people)
    data = json.loads(org.model_dump_json(by_alias=True))
    data["people"][0]["manager"] = "00000000-0000-0000-0000-000000000000"
    with pytest.raises(ValueError, match="unknown manager"):
        DemoOrganisation.model_validate(data)
