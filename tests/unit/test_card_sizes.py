"""Every list card stays below Teams' message limit at realistic maxima, and pages on."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from bot.domain.birthdays.model import BirthdayProfile, DayOfYear, Follow
from bot.domain.graph_types import Room
from bot.domain.onboarding.model import Onboarding, OnboardingState, VolunteerProfile
from bot.domain.rooms.model import RequestState, RoomRequest
from bot.domain.routing.experts import ExpertRecord
from bot.domain.stammtisch.model import Member, Vote
from cards import routing
from cards.birthdays import form_card
from cards.experts import DEPUTY_DATASET, my_topics_card, topics_form
from cards.onboarding import OnboardingCards
from cards.rooms import FEATURES, BrokerCards
from cards.size import clipped
from cards.stammtisch_export import export_card
from tests.support.card_samples import KERSTIN, NOW, ZONE, _poll, _question, _votes, all_cards
from tests.support.card_sizes import TEAMS_LIMIT, activity_bytes, long_name

VOTERS = 500


def _verbs(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {a["verb"]: a["data"] for a in card.get("actions", []) if "verb" in a}


def _named_votes(count: int) -> list[Vote]:
    poll = _poll()
    return [replace(v, member_name=long_name(n)) for n, v in enumerate(_votes(poll, count))]


def test_the_names_make_the_check_honest() -> None:
    # The names alone are above the limit: the caps, not small data, keep the cards small.
    rows = [long_name(n) for n in range(VOTERS)]
    assert len(", ".join(rows).encode("utf-8")) > TEAMS_LIMIT
    assert any(len(n.encode("utf-8")) > 2 * len(n) for n in rows)  # Chinese: 3 bytes each


@pytest.mark.parametrize("voters", [0, 1, 27, VOTERS])
def test_stammtisch_export_pages_stay_below_the_limit(voters: int) -> None:
    poll, votes = _poll(), _named_votes(voters)
    missing = [Member(f"m-{n}", long_name(n), f"29:m-{n}") for n in range(VOTERS)]
    seen: list[str] = []
    start: int | None = 0
    while start is not None:
        card = export_card(poll, votes, missing, start)
        assert activity_bytes(card) < TEAMS_LIMIT
        texts = [
            c["items"][0]["text"]
            for b in card["body"]
            if b["type"] == "ColumnSet"
            for c in b["columns"][:1]
        ]
        seen += texts[1:]  # the header row first
        more = _verbs(card).get("stammtisch.export")
        start = None if more is None else more["start"]
        assert more is None or more == {"poll_id": poll.id, "start": len(seen)}
    assert seen == [v.member_name for v in votes]  # every vote once, in order
    assert voters < 27 or len(seen) > 20  # a page holds a useful number of rows


def test_stammtisch_export_start_past_the_end_shows_the_first_page() -> None:
    poll, votes = _poll(), _named_votes(3)
    card = export_card(poll, votes, [], 99_999)
    texts = [b.get("text", "") for b in card["body"]]
    assert any("kürzer geworden" in x for x in texts)
    assert "stammtisch.export" not in _verbs(card)


def _requests(count: int) -> tuple[list[RoomRequest], dict[str, Room]]:
    rooms = {
        f"raum-{n}@firma.de": Room(f"r{n}", f"raum-{n}@firma.de", f"Raum {long_name(n)}", 40,
                                   long_name(n + 1), 6, "Hamburg")
        for n in range(20)
    }  # fmt: skip
    base = RoomRequest(
        id=1, requester_key="a", requester_name="x", tenant_id="t", place={}, text="morgen",
        start=NOW, end=NOW + timedelta(hours=1), attendees=13, features=FEATURES,
        created_at=NOW, approvers=("k",),
    )  # fmt: skip
    requests = [
        replace(base, id=n + 1, requester_name=long_name(n), room=f"raum-{n % 20}@firma.de",
                state=RequestState.PENDING if n % 2 else RequestState.BOOKED)
        for n in range(count)
    ]  # fmt: skip
    return requests, rooms


@pytest.mark.parametrize("approver", [True, False])
@pytest.mark.parametrize("count", [0, 61, 94, 200])
def test_room_lists_page_below_the_limit(count: int, approver: bool) -> None:
    views = BrokerCards(ZONE)
    requests, rooms = _requests(count)
    seen, start, pages = 0, 0, 0
    while start is not None:
        card = views.list_card("rooms.list.inbox", requests, rooms, "de", approver=approver,
                               start=start)  # fmt: skip
        assert activity_bytes(card) < TEAMS_LIMIT
        seen += sum(1 for b in card["body"] if b["type"] == "Container")
        more = _verbs(card).get("rooms.list")
        start, pages = (None if more is None else more["start"]), pages + 1
        assert more is None or more == {"view": "inbox" if approver else "mine", "start": seen}
    assert seen == count and (pages > 1) == (count > 20)


@pytest.mark.parametrize("count", [0, 260, 300, 2_000])
def test_my_topics_stays_below_the_limit_for_any_pool(count: int) -> None:
    me = ExpertRecord(pool_id="default", user_key="me", name=long_name(0),
                      topics=("Reisekosten",) * 100, about="ü" * 1000)  # fmt: skip
    pool = [
        replace(me, user_key=f"00000000-0000-4000-8000-{n:012d}", name=long_name(n),
                department=f"Zentralbereich Unternehmenskommunikation {long_name(n + 1)}")
        for n in range(count)
    ]  # fmt: skip
    chosen = pool[-1].user_key if pool else ""
    form = replace(topics_form(me, NOW, ZONE), deputy=chosen, topics="Ä" * 3000)
    card = my_topics_card("de", form, [me, *pool], "me", NOW.date(), NOW.date(), "Gespeichert.")
    assert activity_bytes(card) < TEAMS_LIMIT
    [deputy] = [b for b in card["body"] if b.get("id") == "deputy"]
    assert deputy["choices.data"] == {"type": "Data.Query", "dataset": DEPUTY_DATASET}
    assert deputy["value"] == chosen and (not pool or deputy["choices"][0]["value"] == chosen)
    assert count < 260 or 10 < len(deputy["choices"]) < count


def _onboardings(count: int) -> list[Onboarding]:
    base = Onboarding(
        id=1, newcomer_key="n", newcomer_name="x", tenant_id="t", source="team",
        created_at=NOW, state=OnboardingState.PAIRED, reasons=("same_site",),
    )  # fmt: skip
    return [
        replace(base, id=n + 1, newcomer_key=f"n-{n}", newcomer_name=long_name(n),
                buddy_key=f"v-{n}", buddy_name=long_name(n + 1))
        for n in range(count)
    ]  # fmt: skip


@pytest.mark.parametrize(("count", "volunteers"), [(0, 0), (6, 6), (30, 6), (100, 300)])
def test_onboarding_overview_pages_below_the_limit(count: int, volunteers: int) -> None:
    views = OnboardingCards()
    onboardings = _onboardings(count)
    people = [VolunteerProfile(f"v-{n}", long_name(n), 3) for n in range(volunteers)]
    waiting = [(long_name(n), "nicht erreichbar") for n in range(count)]
    seen: list[str] = []
    start: int | None = 0
    while start is not None:
        card = views.overview_card(onboardings, waiting, people, start)
        assert activity_bytes(card) < TEAMS_LIMIT
        seen += [b["items"][0]["text"] for b in card["body"] if b["type"] == "Container"]
        more = _verbs(card).get("onboarding.overview")
        start = None if more is None else more["start"]
        assert more is None or more == {"start": len(seen)}
    assert len(seen) == count and all(o.newcomer_name in s for o, s in zip(onboardings, seen))
    pick = views.admin_pick_card(
        onboardings[0] if onboardings else _onboardings(1)[0], people, "de"
    )
    assert activity_bytes(pick) < TEAMS_LIMIT


@pytest.mark.parametrize("count", [5, 300, 2_000])
def test_the_forward_list_stays_below_the_limit_for_any_pool(count: int) -> None:
    pool = [(f"00000000-0000-4000-8000-{n:012d}", long_name(n)) for n in range(count)]
    question = replace(_question(), asker_name=long_name(7), text="Ä" * 2_000)
    card = routing.expert_card(question, KERSTIN, [(KERSTIN, "Kerstin Vogel"), *pool], "de")
    assert activity_bytes(card) < TEAMS_LIMIT
    [forward] = [a for a in card["actions"] if a.get("title") == "Weiterleiten an …"]
    [target] = forward["card"]["body"]
    assert target["choices.data"] == {"type": "Data.Query", "dataset": "experts.colleagues"}
    assert len(target["choices"]) == count if count < 10 else 10 < len(target["choices"]) < count


def test_question_cards_stay_below_the_limit_for_the_longest_question_and_answer() -> None:
    # A message of up to 28,000 characters is routed; answers may have 4,000 characters.
    text, answer = "Frage zur Reisekostenabrechnung: " + "ü" * 28_000, "答" * 4_000
    question = replace(_question(), text=text, answer_text=answer, owner_key=KERSTIN)
    pool = [(KERSTIN, long_name(1)), *((f"e-{n}", long_name(n)) for n in range(300))]
    for card in (
        routing.thread_card(question, "de"),
        routing.expert_card(question, KERSTIN, pool, "de"),
        routing.offer_card(question, "Reisekosten?", KERSTIN, "de"),
    ):
        assert activity_bytes(card) < TEAMS_LIMIT
        shown = json.dumps(card, ensure_ascii=False)
        assert "Frage zur Reisekostenabrechnung: üüü" in shown and "答答答" in shown


def test_the_offer_card_fits_for_the_longest_question_in_any_script() -> None:
    # Questions are cut to 8,000 characters; the earlier question and answer are long too.
    earlier = replace(_question(), text="ü" * 28_000, answer_text="答" * 4_000, owner_key=KERSTIN)
    for asked in ("Reisekosten " + "ä" * 7_988, "答" * 8_000, "Reisekosten? " * 615):
        card = routing.offer_card(earlier, asked, KERSTIN, "de")
        assert activity_bytes(card) < TEAMS_LIMIT
        [helped, anyway] = [a["data"] for a in card["actions"]]
        assert asked.startswith(anyway["text"].removesuffix(" …"))
        assert len(anyway["text"]) >= min(len(asked), 3_990)  # the question asked, whole or nearly
        assert len(helped["text"]) <= 602  # the preview


def test_clipping_cuts_at_a_character_and_says_so() -> None:
    assert clipped("Grüße", 100) == "Grüße"
    cut = clipped("答" * 10, 11)  # 7 bytes of text left: two whole characters
    assert cut == "答答 …" and len(cut.encode("utf-8")) <= 11


def test_every_sample_card_fits_in_a_message() -> None:
    too_big = {
        name: size for name, c in all_cards().items() if (size := activity_bytes(c)) >= TEAMS_LIMIT
    }
    assert not too_big


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_birthday_form_lists_every_followed_name_that_fits_and_says_how_many_more(
    lang: str,
) -> None:
    profile = BirthdayProfile("me", "Jana Becker", None, DayOfYear(14, 3), jubilee=True)
    follows = [Follow("me", f"k-{n}", long_name(n)) for n in range(VOTERS)]

    def listed(count: int) -> str:
        card = form_card(profile, follows[:count], lang, problem="x" * 300, note="y" * 300)
        assert activity_bytes(card) < TEAMS_LIMIT
        return str(card["body"][-1]["text"])

    hundred = listed(100)  # more than the 50 the form used to show, all of them
    assert all(long_name(n) in hundred for n in range(100))
    assert "entfolgen" not in hundred and "unfollow" not in hundred
    crowd = listed(VOTERS)  # far beyond any real list: cut, and said so
    names = crowd.split(": ", 1)[1].split(" – ")[0].split(", ")
    assert names == [long_name(n) for n in range(len(names))] and 100 < len(names) < VOTERS
    more = VOTERS - len(names)
    assert (f"und {more} weiteren" if lang == "de" else f"and {more} more") in crowd
    assert ("„entfolgen" if lang == "de" else "“unfollow") in crowd
