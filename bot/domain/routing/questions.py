"""The life of a routed question: who is asked, who took it, escalation, the answer.

A question names up to three experts (ranked). The first is asked by DM; while nobody has taken
it, any named expert may take it over. Declining, or no reaction by the business-hours
deadline, moves it to the next named expert; after the last one it stays open without an
expert. The decisions are pure functions of the current state: the service persists the new
state with a version check, so two clicks at once leave exactly one winner.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from bot.domain.routing.named import NamedExpert, PassedOver, askable_index


class QuestionState(StrEnum):
    """Where a question stands."""

    ASKED = "asked"  # an expert has been asked and may take it
    TAKEN = "taken"  # an expert took it over and will answer
    ANSWERED = "answered"  # closed with an answer
    UNASSIGNED = "unassigned"  # every named expert declined or did not react
    WITHDRAWN = "withdrawn"  # the asker was helped by an earlier answer or withdrew
    CLARIFYING = "clarifying"  # the asker is asked "Geht es um …?"; nobody is asked yet


OPEN_STATES = frozenset(
    {QuestionState.ASKED, QuestionState.TAKEN, QuestionState.UNASSIGNED, QuestionState.CLARIFYING}
)
# How many experts a routed question names (the thread card lists them).
MAX_NAMED = 3


class DecisionError(Exception):
    """A card action that is not (or no longer) allowed; ``code`` selects the user message."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def awaited(question: Question) -> tuple[NamedExpert, ...]:
    """The named experts the question waits for to come back: away when it was asked, and
    since then neither declined, unreachable nor erased."""
    return tuple(
        e for e in question.experts if e.absent and not (e.declined or e.unreachable or e.erased)
    )


