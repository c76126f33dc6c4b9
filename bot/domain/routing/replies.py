"""Which open question an expert's message in a conversation answers, if any.

A channel thread belongs to one question, so the reply there of the expert the bot waits for
(asked now, owner, or @mentioned because no DM reached them) answers it; should a colleague
have asked a second one in the same thread, the reply answers the one waiting for this expert,
and nothing when that is unclear (the expert answers on the card instead). A named expert the
bot does not wait for (declined, passed over, not asked yet, or another took it) only remarks
on it: "frag mal Birgit" is no answer. A group chat holds many messages and may hold several
questions: there an expert's message answers a question when it quotes that question's card
(Teams' "Antworten"). When it quotes no open question's card but the bot waits for this expert
on exactly one question of the chat, it is ``Probable``: the expert confirms with one click (it
may be a new question of their own).
Anything else in a group chat is an ordinary message (a new question, a command).

In the thread of an open question, a message that is no answer and puts no question (a
colleague's "Das geht über Outlook"), or any message of a named expert it does not wait for, is
a ``Remark`` on that question, not a new one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.domain.routing.questions import DecisionError, Question, QuestionState
from bot.domain.routing.smalltalk import (
    asks,
    is_request,
    is_smalltalk,
    only_social,
    thanks_or_greets_only,
)

if TYPE_CHECKING:
    from bot.domain.routing.service import RoutingService


@dataclass(frozen=True, slots=True)
class ReplyPlace:
    """Where the expert wrote, as far as the choice of question needs it."""

    # True in a channel thread: the thread is the question's own.
    own_thread: bool
    # The id of the message the expert quoted (Teams' reply quote), if any.
    quoted_message_id: str | None = None


OWN_THREAD = ReplyPlace(own_thread=True)


@dataclass(frozen=True, slots=True)
class Probable:
    """The bot waits for this expert on ``question`` in a group chat; the message quotes no
    card, so it may be the answer or something else of theirs."""

    question: Question


@dataclass(frozen=True, slots=True)
class Unclear:
    """Several questions of a group chat wait for this expert and the message quotes none."""

    questions: tuple[Question, ...]


@dataclass(frozen=True, slots=True)
class Remark:
    """A message in the thread of the open ``question`` that is neither its answer nor a
    question of its own."""

    question: Question
    # Written by one of its named experts whom the bot does not wait for.
    by_named: bool = False


def replied_question(
    questions: Sequence[Question],
    expert_key: str,
    place: ReplyPlace,
    *,
    here: Callable[[Question], bool],
    card_id: Callable[[Question], str | None],
) -> Question | Probable | Unclear | None:
    """The question ``expert_key``'s message answers; ``Probable`` or ``Unclear`` when it may
    answer one or several; None when it answers none. ``here`` says whether a question's
    thread card is in the message's conversation, ``card_id`` gives that card's message id."""
    # Nobody has been asked while the asker still chooses "Geht es um …?".
    candidates = [
        q
        for q in questions
        if q.state is not QuestionState.CLARIFYING and here(q) and q.named(expert_key)
    ]
    if place.quoted_message_id is not None:
        quoted = [q for q in candidates if card_id(q) == place.quoted_message_id]
        if quoted:
            return quoted[0]
        # Quoting another message (the bot's @mention of them, or a closed question's card)
        # tells nothing more.
    waiting = tuple(q for q in candidates if _waits_for(q, expert_key))
    if place.own_thread:
        # Only the answer the bot waits for closes it (an expert who declined writes "frag mal
        # Birgit" there too). A second question may be asked in the same thread (a colleague
        # @mentions the bot there): only the single one waiting for this expert is certain.
        if len(waiting) > 1:
            return Unclear(waiting)
        return waiting[0] if waiting else None
    if len(waiting) > 1:
        return Unclear(waiting)
    return Probable(waiting[0]) if waiting else None


def _waits_for(question: Question, expert_key: str) -> bool:
    """True when the bot waits for this expert's answer: asked now, took it over, or was
    @mentioned where the card is because no DM reached them (the mention invites an answer
    right there)."""
    current = question.current_expert
    if current is not None and current.expert_key == expert_key:
        return True
    if question.state is QuestionState.TAKEN:
        return question.owner_key == expert_key
    return any(e.expert_key == expert_key and e.unreachable for e in question.experts)


def asker_question(
    questions: Sequence[Question], asker_key: str, *, here: Callable[[Question], bool]
) -> Question | None:
    """The asker's open question of this conversation, else their newest open one."""
    mine = [q for q in questions if q.asker_key == asker_key]
    return next((q for q in reversed(mine) if here(q)), mine[-1] if mine else None)


