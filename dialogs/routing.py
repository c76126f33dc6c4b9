"""Know-how routing in chat: free-text questions and the decisions on the question cards."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.conversation import ConversationKind, Reply, Turn
from bot.domain.routing.asking import MAX_QUESTION_CHARS
from bot.domain.routing.experts import DEFAULT_POOL
from bot.domain.routing.questions import DecisionError, Question
from bot.domain.routing.service import AskRequest, RoutingService, offer_decider
from bot.domain.routing.smalltalk import is_greeting, is_request, is_smalltalk
from bot.i18n import t
from bot.observability import count
from cards.builders import error_card
from cards.routing import settled_card, with_note
from dialogs.context import DialogContext
from dialogs.payload_types import RowId
from dialogs.router import Router
from dialogs.routing_remarks import remark_reply

RoutingContext = DialogContext[RoutingService]
router: Router[RoutingService] = Router(RoutingService)
MAX_NAME = 200  # the column size; Entra display names may be longer


class _Payload(BaseModel):
    model_config = ConfigDict(extra="forbid")


class QuestionAction(_Payload):
    """Take / decline: only the question id travels; who acts comes from the activity."""

    question_id: RowId
    view: str = Field(default="expert", pattern="^(thread|expert)$")


class AnswerAction(QuestionAction):
    """The answer typed into the card."""

    answer: str = Field(min_length=1, max_length=4000)


class ForwardAction(QuestionAction):
    """The expert chosen in the forward list."""

    target: str = Field(min_length=1, max_length=200)


class QuestionForm(_Payload):
    """The question form's text (help card "Frage stellen"), bounded like a typed question."""

    question: str = Field(max_length=MAX_QUESTION_CHARS)

    @field_validator("question")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("empty question")
        return value.strip()


class ChooseAction(QuestionAction):
    """A choice on "Geht es um …?": its place on the card from 1; 0 is "Etwas anderes"."""

    choice: int = Field(ge=0, le=20)
    view: str = Field(default="thread", pattern="^thread$")


class OfferAction(_Payload):
    """The earlier-answer offer: which earlier question, the new question's text, its asker."""

    earlier_id: RowId
    text: str = Field(min_length=1, max_length=MAX_QUESTION_CHARS)
    asker_key: str = Field(min_length=1, max_length=200)


def pool_of(turn: Turn, ctx: RoutingContext) -> str:
    """The expert pool of a conversation: configured per team, else the default pool."""
    if turn.team_id:
        return ctx.settings.routing_pools.get(turn.team_id, DEFAULT_POOL)
    return DEFAULT_POOL


async def _ask(turn: Turn, text: str, ctx: RoutingContext, *, offer: bool = True) -> Reply:
    return (await asked(turn, text, ctx, offer=offer))[1]


async def asked(
    turn: Turn, text: str, ctx: RoutingContext, *, offer: bool = True, once: str | None = None
) -> tuple[str | None, Reply]:
    """What became of the question (None: refused) and the reply to the turn."""
    service = ctx.services
    if not turn.actor.aad_object_id:
        return None, Reply.of_text(t("error.generic", turn.language))
    spoken = turn.without_mentioned(text)
    if spoken != text and not is_request(spoken) and is_smalltalk(spoken, False):
        # "Hallo @Kerstin Vogel, @Birgit Fischer!": the names say whom it greets, not what
        # it asks about (they stay in a question's text: "Weiß Kerstin Vogel, wie …?").
        return "smalltalk", _said("smalltalk", spoken, turn.language)
    request = AskRequest(
        text=text[:MAX_QUESTION_CHARS],
        pool_id=pool_of(turn, ctx),
        asker_key=turn.actor.aad_object_id,
        asker_name=turn.actor.name[:MAX_NAME],
        language=turn.language,
        tenant_id=turn.tenant_id,
        place={"reference": dict(turn.reference)},
        thread_link=turn.message_link,
        offer_earlier=offer,
        once_key=once,
        private=turn.conversation_kind is ConversationKind.PERSONAL,
    )
    try:
        result = await service.ask(request)
    except DecisionError as error:
        return None, Reply.of_text(t(f"routing.error.{error.code}", turn.language))
    if result.outcome in ("routed", "clarifying"):
        count(f"questions.{result.outcome}")
        return result.outcome, Reply()  # the thread card was posted by the service
    if result.outcome == "offered" and result.card is not None:
        return result.outcome, Reply.of_card(result.card)
    return result.outcome, _said(result.outcome, text, turn.language)