@dataclass(frozen=True, slots=True)
class Question:
    """Snapshot of a routed question; methods return the next snapshot or raise."""

    id: int
    pool_id: str
    asker_key: str
    asker_name: str
    text: str
    language: str
    state: QuestionState
    experts: tuple[NamedExpert, ...]
    current_index: int
    asked_at: datetime
    escalate_at: datetime | None = None
    owner_key: str | None = None
    answer_text: str | None = None
    answered_at: datetime | None = None
    version: int = 1
    tenant_id: str | None = None
    thread: dict[str, Any] = field(default_factory=dict)
    expert_cards: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Asked in the asker's personal chat: its text is shown only there and to the experts
    # asked, never in a shared conversation (nor offered there as an earlier answer).
    private: bool = False

    @property
    def current_expert(self) -> NamedExpert | None:
        """The expert currently asked by DM (None once taken, answered or exhausted)."""
        if self.state is not QuestionState.ASKED:
            return None
        return self.experts[self.current_index]

    def named(self, expert_key: str) -> bool:
        """True when the router named this expert for the question."""
        return any(e.expert_key == expert_key for e in self.experts)

    @property
    def choices(self) -> tuple[str, ...]:
        """The labels the asker may choose from while clarifying, in the order shown."""
        return tuple(dict.fromkeys(e.choice for e in self.experts if e.choice))

    def choose(
        self, asker_key: str, choice: int | None, next_deadline: datetime, *, own: bool = True
    ) -> Question:
        """The asker answered "Geht es um …?": the experts of ``choice`` come first and the
        first of them who is not away is asked (the asker's ``own`` choice: only them, else it
        waits for their return); ``None`` ("Etwas anderes") closes the question."""
        if self.state is not QuestionState.CLARIFYING:
            raise DecisionError("already_chosen" if self.state in OPEN_STATES else "closed")
        if asker_key != self.asker_key:
            raise DecisionError("not_asker")
        if choice is None:
            # Nobody was asked, and the choices did not fit: nobody is named any more.
            return self._next(state=QuestionState.WITHDRAWN, experts=(), escalate_at=None)
        labels = self.choices
        if not 0 <= choice < len(labels):
            raise DecisionError("unknown_choice")
        wanted = labels[choice]
        ordered = [e for e in self.experts if e.choice == wanted]
        if not own or askable_index(ordered) is not None:
            ordered += [e for e in self.experts if e.choice != wanted]
        experts = tuple(replace(e, choice="") for e in ordered[:MAX_NAMED])
        first = askable_index(experts)
        if first is None:
            return self._next(experts=experts, state=QuestionState.UNASSIGNED, escalate_at=None)
        return self._next(
            experts=experts,
            state=QuestionState.ASKED,
            current_index=first,
            escalate_at=next_deadline,
        )

    def take(self, expert_key: str) -> Question:
        """A named expert takes the question over."""
        self._require_open()
        if self.state is QuestionState.CLARIFYING:
            raise DecisionError("clarifying")
        if not self.named(expert_key):
            raise DecisionError("not_named")
        if self.state is QuestionState.TAKEN:
            raise DecisionError("already_taken" if self.owner_key != expert_key else "yours")
        return self._next(state=QuestionState.TAKEN, owner_key=expert_key, escalate_at=None)

    def decline(self, expert_key: str, next_deadline: datetime | None) -> Question:
        """The asked expert says "Nicht mein Thema": ask the next named expert."""
        self._require_open()
        current = self.current_expert
        if current is None or current.expert_key != expert_key:
            raise DecisionError("not_your_turn")
        return self._advance(next_deadline)

    def pass_over(self, expert_key: str, next_deadline: datetime | None) -> Question:
        """The asked expert cannot be reached by DM: ask the next named expert."""
        self._require_open()
        current = self.current_expert
        if current is None or current.expert_key != expert_key:
            raise DecisionError("not_your_turn")
        return self._advance(next_deadline, unreachable=True)

    def escalate(self, now: datetime, next_deadline: datetime) -> Question:
        """No reaction by the deadline: ask the next named expert (idempotent when not due).
        A question still asking "Geht es um …?" goes to the leading choice: an asker who
        never clicks must not leave it unasked for ever."""
        if self.state not in (QuestionState.ASKED, QuestionState.CLARIFYING):
            raise DecisionError("not_due")
        if self.escalate_at is None or now < self.escalate_at:
            raise DecisionError("not_due")
        if self.state is QuestionState.CLARIFYING:
            return self.choose(self.asker_key, 0, next_deadline, own=False)
        return self._advance(next_deadline, why="silent")

    def answer(self, expert_key: str, text: str, now: datetime) -> Question:
        """The owner (or a named expert, taking it implicitly) closes it with an answer."""
        self._require_open()
        if self.state is QuestionState.CLARIFYING:
            raise DecisionError("clarifying")
        if not text.strip():
            raise DecisionError("empty_answer")
        if not self.named(expert_key):
            raise DecisionError("not_named")
        if self.state is QuestionState.TAKEN and self.owner_key != expert_key:
            raise DecisionError("already_taken")
        return self._next(
            state=QuestionState.ANSWERED,
            owner_key=expert_key,
            answer_text=text.strip(),
            answered_at=now,
            escalate_at=None,
        )

    def release(self, expert_key: str, next_deadline: datetime | None) -> Question:
        """The owner gives the question back ("Doch nicht übernehmen"): the next named expert
        who has neither declined nor is away or unreachable is asked; else it is open to all."""
        self._require_open()
        if self.state is not QuestionState.TAKEN or self.owner_key != expert_key:
            raise DecisionError("not_owner")
        experts = [
            replace(e, declined=True, passed="released") if e.expert_key == expert_key else e
            for e in self.experts
        ]
        waiting = [i for i, e in enumerate(experts) if not (e.declined or e.unreachable)]
        following = next((i for i in waiting if experts[i].askable), None)
        if following is None:
            return self._next(
                experts=tuple(experts),
                state=QuestionState.UNASSIGNED,
                owner_key=None,
                escalate_at=None,
            )
        return self._next(
            experts=tuple(experts),
            state=QuestionState.ASKED,
            owner_key=None,
            current_index=following,
            escalate_at=next_deadline,
        )

    def ask_returned(self, expert_key: str, next_deadline: datetime) -> Question:
        """An expert who was away when nobody could be asked is back: ask them now."""
        waiting = {e.expert_key for e in awaited(self)}
        if self.state is not QuestionState.UNASSIGNED or expert_key not in waiting:
            raise DecisionError("not_due")
        index = next(i for i, e in enumerate(self.experts) if e.expert_key == expert_key)
        experts = list(self.experts)
        experts[index] = replace(experts[index], absent=False, absent_until="")
        return self._next(
            experts=tuple(experts), state=QuestionState.ASKED, current_index=index,
            escalate_at=next_deadline,
        )  # fmt: skip

    def withdraw(self, asker_key: str) -> Question:
        """The asker closes the question (e.g. an earlier answer helped)."""
        self._require_open()
        if asker_key != self.asker_key:
            raise DecisionError("not_asker")
        return self._next(state=QuestionState.WITHDRAWN, escalate_at=None)

    def _advance(
        self, next_deadline: datetime | None, *, unreachable: bool = False, why: PassedOver = ""
    ) -> Question:
        experts = list(self.experts)
        passed = experts[self.current_index]
        if unreachable:
            experts[self.current_index] = replace(passed, unreachable=True)
        elif not passed.erased:  # an erased person declined nothing
            experts[self.current_index] = replace(passed, declined=True, passed=why)
        return self._ask_after(experts, next_deadline)

    def _ask_after(self, experts: list[NamedExpert], next_deadline: datetime | None) -> Question:
        # The next expert after the current one who may be asked, else nobody (unassigned).
        following = askable_index(experts, self.current_index + 1)
        if following is None:
            return self._next(
                experts=tuple(experts), state=QuestionState.UNASSIGNED, escalate_at=None
            )
        return self._next(
            experts=tuple(experts), current_index=following, escalate_at=next_deadline
        )

    def step_away(self, expert_key: str, until: str, next_deadline: datetime | None) -> Question:
        """The asked expert paused before reacting: marked away until ``until`` (ISO date, ""
        open-ended), not declined, so the question can come back to them; the next named
        expert who may be asked is asked, else it waits for their return."""
        current = self.current_expert
        if current is None or current.expert_key != expert_key:
            raise DecisionError("not_your_turn")
        if self.state is not QuestionState.ASKED:
            raise DecisionError("not_your_turn")  # taken: a promise the pause does not undo
        experts = list(self.experts)
        experts[self.current_index] = replace(current, absent=True, absent_until=until)
        return self._ask_after(experts, next_deadline)

    def forward(
        self, expert_key: str, target: NamedExpert, next_deadline: datetime | None
    ) -> Question:
        """The asked expert passes the question on: the target is asked next."""
        self._require_open()
        current = self.current_expert
        if current is None or current.expert_key != expert_key:
            raise DecisionError("not_your_turn")
        if target.expert_key == expert_key:
            raise DecisionError("forward_to_self")
        if target.expert_key == self.asker_key:
            raise DecisionError("forward_to_asker")  # they asked because they do not know
        if self.named(target.expert_key):
            remaining = [e for e in self.experts if e.expert_key != target.expert_key]
        else:
            remaining = list(self.experts)
        index = remaining.index(current) + 1
        remaining.insert(index, target)
        reordered = replace(self, experts=tuple(remaining), current_index=index - 1)
        return reordered._advance(next_deadline)

    def _next(self, **changes: Any) -> Question:
        # Every transition bumps the version: the repository saves only over the previous one.
        return replace(self, version=self.version + 1, **changes)

    def _require_open(self) -> None:
        if self.state not in OPEN_STATES:
            raise DecisionError("closed")


# A transition of a question, given the deadline for an expert it asks now.
Step = Callable[[Question, datetime], Question]
