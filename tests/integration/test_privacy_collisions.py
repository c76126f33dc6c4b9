"""Erasing one person leaves other people's similar identifiers alone (SQLite, PostgreSQL).

The SQL search for a person's rows matches substrings ("a.schmidt@firma.de" is inside
"julia.schmidt@firma.de"); only whole tokens may count as theirs, else the erasure rewrites
someone else's mail address into "juli" + pseudonym.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.experts import SqlExpertRepository
from bot.adapters.db.members import SqlMemberRepository
from bot.adapters.db.privacy import SqlPersonalData
from bot.adapters.db.urgent import SqlUrgentCallRepository
from bot.domain.privacy.identity import ERASED_NAME, Identity, Traces, is_pseudonym
from bot.domain.routing.experts import ExpertRecord
from bot.domain.urgent.model import CallState, Participant, Slot, UrgentCall
from tests.support.privacy_world import BERND, NETWORK, NOW, Person, table_rows

ANTON = Person("a0a0a0a0-aaaa-4aaa-8aaa-aaaaaaaaaaaa", "Anton Schmidt", "a.schmidt@firma.de",
               "29:1anton", "a:1anton-chat")  # fmt: skip
JULIA = Person("b0b0b0b0-bbbb-4bbb-8bbb-bbbbbbbbbbbb", "Julia Schmidt", "julia.schmidt@firma.de",
               "29:1anton-julia", "a:1julia-chat")  # fmt: skip


def _call(asker: Person, *others: Person) -> UrgentCall:
    return UrgentCall(
        id=0, asker_key=asker.key, asker_name=asker.name, tenant_id="t1", organiser=asker.mail,
        on_behalf_key=asker.key, on_behalf_name=asker.name,
        participants=tuple(Participant(p.key, p.name, p.mail) for p in (asker, *others)),
        minutes=30, window=Slot(NOW, NOW + timedelta(hours=6)), created_at=NOW,
        state=CallState.ASKING,
    )  # fmt: skip


async def test_erasing_anton_leaves_julias_mail_and_ids_unchanged(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    experts = SqlExpertRepository(sessions)
    members = SqlMemberRepository(sessions)
    urgent = SqlUrgentCallRepository(sessions)
    await members.install_team(NETWORK)
    await members.upsert_members([ANTON.member(NETWORK), JULIA.member(NETWORK)])
    for person in (ANTON, JULIA):
        await experts.upsert(ExpertRecord("net", person.key, person.name, person.mail))
    together = await urgent.add(_call(JULIA, ANTON))  # names both: only Anton goes
    theirs = await urgent.add(_call(JULIA, BERND))  # names only Julia: not touched at all
    untouched = {
        name: [r for r in await table_rows(sessions, name) if r["user_key"] == JULIA.key]
        for name in ("experts", "team_members")
    }
    [julias_call] = [r for r in await table_rows(sessions, "urgent_calls") if r["id"] == theirs.id]

    counts = await SqlPersonalData(sessions).erase(ANTON.key, NOW)

    assert (counts["experts"], counts["team_members"], counts["urgent_calls"]) == (1, 1, 1)
    for name, rows in untouched.items():
        assert await table_rows(sessions, name) == rows, name  # only Julia's, unchanged
    calls = {r["id"]: r for r in await table_rows(sessions, "urgent_calls")}
    assert calls[theirs.id] == julias_call
    shared = calls[together.id]
    assert shared["organiser"] == JULIA.mail
    julia, anton = shared["participants"]
    assert {k: julia[k] for k in ("key", "name", "mail")} == {
        "key": JULIA.key, "name": JULIA.name, "mail": JULIA.mail
    }  # fmt: skip
    assert is_pseudonym(anton["mail"]) and anton["name"] == ERASED_NAME
    assert ANTON.key not in str(shared) and ANTON.name not in str(shared)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("julia.schmidt@firma.de", False),
        ("a.schmidt@firma.de.evil", False),
        ("xa.schmidt@firma.de", False),
        ("A.Schmidt@Firma.de", True),
        ("Bitte an a.schmidt@firma.de.", True),
        ("<a.schmidt@firma.de>", True),
        ("29:1anton-julia", False),
        ("job:29:1anton:3", True),
    ],
)
def test_identifiers_match_as_whole_tokens_only(text: str, found: bool) -> None:
    traces = Traces(Identity(ANTON.key).with_values([ANTON.mail, ANTON.teams_id]))
    assert traces.identified_in(text) is found
    assert (traces.scrub(text, "X") != text) is found
