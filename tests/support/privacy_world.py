"""Two people's data in every table, stored through the real repositories (privacy tests)."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.birthdays import SqlBirthdayRepository
from bot.adapters.db.decisions import SqlDecisionLog
from bot.adapters.db.experts import SqlExpertRepository
from bot.adapters.db.jobs import SqlJobQueue
from bot.adapters.db.ledger import SqlActivityLedger
from bot.adapters.db.members import SqlMemberRepository
from bot.adapters.db.models import Base
from bot.adapters.db.onboarding import SqlOnboardingRepository
from bot.adapters.db.questions import SqlQuestionRepository
from bot.adapters.db.references import SqlConversationReferences
from bot.adapters.db.rooms import SqlRoomRequestRepository
from bot.adapters.db.roulette import SqlRouletteRepository
from bot.adapters.db.stammtisch import SqlStammtischRepository
from bot.adapters.db.urgent import SqlUrgentCallRepository
from bot.domain.birthdays.model import BirthdayProfile, DayOfYear, Follow, Visibility
from bot.domain.conversation_refs import StoredReference
from bot.domain.members.model import InstalledTeam, Reach, TeamMember
from bot.domain.onboarding.model import Onboarding, OnboardingState, VolunteerProfile
from bot.domain.rooms.model import AuditEntry, RequestState, RoomRequest
from bot.domain.roulette.model import Group, Participant, RoundStats
from bot.domain.routing.decisions import DecisionSignal
from bot.domain.routing.experts import ExpertRecord
from bot.domain.routing.named import NamedExpert
from bot.domain.routing.questions import Question, QuestionState
from bot.domain.routing.why import Why
from bot.domain.stammtisch.model import Poll, PollState, Rule, Vote
from bot.domain.stammtisch.poll import Answer
from bot.domain.urgent.model import Ask as UrgentAsk
from bot.domain.urgent.model import AuditEntry as UrgentAudit
from bot.domain.urgent.model import CallState as UrgentState
from bot.domain.urgent.model import Participant as UrgentParticipant
from bot.domain.urgent.model import Slot as UrgentSlot
from bot.domain.urgent.model import UrgentCall

NOW = datetime(2026, 6, 15, 10, 0, tzinfo=UTC)
CHANNEL = "19:team-channel@thread.tacv2"
SERVICE = "https://smba.example/emea/"


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    mail: str
    teams_id: str
    chat: str  # id of the 1:1 chat with the bot

    @property
    def values(self) -> tuple[str, ...]:
        """Everything that identifies the person (what an erasure must leave nowhere)."""
        return (self.key, self.name, self.mail, self.teams_id, self.chat)

    def ref(self, conversation: str = CHANNEL, kind: str = "channel") -> dict[str, Any]:
        return {
            "activityId": "act-1", "channelId": "msteams", "serviceUrl": SERVICE,
            "user": {"id": self.teams_id, "name": self.name, "aadObjectId": self.key},
            "bot": {"id": "28:bot", "name": "Assistenz-Bot"},
            "conversation": {"id": conversation, "conversationType": kind, "tenantId": "t1"},
        }  # fmt: skip

    def member(self, team: InstalledTeam, seen_at: datetime = NOW) -> TeamMember:
        """The person in ``team``'s roster."""
        return TeamMember(team.team_id, self.teams_id, self.key, self.name, self.mail, "t1",
                          SERVICE, "28:bot", seen_at)  # fmt: skip

    def dm(self) -> dict[str, Any]:
        """The handle of a card in the person's 1:1 chat."""
        return {"reference": self.ref(self.chat, "personal"), "activity_id": "dm-1"}


ANNA = Person("aaaa1111-aaaa-4aaa-8aaa-aaaaaaaaaaaa", "Anna Auerbach", "anna.auerbach@firma.de",
              "29:1anna-teams-id", "a:1anna-personal-chat")  # fmt: skip
BERND = Person("bbbb2222-bbbb-4bbb-8bbb-bbbbbbbbbbbb", "Bernd Brückner", "bernd@firma.de",
               "29:1bernd-teams-id", "a:1bernd-personal-chat")  # fmt: skip
