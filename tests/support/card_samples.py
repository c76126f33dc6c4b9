"""Every card builder of cards/ rendered with realistic data, in several states.

Used by the Adaptive Cards check (tests/unit/test_card_validation.py): a builder that is added
to cards/ without a sample here makes that test fail.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.graph_types import Person, Room
from bot.domain.members.model import MemberFigures
from bot.domain.onboarding.model import Onboarding, OnboardingState, VolunteerProfile
from bot.domain.rooms.model import RequestState, RoomRequest
from bot.domain.rooms.when import parse_room_request
from bot.domain.routing.experts import ExpertRecord
from bot.domain.routing.named import NamedExpert
from bot.domain.routing.questions import Question, QuestionState
from bot.domain.routing.why import Why
from bot.domain.stammtisch.model import Member, Poll, PollState, Rule, Vote
from bot.domain.stammtisch.poll import Answer
from bot.domain.urgent.model import Ask, CallState, Slot, UrgentCall
from bot.domain.urgent.model import Participant as UrgentParticipant
from bot.status import MemberReport, Unreachable
from cards import builders, experts, privacy, routing, routing_confirm, status, who_knows
from cards.onboarding import OnboardingCards
from cards.rooms import BrokerCards
from cards.routing_confirm import MAX_CONFIRM_CHARS
from cards.stammtisch import StammtischCards
from cards.stammtisch_export import export_card
from cards.stammtisch_rule import rule_card
from cards.urgent import UrgentCards
from tests.support.birthday_card_samples import birthday_cards
from tests.support.roulette_card_samples import roulette_cards

ZONE = ZoneInfo("Europe/Berlin")
NOW = datetime(2027, 3, 1, 9, 30, tzinfo=ZONE)
KERSTIN, BIRGIT, SABINE = "f38180ae-kerstin", "e01e3544-birgit", "a7d2c9e1-sabine"
Sample = tuple[str, dict[str, Any]]


def _question(**changes: Any) -> Question:
    question = Question(
        id=42,
        pool_id="default",
        asker_key=SABINE,
        asker_name="Sabine Krüger",
        text="Wer kann mir bei der Raumplanung für die Vorstandssitzung in Hamburg helfen?",
        language="de",
        state=QuestionState.ASKED,
        experts=(
            NamedExpert(
                KERSTIN,
                "Kerstin Vogel",
                Why("topic", topic="Raumplanung"),
                "Vorstandsbüro",
                "Hamburg",
            ),
            NamedExpert(
                BIRGIT, "Birgit Fischer", Why("history", day="2026-11-12"), "Personal", "Köln"
            ),
        ),
        current_index=0,
        asked_at=NOW,
        thread={"link": "https://teams.microsoft.com/l/message/19:general/1?tenantId=t"},
    )
    return replace(question, **changes)


def _routing(lang: str) -> Iterator[Sample]:
    pool = [(KERSTIN, "Kerstin Vogel"), (BIRGIT, "Birgit Fischer"), (SABINE, "Sabine Krüger")]
    answered = _question(
        state=QuestionState.ANSWERED,
        owner_key=KERSTIN,
        answer_text="Raum 3.12 über Outlook buchen, Catering über Frau Lange.",
    )
    for state, question in (
        ("asked", _question()),
        ("answered", answered),
        ("taken", _question(state=QuestionState.TAKEN, owner_key=KERSTIN)),
        ("unassigned", _question(state=QuestionState.UNASSIGNED)),
    ):
        yield f"routing.thread_card.{state}", routing.thread_card(question, lang)
        yield f"routing.expert_card.{state}", routing.expert_card(question, KERSTIN, pool, lang)
    clarifying = _question(state=QuestionState.CLARIFYING)
    clarifying = replace(
        clarifying,
        escalate_at=datetime(2026, 3, 2, 10, 0, tzinfo=UTC),
        experts=tuple(
            replace(e, choice=label)
            for e, label in zip(clarifying.experts, ("Raumplanung Hamburg", "Raumplanung Köln"))
        ),
    )
    yield "routing.clarify_card", routing.clarify_card(clarifying, lang)
    unchosen = routing.RoutingCards.unchosen_mention(lang, "Raumplanung Hamburg", "Kerstin Vogel")
    yield "routing.note_card", routing.RoutingCards.note_card(unchosen.format(person="Anna"))
    crowd = [*pool, *((f"e-{n}", f"Expertin {n}") for n in range(300))]
    yield "routing.expert_card.large_pool", routing.expert_card(_question(), KERSTIN, crowd, lang)
    yield "routing.offer_card", routing.offer_card(answered, "Raumplanung Hamburg?", SABINE, lang)
    yield "routing.settled_card", routing.settled_card("Raumplanung?", "Gern!")
    yield "routing.answered_card", routing.answered_card(answered, lang)
    # The longest question and a long answer, in a script of three bytes per character.
    huge = replace(answered, text="答" * 28_000, answer_text="答" * 28_000)
    yield "routing.answered_card.largest", routing.answered_card(huge, lang)
    # The longest message offered as an answer, in a script of three bytes per character.
    longest = "答" * MAX_CONFIRM_CHARS
    yield (
        "routing_confirm.confirm_answer_card",
        routing_confirm.confirm_answer_card(_question(text="ü" * 28_000), longest, SABINE, lang),
    )
    yield (
        "routing.with_note",
        routing.with_note(routing.thread_card(answered, lang), "OK", good=True),
    )


def _poll(**changes: Any) -> Poll:
    dates = (date(2027, 4, 6), date(2027, 4, 7), date(2027, 4, 14), date(2027, 4, 21))
    poll = Poll(
        id=7,
        key="team:2027-04",
        team_key="19:team@thread.tacv2",
        place={"reference": {}},
        month=date(2027, 4, 1),
        dates=dates,
        places=("Brauhaus Sion", "Café Reichard"),
        lunch_start=time(12),
        lunch_end=time(13, 30),
        deadline=NOW + timedelta(days=4),
        organiser_key=SABINE,
        organiser_name="Sabine Krüger",
        tenant_id="t",
        language="de",
        created_at=NOW,
    )
    return replace(poll, **changes)


def _votes(poll: Poll, count: int) -> list[Vote]:
    answers = list(Answer)
    return [
        Vote(
            poll.id,
            f"member-{n}",
            f"Mitglied {n}",
            f"29:member-{n}",
            {day: answers[(n + i) % 3] for i, day in enumerate(poll.dates)},
            poll.places[n % 2],
            NOW + timedelta(minutes=n),
        )
        for n in range(count)
    ]


def _stammtisch(lang: str) -> Iterator[Sample]:
    views = StammtischCards(ZONE)
    poll = _poll(language=lang)
    closed = _poll(
        language=lang,
        state=PollState.CLOSED,
        winner_day=poll.dates[1],
        winner_place=poll.places[0],
        closed_at=NOW,
    )
    votes = _votes(poll, 70)
    yield "stammtisch.poll_card.no_votes", views.poll_card(poll, [])
    yield "stammtisch.poll_card.votes", views.poll_card(poll, votes)
    yield "stammtisch.poll_card.viewer", views.poll_card(poll, votes, votes[3], note="Danke!")
    yield "stammtisch.poll_card.closed", views.poll_card(closed, votes)
    yield (
        "stammtisch.poll_card.cancelled",
        views.poll_card(replace(closed, state=PollState.CANCELLED), votes),
    )
    yield "stammtisch.announcement_card", views.announcement_card(closed, votes)
    yield "stammtisch.announcement_card.none", views.announcement_card(closed, [])
    yield "stammtisch.reminder_card", views.reminder_card(poll, lang)
    yield "stammtisch.day_before_card", views.day_before_card(closed, lang)
    refused = views.invitation_refused_card(closed, ["Jana Becker", "Henrik Vogt"], lang)
    yield "stammtisch.invitation_refused_card", refused
    yield "stammtisch.uninvite_refused_card", views.uninvite_refused_card(closed, lang)
    yield "stammtisch.cancelled_card", views.cancelled_card(closed)
    missing = [Member("m-x", "Jana Becker", "29:m-x")]
    yield "stammtisch.export_card", views.export_card(closed, votes[:12], missing)
    many = [Member(f"m-{n}", f"Mitglied {n}", "") for n in range(400)]
    yield "stammtisch_export.export_card.first_page", export_card(closed, votes * 4, many)
    yield "stammtisch_export.export_card.later_page", export_card(closed, votes * 4, [], 200)
    yield "stammtisch_export.export_card.restarted", export_card(closed, votes, [], 9_999)
    rule = Rule(
        team_key=poll.team_key,
        place={},
        organiser_key=SABINE,
        organiser_name="Sabine Krüger",
        tenant_id="t",
        places=poll.places,
    )
    yield "stammtisch_rule.rule_card", rule_card(None, lang)
    yield "stammtisch.rule_card.stored", views.rule_card(rule, lang, note="Gespeichert.")
    next_posting = datetime(2026, 5, 4, 7, 0, tzinfo=UTC)
    yield "stammtisch.skipped_card", views.skipped_card(rule, date(2026, 5, 1), next_posting)


def _onboarding(**changes: Any) -> Onboarding:
    onboarding = Onboarding(
        id=11,
        newcomer_key="n-1",
        newcomer_name="Lena Hoffmann",
        tenant_id="t",
        source="team",
        created_at=NOW,
        state=OnboardingState.PAIRED,
        buddy_key=KERSTIN,
        buddy_name="Kerstin Vogel",
        reasons=("same_site", "same_floor"),
        paired_at=NOW,
    )
    return replace(onboarding, **changes)


def _onboarding_cards(lang: str) -> Iterator[Sample]:
    views = OnboardingCards()
    paired = _onboarding()
    unpaired = _onboarding(id=12, state=OnboardingState.UNPAIRED, buddy_key=None, buddy_name="")
    volunteers = [
        VolunteerProfile(KERSTIN, "Kerstin Vogel", 2),
        VolunteerProfile(BIRGIT, "Birgit Fischer"),
    ]
    yield (
        "onboarding.welcome_card.paired",
        views.welcome_card(paired, "kerstin.vogel@firma.de", lang),
    )
    yield "onboarding.welcome_card.unpaired", views.welcome_card(unpaired, "", lang)
    yield "onboarding.buddy_card", views.buddy_card(paired, "lena.hoffmann@firma.de", lang)
    changed = views.buddy_changed_card(paired, "lena.hoffmann@firma.de", lang)
    yield "onboarding.buddy_changed_card", changed
    yield "onboarding.replaced_card", views.replaced_card(paired, True, lang)
    yield "onboarding.replaced_card.stopped", views.replaced_card(paired, False, lang)
    yield "onboarding.opted_out_card", views.opted_out_card(paired, True, lang)
    yield "onboarding.newcomer_left_card", views.newcomer_left_card(paired, True, lang)
    yield "onboarding.admin_pick_card", views.admin_pick_card(unpaired, volunteers, lang)
    yield "onboarding.admin_pick_card.nobody", views.admin_pick_card(unpaired, [], lang)
    yield "onboarding.check_in_card", views.check_in_card(paired, 7, "newcomer", lang)
    yield "onboarding.help_needed_card", views.help_needed_card(paired, "buddy", lang)
    overview = views.overview_card(
        [paired, unpaired, _onboarding(id=13)], [("Lena Hoffmann", "noch nicht")], volunteers
    )
    yield "onboarding.overview_card", overview
    many = [_onboarding(id=n, newcomer_key=f"n-{n}") for n in range(1, 60)]
    waiting = [(f"Neu {n}", "noch nicht") for n in range(400)]
    yield "onboarding.overview_card.later_page", views.overview_card(many, waiting, volunteers, 20)
    yield "onboarding.overview_card.restarted", views.overview_card(many, [], volunteers, 900)


def _rooms(lang: str) -> Iterator[Sample]:
    views = BrokerCards(ZONE)
    rooms = {
        "hh601@firma.de": Room(
            "r1",
            "hh601@firma.de",
            "HH 6.01 Elbblick",
            14,
            "Hamburg",
            6,
            "Hamburg",
            video_device_name="Teams Room",
        ),
        "k210@firma.de": Room("r2", "k210@firma.de", "K 2.10", 8, "Köln", 2, "Köln"),
    }
    request = RoomRequest(
        id=5,
        requester_key=SABINE,
        requester_name="Sabine Krüger",
        tenant_id="t",
        place={},
        text="morgen 10-11 Uhr für 13 Personen mit Video",
        start=NOW + timedelta(days=1),
        end=NOW + timedelta(days=1, hours=1),
        attendees=13,
        features=("video",),
        created_at=NOW,
        options=tuple(rooms),
        approvers=(KERSTIN,),
    )
    pending = replace(request, state=RequestState.PENDING, room="hh601@firma.de")
    booked = replace(pending, state=RequestState.BOOKED, decided_by=KERSTIN, decided_at=NOW)
    parsed = parse_room_request("morgen für 6 Personen", NOW)
    yield "rooms.form_card.empty", views.form_card(lang)
    yield "rooms.form_card.prefilled", views.form_card(lang, parsed, note="Uhrzeit fehlt.")
    yield "rooms.offers_card", views.offers_card(request, list(rooms.values()), lang)
    yield (
        "rooms.offers_card.elsewhere",
        views.offers_card(request, list(rooms.values()), lang, elsewhere=True),
    )
    yield "rooms.status_card.pending", views.status_card(pending, rooms, lang)
    yield "rooms.status_card.booked", views.status_card(booked, rooms, lang)
    yield "rooms.cancel_refused_card", views.cancel_refused_card(booked, lang)
    yield "rooms.left_in_outlook_card", views.left_in_outlook_card(booked, rooms, lang)
    names = {SABINE: "Sabine Krüger", KERSTIN: "Kerstin Vogel"}
    yield "rooms.approval_card", views.approval_card(pending, rooms, names, lang)
    yield "rooms.approval_card.decided", views.approval_card(booked, rooms, names, lang)
    mine = [request, pending, booked]
    yield "rooms.list_card", views.list_card("rooms.list.mine", mine, rooms, lang, approver=False)
    yield (
        "rooms.list_card.inbox",
        views.list_card("rooms.list.inbox", [pending], rooms, lang, approver=True),
    )
    many = [replace(pending, id=n) for n in range(1, 120)]
    yield (
        "rooms.list_card.later_page",
        views.list_card("rooms.list.inbox", many, rooms, lang, approver=True, start=30),
    )
    yield (
        "rooms.list_card.restarted",
        views.list_card("rooms.list.mine", mine, rooms, lang, approver=False, start=500),
    )


def _urgent(lang: str) -> Iterator[Sample]:
    views = UrgentCards(ZONE)
    start = NOW.astimezone(UTC)
    people = (
        UrgentParticipant("melanie", "Melanie Schäfer", "melanie@example.com"),
        UrgentParticipant("katharina", "Dr. Katharina Albrecht", "katharina@example.com"),
    )
    slot = Slot(start + timedelta(hours=2), start + timedelta(hours=2, minutes=30))
    offered = UrgentCall(
        id=7, asker_key="jana", asker_name="Jana Becker", tenant_id="t", organiser="jana@x.de",
        on_behalf_key="melanie", on_behalf_name="Melanie Schäfer", participants=people,
        minutes=30, window=Slot(start, start + timedelta(hours=7)), created_at=start,
        slots=(slot, replace(slot, start=slot.end, end=slot.end + timedelta(minutes=30))),
    )  # fmt: skip
    waiting = Ask("sabine", "Sabine Krüger", "katharina")
    answered = replace(waiting, answer="yes", free_from=slot.start, answered_at=start)
    asking = replace(
        offered, state=CallState.ASKING, asks=(waiting,), slots=(),
        ask_window=Slot(start, start + timedelta(hours=7)),
    )  # fmt: skip
    proposed = replace(asking, asks=(answered,))
    booked = replace(proposed, state=CallState.BOOKED, booked=slot)
    yield "urgent.asker_card.offered", views.asker_card(offered, None, lang)
    yield "urgent.asker_card.asking", views.asker_card(asking, None, lang)
    yield "urgent.asker_card.proposal", views.asker_card(proposed, slot, lang)
    yield "urgent.asker_card.booked", views.asker_card(booked, None, lang)
    yield "urgent.cancel_refused_card", views.cancel_refused_card(booked, lang)
    yield "urgent.assistant_card", views.assistant_card(asking, waiting, lang)
    yield "urgent.assistant_card.booked", views.assistant_card(booked, answered, lang)
    failed = replace(booked, state=CallState.EXPIRED)  # the booking job gave up
    yield "urgent.asker_card.booking_failed", views.asker_card(failed, None, lang)
    yield "urgent.assistant_card.booking_failed", views.assistant_card(failed, answered, lang)
    refused = replace(booked, state=CallState.FAILED)  # Graph refused the meeting for good
    yield "urgent.asker_card.booking_refused", views.asker_card(refused, None, lang)
    unreachable = replace(waiting, answer="unreachable", answered_at=start)
    nobody = (people[0], replace(people[1], blocked=True))  # no assistant for her
    with_unreachable = replace(asking, asks=(unreachable,))
    unassisted = replace(asking, participants=nobody, asks=(), slots=offered.slots)
    yield "urgent.asker_card.unreachable", views.asker_card(with_unreachable, None, lang)
    yield "urgent.asker_card.unassisted", views.asker_card(unassisted, None, lang, start)
    yield "urgent.withdrawn_card", views.withdrawn_card(lang)
    person = Person("id-1", "Kerstin Vogel", "k@x.de", job_title="Empfang")
    yield "urgent.pick_card", views.pick_card("30 min mit Vog", "Vog", [person], {}, lang)
    yield "urgent.form_card", views.form_card(lang)
    yield "urgent.form_card.note", views.form_card(lang, note="Mit wem?")


def _experts_cards(lang: str) -> Iterator[Sample]:
    record = ExpertRecord(
        pool_id="default",
        user_key=KERSTIN,
        name="Kerstin Vogel",
        department="Vorstandsbüro",
        location="Hamburg",
        languages=("de", "en"),
        topics=("Raumplanung", "Concur"),
        about="Seit 2015 im Vorstandsbüro.",
        deputy_key=BIRGIT,
        paused_until=datetime(2027, 3, 20, tzinfo=UTC),
    )
    pool = [record, replace(record, user_key=BIRGIT, name="Birgit Fischer", deputy_key=None)]
    form = experts.topics_form(record, NOW, ZONE)
    latest = NOW.date() + timedelta(days=365)
    yield (
        "experts.my_topics_card",
        experts.my_topics_card(lang, form, pool, KERSTIN, NOW.date(), latest, "Gespeichert."),
    )
    yield (
        "experts.my_topics_card.error",
        experts.my_topics_card(
            lang, form, pool, KERSTIN, NOW.date(), latest, "Zu lang.", is_error=True
        ),
    )
    large = [replace(record, user_key=f"e-{n}", name=f"Expertin {n}") for n in range(300)]
    yield (
        "experts.my_topics_card.large_pool",
        experts.my_topics_card(lang, form, [record, *large], KERSTIN, NOW.date(), latest),
    )
    yield "experts.not_expert_card", experts.not_expert_card(lang)
    reason = "Thema: Raumplanung" if lang == "de" else "Topic: room planning"
    yield "who_knows.expert_result_card", who_knows.expert_result_card(record, reason, lang)
    bare = replace(record, email=None, department="", location="", topics=())
    yield "who_knows.expert_result_card.bare", who_knows.expert_result_card(bare, reason, lang)


def _privacy_and_status(lang: str) -> Iterator[Sample]:
    data = {
        "questions": [{"id": 42, "text": "Raumplanung?", "asked_at": "2027-03-01T09:30:00"}],
        "team_members": [
            {"team": "Assistenz-Netzwerk", "removed_at": None},
            {"team": "Vorstand", "removed_at": "2027-01-01"},
        ],
        "member_reach": [{"reachable": False, "reason": "install_forbidden"}],
    }
    yield "privacy.export_card", privacy.export_card(data, lang)
    yield "privacy.export_card.nothing", privacy.export_card({"questions": []}, lang)
    # Long enough for several parts: the first and a middle part carry the page buttons.
    many = {"questions": [{"id": n, "text": "Raumplanung? " * 20} for n in range(200)]}
    yield "privacy.export_card.parts", privacy.export_card(many, lang)
    yield "privacy.export_card.part_2", privacy.export_card(many, lang, page=1)
    yield "privacy.confirm_card", privacy.confirm_card("t" * 32, 15, lang)
    yield "privacy.erased_card", privacy.erased_card({"questions": 3, "experts": 1}, lang)
    yield "privacy.notice_card", privacy.notice_card("privacy.cancelled", lang, good=True)
    facts = {"status.database": "ok", "status.graph": "down", "status.version": "1.4.0"}
    report = MemberReport(
        MemberFigures(teams=14, members=412, unreachable=23),
        synced=(("Assistenz-Netzwerk", "01.03.2027 08:00"), ("Vorstand", "")),
        unreachable=(Unreachable("Jana Becker", "install_forbidden"),),
    )
    yield "status.status_card", status.status_card(facts, report, lang)
    yield "status.status_card.down", status.status_card(facts, None, lang)
    yield "builders.help_card", builders.help_card(lang)
    yield "builders.error_card", builders.error_card(lang, "error.card.bad_payload")
    yield "builders.team_welcome_card", builders.team_welcome_card(lang)
    yield "builders.question_form_card", builders.question_form_card(lang)
    question = "Wer kennt sich mit Reisekosten in Concur aus?"
    yield "builders.message_question_card", builders.message_question_card(question, "chat", lang)


SOURCES: tuple[Callable[[str], Iterator[Sample]], ...] = (
    _routing,
    _stammtisch,
    _onboarding_cards,
    _rooms,
    _urgent,
    _experts_cards,
    _privacy_and_status,
    roulette_cards,
    birthday_cards,
)


def all_cards() -> dict[str, dict[str, Any]]:
    """Sample name ("<module>.<builder>[.<case>]" plus the language) → card."""
    return {
        f"{name}/{lang}": built
        for lang in ("de", "en")
        for source in SOURCES
        for name, built in source(lang)
    }
