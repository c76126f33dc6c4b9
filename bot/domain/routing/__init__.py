"""Know-how routing: rank department assistants for a free-text question (pure domain code)."""

from bot.domain.routing.baseline import BaselineRouter
from bot.domain.routing.index import ExpertRouter, RouterSettings
from bot.domain.routing.models import (
    AnsweredQuestion,
    Candidate,
    ExpertProfile,
    Reason,
    RoutingResult,
    SimilarAnswer,
)

__all__ = [
    "AnsweredQuestion",
    "BaselineRouter",
    "Candidate",
    "ExpertProfile",
    "ExpertRouter",
    "Reason",
    "RouterSettings",
    "RoutingResult",
    "SimilarAnswer",
]