def _said(outcome: str, text: str, language: str) -> Reply:
    """The reply to an outcome without a card; small talk that greets is greeted back."""
    greeting = outcome == "smalltalk" and is_greeting(text)
    return Reply.of_text(
        t("routing.reply.greeting" if greeting else f"routing.reply.{outcome}", language)
    )


@router.fallback
async def free_text_question(turn: Turn, text: str, ctx: RoutingContext) -> Reply:
    """Any text that is no command is a question (small talk is answered kindly), but for a
    remark in the thread of an open question (a colleague's hint there asks nothing)."""
    if (remark := await remark_reply(turn, text, ctx, pool_of(turn, ctx))) is not None:
        return remark
    return await _ask(turn, text, ctx)


@router.command("frage", "question")
async def explicit_question(turn: Turn, rest: str, ctx: RoutingContext) -> Reply:
    """ "frage …" routes the rest of the message."""
    if not rest:
        return Reply.of_text(t("error.empty_message", turn.language))
    return await _ask(turn, rest, ctx)


@router.card_action("help.ask", QuestionForm)
async def ask_from_form(turn: Turn, form: QuestionForm, ctx: RoutingContext) -> Reply:
    """The help card's question form sent: routed exactly like a typed "frage …"."""
    return await _ask(turn, form.question, ctx)


async def _decision_reply(
    turn: Turn, ctx: RoutingContext, action: QuestionAction, decided: Question, note: str
) -> Reply:
    viewer = turn.actor.aad_object_id or ""
    if action.view == "thread" or not decided.named(viewer):
        # The thread card is shared: it was updated for everyone; the clicker gets a toast.
        # Only a named expert has a DM card ("view": "expert" from the asker is forged).
        return Reply.of_text(t(note, turn.language))
    card = await ctx.services.card_for(decided, action.view, viewer)
    return Reply.of_card(with_note(card, t(note, turn.language), good=True), replaces_card=True)


async def _refused(
    turn: Turn, service: RoutingService, action: QuestionAction, code: str
) -> Reply:
    message = t(f"routing.error.{code}", turn.language)
    if action.view == "thread":
        return Reply.of_text(message)
    viewer = turn.actor.aad_object_id or ""
    try:
        question = await service.get(action.question_id)
    except DecisionError:
        return Reply.of_card(error_card(turn.language, f"routing.error.{code}"))
    if not question.named(viewer):
        # Never show a question (or its answer) to someone it was not addressed to.
        return Reply.of_card(error_card(turn.language, f"routing.error.{code}"))
    card = await service.card_for(question, action.view, viewer)
    return Reply.of_card(with_note(card, message, good=False), replaces_card=True)


def _expert_of(turn: Turn) -> str:
    if not turn.actor.aad_object_id:
        raise DecisionError("not_named")
    return turn.actor.aad_object_id


Decision = Callable[[RoutingService, str, bool], Awaitable[Question]]


async def decide_on_card(
    turn: Turn, ctx: RoutingContext, action: QuestionAction, decision: Decision, note: str
) -> Reply:
    """Run one decision for the clicking expert; refusals show the current state and why."""
    try:
        decided = await decision(ctx.services, _expert_of(turn), action.view == "expert")
    except DecisionError as error:
        return await _refused(turn, ctx.services, action, error.code)
    return await _decision_reply(turn, ctx, action, decided, note)


@router.card_action("routing.take", QuestionAction)
async def take(turn: Turn, action: QuestionAction, ctx: RoutingContext) -> Reply:
    """ "Frage übernehmen" (thread or DM card)."""

    async def decision(service: RoutingService, expert: str, own: bool) -> Question:
        return await service.take(action.question_id, expert, own_card=own)

    return await decide_on_card(turn, ctx, action, decision, "routing.note.taken")


