"""Application service of know-how routing: ask, decide (take/decline/forward/answer), escalate.

Pure orchestration over the ports. Decisions load the question, apply the state machine and
save with a version check; a lost race reloads and decides again, so concurrent clicks end in
exactly one decision and the loser gets a clear message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Literal

from bot.domain.business_hours import BusinessCalendar
from bot.domain.ports import (
    Clock,
    Directory,
    JobQueue,
    MessageHandle,
    Notifier,
)
from bot.domain.routing.ports import ExpertRepository, QuestionRepository
from bot.domain.routing.questions import (
    DecisionError,
    NamedExpert,
    Question,
    QuestionState,
    askable_index,
)
from bot.domain.routing.router_cache import RouterCache
from bot.domain.routing.selection import ExpertSelection, named_expert
from bot.domain.routing.views import QuestionViews
from bot.domain.routing.why import Why

log = logging.getLogger(__name__)
ESCALATE_JOB = "routing.escalate"
Outcome = Literal["routed", "offered", "smalltalk", "no_match", "no_experts"]


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

    def __post_init__(self) -> None:
        self._selection = ExpertSelection(self.experts, self.directory, self.calendar.zone)

    async def ask(self, request: AskRequest) -> AskResult:
        """Rank experts; offer an earlier answer first, or route to the best three."""
        router = await self.routers.get(request.pool_id)
        if router.empty:
            return AskResult("no_experts")
        if request.offer_earlier:
            earlier = await self._earlier_answer(router.similar_answered_id(request.text))
            if earlier is not None:
                card = self.views.offer_card(
                    earlier, request.text, request.asker_key, request.language
                )
                return AskResult("offered", earlier, card)
        ranking = router.rank(request.text)
        if ranking.abstain_reason == "smalltalk":
            return AskResult("smalltalk")
        now = self.clock.now()
        named = await self._selection.named(
            request.pool_id, ranking.candidates, now, request.asker_key
        )
        if not named:
            return AskResult("no_match")
        question = await self.questions.add(self._new_question(request, named, now))
        thread = await self.notifier.post_card(
            request.place, self.views.thread_card(question, request.language)
        )
        thread = {**thread, "link": request.thread_link} if request.thread_link else thread
        await self.questions.record_card(question.id, thread)
        question = replace(question, thread=thread)
        return AskResult("routed", await self._ask_current(question))

    async def take(self, question_id: int, expert_key: str, *, own_card: bool = False) -> Question:
        """A named expert takes the question over."""
        return await self._decide(question_id, lambda q: q.take(expert_key), expert_key, own_card)

    async def answer(
        self, question_id: int, expert_key: str, text: str, *, own_card: bool = False
    ) -> Question:
        """Close with an answer; the router learns from it."""
        question = await self._decide(
            question_id,
            lambda q: q.answer(expert_key, text, self.clock.now()),
            expert_key,
            own_card,
        )
        self.routers.invalidate(question.pool_id)
        return question

    async def decline(
        self, question_id: int, expert_key: str, *, own_card: bool = False
    ) -> Question:
        """ "Nicht mein Thema": ask the next named expert."""
        question = await self._decide(
            question_id,
            lambda q: q.decline(expert_key, self._deadline(self.clock.now())),
            expert_key,
            own_card,
        )
        return await self._ask_current(question)

    async def forward(
        self, question_id: int, expert_key: str, target_key: str, *, own_card: bool = False
    ) -> Question:
        """Pass the question to another expert of the pool."""
        probe = await self._load(question_id)
        target = await self.experts.get(probe.pool_id, target_key)
        if target is None:
            raise DecisionError("unknown_expert")
        reason = Why("forwarded", name=self._name_of(probe, expert_key))
        named = named_expert(target, reason)
        question = await self._decide(
            question_id,
            lambda q: q.forward(expert_key, named, self._deadline(self.clock.now())),
            expert_key,
            own_card,
        )
        return await self._ask_current(question)

    async def answer_in_thread(
        self, pool_id: str, conversation_id: str, expert_key: str, text: str
    ) -> Question | None:
        """A named expert replied in the question's thread: that reply is the answer."""
        for question in await self.questions.open_questions(pool_id):
            if _thread_conversation(question) == conversation_id and question.named(expert_key):
                return await self.answer(question.id, expert_key, text)
        return None

    async def withdraw(self, question_id: int, asker_key: str) -> Question:
        """The asker closes the question."""
        return await self._decide(question_id, lambda q: q.withdraw(asker_key))

    async def withdraw_open(
        self, pool_id: str, asker_key: str, conversation_id: str
    ) -> Question | None:
        """ "frage zurückziehen": the asker's question of this thread, else their newest open
        one; None when they have none."""
        mine = [
            q for q in await self.questions.open_questions(pool_id) if q.asker_key == asker_key
        ]
        here = [q for q in mine if _thread_conversation(q) == conversation_id]
        chosen = (here or mine)[-1:] if mine else []
        return await self.withdraw(chosen[0].id, asker_key) if chosen else None

    async def release(
        self, question_id: int, expert_key: str, *, own_card: bool = False
    ) -> Question:
        """ "Doch nicht übernehmen": the owner gives it back; the next expert is asked."""
        question = await self._decide(
            question_id,
            lambda q: q.release(expert_key, self._deadline(self.clock.now())),
            expert_key,
            own_card,
        )
        return await self._ask_current(question)

    async def escalate(self, question_id: int, version: int) -> None:
        """Job: no reaction by the deadline. Runs only on the state it was scheduled for, so a
        re-run, or a question that moved on meanwhile, changes nothing."""
        question = await self.questions.get(question_id)
        if question is None or question.state is not QuestionState.ASKED:
            return
        if question.version != version:
            return
        now = self.clock.now()
        try:
            question = await self._decide(
                question_id, lambda q: q.escalate(now, self._deadline(now))
            )
        except DecisionError:
            return
        await self._ask_current(question)

    async def pool_names(self, pool_id: str) -> list[tuple[str, str]]:
        """(key, name) of every expert of a pool, for the forward choice."""
        return [(e.user_key, e.name) for e in await self.experts.list_pool(pool_id)]

    async def card_for(self, question: Question, view: str, viewer: str) -> dict[str, Any]:
        """The current card of the given view, for the invoke response."""
        if view == "expert":
            pool = await self.pool_names(question.pool_id)
            return self.views.expert_card(question, viewer, pool, question.language)
        return self.views.thread_card(question, question.language)

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
                await self._refresh_cards(decided, skip=actor if own_card else None)
                return decided
        raise DecisionError("busy")

    async def _load(self, question_id: int) -> Question:
        question = await self.questions.get(question_id)
        if question is None:
            raise DecisionError("unknown_question")
        return question

    async def _ask_current(self, question: Question) -> Question:
        # Unreachable experts (no chat with the bot, Teams refusing) are passed over at once
        # instead of holding the question until the deadline.
        while (current := question.current_expert) is not None:
            if question.escalate_at is not None:
                # Scheduled before any Teams call: a failing DM cannot lose the escalation.
                await self.jobs.schedule(
                    ESCALATE_JOB,
                    {"question_id": question.id, "version": question.version},
                    question.escalate_at,
                    dedup_key=f"{ESCALATE_JOB}:{question.id}:{question.version}",
                )
            handle = await self._direct_card(question, current.expert_key)
            if handle is not None:
                await self.questions.record_card(question.id, handle, current.expert_key)
                return replace(
                    question, expert_cards={**question.expert_cards, current.expert_key: handle}
                )
            await self._mention_unreachable(question, current.expert_key, current.name)
            try:
                question = await self._decide(question.id, self._pass_over(current.expert_key))
            except DecisionError:
                return question
        return question

    async def _mention_unreachable(self, question: Question, expert_key: str, name: str) -> None:
        # Never silent: the question moves on, and the expert still learns of it in the thread.
        if not question.thread.get("reference"):
            return
        text = self.views.unreachable_mention(question.language)
        try:
            await self.notifier.mention_in_thread(question.thread, expert_key, name, text)
        except Exception:
            log.warning("mention of unreachable expert failed", exc_info=True)

    def _pass_over(self, expert_key: str) -> Callable[[Question], Question]:
        return lambda q: q.pass_over(expert_key, self._deadline(self.clock.now()))

    async def _direct_card(self, question: Question, expert_key: str) -> MessageHandle | None:
        pool = await self.pool_names(question.pool_id)
        card = self.views.expert_card(question, expert_key, pool, question.language)
        try:
            return await self.notifier.send_direct(expert_key, card, question.tenant_id)
        except Exception:
            log.warning("direct message to expert %s failed", expert_key, exc_info=True)
            return None

    async def _refresh_cards(self, question: Question, skip: str | None = None) -> None:
        # Best effort: the decision is saved; a card that cannot be updated now shows the new
        # state at the next change.
        updates: list[tuple[MessageHandle, dict[str, Any]]] = []
        if question.thread.get("activity_id"):
            updates.append((question.thread, self.views.thread_card(question, question.language)))
        pool = await self.pool_names(question.pool_id)
        for expert_key, handle in question.expert_cards.items():
            if expert_key != skip:
                card = self.views.expert_card(question, expert_key, pool, question.language)
                updates.append((handle, card))
        for handle, card in updates:
            try:
                await self.notifier.update_card(handle, card)
            except Exception:
                log.warning("card update failed for question %s", question.id, exc_info=True)

    async def _earlier_answer(self, question_id: str | None) -> Question | None:
        if question_id is None or not question_id.isdigit():
            return None
        earlier = await self.questions.get(int(question_id))
        return earlier if earlier and earlier.state is QuestionState.ANSWERED else None

    def _deadline(self, now: datetime) -> datetime:
        return self.calendar.add_business_time(now, self.escalation_delay)

    def _new_question(
        self, request: AskRequest, named: tuple[NamedExpert, ...], now: datetime
    ) -> Question:
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
            escalate_at=self._deadline(now) if first is not None else None,
            tenant_id=request.tenant_id,
        )

    @staticmethod
    def _name_of(question: Question, key: str) -> str:
        return next((e.name for e in question.experts if e.expert_key == key), "")


def _thread_conversation(question: Question) -> str | None:
    conversation = question.thread.get("reference", {}).get("conversation", {})
    return conversation.get("id") if isinstance(conversation, dict) else None
