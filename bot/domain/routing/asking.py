"""A question as it is asked: the request, what became of it, the question it opens, and who
may decide on an earlier-answer offer. Values and rules only; RoutingService.ask does it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

from bot.domain.ports import ActivityLedger, MessageHandle
from bot.domain.routing.models import AnsweredQuestion
from bot.domain.routing.named import NamedExpert, askable_index
from bot.domain.routing.questions import DecisionError, Question, QuestionState

# "clarifying": the thread card asks the asker "Geht es um …?" before anyone is asked.
# "duplicate": asked before under the same ``once_key`` (a repeated click): nothing new.
Outcome = Literal[
    "routed", "clarifying", "offered", "smalltalk", "vague", "no_match", "no_experts", "duplicate"
]

# A question's longest text: longer ones are cut (the cards show a preview with "mehr").
MAX_QUESTION_CHARS = 8000


@dataclass(frozen=True, slots=True)
class AskRequest:
    """A question as written, with where it was asked and by whom."""

    text: str
    pool_id: str
    asker_key: str
    asker_name: str
    language: str
    tenant_id: str | None
    place: MessageHandle  # where the thread card goes (the asking message's conversation)
    thread_link: str | None = None
    offer_earlier: bool = True
    # Set where one click may arrive twice (Teams re-delivers a slow invoke, a second device
    # clicks the same card): the question is asked only for the first arrival.
    once_key: str | None = None
    # Asked in the asker's personal chat with the bot (see Question.private).
    private: bool = False


@dataclass(frozen=True, slots=True)
class AskResult:
    """What happened to a question; ``card`` is set for an earlier-answer offer."""

    outcome: Outcome
    question: Question | None = None
    card: dict[str, Any] | None = None


def offer_decider(asker_key: str, clicker_key: str | None) -> str:
    """The clicker, if they may decide on an earlier-answer offer: only the person who asked.

    The offer card sits in a shared channel or chat, so anyone there can press its buttons;
    a bystander's "Ja, das hilft" or "trotzdem Experten fragen" must change nothing.
    """
    if not clicker_key or clicker_key != asker_key:
        raise DecisionError("not_your_offer")
    return clicker_key


def may_offer(earlier: AnsweredQuestion, request: AskRequest) -> bool:
    """Whether ``earlier`` may be offered as an earlier answer to ``request``.

    The offer card quotes the earlier question and its answer wherever the new one is asked.
    A question asked in a personal chat was meant for the experts asked alone, so it is offered
    only to its own asker, in their personal chat again; the ranking still learns from it
    (who answered what), which shows no text.
    """
    if not earlier.private_to:
        return True
    return request.private and earlier.private_to == request.asker_key


async def ask_once(
    ledger: ActivityLedger | None,
    request: AskRequest,
    now: datetime,
    ask: Callable[[AskRequest], Awaitable[AskResult]],
) -> AskResult:
    """``ask(request)``, unless its ``once_key`` was claimed before ("duplicate"); a failed
    attempt gives the key back, since nothing was asked and a retry must be able to."""
    key = request.once_key
    if key is None or ledger is None:
        return await ask(request)
    if not await ledger.claim(key, now):
        return AskResult("duplicate")
    try:
        return await ask(request)
    except Exception:
        await ledger.release(key)
        raise


def new_question(
    request: AskRequest,
    named: tuple[NamedExpert, ...],
    now: datetime,
    deadline: Callable[[datetime], datetime],
    *,
    clarifying: bool = False,
) -> Question:
    """The question ``request`` opens among the ``named`` experts, not stored yet; the first
    who is not away is asked, to react by ``deadline(now)``. A ``clarifying`` question asks
    nobody until the asker has chosen what it is about, or until ``deadline(now)`` passes
    without a choice (then the leading choice is asked)."""
    if clarifying:
        return replace(
            new_question(request, named, now, deadline),
            state=QuestionState.CLARIFYING,
            current_index=0,
            escalate_at=deadline(now),
        )
    first = askable_index(named)
    return Question(
        id=0,
        pool_id=request.pool_id,
        asker_key=request.asker_key,
        asker_name=request.asker_name,
        text=request.text,
        language=request.language,
        # Everyone named is away: open for any of them to take, nobody is asked.
        state=QuestionState.ASKED if first is not None else QuestionState.UNASSIGNED,
        experts=named,
        current_index=first or 0,
        asked_at=now,
        escalate_at=deadline(now) if first is not None else None,
        tenant_id=request.tenant_id,
        private=request.private,
    )