CARLA = Person("cccc3333-cccc-4ccc-8ccc-cccccccccccc", "Carla Christ", "carla@firma.de",
               "29:1carla-teams-id", "a:1carla-personal-chat")  # fmt: skip


def as_text(value: Any) -> str:
    """A stored value as text, JSON without escapes (what a person would search for)."""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else str(value)


async def table_rows(
    sessions: async_sessionmaker[AsyncSession], name: str
) -> list[dict[str, Any]]:
    """Every row of a table as a dict."""
    async with sessions() as session:
        result = await session.execute(select(Base.metadata.tables[name]))
        return [dict(row) for row in result.mappings()]


def found_in(row: dict[str, Any], person: Person) -> list[str]:
    """The person's identifying values found in any column of ``row`` (case ignored)."""
    text = " | ".join(as_text(value) for value in row.values()).casefold()
    return [value for value in person.values if value.casefold() in text]


DAYS = (date(2026, 5, 12), date(2026, 5, 13))


def team(
    team_id: str, name: str, installed_at: datetime = NOW - timedelta(days=60)
) -> InstalledTeam:
    """A team the app is installed in (not stored yet)."""
    return InstalledTeam(team_id, "t1", SERVICE, "28:bot", name, installed_at)


NETWORK = team("19:network@thread.tacv2", "Assistenz-Netzwerk")
BOARD = team("19:board@thread.tacv2", "Vorstandsbüro")


def poll_draft(month: date, organiser: Person, key: str = "team-1") -> Poll:
    """A poll of ``month`` (not stored yet)."""
    return Poll(
        id=0, key=f"{key}:{month:%Y-%m}", team_key=key, place={"reference": organiser.ref()},
        month=month, dates=DAYS, places=("Brauhaus",), lunch_start=time(12),
        lunch_end=time(13, 30), deadline=NOW + timedelta(days=3), organiser_key=organiser.key,
        organiser_name=organiser.name, tenant_id="t1", language="de",
        created_at=NOW - timedelta(days=40),
        event_id=f"{ANNA.mail}|event-1" if organiser is ANNA else None,
    )  # fmt: skip


def request_draft(who: Person, text: str, **changes: Any) -> RoomRequest:
    """A pending room request for tomorrow (not stored yet)."""
    start = NOW + timedelta(days=1)
    return replace(RoomRequest(
        id=0, requester_key=who.key, requester_name=who.name, tenant_id="t1",
        place={"reference": who.ref(who.chat, "personal")}, text=text, start=start,
        end=start + timedelta(hours=1), attendees=6, features=("video",),
        created_at=NOW - timedelta(hours=2), state=RequestState.PENDING,
        options=("raum1@firma.de",), room="raum1@firma.de", reason="Vorstandstermin",
    ), **changes)  # fmt: skip


def question_draft(asker: Person, text: str, experts: list[Person], **changes: Any) -> Question:
    """An open question asked two days ago (not stored yet)."""
    named = tuple(
        NamedExpert(p.key, p.name, Why("topic", topic="Concur"), "Einkauf", "Haus A")
        for p in experts
    )
    question = Question(
        id=0, pool_id="default", asker_key=asker.key, asker_name=asker.name, text=text,
        language="de", state=QuestionState.ASKED, experts=named, current_index=0,
        asked_at=NOW - timedelta(days=2), escalate_at=NOW + timedelta(hours=4),
        tenant_id="t1", thread={"reference": asker.ref(), "activity_id": "thread-1"},
    )  # fmt: skip
    return replace(question, **changes)


@dataclass
class Seeded:
    """Ids of the seeded records the tests look at."""

    questions: dict[str, int]
    closed_poll: int
    open_poll: int
    requests: dict[str, int]


