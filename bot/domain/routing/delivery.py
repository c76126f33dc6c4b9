"""What people see of a routed question: the thread card, the current expert's DM card, every
card kept current, and the @mention of an expert the bot cannot reach.

RoutingService (service.py) decides and saves; this side carries each saved state to Teams.
Best effort: a Teams call that fails is logged and the decision stands; a card that cannot be
updated now shows the new state at the next change. Only the answer notice to the asker goes
through the outbox (a job sends it again when Teams refuses it now): nothing else tells them.
Handles are opaque here: whether one was posted and which conversation it is in are asked of
the notifier.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from bot.domain.outbox import Outbox
from bot.domain.ports import MessageHandle, Notifier, RecipientLanguages
from bot.domain.routing.ports import ExpertRepository, QuestionRepository
from bot.domain.routing.questions import DecisionError, Question, QuestionState
from bot.domain.routing.views import QuestionViews

log = logging.getLogger(__name__)
ESCALATE_JOB = "routing.escalate"
ANSWERED_JOB = "routing.tell_answered"  # the answer notice whose inline send failed

PassOver = Callable[[Question, str], Awaitable[Question]]
"""The service's decision to pass over an expert the bot cannot reach; returns the saved
question, or raises ``DecisionError`` when the question moved on meanwhile."""


@dataclass
class QuestionDelivery:
    """Posts a question's thread card, asks its experts by DM, keeps its cards current."""

    experts: ExpertRepository
    questions: QuestionRepository
    notifier: Notifier
    # Its job queue also plans the escalations.
    outbox: Outbox
    views: QuestionViews
    # An expert's DM card is in the expert's own language; the thread card (shared by the
    # channel) and the mention in it stay in the asker's.
    languages: RecipientLanguages

    async def post_thread_card(
        self, question: Question, place: MessageHandle, link: str | None
    ) -> Question:
        """Post the thread card of a new question into ``place`` and remember it (with
        ``link``, the asking message's link, for the cards). Failing, the new question is
        withdrawn: the asker sees an error and asks again, and this copy must not stay open
        unseen."""
        try:
            thread = await self.notifier.post_card(
                place, self.views.thread_card(question, question.language)
            )
        except Exception:
            await self.questions.save(question.withdraw(question.asker_key))
            raise
        thread = {**thread, "link": link} if link else thread
        await self.questions.record_card(question.id, thread)
        return replace(question, thread=thread)

    async def ask_current(self, question: Question, pass_over: PassOver) -> Question:
        """DM the expert currently asked, with the escalation scheduled first.

        An unreachable expert (no chat with the bot, Teams refusing) is @mentioned in the
        thread and passed over at once instead of holding the question until the deadline.
        Returns the question as last saved, with the new DM card's handle.
        """
        while (current := question.current_expert) is not None:
            # Scheduled before any Teams call: a failing DM cannot lose the escalation.
            await self.schedule_escalation(question)
            handle = await self._direct_card(question, current.expert_key)
            if handle is not None:
                await self.questions.record_card(question.id, handle, current.expert_key)
                return replace(
                    question, expert_cards={**question.expert_cards, current.expert_key: handle}
                )
            await self._mention_unreachable(question, current.expert_key, current.name)
            try:
                question = await pass_over(question, current.expert_key)
            except DecisionError:
                return question
        return question

    async def resume(self, question: Question, pass_over: PassOver) -> None:
        """A job planned for an older version found ``question`` still waiting. If the run that
        saved this version died before its DM (none is recorded for the expert asked), ask
        now; else make sure this version's escalation is planned (a no-op when it is)."""
        current = question.current_expert
        if (
            current is not None
            and current.askable
            and current.expert_key not in question.expert_cards
        ):
            # A click asking this expert at this very moment could DM them twice; stale jobs
            # run at an old deadline, so the two would have to meet within milliseconds.
            await self.ask_current(question, pass_over)
        else:
            await self.schedule_escalation(question)

    async def schedule_escalation(self, question: Question) -> None:
        """Plan the job that moves ``question`` on at its deadline, for this version only
        (a question decided meanwhile has a newer version, and the job changes nothing)."""
        if question.escalate_at is None:
            return
        await self.outbox.jobs.schedule(
            ESCALATE_JOB,
            {"question_id": question.id, "version": question.version},
            question.escalate_at,
            dedup_key=f"{ESCALATE_JOB}:{question.id}:{question.version}",
        )

    async def tell_unchosen(self, question: Question, labels: dict[str, str]) -> None:
        """Tell the asker that, without their choice, the leading one was taken: who was
        asked and under which choice (``labels``: expert key -> choice before it was made).
        @mentioned in a channel or group chat thread, else (a 1:1 chat) by direct message."""
        asked = question.current_expert
        label = labels.get(asked.expert_key, "") if asked is not None else ""
        label = label or next((choice for choice in labels.values() if choice), "")
        name = asked.name if asked is not None else None
        await self.tell_asker(
            question, self.views.unchosen_mention(question.language, label, name)
        )

    async def tell_answered(self, question: Question) -> None:
        """Tell the asker that ``question`` was answered: the thread card changed silently
        (Teams notifies nobody of an update). @mentioned under it, where the card shows the
        answer; in a 1:1 chat a message with the answer. Through the outbox, keyed by the
        question: a note Teams refuses now is sent by a job (``tell_answered_again``). Called
        once a decision closed it (a click delivered again is refused before), so it is told
        once."""
        await self.outbox.deliver(
            ANSWERED_JOB,
            {"question_id": question.id, "asker": question.asker_key},  # erasure drops it
            f"{ANSWERED_JOB}:{question.id}",
            partial(self._tell_answered, question),
        )

    async def tell_answered_again(self, question_id: int) -> None:
        """Job: the answer notice Teams refused when the answer came, from the stored question
        (none for one deleted meanwhile)."""
        question = await self.questions.get(question_id)
        if question is not None and question.state is QuestionState.ANSWERED:
            await self._tell_answered(question)

    async def _tell_answered(self, question: Question) -> None:
        by = next((e.name for e in question.experts if e.expert_key == question.owner_key), "")
        text = self.views.answered_mention(question.language, by)
        card = self.views.answered_card(question, question.language)
        await self._tell(question, text, card)

    async def tell_asker(
        self, question: Question, text: str, direct: dict[str, Any] | None = None
    ) -> None:
        """``text`` ({person}: the asker) @mentioned in the question's channel or group chat
        thread, else (a 1:1 chat) by direct message: ``direct``, or a card saying ``text``;
        best effort."""
        try:
            await self._tell(question, text, direct)
        except Exception:
            log.warning("note to the asker failed for question %s", question.id, exc_info=True)

    async def _tell(self, question: Question, text: str, direct: dict[str, Any] | None) -> None:
        # Raises when Teams refuses; None from send_direct (nobody reachable) is no failure.
        mentioned = self.notifier.conversation_of(question.thread) is not None and (
            await self.notifier.mention_in_thread(
                question.thread, question.asker_key, question.asker_name, text
            )
        )
        if not mentioned:
            note = direct or self.views.note_card(text.replace("{person}", question.asker_name))
            await self.notifier.send_direct(question.asker_key, note, question.tenant_id)

    async def refresh_cards(self, question: Question, skip: str | None = None) -> None:
        """Show the saved state on the thread card and on every DM card but ``skip``'s."""
        updates: list[tuple[MessageHandle, dict[str, Any]]] = []
        if self.notifier.is_posted(question.thread):
            updates.append((question.thread, self.views.thread_card(question, question.language)))
        pool = await self.pool_names(question.pool_id)
        for expert_key, handle in question.expert_cards.items():
            if expert_key != skip:
                lang = await self.languages.language_of(expert_key)
                updates.append((handle, self.views.expert_card(question, expert_key, pool, lang)))
        for handle, card in updates:
            try:
                await self.notifier.update_card(handle, card)
            except Exception:
                log.warning("card update failed for question %s", question.id, exc_info=True)

    async def card_for(self, question: Question, view: str, viewer: str) -> dict[str, Any]:
        """The current card of the given view ("expert": ``viewer``'s DM card, else the
        thread card)."""
        if view == "expert":
            pool = await self.pool_names(question.pool_id)
            lang = await self.languages.language_of(viewer)
            return self.views.expert_card(question, viewer, pool, lang)
        return self.views.thread_card(question, question.language)

    async def pool_names(self, pool_id: str) -> list[tuple[str, str]]:
        """(key, name) of every expert of a pool, for the forward choice."""
        return [(e.user_key, e.name) for e in await self.experts.list_pool(pool_id)]

    async def _direct_card(self, question: Question, expert_key: str) -> MessageHandle | None:
        pool = await self.pool_names(question.pool_id)
        lang = await self.languages.language_of(expert_key)
        card = self.views.expert_card(question, expert_key, pool, lang)
        try:
            return await self.notifier.send_direct(expert_key, card, question.tenant_id)
        except Exception:
            log.warning("direct message to expert %s failed", expert_key, exc_info=True)
            return None

    async def _mention_unreachable(self, question: Question, expert_key: str, name: str) -> None:
        # Never silent: the question moves on, and the expert still learns of it in the thread
        # (when it has one: a question whose thread card was never posted has nowhere to).
        if self.notifier.conversation_of(question.thread) is None:
            return
        text = self.views.unreachable_mention(question.language)
        try:
            await self.notifier.mention_in_thread(question.thread, expert_key, name, text)
        except Exception:
            log.warning("mention of unreachable expert failed", exc_info=True)