@dataclass
class ConversationReplies:
    """Messages written where a question's thread card is: an expert's answer, the asker's
    "frage zurückziehen"."""

    service: RoutingService

    async def answer(
        self,
        pool_id: str,
        conversation_id: str,
        expert_key: str,
        text: str,
        place: ReplyPlace = OWN_THREAD,
    ) -> Question | Probable | None:
        """Save ``text`` as the answer to the question it answers (``replied_question``); a
        ``Probable`` one is not saved (the expert confirms it first); None when it answers
        none, ``DecisionError("which_question")`` when it could be several."""
        notifier = self.service.notifier
        found = replied_question(
            await self.service.questions.open_questions(pool_id),
            expert_key,
            place,
            here=self._here(conversation_id),
            card_id=lambda q: notifier.message_id_of(q.thread),
        )
        if isinstance(found, Unclear):
            raise DecisionError("which_question_thread" if place.own_thread else "which_question")
        if isinstance(found, Probable) and only_social(text):
            return None  # "Danke!" or "ok" in the chat: asking "Ist das Ihre Antwort?" is odd
        if found is not None and thanks_or_greets_only(text):
            return None  # the asked expert's "Danke!" in the thread answers nothing
        if found is None or isinstance(found, Probable):
            return found
        return await self.service.answer(found.id, expert_key, text)

    async def thread_talk(
        self, pool_id: str, conversation_id: str, author_key: str, text: str
    ) -> Remark | Question | None:
        """What ``text``, written in a channel thread and not its answer, is about there:
        - a ``Remark`` when it is talk about the open question there: it asks nothing
          (``asks``), or its author is one of the question's named experts;
        - the thread's closed question when no open one is there: the message answers or
          remarks on nothing, and a new question belongs in a new post (not for a question
          closed by "Etwas anderes": that names nobody and asks the asker to describe it
          again, in the same thread);
        - None otherwise (small talk is answered as anywhere; a real question next to an open
          one is routed as a new one)."""
        if is_smalltalk(text, is_request(text)):
            return None
        here = self._here(conversation_id)
        open_here = [q for q in await self.service.questions.open_questions(pool_id) if here(q)]
        if open_here:
            named = [q for q in open_here if q.named(author_key)]
            if named:
                # Even "Hast du Birgit gefragt?": whoever passed it on asks nothing of their own.
                return Remark(named[-1], by_named=True)
            return None if asks(text) else Remark(open_here[-1])
        closed = await self.service.questions.closed_in(pool_id, conversation_id)
        return closed if closed is not None and closed.experts else None

    async def withdraw_open(
        self, pools: Sequence[str], asker_key: str, conversation_id: str
    ) -> Question | None:
        """ "frage zurückziehen": the asker's question of this conversation, else their newest
        open one in any of ``pools`` (from the personal chat, a question asked in a team with
        its own pool is theirs too); None when they have none."""
        questions = [
            q
            for pool in dict.fromkeys(pools)
            for q in await self.service.questions.open_questions(pool)
        ]
        questions.sort(key=lambda q: (q.asked_at, q.id))
        chosen = asker_question(questions, asker_key, here=self._here(conversation_id))
        return None if chosen is None else await self.service.withdraw(chosen.id, asker_key)

    def asked_in(self, question: Question, place: str) -> bool:
        """Whether ``question``'s thread card is in ``place`` (a chat, or a channel: any of its
        threads), where its readers have seen the question already."""
        return self.service.notifier.place_of(question.thread) == place

    def _here(self, conversation_id: str) -> Callable[[Question], bool]:
        # The thread card went to this conversation (in a channel: to this thread).
        notifier = self.service.notifier
        return lambda q: notifier.conversation_of(q.thread) == conversation_id