@router.card_action("routing.decline", QuestionAction)
async def decline(turn: Turn, action: QuestionAction, ctx: RoutingContext) -> Reply:
    """ "Nicht mein Thema"."""

    async def decision(service: RoutingService, expert: str, own: bool) -> Question:
        return await service.decline(action.question_id, expert, own_card=own)

    return await decide_on_card(turn, ctx, action, decision, "routing.note.declined")


@router.card_action("routing.forward", ForwardAction)
async def forward(turn: Turn, action: ForwardAction, ctx: RoutingContext) -> Reply:
    """ "Weiterleiten an …"."""

    async def decision(service: RoutingService, expert: str, own: bool) -> Question:
        return await service.forward(action.question_id, expert, action.target, own_card=own)

    return await decide_on_card(turn, ctx, action, decision, "routing.note.forwarded")


@router.card_action("routing.answer", AnswerAction)
async def answer(turn: Turn, action: AnswerAction, ctx: RoutingContext) -> Reply:
    """ "Beantworten": closes the question with the typed answer."""

    async def decision(service: RoutingService, expert: str, own: bool) -> Question:
        return await service.answer(action.question_id, expert, action.answer, own_card=own)

    return await decide_on_card(turn, ctx, action, decision, "routing.note.answered")


@router.card_action("routing.choose", ChooseAction)
async def choose(turn: Turn, action: ChooseAction, ctx: RoutingContext) -> Reply:
    """A click on "Geht es um …?": only the asker decides; the chosen expert is asked."""
    choice = action.choice - 1 if action.choice else None

    async def decision(service: RoutingService, asker: str, own: bool) -> Question:
        return await service.choose(action.question_id, asker, choice)

    note = "routing.note.chosen" if choice is not None else "routing.reply.describe_again"
    return await decide_on_card(turn, ctx, action, decision, note)


def settled_reply(text: str, note: str) -> Reply:
    """The clicked one-click card replaced by its settled form (for the clicker)."""
    return Reply.of_card(settled_card(text, note), replaces_card=True)


def _not_the_asker(turn: Turn, action: OfferAction) -> Reply | None:
    """A refusal (as a toast: the asker's card stays as it is) unless the asker clicked."""
    try:
        offer_decider(action.asker_key, turn.actor.aad_object_id)
    except DecisionError as error:
        return Reply.of_text(t(f"routing.error.{error.code}", turn.language))
    return None


@router.card_action("routing.helped", OfferAction)
async def helped(turn: Turn, action: OfferAction, ctx: RoutingContext) -> Reply:
    """ "Ja, das hilft": nothing is routed."""
    if (refusal := _not_the_asker(turn, action)) is not None:
        return refusal
    return settled_reply(action.text, t("routing.reply.helped", turn.language))


@router.card_action("routing.ask_anyway", OfferAction)
async def ask_anyway(turn: Turn, action: OfferAction, ctx: RoutingContext) -> Reply:
    """ "Nein, trotzdem Experten fragen": route without offering earlier answers."""
    if (refusal := _not_the_asker(turn, action)) is not None:
        return refusal
    once = f"routing.ask_anyway|{action.earlier_id}|{action.asker_key}"
    return settled_reply(action.text, await asked_from_card(turn, action.text, ctx, once))


async def asked_from_card(turn: Turn, text: str, ctx: RoutingContext, once: str) -> str:
    """Ask ``text`` from a card's button, without offering earlier answers; the note for the
    settled card. One card asks once, however often its button arrives (``once`` names the
    button; see AskRequest.once_key)."""
    card = turn.reply_to_id or turn.activity_id
    outcome, reply = await asked(turn, text, ctx, offer=False, once=f"{once}|{card[:100]}")
    if outcome == "clarifying":
        return t("routing.reply.choose_below", turn.language)
    return reply.text or t("routing.reply.asking", turn.language)
