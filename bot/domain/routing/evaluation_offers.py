"""`eval-routing --offers`: how often an earlier answer would be offered, and whether it fits.

A data set says who may answer each question, not which earlier answer helps it; so an offer
"fits" when the earlier question was answered by one of the experts expected for the new one
(a topic match, necessary for a helpful answer, not proof of one). An offer to a message that
must not be routed at all (noise) never fits. Questions of kind "history" follow up answered
ones in other words: their offer share is how often the earlier answer reaches its asker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.domain.routing.evaluation import LabelledQuestion
from bot.domain.routing.models import SimilarAnswer

# The kind label of follow-up questions in the data sets (see the README's routing figures).
FOLLOW_UP = "history"


class Offering(Protocol):
    """What this evaluation needs from a router (``ExpertRouter.similar_answered``)."""

    def similar_answered(self, question: str) -> SimilarAnswer | None:
        """The earlier answered question to offer, if any."""
        ...


@dataclass(frozen=True)
class OfferOutcome:
    """One question and the answerer of the earlier question offered to it (None: none)."""

    question: LabelledQuestion
    offered_by: str | None


def run_offers(router: Offering, questions: Sequence[LabelledQuestion]) -> list[OfferOutcome]:
    """Ask each question as the service would before ranking it."""
    outcomes = []
    for question in questions:
        similar = router.similar_answered(question.text)
        outcomes.append(OfferOutcome(question, similar.question.answered_by if similar else None))
    return outcomes


def summarise_offers(outcomes: Sequence[OfferOutcome]) -> dict[str, float]:
    """Share of questions offered an earlier answer, of follow-ups offered one, of offers
    that fit (see the module), and of noise offered one."""
    offered = [o for o in outcomes if o.offered_by is not None]
    follow_ups = [o for o in outcomes if o.question.kind == FOLLOW_UP]
    noise = [o for o in outcomes if not o.question.expected]

    def share(part: int, whole: int) -> float:
        return round(part / whole, 4) if whole else 0.0

    fitting = sum(o.offered_by in o.question.expected for o in offered)
    return {
        "offered": share(len(offered), len(outcomes)),
        "offered_follow_ups": share(
            sum(o.offered_by is not None for o in follow_ups), len(follow_ups)
        ),
        "offer_fits": share(fitting, len(offered)),
        "offered_noise": share(sum(o.offered_by is not None for o in noise), len(noise)),
    }