async def seed(sessions: async_sessionmaker[AsyncSession]) -> Seeded:
    """Anna's and Bernd's (and a little of Carla's) data in every table."""
    refs, ledger = SqlConversationReferences(sessions), SqlActivityLedger(sessions)
    for person in (ANNA, BERND):
        for conversation, kind in ((person.chat, "personal"), (CHANNEL, "channel")):
            ref = person.ref(conversation, kind)
            await refs.save(StoredReference(conversation, person.key, kind, "t1", SERVICE, ref,
                                            NOW - timedelta(days=1)))  # fmt: skip
    for key in (f"msg|{ANNA.chat}|m1", f"joined|team-1|{ANNA.teams_id}", f"msg|{BERND.chat}|m2",
                f"msg|{CHANNEL}|m3"):  # fmt: skip
        await ledger.claim(key, NOW)
    experts = SqlExpertRepository(sessions)
    about = "Ich bin Anna Auerbach."
    await experts.upsert(
        ExpertRecord("default", ANNA.key, ANNA.name, ANNA.mail, "Vorstand", about=about)
    )
    await experts.upsert(
        ExpertRecord("default", BERND.key, BERND.name, BERND.mail, "Einkauf", deputy_key=ANNA.key)
    )
    questions = await _seed_questions(sessions)
    closed_poll, open_poll = await _seed_stammtisch(sessions)
    requests = await _seed_rooms(sessions)
    jobs = SqlJobQueue(sessions)
    for person in (ANNA, BERND):
        payload = {"poll_id": open_poll, "member_key": person.key, "kind": "reminder"}
        await jobs.schedule("stammtisch.direct", payload, NOW + timedelta(hours=1),
                            f"stammtisch.direct:reminder:{open_poll}:x:{person.key}")  # fmt: skip
    payload = {"poll_id": closed_poll, "member_key": ANNA.key, "kind": "day_before"}
    await jobs.schedule("stammtisch.direct", payload, NOW - timedelta(days=3),
                        f"stammtisch.direct:day_before:{closed_poll}:{ANNA.key}")  # fmt: skip
    [done] = await jobs.claim_due(NOW, 10, timedelta(minutes=5))
    await jobs.complete(done.id, NOW)
    await _seed_onboarding(sessions)
    await _seed_members(sessions)
    await _seed_birthdays(sessions)
    await _seed_urgent(sessions)
    await _seed_roulette(sessions)
    return Seeded(questions, closed_poll, open_poll, requests)


async def _seed_questions(sessions: async_sessionmaker[AsyncSession]) -> dict[str, int]:
    repo, jobs = SqlQuestionRepository(sessions), SqlJobQueue(sessions)
    answered = NOW - timedelta(days=1)
    drafts = {
        "anna_answered": question_draft(ANNA, "Wie buche ich Reisekosten in Concur?", [BERND],
                                   state=QuestionState.ANSWERED, owner_key=BERND.key,
                                   answer_text="Im Menü Belege.", answered_at=answered),
        "anna_open": question_draft(ANNA, "Hier Anna Auerbach: wer kennt SAP?", [BERND],
                               thread={"reference": ANNA.ref(ANNA.chat, "personal")},
                               expert_cards={BERND.key: BERND.dm()}),
        "anna_asked": question_draft(BERND, "Wer kennt Concur?", [ANNA, CARLA],
                                expert_cards={ANNA.key: ANNA.dm()}),
        "anna_answers": question_draft(BERND, "Wo ist die Reisestelle?", [ANNA],
                                  state=QuestionState.ANSWERED, owner_key=ANNA.key,
                                  answer_text="Haus B, 3. Stock.", answered_at=answered),
        "anna_took": question_draft(BERND, "Wer bestellt Visitenkarten?", [ANNA],
                               state=QuestionState.TAKEN, owner_key=ANNA.key, escalate_at=None),
        "bernd_only": question_draft(BERND, "Wer kennt Excel?", [CARLA]),
    }  # fmt: skip
    ids = {}
    for name, draft in drafts.items():
        stored = await repo.add(draft)
        ids[name] = stored.id
        if stored.state is QuestionState.ASKED:
            payload = {"question_id": stored.id, "version": 1}
            await jobs.schedule("routing.escalate", payload, NOW + timedelta(hours=4),
                                f"routing.escalate:{stored.id}:1")  # fmt: skip
    # Anna declined Bernd's question and forwarded it to Carla; Bernd declined Anna's.
    decided = NOW - timedelta(days=2)
    await SqlDecisionLog(sessions).record([
        DecisionSignal("default", ids["anna_asked"], ANNA.key, "declined", decided),
        DecisionSignal("default", ids["anna_asked"], CARLA.key, "forwarded_to", decided),
        DecisionSignal("default", ids["anna_answered"], BERND.key, "declined", decided),
        DecisionSignal("default", ids["bernd_only"], ANNA.key, "forwarded_to", decided),
    ])  # fmt: skip
    return ids


