"""Application service of know-how routing: ask, decide (take/decline/forward/answer), escalate.

Pure orchestration over the ports. Decisions load the question, apply the state machine and
save with a version check; a lost race reloads and decides again, so concurrent clicks end in
exactly one decision and the loser gets a clear message. What people then see of it (the
thread card, the DM to the expert asked, the cards kept current) is done by delivery.py; the
request and result of asking are in asking.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.domain.business_hours import BusinessCalendar
from bot.domain.outbox import Outbox
from bot.domain.ports import (
    ActivityLedger,
    Clock,
    Directory,
    JobQueue,
    Notifier,
    RecipientLanguages,
)
from bot.domain.routing.asking import AskRequest, AskResult, ask_once, new_question, offer_decider
from bot.domain.routing.decisions import DecisionSignal, SignalKind
from bot.domain.routing.delivery import ESCALATE_JOB, QuestionDelivery
from bot.domain.routing.ports import ExpertRepository, QuestionRepository
from bot.domain.routing.questions import DecisionError, Question, QuestionState, Step
from bot.domain.routing.replies import ConversationReplies
from bot.domain.routing.returns import RETURN_JOB, ReturnWatch
from bot.domain.routing.router_cache import RouterCache
from bot.domain.routing.selection import ExpertSelection, named_expert
from bot.domain.routing.views import QuestionViews
from bot.domain.routing.why import Why

__all__ = [
    "ESCALATE_JOB",
    "RETURN_JOB",
    "AskRequest",
    "AskResult",
    "RoutingService",
    "offer_decider",
]


@dataclass
class RoutingService:
    """Routes questions to experts and carries every decision through to the cards."""

    experts: ExpertRepository
    questions: QuestionRepository
    notifier: Notifier
    jobs: JobQueue
    directory: Directory
    clock: Clock
    calendar: BusinessCalendar
    views: QuestionViews
    escalation_delay: timedelta
    routers: RouterCache
    languages: RecipientLanguages
    # Business time an asker has to answer "Geht es um …?" before the leading choice is asked.
    clarify_delay: timedelta = timedelta(hours=2)
    # Remembers the ``once_key`` of questions asked (None: every request is asked).
    ledger: ActivityLedger | None = None

    def __post_init__(self) -> None:
        self.selection = ExpertSelection(self.experts, self.directory, self.calendar.zone)
        outbox = Outbox(self.jobs, self.clock)
        self.delivery = QuestionDelivery(
            self.experts, self.questions, self.notifier, outbox, self.views, self.languages
        )
        # Unassigned questions: asked when an absent expert is back, else the asker is told.
        self.returns = ReturnWatch(self.jobs, self.calendar, self.delivery, self.views)
        # Messages in a conversation that belong to a question there (an answer, a withdrawal).
        self.replies = ConversationReplies(self)

    async def ask(self, request: AskRequest) -> AskResult:
        """Rank experts; offer an earlier answer first, or route to the best three. A request
        with a ``once_key`` that was asked before changes nothing ("duplicate")."""
        return await ask_once(self.ledger, request, self.clock.now(), self._ask)

    async def _ask(self, request: AskRequest) -> AskResult:
        router = await self.routers.get(request.pool_id)
        if router.empty:
            return AskResult("no_experts")
        if request.offer_earlier:
            earlier = await self._earlier_answer(router.similar_answered_id(request))
            if earlier is not None:
                card = self.views.offer_card(
                    earlier, request.text, request.asker_key, request.language
                )
                return AskResult("offered", earlier, card)
        ranking = router.rank(request.text, english_client=request.language == "en")
        if ranking.abstain_reason == "smalltalk" or ranking.abstain_reason == "vague":
            return AskResult(ranking.abstain_reason)
        now = self.clock.now()
        named = await self.selection.choices(request.pool_id, ranking, now, request.asker_key)
        clarifying = bool(named)
        if not clarifying:
            named = await self.selection.named(
                request.pool_id, ranking.candidates, now, request.asker_key
            )
        if not named:
            return AskResult("no_match")
        deadline = self._clarify_deadline if clarifying else self._deadline
        opened = new_question(request, named, now, deadline, clarifying=clarifying)
        question = await self.questions.add(opened)
        question = await self.delivery.post_thread_card(
            question, request.place, request.thread_link
        )
        if clarifying:
            # Only once the card asks: a question whose card never reached the asker must
            # not be routed behind their back later.
            await self.delivery.schedule_escalation(question)
            return AskResult("clarifying", question)
        await self.returns.plan(question, now)
        return AskResult("routed", await self._ask_current(question))

    async def choose(self, question_id: int, asker_key: str, choice: int | None) -> Question:
        """The asker answered "Geht es um …?" (``None``: "Etwas anderes"); the expert of the
        choice is asked at once."""
        question = await self._decide(
            question_id, lambda q: q.choose(asker_key, choice, self._deadline(self.clock.now()))
        )
        return await self._ask_current(question)

    async def take(self, question_id: int, expert_key: str, *, own_card: bool = False) -> Question:
        """A named expert takes the question over."""
        return await self._decide(question_id, lambda q: q.take(expert_key), expert_key, own_card)

    async def answer(
        self, question_id: int, expert_key: str, text: str, *, own_card: bool = False
    ) -> Question:
        """Close with an answer; the router learns from it; the asker is told."""
        now = self.clock.now()
        question = await self._decide(
            question_id, lambda q: q.answer(expert_key, text, now), expert_key, own_card
        )
        self.routers.invalidate(question.pool_id)
        await self.delivery.tell_answered(question)
        return question

    async def decline(
        self, question_id: int, expert_key: str, *, own_card: bool = False
    ) -> Question:
        """ "Nicht mein Thema": ask the next named expert; the ranking learns from the click
        (silence, see ``escalate``, teaches nothing: it may mean busy or away)."""
        question = await self._ask_next(
            question_id, lambda q, due: q.decline(expert_key, due), expert_key, own_card
        )
        await self._learn(question, (expert_key, "declined"))
        return question

    async def forward(
        self, question_id: int, expert_key: str, target_key: str, *, own_card: bool = False
    ) -> Question:
        """Pass the question to another expert of the pool; the ranking learns that it is the
        target's topic rather than the forwarder's."""
        probe = await self._load(question_id)
        target = await self.experts.get(probe.pool_id, target_key)
        if target is None:
            raise DecisionError("unknown_expert")
        if refusal := await self.selection.forward_refusal(target, self.clock.now()):
            raise DecisionError(refusal)
        reason = Why("forwarded", name=self._name_of(probe, expert_key))
        named = named_expert(target, reason)
        question = await self._ask_next(
            question_id, lambda q, due: q.forward(expert_key, named, due), expert_key, own_card
        )
        await self._learn(question, (expert_key, "declined"), (target_key, "forwarded_to"))
        return question

    async def _learn(self, question: Question, *decided: tuple[str, SignalKind]) -> None:
        # Only after the decision is saved: a refused click (not your turn, a re-delivery of
        # one already decided) raised before and teaches nothing.
        now = self.clock.now()
        signals = [DecisionSignal(question.pool_id, question.id, key, kind, now)
                   for key, kind in decided]  # fmt: skip
        await self.routers.learn(question.pool_id, signals)

    async def withdraw(self, question_id: int, asker_key: str) -> Question:
        """The asker closes the question."""
        return await self._decide(question_id, lambda q: q.withdraw(asker_key))

    async def release(
        self, question_id: int, expert_key: str, *, own_card: bool = False
    ) -> Question:
        """ "Doch nicht übernehmen": the owner gives it back; the next expert is asked."""
        return await self._ask_next(
            question_id, lambda q, due: q.release(expert_key, due), expert_key, own_card
        )

    async def escalate(self, question_id: int, version: int) -> None:
        """Job: no reaction by the deadline (the asked expert's, or the asker's to "Geht es
        um …?"). Decides only on the version it was planned for: a re-run, or a question that
        moved on meanwhile, only makes sure the current version goes on (``resume``: a run may
        have died between saving a decision and asking, and the question would wait for good)."""
        question = await self.questions.get(question_id)
        waiting = (QuestionState.ASKED, QuestionState.CLARIFYING)
        if question is None or question.state not in waiting:
            return
        if question.version != version:
            return await self.delivery.resume(question, self._pass_over)
        unchosen = question.state is QuestionState.CLARIFYING
        labels = {e.expert_key: e.choice for e in question.experts}
        now = self.clock.now()
        try:
            question = await self._decide(
                question_id, lambda q: q.escalate(now, self._deadline(now))
            )
        except DecisionError:
            return
        question = await self._ask_current(question)
        if unchosen:
            # After asking: the note names whoever was asked in the end (an unreachable
            # expert is passed over), or says that nobody could be.
            await self.delivery.tell_unchosen(question, labels)

    async def move_on(self, question_id: int, step: Step, expert_key: str) -> Question:
        """Apply a step that changes whom the question asks (an expert back from an absence,
        one who paused while asked) and ask whoever it asks now."""
        return await self._ask_next(question_id, step, expert_key, False)

    async def pool_names(self, pool_id: str) -> list[tuple[str, str]]:
        """(key, name) of every expert of a pool, for the forward choice."""
        return await self.delivery.pool_names(pool_id)

    async def card_for(self, question: Question, view: str, viewer: str) -> dict[str, Any]:
        """The current card of the given view, for the invoke response."""
        return await self.delivery.card_for(question, view, viewer)

    async def get(self, question_id: int) -> Question:
        """Load a question or raise ``DecisionError("unknown_question")``."""
        return await self._load(question_id)

    async def _decide(
        self,
        question_id: int,
        decision: Callable[[Question], Question],
        actor: str | None = None,
        own_card: bool = False,
    ) -> Question:
        # ``own_card``: the actor clicked on their DM card, which the invoke response replaces;
        # updating it here too would race with that response.
        for _attempt in range(5):
            current = await self._load(question_id)
            decided = decision(current)
            if await self.questions.save(decided):
                # Best effort: the decision is saved whatever Teams does with the cards.
                await self.delivery.refresh_cards(decided, skip=actor if own_card else None)
                await self.returns.settled(current, decided, self.clock.now())
                return decided
        raise DecisionError("busy")

    async def _load(self, question_id: int) -> Question:
        question = await self.questions.get(question_id)
        if question is None:
            raise DecisionError("unknown_question")
        return question

    async def _ask_next(
        self,
        question_id: int,
        decision: Step,
        actor: str,
        own_card: bool,
    ) -> Question:
        # Decided with the deadline of an expert asked now; then that expert is asked.
        question = await self._decide(
            question_id, lambda q: decision(q, self._deadline(self.clock.now())), actor, own_card
        )
        return await self._ask_current(question)

    async def _ask_current(self, question: Question) -> Question:
        return await self.delivery.ask_current(question, self._pass_over)

    async def _pass_over(self, question: Question, expert_key: str) -> Question:
        # The bot cannot reach the expert: the next one is asked.
        return await self._decide(
            question.id, lambda q: q.pass_over(expert_key, self._deadline(self.clock.now()))
        )

    async def _earlier_answer(self, question_id: str | None) -> Question | None:
        if question_id is None or not question_id.isdigit():
            return None
        earlier = await self.questions.get(int(question_id))
        return earlier if earlier and earlier.state is QuestionState.ANSWERED else None

    def _deadline(self, now: datetime) -> datetime:
        return self.calendar.add_business_time(now, self.escalation_delay)

    def _clarify_deadline(self, now: datetime) -> datetime:
        return self.calendar.add_business_time(now, self.clarify_delay)

    @staticmethod
    def _name_of(question: Question, key: str) -> str:
        return next((e.name for e in question.experts if e.expert_key == key), "")
