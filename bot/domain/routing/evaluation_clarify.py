"""`eval-routing --clarify`: how often the router asks back, and top1 after the asker's click.

The simulated asker picks the first choice that holds an expert who may answer the question;
when none does, they click "Etwas anderes" and the question counts as missed (it is not routed
until they write it again).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.domain.routing.clarify import choices_for, chosen_order
from bot.domain.routing.evaluation import LabelledQuestion, Router
from bot.domain.routing.models import ExpertProfile

# As many as the service ranks for a question (PoolRouter.rank).
RANKED = 6


@dataclass(frozen=True)
class ClarifyOutcome:
    """One question: whether it was asked back, and the expert asked first after that."""

    question: LabelledQuestion
    asked: bool
    first: str | None


def run_clarify(
    router: Router, questions: Sequence[LabelledQuestion], experts: Sequence[ExpertProfile]
) -> list[ClarifyOutcome]:
    """Rank each question, ask back where the service would, and click like a knowing asker."""
    profiles = {e.id: e for e in experts}
    outcomes = []
    for question in questions:
        ranking = router.rank(question.text, k=RANKED)
        candidates = list(ranking.candidates)
        choices = choices_for(ranking, profiles)
        first = candidates[0].expert_id if candidates else None
        if choices:
            picked = next(
                (i for i, c in enumerate(choices) if set(c.expert_ids) & set(question.expected)),
                None,
            )
            ordered = chosen_order(candidates, choices, picked) if picked is not None else []
            first = ordered[0].expert_id if ordered else None
        outcomes.append(ClarifyOutcome(question, bool(choices), first))
    return outcomes


def summarise_clarify(outcomes: Sequence[ClarifyOutcome]) -> dict[str, float]:
    """Share asked back (of all questions, and of the answerable ones), top1 after the click
    over all answerable questions and over the ones asked back, noise asked back."""
    answerable = [o for o in outcomes if o.question.expected]
    noise = [o for o in outcomes if not o.question.expected]
    asked = [o for o in answerable if o.asked]

    def share(part: int, whole: int) -> float:
        return round(part / whole, 4) if whole else 0.0

    def right(group: Sequence[ClarifyOutcome]) -> int:
        return sum(o.first is not None and o.first in o.question.expected for o in group)

    return {
        "clarify_asked": share(sum(o.asked for o in outcomes), len(outcomes)),
        "clarify_asked_answerable": share(len(asked), len(answerable)),
        "clarify_top1": share(right(answerable), len(answerable)),
        "clarify_top1_when_asked": share(right(asked), len(asked)),
        "clarify_noise_asked": share(sum(o.asked for o in noise), len(noise)),
    }
