"""Row helpers for the privacy adapter: who a person is in the tables, and finding their rows."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    ColumnElement,
    String,
    Table,
    Text,
    and_,
    cast,
    delete,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.member_tables import MemberReachRow, TeamMemberRow
from bot.adapters.db.models import (
    Base,
    BuddyVolunteerRow,
    ConversationReferenceRow,
    ExpertRow,
    OnboardingRow,
    QuestionRow,
    RoomRequestRow,
    StammtischPollRow,
    StammtischRuleRow,
    StammtischVoteRow,
    UrgentCallRow,
)
from bot.domain.privacy.identity import Identity, Traces

Row = dict[str, Any]
RowRule = Callable[[Row], Row | None]
"""New values of a row, or None to delete it."""


def table(model: type[Base]) -> Table:
    """The Core table of an ORM model."""
    return Base.metadata.tables[model.__tablename__]


def mentions(target: Table, identifiers: Iterable[str]) -> ColumnElement[bool]:
    """Rows in which any text or JSON column contains one of ``identifiers`` (any case).

    A substring search (portable, uses no regular expressions in SQL): it also finds
    "julia.schmidt@firma.de" for "a.schmidt@firma.de". Only a prefilter; callers re-check the
    rows (``rows_mentioning``) or compare the values exactly.
    """
    texts = [
        func.lower(cast(column, Text) if isinstance(column.type, JSON) else column, type_=Text)
        for column in target.columns
        if isinstance(column.type, String | JSON)
    ]
    values = sorted({value.lower() for value in identifiers if value})
    return or_(*(text.contains(value, autoescape=True) for text in texts for value in values))


async def rows_mentioning(
    session: AsyncSession, target: Table, identity: Identity, *, lock: bool = True
) -> list[Row]:
    """Every row that mentions one of the person's identifiers as a whole token, locked for
    the erasure (rows the SQL prefilter found only by a longer value are left alone)."""
    statement = select(target).where(mentions(target, identity.identifiers))
    if lock:
        statement = statement.with_for_update()
    traces = Traces(identity)
    found = (dict(row) for row in (await session.execute(statement)).mappings())
    return [row for row in found if traces.identified_in(row)]


async def rewrite(session: AsyncSession, target: Table, rows: Sequence[Row], rule: RowRule) -> int:
    """Apply ``rule`` to each row (update the changed columns, or delete); rows changed."""
    keys = list(target.primary_key.columns)
    changed_rows = 0
    for row in rows:
        new = rule(row)
        where = and_(*(column == row[column.name] for column in keys))
        if new is None:
            await session.execute(delete(target).where(where))
            changed_rows += 1
            continue
        changes = {name: value for name, value in new.items() if value != row.get(name)}
        if changes:
            await session.execute(update(target).where(where).values(**changes))
            changed_rows += 1
    return changed_rows


async def identity_of(session: AsyncSession, user_key: str) -> Identity:
    """The person's key plus the Teams ids, mail addresses, 1:1 chat ids and names stored."""
    ids: set[str] = set()
    names: set[str] = set()
    refs = await session.execute(
        select(ConversationReferenceRow.conversation_id, ConversationReferenceRow.kind,
               ConversationReferenceRow.reference)
        .where(ConversationReferenceRow.user_key == user_key)
    )  # fmt: skip
    for conversation_id, kind, reference in refs:
        user = (reference.get("user") or {}) if isinstance(reference, dict) else {}
        # Only the person's own account: never let e.g. the bot's id become "theirs".
        if user_key in (user.get("aadObjectId"), user.get("id")):
            ids.add(str(user.get("id") or ""))
            names.add(str(user.get("name") or ""))
        if kind == "personal":  # the 1:1 chat's id stands for the person
            ids.add(conversation_id)
    for name, mail in await session.execute(
        select(ExpertRow.name, ExpertRow.email).where(ExpertRow.user_key == user_key)
    ):
        names.add(name)
        ids.add(mail or "")
    for name, teams_id in await session.execute(
        select(StammtischVoteRow.member_name, StammtischVoteRow.teams_id).where(
            StammtischVoteRow.member_key == user_key
        )
    ):
        names.add(name)
        ids.add(teams_id)
    # The roster: Teams ids of every membership, the UPN (mostly, not always, the mail).
    for name, teams_id, upn in await session.execute(
        select(TeamMemberRow.name, TeamMemberRow.teams_id, TeamMemberRow.upn).where(
            TeamMemberRow.user_key == user_key
        )
    ):
        names.add(name)
        ids.update((teams_id, upn))
    for column, key_column in (
        (QuestionRow.asker_name, QuestionRow.asker_key),
        (StammtischRuleRow.organiser_name, StammtischRuleRow.organiser_key),
        (StammtischPollRow.organiser_name, StammtischPollRow.organiser_key),
        (RoomRequestRow.requester_name, RoomRequestRow.requester_key),
        (OnboardingRow.newcomer_name, OnboardingRow.newcomer_key),
        (OnboardingRow.buddy_name, OnboardingRow.buddy_key),
        (BuddyVolunteerRow.name, BuddyVolunteerRow.user_key),
        (MemberReachRow.name, MemberReachRow.user_key),
    ):
        names.update(await session.scalars(select(column).where(key_column == user_key)))
    candidates = await session.scalars(
        select(QuestionRow.candidates).where(mentions(table(QuestionRow), [user_key]))
    )
    for entries in candidates:
        names.update(str(e.get("name", "")) for e in entries if e.get("expert_key") == user_key)
    _urgent_traces(await session.execute(
        select(UrgentCallRow.asker_key, UrgentCallRow.asker_name, UrgentCallRow.organiser,
               UrgentCallRow.participants, UrgentCallRow.asks)
        .where(mentions(table(UrgentCallRow), [user_key]))
    ), user_key, ids, names)  # fmt: skip
    return Identity(user_key).with_values(ids, names)


def _urgent_traces(rows: Iterable[Any], user_key: str, ids: set[str], names: set[str]) -> None:
    """Urgent calls: an asker's calls are sent from their own mailbox (the organiser), found
    nowhere else when they have no expert profile and no team roster entry; a participant's
    mail and name, an asked assistant's name."""
    for asker_key, asker_name, organiser, participants, asks in rows:
        if asker_key == user_key:
            names.add(asker_name)
            ids.add(organiser)
        for person in participants or ():
            if person.get("key") == user_key:
                names.add(str(person.get("name") or ""))
                ids.add(str(person.get("mail") or ""))
        for ask in asks or ():
            if ask.get("assistant_key") == user_key:
                names.add(str(ask.get("assistant_name") or ""))


def jsonable(value: Any) -> Any:
    """A stored value as JSON (times and days as ISO 8601 text)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    return value