async def _seed_stammtisch(sessions: async_sessionmaker[AsyncSession]) -> tuple[int, int]:
    repo = SqlStammtischRepository(sessions)
    await repo.save_rule(Rule("team-1", {"reference": ANNA.ref()}, ANNA.key, ANNA.name, "t1"))
    days = DAYS
    ids = []
    for month, organiser in ((date(2026, 5, 1), ANNA), (date(2026, 7, 1), BERND)):
        poll, _ = await repo.add_poll(poll_draft(month, organiser))
        for person, second in ((ANNA, Answer.MAYBE), (BERND, Answer.NO)):
            answers = {days[0]: Answer.YES, days[1]: second}
            await repo.cast(Vote(poll.id, person.key, person.name, person.teams_id, answers,
                                 "Brauhaus", NOW - timedelta(days=35)))  # fmt: skip
        ids.append(poll.id)
    closed = await repo.get_poll(ids[0])
    assert closed is not None
    await repo.save_poll(replace(closed, state=PollState.CLOSED, winner_day=days[0],
                                 closed_at=NOW - timedelta(days=30), version=2))  # fmt: skip
    return ids[0], ids[1]


async def _seed_rooms(sessions: async_sessionmaker[AsyncSession]) -> dict[str, int]:
    repo, jobs = SqlRoomRequestRepository(sessions), SqlJobQueue(sessions)
    drafts = {
        "anna": request_draft(ANNA, "morgen 14 Uhr, Anna Auerbach", approvers=(BERND.key,)),
        "anna_approves": request_draft(BERND, "Raum für 6", approvers=(ANNA.key, CARLA.key)),
        "anna_decided": request_draft(BERND, "Raum Freitag", state=RequestState.BOOKED,
                                approvers=(ANNA.key,), decided_by=ANNA.key, decided_at=NOW),
    }  # fmt: skip
    ids = {}
    for name, draft in drafts.items():
        stored = await repo.add(draft)
        ids[name] = stored.id
        for approver in stored.approvers:
            await repo.record_card(stored.id, approver, {"reference": {"user": approver}})
        await repo.add_audit(AuditEntry(stored.id, NOW, stored.requester_key, "requested",
                                        stored.text))  # fmt: skip
        if stored.state is RequestState.PENDING:
            payload = {"request_id": stored.id, "version": 1}
            await jobs.schedule("rooms.remind", payload, NOW + timedelta(hours=4),
                                f"rooms.remind:{stored.id}:1")  # fmt: skip
    await repo.add_audit(AuditEntry(ids["anna_decided"], NOW, ANNA.key, "approved"))
    return ids


