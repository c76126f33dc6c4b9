"""Asking back when the ranking has no clear winner: "Geht es um …?" with one-click choices.

A ranking whose leaders are nearly level but stand for different things (two topics, two
departments) is a coin toss. One click of the asker settles it better than any threshold:
each choice is the topic (or, without one, the department) of a leading expert, and the click
puts the experts of that choice first. Leaders who stand for the same thing need no question.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.domain.routing.models import Candidate, ExpertProfile, RoutingResult
from bot.domain.routing.text import fold

# Ask when the best expert of another choice scores at least this share of the leader.
# Set on the development organisation (routing-dev) with `eval-routing --clarify`, where
# it keeps the share of questions asked back under a quarter; see the README.
ASK_WITHIN = 0.8
# Experts this close to the leader may still lend their choice to the question.
CHOICE_WITHIN = 0.6
# The issue allows 2-4 choices: four plus "Etwas anderes" are five buttons, within the six
# actions Teams shows on a card. A fourth catches a right expert the third place missed.
MAX_CHOICES = 4


@dataclass(frozen=True, slots=True)
class Choice:
    """One answer to "Geht es um …?": its label and the experts it stands for, best first."""

    label: str
    expert_ids: tuple[str, ...]


def label_of(candidate: Candidate, profile: ExpertProfile | None) -> str:
    """What a leading expert stands for, in the organisation's own words: the matched topic,
    else the department, else the expert's first topic."""
    if candidate.reason.kind == "topic" and candidate.reason.topic:
        return candidate.reason.topic
    if profile is None:
        return ""
    return profile.department or next(iter(profile.topics), "")


def close_call(ranking: RoutingResult) -> bool:
    """Whether the runner-up comes close enough to the leader that asking back may be due
    (cheap: no labels needed; ``choices_for`` decides)."""
    candidates = ranking.candidates
    return len(candidates) >= 2 and candidates[1].score >= ASK_WITHIN * candidates[0].score > 0


def choices_for(
    ranking: RoutingResult, profiles: Mapping[str, ExpertProfile]
) -> tuple[Choice, ...]:
    """The choices to offer for a ranking, or () when its winner is clear enough."""
    leaders = _leaders(ranking.candidates)
    if len(leaders) < 2:
        return ()
    best = leaders[0].score
    grouped: dict[str, tuple[str, list[str], float]] = {}
    for candidate in leaders:
        label = label_of(candidate, profiles.get(candidate.expert_id)).strip()
        if not label:
            continue
        key = fold(label)
        if key in grouped:
            grouped[key][1].append(candidate.expert_id)
        elif len(grouped) < MAX_CHOICES:
            grouped[key] = (label, [candidate.expert_id], candidate.score)
    if len(grouped) < 2:
        return ()
    runner_up = sorted((score for _, _, score in grouped.values()), reverse=True)[1]
    if runner_up < ASK_WITHIN * best:
        return ()
    return tuple(Choice(label, tuple(ids)) for label, ids, _ in grouped.values())


def chosen_order(
    candidates: Sequence[Candidate], choices: Sequence[Choice], index: int
) -> list[Candidate]:
    """The ranking after the asker picked ``choices[index]``: its experts first, the rest
    after them in ranking order."""
    wanted = choices[index].expert_ids
    first = sorted(
        (c for c in candidates if c.expert_id in wanted), key=lambda c: wanted.index(c.expert_id)
    )
    return first + [c for c in candidates if c.expert_id not in wanted]


def _leaders(candidates: Sequence[Candidate]) -> list[Candidate]:
    if not candidates or candidates[0].score <= 0.0:
        return []
    floor = CHOICE_WITHIN * candidates[0].score
    return [c for c in candidates if c.score >= floor]
