"""Earlier answers and questions asked in a personal chat: such a question is offered only to
its own asker in their personal chat, the best one the asker may see is offered instead, and
the ranking still learns who answered it (which shows no text)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain.routing import AnsweredQuestion, ExpertRouter
from bot.domain.routing.asking import AskRequest, may_offer
from tests.unit.routing.test_routing_similar import EXPERTS, HISTORY

WHEN = datetime(2025, 6, 2, 10, 0, tzinfo=UTC)
RALF = "ralf"
# Closer to the question below than any other earlier one, and asked in Ralf's personal chat.
PRIVATE = AnsweredQuestion(
    "p1", "Wie lege ich eine neue Kostenstelle an?", "f.controlling", WHEN, private_to=RALF
)
QUESTION = "Wie lege ich eine Kostenstelle an?"


def request(asker: str, *, private: bool) -> AskRequest:
    return AskRequest(
        text=QUESTION, pool_id="default", asker_key=asker, asker_name=asker, language="de",
        tenant_id=None, place={}, private=private,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("asker", "private", "offered"),
    [
        ("monika", False, "k1"),  # in a channel: the best public one instead
        ("monika", True, "k1"),  # in her own personal chat: not Ralf's either
        (RALF, False, "k1"),  # Ralf in a channel: the card would quote it there
        (RALF, True, "p1"),  # Ralf in his personal chat: his own question and its answer
    ],
)
def test_a_private_question_is_offered_only_to_its_asker_in_their_personal_chat(
    asker: str, private: bool, offered: str
) -> None:
    router = ExpertRouter(EXPERTS, [*HISTORY, PRIVATE])
    best = router.similar_answered(QUESTION)
    assert best is not None and best.question.id == "p1"
    wanted = request(asker, private=private)
    similar = router.similar_answered(QUESTION, lambda h: may_offer(h, wanted))
    assert similar is not None and similar.question.id == offered


def test_nothing_is_offered_when_only_a_private_question_is_close_enough() -> None:
    router = ExpertRouter(EXPERTS, [PRIVATE])
    others = request("monika", private=False)
    assert router.similar_answered(QUESTION, lambda h: may_offer(h, others)) is None


def test_the_ranking_still_learns_who_answered_a_private_question() -> None:
    question = "Wer kümmert sich um die Tankkarte für den Dienstwagen?"
    assert ExpertRouter(EXPERTS, []).rank(question).abstain_reason == "no_match"
    earlier = AnsweredQuestion(
        "p2", "Wer kümmert sich um den Dienstwagen und die Tankkarte?", "o.office", WHEN,
        private_to=RALF,
    )  # fmt: skip
    [named] = ExpertRouter(EXPERTS, [earlier]).rank(question).candidates
    assert named.expert_id == "o.office" and named.reason.kind == "history"
