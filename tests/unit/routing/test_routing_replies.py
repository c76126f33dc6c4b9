"""An expert's message in a group chat where the bot asked them: when is it the answer?

A channel thread is the question's own (test_routing_service covers it); a group chat holds
other talk and may hold several questions, so only a reply quoting a question's card answers
at once; a message from the one expert the bot waits for is ``Probable`` (they confirm it)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.domain.routing.questions import DecisionError, Question, QuestionState
from bot.domain.routing.replies import Probable, ReplyPlace
from tests.unit.routing.test_routing_service import ASKER, World, ask, make_world

CHAT = "19:meeting-gruppe@thread.v2"
IN_CHAT = {"reference": {"conversation": {"id": CHAT, "conversationType": "groupChat"}}}
PLAIN = ReplyPlace(own_thread=False)
ROOMS = "Wer kann mir bei der Raumplanung in Hamburg helfen?"


async def _ask_in_chat(world: World, state: QuestionState = QuestionState.ASKED) -> Question:
    question = (await world.service.ask(replace(ask(ROOMS, offer=False), place=IN_CHAT))).question
    assert question is not None and question.state is state
    assert world.notifier.conversation_of(question.thread) == CHAT
    return question


async def test_the_asked_experts_plain_message_in_the_group_chat_is_a_probable_answer() -> None:
    world = await make_world()
    question = await _ask_in_chat(world)
    asked = question.experts[question.current_index].expert_key
    other = next(e.expert_key for e in question.experts if e.expert_key != asked)
    # Named, but not asked yet: the bot does not wait for them, so it is no answer.
    assert await world.service.replies.answer("default", CHAT, other, "Ich?", PLAIN) is None
    assert await world.service.replies.answer("default", CHAT, ASKER, "Und?", PLAIN) is None
    assert await world.service.replies.answer("default", "19:x", asked, "Da.", PLAIN) is None
    # Only social words ("Danke!", "ok 👍") answer nothing: no "Ist das Ihre Antwort?".
    for social in ("Danke!", "ok 👍", "Hallo zusammen"):
        assert await world.service.replies.answer("default", CHAT, asked, social, PLAIN) is None
    # It may be the answer, or a new question of theirs: nothing is saved until they say.
    found = await world.service.replies.answer("default", CHAT, asked, "Im Raumtool.", PLAIN)
    assert isinstance(found, Probable) and found.question.id == question.id
    [still] = await world.questions.open_questions("default")
    assert still.state is QuestionState.ASKED and still.answer_text is None


async def test_a_named_expert_quoting_the_card_answers_even_when_not_asked_yet() -> None:
    world = await make_world()
    question = await _ask_in_chat(world)
    later = question.experts[-1].expert_key
    card = world.notifier.message_id_of(question.thread)
    assert card is not None
    quoting = ReplyPlace(own_thread=False, quoted_message_id=card)
    answered = await world.service.replies.answer("default", CHAT, later, "So geht's.", quoting)
    assert isinstance(answered, Question) and answered.owner_key == later


async def test_two_questions_waiting_for_the_same_expert_need_the_quote() -> None:
    world = await make_world()
    first = await _ask_in_chat(world)
    second = await _ask_in_chat(world)
    asked = first.experts[first.current_index].expert_key
    assert second.experts[second.current_index].expert_key == asked
    with pytest.raises(DecisionError, match="which_question"):
        await world.service.replies.answer("default", CHAT, asked, "Im Raumtool.", PLAIN)
    assert all(q.answer_text is None for q in await world.questions.open_questions("default"))
    # Quoting another message of the chat does not tell which either.
    elsewhere = ReplyPlace(own_thread=False, quoted_message_id="1700000000000")
    with pytest.raises(DecisionError, match="which_question"):
        await world.service.replies.answer("default", CHAT, asked, "Im Raumtool.", elsewhere)
    card = world.notifier.message_id_of(second.thread)
    quoting = ReplyPlace(own_thread=False, quoted_message_id=card)
    answered = await world.service.replies.answer("default", CHAT, asked, "Tool.", quoting)
    assert isinstance(answered, Question) and answered.id == second.id
    assert answered.state is QuestionState.ANSWERED
    # Now only the first waits for them; quoting the closed second card tells nothing more.
    rest = await world.service.replies.answer("default", CHAT, asked, "Auch Tool.", quoting)
    assert isinstance(rest, Probable) and rest.question.id == first.id


async def test_an_expert_the_bot_could_only_mention_answers_right_there() -> None:
    # The cold case: the expert never wrote to the bot, so no DM reached them; the bot
    # @mentioned them in the chat ("Sie können auch hier antworten") and passed them over;
    # with nobody reachable the question is open to all of them.
    world = await make_world()
    world.notifier.reachable = set()
    question = await _ask_in_chat(world, QuestionState.UNASSIGNED)
    mentioned = [key for _place, key, _text in world.notifier.mentions]
    assert mentioned and all(e.unreachable for e in question.experts if e.expert_key in mentioned)
    found = await world.service.replies.answer(
        "default", CHAT, mentioned[0], "Im Raumtool, Reiter Hamburg.", PLAIN
    )
    assert isinstance(found, Probable) and found.question.id == question.id


async def test_the_owner_answers_a_taken_question_and_others_do_not() -> None:
    world = await make_world()
    question = await _ask_in_chat(world)
    first, second = (e.expert_key for e in question.experts[:2])
    await world.service.take(question.id, second)
    assert await world.service.replies.answer("default", CHAT, first, "Ich?", PLAIN) is None
    found = await world.service.replies.answer("default", CHAT, second, "Raum 3.12.", PLAIN)
    assert isinstance(found, Probable) and found.question.id == question.id


async def test_nobody_answers_while_the_asker_still_chooses() -> None:
    world = await make_world()
    question = (
        await world.service.ask(replace(ask("Wer kennt sich mit Verträgen aus?"), place=IN_CHAT))
    ).question
    assert question is not None and question.state is QuestionState.CLARIFYING
    card = world.notifier.message_id_of(question.thread)
    quoting = ReplyPlace(own_thread=False, quoted_message_id=card)
    for expert in question.experts:
        assert (
            await world.service.replies.answer("default", CHAT, expert.expert_key, "X", quoting)
            is None
        )


async def test_in_a_thread_with_two_questions_the_reply_answers_only_the_certain_one() -> None:
    world = await make_world()
    thread = "19:general;messageid=1"  # where ask() places its thread card
    first = (await world.service.ask(ask(ROOMS, offer=False))).question
    second = (await world.service.ask(ask(ROOMS + " Für einen Workshop.", offer=False))).question
    assert first is not None and second is not None
    kerstin = first.experts[first.current_index].expert_key
    assert second.experts[second.current_index].expert_key == kerstin
    with pytest.raises(DecisionError, match="which_question_thread"):
        await world.service.replies.answer("default", thread, kerstin, "Im Raumtool.")
    assert {q.state for q in await world.questions.open_questions("default")} == {
        QuestionState.ASKED
    }
    # She passes the second on: only the first still waits for her, so the reply is its answer.
    await world.service.decline(second.id, kerstin)
    answered = await world.service.replies.answer("default", thread, kerstin, "Im Raumtool.")
    assert isinstance(answered, Question) and answered.id == first.id
