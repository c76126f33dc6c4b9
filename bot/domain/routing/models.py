"""Value types of know-how routing: expert profiles, answered questions, ranking results."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

ReasonKind = Literal["topic", "history", "profile"]
# "vague": no small talk, but nothing to route on either ("Kann mir jemand helfen?").
AbstainReason = Literal["smalltalk", "vague", "no_match", "empty_directory"]


@dataclass(frozen=True)
class ExpertProfile:
    """What the directory and the expert's own profile card say about one assistant."""

    id: str
    name: str
    department: str = ""
    title: str = ""
    location: str = ""
    languages: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    about: str = ""


@dataclass(frozen=True)
class AnsweredQuestion:
    """A question from the past and the expert who took it."""

    id: str
    text: str
    answered_by: str
    asked_at: datetime
    # The asker's key when it was asked in their personal chat: its text is theirs and the
    # experts' (see asking.may_offer); empty for a question asked where others read it.
    private_to: str = ""


@dataclass(frozen=True)
class Reason:
    """Machine-readable why: a matched topic, a similar answered question, or a profile field."""

    kind: ReasonKind
    topic: str | None = None
    question_id: str | None = None
    asked_at: datetime | None = None
    field: str | None = None


@dataclass(frozen=True)
class Candidate:
    """One ranked expert with its score (higher is better) and reason."""

    expert_id: str
    score: float
    reason: Reason


@dataclass(frozen=True)
class RoutingResult:
    """Ordered candidates, or an abstention with its reason (then candidates is empty)."""

    candidates: tuple[Candidate, ...]
    abstain_reason: AbstainReason | None = None

    @property
    def abstained(self) -> bool:
        """True when the router names nobody."""
        return self.abstain_reason is not None


@dataclass(frozen=True)
class SimilarAnswer:
    """An earlier answered question similar enough to offer its answer first."""

    question: AnsweredQuestion
    score: float