async def _seed_urgent(sessions: async_sessionmaker[AsyncSession]) -> None:
    """Anna asks for a call with Bernd; Bernd asks for one that Anna is to free time for."""
    repo = SqlUrgentCallRepository(sessions)
    window = UrgentSlot(NOW, NOW + timedelta(hours=6))

    def call(asker: Person, other: Person, *asks: UrgentAsk) -> UrgentCall:
        return UrgentCall(
            id=0, asker_key=asker.key, asker_name=asker.name, tenant_id="t1",
            organiser=asker.mail, on_behalf_key=asker.key, on_behalf_name=asker.name,
            participants=(UrgentParticipant(asker.key, asker.name, asker.mail),
                          UrgentParticipant(other.key, other.name, other.mail)),
            minutes=30, window=window, created_at=NOW, state=UrgentState.ASKING, asks=asks,
        )  # fmt: skip

    mine = await repo.add(call(ANNA, BERND))
    await repo.record_card(mine.id, "asker", ANNA.dm())
    theirs = await repo.add(call(BERND, CARLA, UrgentAsk(ANNA.key, ANNA.name, CARLA.key)))
    await repo.record_card(theirs.id, f"{ANNA.key}|{CARLA.key}", ANNA.dm())
    await repo.add(call(BERND, CARLA))
    for done in (mine, theirs):
        await repo.add_audit(UrgentAudit(done.id, NOW, ANNA.key, "answered", "no"))
    await repo.add_audit(UrgentAudit(theirs.id, NOW, BERND.key, "requested", CARLA.mail))


async def _seed_onboarding(sessions: async_sessionmaker[AsyncSession]) -> None:
    repo = SqlOnboardingRepository(sessions)
    for newcomer, buddy in ((ANNA, CARLA), (BERND, ANNA)):
        await repo.start(Onboarding(
            id=0, newcomer_key=newcomer.key, newcomer_name=newcomer.name, tenant_id="t1",
            source="team", created_at=NOW - timedelta(days=10), state=OnboardingState.PAIRED,
            buddy_key=buddy.key, buddy_name=buddy.name, reasons=("gleiches Haus",),
            paired_at=NOW - timedelta(days=10),
        ))  # fmt: skip
    for person in (ANNA, CARLA):
        await repo.save_volunteer(VolunteerProfile(person.key, person.name, 2))
    await repo.remember_members("group-1", [ANNA.key, BERND.key], NOW - timedelta(days=20))


async def _seed_members(sessions: async_sessionmaker[AsyncSession]) -> None:
    """Anna and Bernd in the network's team, Anna left the board's; Anna's last message
    failed (blocked), Bernd's arrived."""
    repo = SqlMemberRepository(sessions)
    for installed in (NETWORK, BOARD):
        await repo.install_team(installed)
    await repo.upsert_members([ANNA.member(NETWORK), BERND.member(NETWORK), ANNA.member(BOARD)])
    await repo.remove_member(BOARD.team_id, ANNA.teams_id, NOW - timedelta(days=3))
    await repo.record_reach(Reach(ANNA.key, "", False, "blocked", NOW - timedelta(hours=1)))
    await repo.record_reach(Reach(BERND.key, BERND.name, True, "roster", NOW))


async def _seed_birthdays(sessions: async_sessionmaker[AsyncSession]) -> None:
    """Anna and Bernd share birthdays and follow each other; Carla follows Anna, Bernd Carla."""
    repo = SqlBirthdayRepository(sessions)
    for person, day in ((ANNA, DayOfYear(29, 2)), (BERND, DayOfYear(14, 3))):
        await repo.save(BirthdayProfile(person.key, person.name, "t1", day, Visibility.NETWORK,
                                        jubilee=True, updated_at=NOW))  # fmt: skip
    pairs = ((ANNA, BERND), (BERND, ANNA), (CARLA, ANNA), (BERND, CARLA), (CARLA, BERND))
    for follower, followed in pairs:
        await repo.follow(Follow(follower.key, followed.key, followed.name, "t1", NOW))


async def _seed_roulette(sessions: async_sessionmaker[AsyncSession]) -> None:
    """Anna and Bernd take part; they met in round 1, Bernd and Carla in round 2."""
    repo = SqlRouletteRepository(sessions)
    for person in (ANNA, BERND):
        await repo.save_participant(Participant(person.key, person.name, "t1", ("coffee",)))
    for number, (a, b) in ((1, (ANNA, BERND)), (2, (BERND, CARLA))):
        group = Group(0, number, (a.key, b.key), (a.name, b.name), ("coffee",), "t1")
        await repo.start_round(RoundStats(number, NOW - timedelta(days=14), 2, 1), [group])
